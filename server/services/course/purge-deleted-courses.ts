import { useDb } from '../../database/db'
import { announceCascadedUnlinks } from '../media/announce-media'
import { auditCascadedUnlinks } from '../media/audit-cascaded-unlinks'

/**
 * Deletes for good the courses that have sat in "Recently deleted" longer than the retention.
 * Library files used in them lose those usages with them (foreign-key cascade), recorded in
 * each file's history by Lectern itself (no actor).
 */
export async function purgeDeletedCourses({ retentionDays, now = new Date() }: { retentionDays: number, now?: Date }): Promise<number> {
  const cutoff = new Date(now.getTime() - retentionDays * 86_400_000)
  const { count, cascaded } = await useDb().$transaction(async (tx) => {
    const ids = (await tx.course.findMany({ where: { deletedAt: { lt: cutoff } }, select: { id: true } })).map(course => course.id)
    if (!ids.length) return { count: 0, cascaded: new Map() }
    const cascaded = await auditCascadedUnlinks(tx, { scope: { courseIds: ids }, actorId: null })
    const { count } = await tx.course.deleteMany({ where: { id: { in: ids } } })
    return { count, cascaded }
  })
  await announceCascadedUnlinks(cascaded)
  return count
}
