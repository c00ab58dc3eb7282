// Uploads over time: library files uploaded in each bucket of the range, per kind. From the
// files' own createdAt (the audit trail is empty for files older than it); files since moved to
// the trash count too, they were uploaded. One aggregate query over the file figures the
// insights:refresh job keeps (MediaFileFigure); empty buckets are filled here.
import type { ResolvedInsightsRange } from '#shared/schemas/media-insights'
import type { InsightKind, UploadsInsights } from '#shared/types/media-insights'
import { useDb } from '../../database/db'
import { bucketSql, rangeSql } from './media-insights-sql'
import { getSummaryTime } from './get-summary-time'

export async function getMediaUploads({ ownerId, range }: { ownerId: string, range: ResolvedInsightsRange }): Promise<UploadsInsights> {
  const { start, end } = rangeSql(range)
  const [computedAt, rows] = await Promise.all([getSummaryTime('media'), useDb().$queryRaw<{ bucket: string, kind: InsightKind, files: number, bytes: number }[]>`
    SELECT ${bucketSql(range, 'f."createdAt"')} AS bucket, f.kind, count(*)::int AS files, sum(f."sizeBytes")::float8 AS bytes
    FROM "MediaFileFigure" f
    WHERE f."ownerId" = ${ownerId} AND f."createdAt" >= ${start} AND f."createdAt" < ${end}
    GROUP BY 1, 2`])
  const buckets = new Map(range.buckets.map(bucket => [bucket, { bucket, files: 0, bytes: 0, byKind: {} as Partial<Record<InsightKind, number>> }]))
  for (const row of rows) {
    const bucket = buckets.get(row.bucket)
    if (!bucket) continue
    bucket.files += row.files
    bucket.bytes += row.bytes
    bucket.byKind[row.kind] = (bucket.byKind[row.kind] ?? 0) + row.files
  }
  const list = [...buckets.values()]
  return { range, computedAt, buckets: list, total: { files: list.reduce((n, b) => n + b.files, 0), bytes: list.reduce((n, b) => n + b.bytes, 0) } }
}
