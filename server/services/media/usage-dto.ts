// Where library files are used, as the API, the events and the audit trail carry it (MediaUsage
// in shared/types/media.ts), and the read that finds every place of some files.
import type { MediaUsage, MediaUsageRole, MediaLinkTargetType } from '#shared/types/media'
import { Prisma } from '../../generated/prisma/client'
import type { Db } from './media-lock'

/** One usage as the usage reads select it (the audit of cascaded unlinks selects the same columns). */
export interface UsageRow {
  mediaFileId: string
  linkId: string | null
  targetType: MediaLinkTargetType
  targetId: string
  role: MediaUsageRole
  courseId: string
  courseTitle: string
  chapterTitle: string | null
  lessonTitle: string | null
  inTrash: boolean
}

export const usageLabel = (u: Pick<MediaUsage, 'courseTitle' | 'chapterTitle' | 'lessonTitle'>) =>
  [u.courseTitle, u.chapterTitle, u.lessonTitle].filter(Boolean).join(' › ')

export const editorHref = (courseId: string) => `/studio/courses/${courseId}`

export function toMediaUsage(row: Omit<UsageRow, 'mediaFileId'>): MediaUsage {
  return {
    linkId: row.linkId,
    targetType: row.targetType,
    targetId: row.targetId,
    role: row.role,
    courseId: row.courseId,
    courseTitle: row.courseTitle,
    chapterTitle: row.chapterTitle,
    lessonTitle: row.lessonTitle,
    label: usageLabel(row),
    href: editorHref(row.courseId),
    inTrash: row.inTrash,
  }
}

/** A usage as the audit trail keeps it (where, not whether it was in the trash then). */
export function auditTarget(usage: MediaUsage): Omit<MediaUsage, 'inTrash'> {
  const { inTrash: _inTrash, ...target } = usage
  return target
}

/**
 * Every place these files are used, in outline order: their link rows (course, chapter or lesson)
 * and the lessons whose own video they are (role VIDEO, no link id). One statement.
 */
export async function readUsages(db: Db, { ownerId, ids }: { ownerId: string, ids: string[] }): Promise<Map<string, MediaUsage[]>> {
  const byFile = new Map<string, MediaUsage[]>(ids.map(id => [id, []]))
  if (!ids.length) return byFile
  const rows = await db.$queryRaw<UsageRow[]>`
    SELECT * FROM (
      SELECT l."mediaFileId", l.id AS "linkId", l."targetType"::text AS "targetType", l."targetId", l.role::text AS role,
             l."courseId", c.title AS "courseTitle", ch.title AS "chapterTitle", v.title AS "lessonTitle",
             c."deletedAt" IS NOT NULL AS "inTrash", ch.position AS "chapterPosition", v.position AS "lessonPosition"
      FROM "MediaLink" l
      JOIN "Course" c ON c.id = l."courseId"
      LEFT JOIN "Video" v ON v.id = l."videoId"
      LEFT JOIN "Chapter" ch ON ch.id = COALESCE(l."chapterId", v."chapterId")
      WHERE l."mediaFileId" IN (${Prisma.join(ids)}) AND l."ownerId" = ${ownerId}
      UNION ALL
      SELECT v."mediaFileId", NULL, 'LESSON', v.id, 'VIDEO',
             c.id, c.title, ch.title, v.title,
             c."deletedAt" IS NOT NULL, ch.position, v.position
      FROM "Video" v
      JOIN "Chapter" ch ON ch.id = v."chapterId"
      JOIN "Course" c ON c.id = ch."courseId"
      WHERE v."mediaFileId" IN (${Prisma.join(ids)}) AND c."ownerId" = ${ownerId}
    ) u
    ORDER BY u."inTrash", u."courseTitle", u."courseId", u."chapterPosition" NULLS FIRST, u."lessonPosition" NULLS FIRST, u.role`
  for (const row of rows) byFile.get(row.mediaFileId)?.push(toMediaUsage(row))
  return byFile
}
