// A course's files, seen from the course (the editor's "Files" tab): every link row into the
// course, its chapters and lessons, and every lesson's own video, each with the file's library
// item. Two statements whatever the size of the course: the places, then the files' rows with
// their usage counts. A foreign or missing course answers the same 404.
import type { CourseFileEntry, MediaLinkTargetType, MediaUsageRole } from '#shared/types/media'
import { Prisma } from '../../generated/prisma/client'
import { useDb } from '../../database/db'
import { notFound } from '../../utils/errors'
import { ownedCourse } from '../course/course-access'
import { readMediaRows, toMediaItem } from '../media/media-dto'

interface PlaceRow {
  linkId: string | null
  targetType: MediaLinkTargetType
  targetId: string
  role: MediaUsageRole
  mediaFileId: string
}

export async function listCourseFiles({ ownerId, courseId }: { ownerId: string, courseId: string }): Promise<CourseFileEntry[]> {
  const db = useDb()
  const course = await db.course.findFirst({ where: ownedCourse({ ownerId, id: courseId }), select: { id: true } })
  if (!course) throw notFound('Course')
  const places = await db.$queryRaw<PlaceRow[]>(Prisma.sql`
    SELECT l.id AS "linkId", l."targetType"::text AS "targetType", l."targetId", l.role::text AS role, l."mediaFileId", l."createdAt"
    FROM "MediaLink" l WHERE l."courseId" = ${courseId}
    UNION ALL
    SELECT NULL, 'LESSON', v.id, 'VIDEO', v."mediaFileId", v."createdAt"
    FROM "Video" v JOIN "Chapter" ch ON ch.id = v."chapterId"
    WHERE ch."courseId" = ${courseId} AND v."mediaFileId" IS NOT NULL
    ORDER BY "createdAt", "linkId"`)
  const rows = await readMediaRows(db, { ownerId, ids: [...new Set(places.map(place => place.mediaFileId))] })
  // Attachments of messages and files in the media trash are not the course's files.
  const files = new Map(rows.filter(row => !row.deletedAt).map(row => [row.id, toMediaItem(row)]))
  return places.flatMap(({ linkId, targetType, targetId, role, mediaFileId }) => {
    const file = files.get(mediaFileId)
    return file ? [{ linkId, targetType, targetId, role, file }] : []
  })
}
