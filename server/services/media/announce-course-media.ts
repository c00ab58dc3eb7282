// A course moved to the course trash or back: the library files it uses keep their links, but
// those usages now count as "in trash" (or live again), so each file's counts change in the
// library. Their owner's open library tabs get the new rows.
import { useDb } from '../../utils/db'
import { announceMedia } from './announce-media'

export async function announceCourseMedia({ ownerId, courseId }: { ownerId: string, courseId: string }): Promise<void> {
  const rows = await useDb().$queryRaw<{ id: string }[]>`
    SELECT l."mediaFileId" AS id FROM "MediaLink" l WHERE l."courseId" = ${courseId}
    UNION
    SELECT v."mediaFileId" FROM "Video" v JOIN "Chapter" ch ON ch.id = v."chapterId"
    WHERE ch."courseId" = ${courseId} AND v."mediaFileId" IS NOT NULL`
  await announceMedia(ownerId, rows.map(row => row.id))
}
