// Recomputes the media summaries (MediaFileFigure, LessonViewDay) and writes only what changed.
// Unlike messages, what these count is edited in place (a file trashed, a link removed, a course
// trashed, a progress row saved again) and link rows leave no trace when deleted, so there is no
// watermark to start after: each run aggregates the library tables again, in the job, and a row
// is written only when its figures moved (a quiet library costs reads, no writes). The work grows
// with the libraries and enrolments, not with traffic; the pages never run it.
import type { PrismaClient } from '../../generated/prisma/client'
import { libraryFileSql } from '../media/media-sql'
import { kindSql } from './media-insights-sql'

export const MEDIA = 'media'

export interface MediaRefresh { figuresWritten: number, figuresRemoved: number, viewCellsWritten: number, viewCellsRemoved: number }

export async function refreshMediaSummaries(db: PrismaClient, { now = new Date() }: { now?: Date } = {}): Promise<MediaRefresh> {
  await db.$executeRaw`INSERT INTO "InsightsRefresh" (kind, "lastSeq", "computedAt") VALUES (${MEDIA}, 0, ${now}::timestamp) ON CONFLICT (kind) DO NOTHING`
  return db.$transaction(async (tx) => {
    // One run at a time across instances: a second waits, then recomputes from what is committed.
    await tx.$queryRaw`SELECT kind FROM "InsightsRefresh" WHERE kind = ${MEDIA} FOR UPDATE`
    const figuresWritten = await tx.$executeRaw`
      WITH link_counts AS (
        SELECT l."ownerId", l."mediaFileId" AS id, count(*) AS n,
               count(*) FILTER (WHERE c."deletedAt" IS NOT NULL AND c."ownerId" = l."ownerId") AS t
        FROM "MediaLink" l JOIN "Course" c ON c.id = l."courseId" GROUP BY 1, 2
      ), video_counts AS (
        SELECT c."ownerId", v."mediaFileId" AS id, count(*) AS n, count(*) FILTER (WHERE c."deletedAt" IS NOT NULL) AS t,
               (array_agg(c.title || ' › ' || v.title ORDER BY c.title || ' › ' || v.title) FILTER (WHERE c."deletedAt" IS NULL))[1:3] AS lessons
        FROM "Video" v JOIN "Chapter" ch ON ch.id = v."chapterId" JOIN "Course" c ON c.id = ch."courseId"
        WHERE v."mediaFileId" IS NOT NULL GROUP BY 1, 2
      )
      INSERT INTO "MediaFileFigure" ("mediaFileId", "ownerId", name, kind, "sizeBytes", "durationSeconds", "createdAt", "deletedAt",
                                     "usageCount", "trashedUsageCount", "lessonCount", lessons)
      SELECT f.id, f."ownerId", f."originalName", ${kindSql('f')}, f."sizeBytes", f."durationSeconds", f."createdAt", f."deletedAt",
             (coalesce(lc.n - lc.t, 0) + coalesce(vc.n - vc.t, 0))::int, (coalesce(lc.t, 0) + coalesce(vc.t, 0))::int,
             coalesce(vc.n - vc.t, 0)::int, coalesce(vc.lessons, '{}')
      FROM "MediaFile" f
      LEFT JOIN link_counts lc ON lc.id = f.id AND lc."ownerId" = f."ownerId"
      LEFT JOIN video_counts vc ON vc.id = f.id AND vc."ownerId" = f."ownerId"
      WHERE ${libraryFileSql('f')} AND f.status <> 'UPLOADING'
      ON CONFLICT ("mediaFileId") DO UPDATE SET
        "ownerId" = EXCLUDED."ownerId", name = EXCLUDED.name, kind = EXCLUDED.kind, "sizeBytes" = EXCLUDED."sizeBytes",
        "durationSeconds" = EXCLUDED."durationSeconds", "createdAt" = EXCLUDED."createdAt", "deletedAt" = EXCLUDED."deletedAt",
        "usageCount" = EXCLUDED."usageCount", "trashedUsageCount" = EXCLUDED."trashedUsageCount",
        "lessonCount" = EXCLUDED."lessonCount", lessons = EXCLUDED.lessons
      WHERE ("MediaFileFigure"."ownerId", "MediaFileFigure".name, "MediaFileFigure".kind, "MediaFileFigure"."sizeBytes",
             "MediaFileFigure"."durationSeconds", "MediaFileFigure"."createdAt", "MediaFileFigure"."deletedAt",
             "MediaFileFigure"."usageCount", "MediaFileFigure"."trashedUsageCount", "MediaFileFigure"."lessonCount", "MediaFileFigure".lessons)
        IS DISTINCT FROM (EXCLUDED."ownerId", EXCLUDED.name, EXCLUDED.kind, EXCLUDED."sizeBytes", EXCLUDED."durationSeconds",
             EXCLUDED."createdAt", EXCLUDED."deletedAt", EXCLUDED."usageCount", EXCLUDED."trashedUsageCount", EXCLUDED."lessonCount", EXCLUDED.lessons)`
    // Files that left the library's figures (an attachment, back to uploading; purged ones cascade).
    const figuresRemoved = await tx.$executeRaw`
      DELETE FROM "MediaFileFigure" g WHERE NOT EXISTS (
        SELECT 1 FROM "MediaFile" f WHERE f.id = g."mediaFileId" AND ${libraryFileSql('f')} AND f.status <> 'UPLOADING')`
    // Progress cells: one statement, one snapshot. A cell whose count changed is deleted and its
    // new count inserted; an unchanged cell is left alone.
    const [cells] = await tx.$queryRaw<{ removed: number, written: number }[]>`
      WITH computed AS (
        SELECT v."mediaFileId" AS file, c."ownerId" AS owner, p."updatedAt"::date AS saved, p."completedAt"::date AS completed, count(*)::int AS views
        FROM "LessonProgress" p JOIN "Video" v ON v.id = p."videoId" JOIN "Chapter" ch ON ch.id = v."chapterId" JOIN "Course" c ON c.id = ch."courseId"
        WHERE c."deletedAt" IS NULL AND v."mediaFileId" IS NOT NULL
        GROUP BY 1, 2, 3, 4
      ), removed AS (
        DELETE FROM "LessonViewDay" d WHERE NOT EXISTS (
          SELECT 1 FROM computed x WHERE x.file = d."mediaFileId" AND x.owner = d."ownerId" AND x.saved = d."savedOn"
            AND x.completed IS NOT DISTINCT FROM d."completedOn" AND x.views = d.views)
        RETURNING 1
      ), written AS (
        INSERT INTO "LessonViewDay" (id, "mediaFileId", "ownerId", "savedOn", "completedOn", views)
        SELECT gen_random_uuid()::text, x.file, x.owner, x.saved, x.completed, x.views FROM computed x
        WHERE NOT EXISTS (
          SELECT 1 FROM "LessonViewDay" d WHERE x.file = d."mediaFileId" AND x.owner = d."ownerId" AND x.saved = d."savedOn"
            AND x.completed IS NOT DISTINCT FROM d."completedOn" AND x.views = d.views)
        RETURNING 1
      )
      SELECT (SELECT count(*) FROM removed)::int AS removed, (SELECT count(*) FROM written)::int AS written`
    await tx.$executeRaw`UPDATE "InsightsRefresh" SET "computedAt" = ${now}::timestamp WHERE kind = ${MEDIA}`
    return { figuresWritten, figuresRemoved, viewCellsWritten: cells?.written ?? 0, viewCellsRemoved: cells?.removed ?? 0 }
  }, { maxWait: 60_000, timeout: 10 * 60_000 })
}
