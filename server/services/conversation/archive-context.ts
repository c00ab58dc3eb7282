// What every part of one conversation archive is written from: who reads, the pair, the moment
// of the export, the reader's time zone, and which attachments' bytes made it into the archive.
// The messages are read page by page (the stream's own page query, so an observer's archive holds
// exactly what the observer's stream shows), never all at once; each part of the archive reads
// them again, and messages sent after the export began are left out of every part alike.
import type { ChatMessage, MessageAttachment, Participant } from '#shared/types/conversation'
import type { ArchivedAttachment } from '#shared/types/conversation-archive'
import { AppError } from '../../utils/errors'
import type { ConversationReader } from './conversation-access'
import { getMessagePage } from './get-message-page'

export interface ArchiveContext {
  reader: ConversationReader
  conversation: { id: string, createdAt: Date, student: Participant, instructor: Participant }
  exportedBy: Participant & { readerRole: 'participant' | 'observer' }
  exportedAt: Date
  timeZone: string
  /**
   * Attachment id → its path in the archive, for the bytes written (filled before any transcript).
   * A READY attachment without one had no stored copy when the export read it.
   */
  files: Map<string, string>
}

/** Every message is about a day on or after this one: the page "around" it is the stream's start. */
const FIRST_DAY = '0001-01-01'
const PAGE = 100

/** The reader's messages, oldest first, a page at a time, as of the export's start. */
export async function* archivePages(context: ArchiveContext): AsyncGenerator<ChatMessage[]> {
  const until = context.exportedAt.getTime()
  let page = await getMessagePage(context.reader, { around: FIRST_DAY, limit: PAGE })
  for (;;) {
    const messages = page.messages.filter(message => Date.parse(message.createdAt) <= until)
    if (messages.length) yield messages
    if (!page.newerCursor) return
    page = await getMessagePage(context.reader, { after: page.newerCursor, limit: PAGE })
  }
}

/** Where an attachment's bytes are in the archive, or why they are not. */
export function archivedAttachment(context: ArchiveContext, attachment: MessageAttachment): ArchivedAttachment {
  const { id, name, mimeType, sizeBytes, width, height, status } = attachment
  const path = context.files.get(id) ?? null
  const missing = path ? undefined : status === 'FAILED' ? 'failed' : status === 'READY' ? 'not-stored' : 'not-ready'
  return { id, name, mimeType, sizeBytes, width, height, status, path, ...(missing ? { missing } : {}) }
}

export const MISSING_LABELS: Record<NonNullable<ArchivedAttachment['missing']>, string> = {
  'not-ready': 'not included: it was still being processed',
  'failed': 'not included: it could not be stored',
  'not-stored': 'not included: its stored copy is missing',
}

/** The reader's zone, checked: an unknown one is refused before anything is sent. */
export function checkedTimeZone(timeZone: string | undefined): string {
  if (!timeZone) return 'UTC'
  try {
    return new Intl.DateTimeFormat('en-GB', { timeZone }).resolvedOptions().timeZone
  }
  catch {
    throw new AppError('VALIDATION', 'Unknown time zone', { fields: { tz: ['Not a time zone this server knows'] } })
  }
}

const formats = new Map<string, Intl.DateTimeFormat>()
function format(key: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  let made = formats.get(key)
  if (!made) formats.set(key, made = new Intl.DateTimeFormat('en-GB', options))
  return made
}

/** "6 Dec 2026, 19:50 CET" in the reader's zone. */
export const readableTime = (context: ArchiveContext, iso: string) =>
  format(`time|${context.timeZone}`, { day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit', timeZoneName: 'short', timeZone: context.timeZone }).format(new Date(iso))

/** "Sunday 6 December 2026": a calendar day has no zone, it reads the same everywhere. */
export const readableDay = (day: string) =>
  format('day', { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(new Date(`${day}T12:00:00Z`))

export const ROLE_LABELS: Record<Participant['role'], string> = { STUDENT: 'Student', INSTRUCTOR: 'Instructor', OBSERVER: 'Observer' }

/** Who wrote a message, as the transcripts name them ("Lectern" for activity it writes itself). */
export const senderLabel = (message: ChatMessage) => (message.sender ? `${message.sender.name} (${ROLE_LABELS[message.sender.role]})` : 'Lectern')

export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`
  const units = ['KB', 'MB', 'GB']
  let value = bytes / 1024
  let unit = 0
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024
    unit++
  }
  return `${value < 10 ? value.toFixed(1) : Math.round(value)} ${units[unit]}`
}
