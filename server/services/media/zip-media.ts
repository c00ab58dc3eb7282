// The selected library files as one zip, streamed: entries are read from storage one after the
// other while the archive is sent (each file is opened only when its turn comes), so memory stays
// flat whatever the sizes. Owner only: if any id is not one of the caller's library files, the
// whole download is refused as not found (another instructor's file looks like a missing one).
import { Readable } from 'node:stream'
import { ZipArchive } from 'archiver'
import { mediaKindOf } from '#shared/media/kinds'
import { AppError, notFound } from '../../utils/errors'
import { useDb } from '../../database/db'
import { useObjectStore } from '../../storage'
import { libraryFile } from './media-sql'
import { zipEntryNames } from './zip-names'

/** Kinds that are compressed already: deflating them again costs CPU and saves nothing. */
const STORED = new Set(['video', 'image', 'audio', 'archive'])

export async function zipMedia({ ownerId, ids }: { ownerId: string, ids: string[] }): Promise<{ fileName: string, stream: Readable }> {
  const rows = await useDb().mediaFile.findMany({
    where: { id: { in: ids }, ownerId, ...libraryFile },
    select: { id: true, storageKey: true, originalName: true, mimeType: true, status: true, createdAt: true },
  })
  if (rows.length !== ids.length) throw notFound('File')
  const byId = new Map(rows.map(row => [row.id, row]))
  const files = ids.map(id => byId.get(id)!)
  const unfinished = files.find(file => file.status === 'UPLOADING' || file.status === 'FAILED')
  if (unfinished) throw new AppError('CONFLICT', `“${unfinished.originalName}” is not fully uploaded`)
  // Refuse before the first byte rather than break the download halfway.
  const storage = useObjectStore()
  const sizes = await Promise.all(files.map(file => storage.size(file.storageKey)))
  const lost = files.find((_, index) => sizes[index] === null)
  if (lost) throw new AppError('NOT_FOUND', `The stored content of “${lost.originalName}” is missing`)

  const archive = new ZipArchive({ zlib: { level: 6 } })
  const names = zipEntryNames(files.map(file => file.originalName))
  archive.on('warning', error => console.warn('[media] zip:', error))
  for (const [index, file] of files.entries()) {
    const lazy = Readable.from((async function* () {
      yield* (await storage.read(file.storageKey)).body
    })(), { objectMode: false })
    archive.append(lazy, { name: names[index]!, date: file.createdAt, store: STORED.has(mediaKindOf(file.originalName, file.mimeType) ?? '') })
  }
  void archive.finalize().catch(() => {}) // errors reach the stream's 'error' listeners (the route ends the response)
  const day = new Date().toISOString().slice(0, 10)
  return { fileName: `lectern-files-${day}.zip`, stream: archive }
}
