// Content performance per video file: the lessons (in live courses) whose video it is, and how
// students used those lessons in the range. Read from what the insights:refresh job keeps:
// MediaFileFigure (lesson count and labels) and LessonViewDay (the students' progress rows per
// file, by the UTC day each was last saved and completed). A row counts as a view when it was
// saved (updatedAt: position, completion) or completed in the range; progress keeps no
// first-view time, so "views" are students active on the lesson in the range, and the
// completion rate can never pass 100 %. Ranges are whole UTC days, so day cells are exact. One
// statement; the totals cover every file, the list the 20 most viewed.
import type { ResolvedInsightsRange } from '#shared/schemas/media-insights'
import type { PerformanceInsights, VideoPerformance } from '#shared/types/media-insights'
import { useDb } from '../../database/db'
import { getSummaryTime } from './get-summary-time'

type Row = Omit<VideoPerformance, 'completionRate'> & { totalVideos: number, totalLessons: number, totalViews: number, totalCompletions: number }

export async function getMediaPerformance({ ownerId, range }: { ownerId: string, range: ResolvedInsightsRange }): Promise<PerformanceInsights> {
  const [computedAt, rows] = await Promise.all([getSummaryTime('media'), useDb().$queryRaw<Row[]>`
    WITH progress AS (
      SELECT "mediaFileId",
             coalesce(sum(views) FILTER (WHERE "savedOn" BETWEEN ${range.from}::date AND ${range.to}::date
                                          OR "completedOn" BETWEEN ${range.from}::date AND ${range.to}::date), 0)::int AS views,
             coalesce(sum(views) FILTER (WHERE "completedOn" BETWEEN ${range.from}::date AND ${range.to}::date), 0)::int AS completions
      FROM "LessonViewDay" WHERE "ownerId" = ${ownerId}
      GROUP BY 1
    ), per_file AS (
      SELECT f."mediaFileId" AS id, f.name, f."durationSeconds", f."lessonCount", f.lessons,
             coalesce(p.views, 0)::int AS views, coalesce(p.completions, 0)::int AS completions
      FROM "MediaFileFigure" f LEFT JOIN progress p ON p."mediaFileId" = f."mediaFileId"
      WHERE f."ownerId" = ${ownerId} AND f."deletedAt" IS NULL AND f."lessonCount" > 0
    )
    SELECT id, name, "durationSeconds", "lessonCount", lessons, views, completions,
           count(*) OVER ()::int AS "totalVideos", (sum("lessonCount") OVER ())::int AS "totalLessons",
           (sum(views) OVER ())::int AS "totalViews", (sum(completions) OVER ())::int AS "totalCompletions"
    FROM per_file
    ORDER BY views DESC, completions DESC, name, id
    LIMIT 20`])
  const first = rows[0]
  return {
    range,
    computedAt,
    videos: rows.map(({ totalVideos: _v, totalLessons: _l, totalViews: _w, totalCompletions: _c, ...video }) => ({
      ...video,
      completionRate: video.views ? video.completions / video.views : null,
    })),
    totals: first
      ? { videos: first.totalVideos, lessons: first.totalLessons, views: first.totalViews, completions: first.totalCompletions }
      : { videos: 0, lessons: 0, views: 0, completions: 0 },
  }
}
