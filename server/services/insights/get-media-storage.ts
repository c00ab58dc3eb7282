// Storage now and over the range: bytes and files per kind (trash apart), and the bytes of live
// library files at the end of each bucket. Two aggregate queries over the file figures the
// insights:refresh job keeps (MediaFileFigure: one row per library file, its kind computed); the
// running total over the buckets (at most ~105) is summed here.
import type { ResolvedInsightsRange } from '#shared/schemas/media-insights'
import type { InsightKind, StorageInsights } from '#shared/types/media-insights'
import { useDb } from '../../database/db'
import { bucketSql, rangeSql } from './media-insights-sql'
import { getSummaryTime } from './get-summary-time'

export async function getMediaStorage({ ownerId, range }: { ownerId: string, range: ResolvedInsightsRange }): Promise<StorageInsights> {
  const db = useDb()
  const { start, end } = rangeSql(range)
  const [computedAt, now, deltas] = await Promise.all([
    getSummaryTime('media'),
    db.$queryRaw<{ kind: InsightKind, trashed: boolean, files: number, bytes: number }[]>`
      SELECT f.kind, f."deletedAt" IS NOT NULL AS trashed, count(*)::int AS files, sum(f."sizeBytes")::float8 AS bytes
      FROM "MediaFileFigure" f WHERE f."ownerId" = ${ownerId}
      GROUP BY 1, 2`,
    // Each file adds its size in the bucket it was uploaded and takes it away in the bucket it
    // went to the trash; whatever happened before the range lands in the first bucket.
    db.$queryRaw<{ bucket: string, kind: InsightKind, bytes: number }[]>`
      WITH files AS (
        SELECT f."sizeBytes" AS size, f."createdAt", f."deletedAt", f.kind
        FROM "MediaFileFigure" f WHERE f."ownerId" = ${ownerId} AND f."createdAt" < ${end}
      ), deltas AS (
        SELECT greatest("createdAt", ${start}) AS at, kind, size FROM files
        UNION ALL
        SELECT greatest("deletedAt", ${start}), kind, -size FROM files WHERE "deletedAt" < ${end}
      )
      SELECT ${bucketSql(range, 'at')} AS bucket, kind, sum(size)::float8 AS bytes FROM deltas GROUP BY 1, 2`,
  ])

  const byKind = new Map<InsightKind, { files: number, bytes: number }>()
  const trash = { files: 0, bytes: 0 }
  for (const row of now) {
    const into = row.trashed ? trash : (byKind.get(row.kind) ?? byKind.set(row.kind, { files: 0, bytes: 0 }).get(row.kind)!)
    into.files += row.files
    into.bytes += row.bytes
  }
  const live = [...byKind].map(([kind, totals]) => ({ kind, ...totals })).sort((a, b) => b.bytes - a.bytes || a.kind.localeCompare(b.kind))

  const deltaAt = new Map<string, { bucket: string, kind: InsightKind, bytes: number }[]>()
  for (const row of deltas) (deltaAt.get(row.bucket) ?? deltaAt.set(row.bucket, []).get(row.bucket)!).push(row)
  const running: Partial<Record<InsightKind, number>> = {}
  const overTime = range.buckets.map((bucket) => {
    for (const row of deltaAt.get(bucket) ?? []) running[row.kind] = (running[row.kind] ?? 0) + row.bytes
    const byKindNow = Object.fromEntries(Object.entries(running).filter(([, bytes]) => bytes !== 0))
    return { bucket, bytes: Object.values(running).reduce((sum, bytes) => sum + bytes, 0), byKind: byKindNow }
  })

  return {
    range,
    computedAt,
    byKind: live,
    total: { files: live.reduce((n, k) => n + k.files, 0), bytes: live.reduce((n, k) => n + k.bytes, 0) },
    trash,
    overTime,
  }
}
