// Which library files are used and which nothing uses (cleanup candidates, with the bytes they
// would free). Usage is what the insights:refresh job counted into MediaFileFigure (link rows
// plus lessons whose own video the file is; places in courses that sit in the course trash are
// counted apart and do not make a file "used"), so no link is read here. The lists and counts
// cover files uploaded in the range; the all-time unused total is there for scale. One
// statement: the summaries and both top-10 lists.
import type { ResolvedInsightsRange } from '#shared/schemas/media-insights'
import type { FileFigure, UsageInsights } from '#shared/types/media-insights'
import { useDb } from '../../database/db'
import { Prisma } from '../../generated/prisma/client'
import { isoSql, rangeSql } from './media-insights-sql'
import { getSummaryTime } from './get-summary-time'

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
  const figure = (list: string) => Prisma.raw(`(SELECT coalesce(json_agg(json_build_object('id', t.id, 'name', t.name, 'kind', t.kind,
      'sizeBytes', t.size, 'createdAt', ${isoSql('t."createdAt"').sql}, 'usageCount', t.used, 'trashedUsageCount', t.trashed) ORDER BY t.ord), '[]')
    FROM ${list} t)`)
  const [computedAt, [row]] = await Promise.all([getSummaryTime('media'), useDb().$queryRaw<Row[]>`
    WITH files AS (
      SELECT f."mediaFileId" AS id, f.name, f.kind, f."createdAt", f."sizeBytes"::float8 AS size,
             f."usageCount" AS used, f."trashedUsageCount" AS trashed,
             f."createdAt" >= ${start} AND f."createdAt" < ${end} AS in_range
      FROM "MediaFileFigure" f
      WHERE f."ownerId" = ${ownerId} AND f."deletedAt" IS NULL
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
    FROM files`])
  const r = row!
  return {
    range,
    computedAt,
    uploadedInRange: { files: r.files, bytes: r.bytes },
    mostUsed: r.mostUsed,
    unused: {
      inRange: { files: r.unusedFiles, bytes: r.unusedBytes },
      allTime: { files: r.allUnusedFiles, bytes: r.allUnusedBytes },
      largest: r.largest,
    },
  }
}
