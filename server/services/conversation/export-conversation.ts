// A conversation as one self-contained archive (docs/architecture.md, "The conversation archive
// format"), streamed while it is built: first the files the reader may open, each read from the
// object store only when its turn comes, then `transcript.html`, `transcript.txt` and
// `messages.json`, each written from the messages read a page at a time. One entry is queued at a
// time and the next waits until the zip has taken it, so memory stays flat however long the
// conversation and however large its files. The reader decides the content: the pair gets every
// message; an observer only those shared with them (the stream's own page query), and only their
// files. Access (readerOf) is checked by the caller before anything is sent.
import { once } from 'node:events'
import { Readable } from 'node:stream'
import { ZipArchive } from 'archiver'
import type { ZipEntryData } from 'archiver'
import { mediaKindOf } from '#shared/media/kinds'
import type { ChatMessage } from '#shared/types/conversation'
import { useDb } from '../../database/db'
import { useObjectStore } from '../../storage'
import type { ConversationReader } from './conversation-access'
import { archivePages, checkedTimeZone } from './archive-context'
import type { ArchiveContext } from './archive-context'
import { archivedFilePath, archiveFileName } from './archive-names'
import { htmlTranscript } from './archive-html'
import { textTranscript } from './archive-text'
import { jsonMessages } from './archive-json'

/** Kinds that are compressed already: deflating them again costs CPU and saves nothing. */
const STORED = new Set(['video', 'image', 'audio', 'archive'])

export interface ConversationExport {
  fileName: string
  stream: Readable
}

export async function exportConversation(reader: ConversationReader, { timeZone, signal }: { timeZone?: string, signal?: AbortSignal }): Promise<ConversationExport> {
  const zone = checkedTimeZone(timeZone)
  const db = useDb()
  const [conversation, me] = await Promise.all([
    db.conversation.findUniqueOrThrow({
      where: { id: reader.conversation.id },
      select: { id: true, createdAt: true, student: { select: { id: true, name: true, role: true } }, instructor: { select: { id: true, name: true, role: true } } },
    }),
    db.user.findUniqueOrThrow({ where: { id: reader.userId }, select: { id: true, name: true, role: true } }),
  ])
  const context: ArchiveContext = {
    reader,
    conversation,
    exportedBy: { ...me, readerRole: reader.role },
    exportedAt: new Date(),
    timeZone: zone,
    files: new Map(),
  }
  const counterparts = reader.role === 'observer'
    ? [conversation.student.name, conversation.instructor.name]
    : [reader.userId === conversation.student.id ? conversation.instructor.name : conversation.student.name]

  const archive = new ZipArchive({ zlib: { level: 6 } })
  archive.on('warning', error => console.warn('[conversation] export zip:', error))
  void fill(archive, context, signal)
  return { fileName: archiveFileName({ counterparts, day: context.exportedAt.toISOString().slice(0, 10) }), stream: archive }
}

/** Queues the entries one by one; a failure ends the archive with an error (the route cuts the download). */
async function fill(archive: ZipArchive, context: ArchiveContext, signal?: AbortSignal): Promise<void> {
  // The entry being written (assigned inside `add`), to close its source if the download goes away.
  const current: { source: Readable | null } = { source: null }
  // The download went away: stop reading the database and the store.
  const stop = () => {
    current.source?.destroy()
    archive.abort()
  }
  signal?.addEventListener('abort', stop, { once: true })
  const add = async (source: Readable, data: ZipEntryData) => {
    current.source = source
    const taken = once(archive, 'entry', signal ? { signal } : {})
    archive.append(source, data)
    await taken
    current.source = null
  }
  const text = (lines: AsyncGenerator<string>) => Readable.from(lines, { objectMode: false })
  try {
    await addFiles(context, add)
    const date = context.exportedAt
    await add(text(htmlTranscript(context)), { name: 'transcript.html', date })
    await add(text(textTranscript(context)), { name: 'transcript.txt', date })
    await add(text(jsonMessages(context)), { name: 'messages.json', date })
    await archive.finalize()
  }
  catch (error) {
    if (signal?.aborted) return
    current.source?.destroy()
    archive.destroy(error as Error)
  }
  finally {
    signal?.removeEventListener('abort', stop)
  }
}

type Add = (source: Readable, data: ZipEntryData) => Promise<void>

/** Every READY attachment of the reader's messages, one at a time; a missing stored copy is noted, not fatal. */
async function addFiles(context: ArchiveContext, add: Add): Promise<void> {
  const storage = useObjectStore()
  for await (const page of archivePages(context)) {
    const ready = page.flatMap((message: ChatMessage) => message.attachments.filter(a => a.status === 'READY' && !context.files.has(a.id)))
    if (!ready.length) continue
    const rows = await useDb().attachment.findMany({
      where: { id: { in: ready.map(a => a.id) }, conversationId: context.conversation.id },
      select: { id: true, mediaFile: { select: { storageKey: true, createdAt: true } } },
    })
    const stored = new Map(rows.map(row => [row.id, row.mediaFile]))
    for (const attachment of ready) {
      const file = stored.get(attachment.id)
      // Noted in the transcripts as missing rather than breaking the download halfway.
      if (!file || await storage.size(file.storageKey) === null) continue
      const path = archivedFilePath(attachment)
      const bytes = Readable.from((async function* () {
        yield* (await storage.read(file.storageKey)).body
      })(), { objectMode: false })
      await add(bytes, { name: path, date: file.createdAt, store: STORED.has(mediaKindOf(attachment.name, attachment.mimeType) ?? '') })
      context.files.set(attachment.id, path)
    }
  }
}
