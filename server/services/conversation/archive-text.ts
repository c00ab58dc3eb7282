// The archive's `transcript.txt`: the same transcript as plain text (UTF-8), for reading anywhere
// and for search. Days as headings, then each message: when (ISO and readable), who, what type,
// the body indented, its files by their path in the archive. Written a page at a time.
import { MESSAGE_TYPE_LABELS } from '#shared/schemas/conversation'
import type { ChatMessage } from '#shared/types/conversation'
import { archivedAttachment, archivePages, formatBytes, MISSING_LABELS, readableDay, readableTime, ROLE_LABELS, senderLabel } from './archive-context'
import type { ArchiveContext } from './archive-context'

const indent = (text: string) => text.split(/\r?\n/).map(line => `    ${line}`).join('\n')

function head(context: ArchiveContext): string {
  const { student, instructor } = context.conversation
  const exported = context.exportedAt.toISOString()
  const scope = context.exportedBy.readerRole === 'observer'
    ? `Only the messages shared with ${context.exportedBy.name} (observer) are included.`
    : 'Every message of the conversation is included.'
  return [
    `Conversation between ${student.name} (${ROLE_LABELS.STUDENT}) and ${instructor.name} (${ROLE_LABELS.INSTRUCTOR})`,
    `Downloaded by ${context.exportedBy.name} at ${exported} (${readableTime(context, exported)}).`,
    scope,
    `Times: ISO 8601 in UTC, then readable in ${context.timeZone}. Files are in the files/ folder next to this transcript.`,
    '',
  ].join('\n')
}

export function messageText(context: ArchiveContext, message: ChatMessage): string {
  const shared = message.access === 'OBSERVERS' && message.sender ? ' · shared with observers' : ''
  const lines = [`[${message.createdAt} · ${readableTime(context, message.createdAt)}] ${senderLabel(message)} · ${MESSAGE_TYPE_LABELS[message.type]}${shared}`]
  if (message.reference) {
    const path = message.reference.attachment ? context.files.get(message.reference.attachment.id) : undefined
    lines.push(message.reference.attachment
      ? `    ↪ Refers to ${message.reference.attachment.name}${path ? ` (${path})` : ''}`
      : '    ↪ Refers to a file that is not shared with you')
  }
  if (message.body || message.type === 'MILESTONE') lines.push(indent(`${message.type === 'MILESTONE' ? '🏁 ' : ''}${message.body}`))
  for (const attachment of message.attachments) {
    const archived = archivedAttachment(context, attachment)
    lines.push(`    File: ${attachment.name} (${formatBytes(attachment.sizeBytes)}): ${archived.path ?? MISSING_LABELS[archived.missing!]}`)
  }
  return `${lines.join('\n')}\n\n`
}

export async function* textTranscript(context: ArchiveContext): AsyncGenerator<string> {
  yield head(context)
  let day: string | null = null
  let count = 0
  for await (const page of archivePages(context)) {
    let chunk = ''
    for (const message of page) {
      if (message.targetDate !== day) {
        const label = `${readableDay(message.targetDate)} (${message.targetDate})`
        chunk += `\n== ${label} ==\n\n`
        day = message.targetDate
      }
      chunk += messageText(context, message)
      count++
    }
    yield chunk
  }
  if (!count) yield '\nNo messages.\n'
}
