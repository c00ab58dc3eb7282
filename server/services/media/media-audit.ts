// The library's history: every upload, link, unlink, rename, delete, restore and purge writes a
// row here, in the same transaction as the change it records. Rows name the file by id only (no
// foreign key), so a file's history outlives its purge.
import type { MediaActionName, MediaUsage } from '#shared/types/media'
import type { Prisma } from '../../generated/prisma/client'
import type { Db } from './media-lock'

export interface MediaAuditInput {
  ownerId: string
  mediaFileId: string
  /** Who did it; null for Lectern itself (the purge job). */
  actorId: string | null
  action: MediaActionName
  target?: Omit<MediaUsage, 'inTrash'> | null
  before?: Record<string, unknown> | null
  after?: Record<string, unknown> | null
}

const json = (value: unknown) => (value === null || value === undefined ? undefined : value as Prisma.InputJsonValue)

/** Writes audit rows in the order given (history reads newest first, ties broken by id, which grows). */
export async function recordMediaAudit(db: Db, ...entries: MediaAuditInput[]): Promise<void> {
  if (!entries.length) return
  await db.mediaAudit.createMany({
    data: entries.map(entry => ({
      ownerId: entry.ownerId,
      mediaFileId: entry.mediaFileId,
      actorId: entry.actorId,
      action: entry.action,
      target: json(entry.target),
      before: json(entry.before),
      after: json(entry.after),
    })),
  })
}
