// Every change to a library file runs in a transaction that first locks the file's row, with the
// ownership check in that same query: another instructor's file, an attachment and a missing id
// are all "not found". Holding the row lock serialises link, unlink, trash, restore and delete of
// one file, so a link can never slip in while the file goes to the trash.
import type { MediaItem } from '#shared/types/media'
import type { Prisma, PrismaClient } from '../../generated/prisma/client'
import { notFound } from '../../utils/errors'
import { useDb } from '../../database/db'
import { inLibrary } from './media-sql'

export type Tx = Prisma.TransactionClient
/** Reads run on the client or inside a transaction alike. */
export type Db = PrismaClient | Prisma.TransactionClient

export interface LockedMedia {
  id: string
  ownerId: string
  storageKey: string
  originalName: string
  mimeType: string
  status: MediaItem['status']
  durationSeconds: number | null
  deletedAt: Date | null
  deletedUsages: unknown
}

export async function lockOwnedMedia(tx: Tx, { ownerId, id }: { ownerId: string, id: string }): Promise<LockedMedia> {
  const [file] = await tx.$queryRaw<LockedMedia[]>`
    SELECT id, "ownerId", "storageKey", "originalName", "mimeType", status::text AS status, "durationSeconds", "deletedAt", "deletedUsages"
    FROM "MediaFile" f
    WHERE id = ${id} AND "ownerId" = ${ownerId} AND ${inLibrary}
    FOR UPDATE`
  if (!file) throw notFound('File')
  return file
}

export function withOwnedMedia<T>(options: { ownerId: string, id: string }, work: (tx: Tx, file: LockedMedia) => Promise<T>): Promise<T> {
  return useDb().$transaction(async tx => work(tx, await lockOwnedMedia(tx, options)), { maxWait: 10_000, timeout: 30_000 })
}
