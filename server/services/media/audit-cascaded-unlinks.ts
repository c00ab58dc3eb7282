// Links that go with their place: when a course is purged from the course trash, or chapters and
// lessons are deleted in the editor, the foreign keys' cascade removes the link rows (and a lesson
// takes its video reference with it). So that each file's history still says where it stopped
// being used and why, these are read and written to the audit trail in the same transaction,
// just before the delete; after the commit the files' new counts go out on their owners' channels
// (announceCascadedUnlinks in announce-media.ts).
import { Prisma } from '../../generated/prisma/client'
import { recordMediaAudit } from './media-audit'
import { auditTarget, toMediaUsage } from './usage-dto'
import type { UsageRow } from './usage-dto'
import type { Db } from './media-lock'
import { inLibrary } from './media-sql'

export type CascadeReason = 'course-purged' | 'chapter-deleted' | 'lesson-deleted'

export interface CascadeScope { courseIds?: string[], chapterIds?: string[], lessonIds?: string[] }

interface GoingRow extends Omit<UsageRow, 'inTrash'> {
  ownerId: string
  reason: CascadeReason
}

/** The files whose usages went, per owner: pass to announceCascadedUnlinks after the commit. */
export type CascadedFiles = Map<string, Set<string>>

const ids = (list: string[] | undefined) => (list?.length ? Prisma.join(list) : Prisma.sql`NULL`)

export async function auditCascadedUnlinks(tx: Db, { scope, actorId }: { scope: CascadeScope, actorId: string | null }): Promise<CascadedFiles> {
  const [courses, chapters, lessons] = [ids(scope.courseIds), ids(scope.chapterIds), ids(scope.lessonIds)]
  // Why each usage goes: its course, else its chapter (a lesson of a deleted chapter goes with it), else its lesson.
  const reason = (courseCol: Prisma.Sql, chapterCol: Prisma.Sql) => Prisma.sql`CASE WHEN ${courseCol} IN (${courses}) THEN 'course-purged'
    WHEN ${chapterCol} IN (${chapters}) THEN 'chapter-deleted' ELSE 'lesson-deleted' END`
  const rows = await tx.$queryRaw<GoingRow[]>(Prisma.sql`
    SELECT l."ownerId", l."mediaFileId", l.id AS "linkId", l."targetType"::text AS "targetType", l."targetId", l.role::text AS role,
           l."courseId", c.title AS "courseTitle", ch.title AS "chapterTitle", v.title AS "lessonTitle",
           ${reason(Prisma.sql`l."courseId"`, Prisma.sql`ch.id`)} AS reason
    FROM "MediaLink" l
    JOIN "Course" c ON c.id = l."courseId"
    LEFT JOIN "Video" v ON v.id = l."videoId"
    LEFT JOIN "Chapter" ch ON ch.id = COALESCE(l."chapterId", v."chapterId")
    WHERE l."courseId" IN (${courses}) OR ch.id IN (${chapters}) OR l."videoId" IN (${lessons})
    UNION ALL
    SELECT f."ownerId", f.id, NULL, 'LESSON', v.id, 'VIDEO', c.id, c.title, ch.title, v.title,
           ${reason(Prisma.sql`c.id`, Prisma.sql`ch.id`)}
    FROM "Video" v
    JOIN "Chapter" ch ON ch.id = v."chapterId"
    JOIN "Course" c ON c.id = ch."courseId"
    JOIN "MediaFile" f ON f.id = v."mediaFileId"
    WHERE ${inLibrary} AND (c.id IN (${courses}) OR ch.id IN (${chapters}) OR v.id IN (${lessons}))`)
  await recordMediaAudit(tx, ...rows.map(row => ({
    ownerId: row.ownerId,
    mediaFileId: row.mediaFileId,
    actorId,
    action: 'UNLINK' as const,
    target: auditTarget(toMediaUsage({ ...row, inTrash: false })),
    before: { linkId: row.linkId, role: row.role },
    after: { reason: row.reason },
  })))
  const files: CascadedFiles = new Map()
  for (const row of rows) files.set(row.ownerId, (files.get(row.ownerId) ?? new Set()).add(row.mediaFileId))
  return files
}
