// Which library files are used and which nothing uses (cleanup candidates, with the bytes they
// would free). Usage now: link rows plus lessons whose own video the file is; places in courses
// that sit in the course trash are counted apart and do not make a file "used". The lists and
// counts cover files uploaded in the range; the all-time unused total is there for scale. One
// statement: per-file counts grouped in SQL, then the summaries and both top-10 lists.
import type { ResolvedInsightsRange } from '#shared/schemas/media-insights'
import type { FileFigure, UsageInsights } from '#shared/types/media-insights'
import { useDb } from '../../database/db'
import { Prisma } from '../../generated/prisma/client'
import { isoSql, kindSql, librarySql, rangeSql } from './media-insights-sql'

interface Row {
  files: number
  bytes: number
  unusedFiles: number
  unusedBytes: number
  allUnusedFiles: number
  allUnusedBytes: number
  mostUsed: FileFigure[]
  largest: FileFigure[]
}

export async function getMediaUsage({ ownerId, range }: { ownerId: string, range: ResolvedInsightsRange }): Promise<UsageInsights> {
  const { start, end } = rangeSql(range)
  // Names, kinds and dates only for the 20 listed files, not for the whole library.
  const figure = (list: string) => Prisma.raw(`(SELECT coalesce(json_agg(json_build_object('id', f.id, 'name', f."originalName", 'kind', ${kindSql('f').sql},
      'sizeBytes', t.size, 'createdAt', ${isoSql('f."createdAt"').sql}, 'usageCount', t.used, 'trashedUsageCount', t.trashed) ORDER BY t.ord), '[]')
    FROM ${list} t JOIN "MediaFile" f ON f.id = t.id)`)
  const [row] = await useDb().$queryRaw<Row[]>`
    WITH trashed_courses AS (
      SELECT id FROM "Course" WHERE "ownerId" = ${ownerId} AND "deletedAt" IS NOT NULL
    ), link_counts AS (
      -- Links are counted all together, minus those in trashed courses (few): one pass over the
      -- owner's links without a join.
      SELECT "mediaFileId" AS id, count(*) AS n, count(*) FILTER (WHERE "courseId" IN (SELECT id FROM trashed_courses)) AS t
      FROM "MediaLink" WHERE "ownerId" = ${ownerId} GROUP BY 1
    ), video_counts AS (
      SELECT v."mediaFileId" AS id, count(*) AS n, count(*) FILTER (WHERE c."deletedAt" IS NOT NULL) AS t
      FROM "Video" v JOIN "Chapter" ch ON ch.id = v."chapterId" JOIN "Course" c ON c.id = ch."courseId"
      WHERE c."ownerId" = ${ownerId} AND v."mediaFileId" IS NOT NULL GROUP BY 1
    ), files AS (
      SELECT f.id, f."sizeBytes"::float8 AS size,
             (coalesce(lc.n - lc.t, 0) + coalesce(vc.n - vc.t, 0))::int AS used, (coalesce(lc.t, 0) + coalesce(vc.t, 0))::int AS trashed,
             f."createdAt" >= ${start} AND f."createdAt" < ${end} AS in_range
      FROM "MediaFile" f LEFT JOIN link_counts lc ON lc.id = f.id LEFT JOIN video_counts vc ON vc.id = f.id
      WHERE ${librarySql('f', ownerId)} AND f."deletedAt" IS NULL
    ), most_used AS (
      SELECT *, row_number() OVER (ORDER BY used DESC, size DESC, id) AS ord FROM files WHERE in_range AND used > 0 ORDER BY ord LIMIT 10
    ), largest AS (
      SELECT *, row_number() OVER (ORDER BY size DESC, id) AS ord FROM files WHERE in_range AND used = 0 ORDER BY ord LIMIT 10
    )
    SELECT count(*) FILTER (WHERE in_range)::int AS files,
           coalesce(sum(size) FILTER (WHERE in_range), 0)::float8 AS bytes,
           count(*) FILTER (WHERE in_range AND used = 0)::int AS "unusedFiles",
           coalesce(sum(size) FILTER (WHERE in_range AND used = 0), 0)::float8 AS "unusedBytes",
           count(*) FILTER (WHERE used = 0)::int AS "allUnusedFiles",
           coalesce(sum(size) FILTER (WHERE used = 0), 0)::float8 AS "allUnusedBytes",
           ${figure('most_used')} AS "mostUsed",
           ${figure('largest')} AS largest
    FROM files`
  const r = row!
  return {
    range,
    uploadedInRange: { files: r.files, bytes: r.bytes },
    mostUsed: r.mostUsed,
    unused: {
      inRange: { files: r.unusedFiles, bytes: r.unusedBytes },
      allTime: { files: r.allUnusedFiles, bytes: r.allUnusedBytes },
      largest: r.largest,
    },
  }
}
