// Many library files at once (createMany in chunks), for tests and benchmarks that need a large
// library quickly: the selection browser tests, bench/selection.bench.ts, the demo's big library.
// File i is i minutes older than file 0, so "Newest first" shows them in index order.
import { randomBytes } from 'node:crypto'
import type { PrismaClient } from '../../server/generated/prisma/client.ts'

const TYPES = [
  { ext: 'pdf', mimeType: 'application/pdf' },
  { ext: 'png', mimeType: 'image/png' },
  { ext: 'mp4', mimeType: 'video/mp4' },
  { ext: 'zip', mimeType: 'application/zip' },
  { ext: 'pptx', mimeType: 'application/vnd.openxmlformats-officedocument.presentationml.presentation' },
  { ext: 'docx', mimeType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document' },
] as const

export interface ManyMediaFilesOptions {
  /** The name of file i (the extension is added by kind unless the name has one). */
  name?: (index: number) => string
  /** The newest file's upload time. */
  newest?: Date
  /** Which indices are which type (default: cycling through six kinds). */
  type?: (index: number) => typeof TYPES[number]
}

const pad = (index: number, count: number) => String(index + 1).padStart(String(count).length, '0')

export async function createManyMediaFiles(db: PrismaClient, ownerId: string, count: number, options: ManyMediaFilesOptions = {}) {
  const newest = options.newest ?? new Date()
  const rows = Array.from({ length: count }, (_, index) => {
    const type = options.type?.(index) ?? TYPES[index % TYPES.length]!
    const base = options.name?.(index) ?? `File ${pad(index, count)}`
    const name = /\.\w+$/.test(base) ? base : `${base}.${type.ext}`
    const size = BigInt(1024 * (1 + (index * 7919) % 5000))
    const createdAt = new Date(newest.getTime() - index * 60_000)
    return {
      ownerId,
      storageKey: randomBytes(16).toString('hex'),
      originalName: name,
      mimeType: type.mimeType,
      sizeBytes: size,
      receivedBytes: size,
      status: 'READY' as const,
      purpose: 'LIBRARY' as const,
      createdAt,
      updatedAt: createdAt,
    }
  })
  for (let start = 0; start < rows.length; start += 1000) await db.mediaFile.createMany({ data: rows.slice(start, start + 1000) })
  return rows.map(row => row.originalName)
}
