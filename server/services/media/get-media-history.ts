import type { MediaAuditEntry } from '#shared/types/media'
import { notFound } from '../../utils/errors'
import { useDb } from '../../database/db'
import { libraryFile } from './media-sql'

/**
 * A file's history, newest first: live, trashed, or already purged (the audit rows outlive the
 * file). Owner only: the rows are looked up by owner, so another instructor's file is not found.
 */
export async function getMediaHistory({ ownerId, id }: { ownerId: string, id: string }): Promise<MediaAuditEntry[]> {
  const db = useDb()
  const [file, rows] = await Promise.all([
    db.mediaFile.findFirst({ where: { id, ownerId, ...libraryFile }, select: { id: true } }),
    db.mediaAudit.findMany({ where: { mediaFileId: id, ownerId }, orderBy: [{ createdAt: 'desc' }, { id: 'desc' }], take: 500 }),
  ])
  if (!file && !rows.length) throw notFound('File')
  const actorIds = [...new Set(rows.map(row => row.actorId).filter((actor): actor is string => !!actor))]
  const actors = new Map((await db.user.findMany({ where: { id: { in: actorIds } }, select: { id: true, name: true } })).map(u => [u.id, u]))
  return rows.map(row => ({
    id: row.id,
    mediaFileId: row.mediaFileId,
    action: row.action,
    actor: row.actorId ? (actors.get(row.actorId) ?? { id: row.actorId, name: 'A deleted account' }) : null,
    target: (row.target ?? null) as MediaAuditEntry['target'],
    before: (row.before ?? null) as MediaAuditEntry['before'],
    after: (row.after ?? null) as MediaAuditEntry['after'],
    createdAt: row.createdAt.toISOString(),
  }))
}
