import { useDb } from '../../utils/db'

/** Deletes for good the courses that have sat in "Recently deleted" longer than the retention. */
export async function purgeDeletedCourses({ retentionDays, now = new Date() }: { retentionDays: number, now?: Date }): Promise<number> {
  const cutoff = new Date(now.getTime() - retentionDays * 86_400_000)
  const { count } = await useDb().course.deleteMany({ where: { deletedAt: { lt: cutoff } } })
  return count
}
