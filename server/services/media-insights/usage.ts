// Which library files are used and which nothing uses (cleanup candidates, with the bytes they
// would free). Usage now: link rows plus lessons whose own video the file is; places in courses
// that sit in the course trash are counted apart and do not make a file "used". The lists and
// counts cover files uploaded in the range; the all-time unused total is there for scale. One
// statement: per-file counts grouped in SQL, then the summaries and both top-10 lists.
import type { ResolvedInsightsRange } from '#shared/schemas/media-insights'
import type { FileFigure, UsageInsights } from '#shared/types/media-insights'
import { useDb } from '../../utils/db'
import { Prisma } from '../../generated/prisma/client'
import { isoSql, kindSql, librarySql, rangeSql } from './library-sql'

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

export async function usageInsights({ ownerId, range }: { ownerId: string, range: ResolvedInsightsRange }): Promise<UsageInsights> {
  const { start, end } = rangeSql(range)
  const figure = Prisma.raw(`json_build_object('id', id, 'name', "originalName", 'kind', kind, 'sizeBytes', size, 'createdAt', created,
    'usageCount', used, 'trashedUsageCount', trashed)`)
  const [row] = await useDb().$queryRaw<Row[]>`
    WITH uses AS (
      SELECT l."mediaFileId" AS id, c."deletedAt" IS NULL AS live
      FROM "MediaLink" l JOIN "Course" c ON c.id = l."courseId"
      WHERE l."ownerId" = ${ownerId}
      UNION ALL
      SELECT v."mediaFileId", c."deletedAt" IS NULL
      FROM "Video" v JOIN "Chapter" ch ON ch.id = v."chapterId" JOIN "Course" c ON c.id = ch."courseId"
      WHERE c."ownerId" = ${ownerId} AND v."mediaFileId" IS NOT NULL
    ), counts AS (
      SELECT id, count(*) FILTER (WHERE live)::int AS used, count(*) FILTER (WHERE NOT live)::int AS trashed FROM uses GROUP BY id
    ), files AS (
      SELECT f.id, f."originalName", ${kindSql('f')} AS kind, f."sizeBytes"::float8 AS size, ${isoSql('f."createdAt"')} AS created,
             coalesce(u.used, 0) AS used, coalesce(u.trashed, 0) AS trashed,
             f."createdAt" >= ${start} AND f."createdAt" < ${end} AS in_range
      FROM "MediaFile" f LEFT JOIN counts u ON u.id = f.id
      WHERE ${librarySql('f', ownerId)} AND f."deletedAt" IS NULL
    )
    SELECT count(*) FILTER (WHERE in_range)::int AS files,
           coalesce(sum(size) FILTER (WHERE in_range), 0)::float8 AS bytes,
           count(*) FILTER (WHERE in_range AND used = 0)::int AS "unusedFiles",
           coalesce(sum(size) FILTER (WHERE in_range AND used = 0), 0)::float8 AS "unusedBytes",
           count(*) FILTER (WHERE used = 0)::int AS "allUnusedFiles",
           coalesce(sum(size) FILTER (WHERE used = 0), 0)::float8 AS "allUnusedBytes",
           (SELECT coalesce(json_agg(${figure} ORDER BY used DESC, size DESC, id), '[]') FROM
             (SELECT * FROM files WHERE in_range AND used > 0 ORDER BY used DESC, size DESC, id LIMIT 10) t) AS "mostUsed",
           (SELECT coalesce(json_agg(${figure} ORDER BY size DESC, id), '[]') FROM
             (SELECT * FROM files WHERE in_range AND used = 0 ORDER BY size DESC, id LIMIT 10) t) AS largest
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
