// Content performance per video file: the lessons (in live courses) whose video it is, and how
// students used those lessons in the range, from the students' progress rows (learning). A row counts as a
// view when it was saved (updatedAt: position, completion) or completed in the range; progress
// keeps no first-view time, so "views" are students active on the lesson in the range, and the
// completion rate can never pass 100 %. One statement; the totals cover every file, the list the
// 20 most viewed.
import type { ResolvedInsightsRange } from '#shared/schemas/media-insights'
import type { PerformanceInsights, VideoPerformance } from '#shared/types/media-insights'
import { useDb } from '../../database/db'
import { librarySql, rangeSql } from './media-insights-sql'

type Row = Omit<VideoPerformance, 'completionRate'> & { totalVideos: number, totalLessons: number, totalViews: number, totalCompletions: number }

export async function getMediaPerformance({ ownerId, range }: { ownerId: string, range: ResolvedInsightsRange }): Promise<PerformanceInsights> {
  const { start, end } = rangeSql(range)
  const rows = await useDb().$queryRaw<Row[]>`
    WITH lessons AS (
      SELECT v.id AS "videoId", v."mediaFileId", c.title || ' › ' || v.title AS label
      FROM "Video" v JOIN "Chapter" ch ON ch.id = v."chapterId" JOIN "Course" c ON c.id = ch."courseId"
      WHERE c."ownerId" = ${ownerId} AND c."deletedAt" IS NULL AND v."mediaFileId" IS NOT NULL
    ), progress AS (
      SELECT p."videoId",
             count(*)::int AS views,
             count(*) FILTER (WHERE p."completedAt" >= ${start} AND p."completedAt" < ${end})::int AS completions
      FROM "LessonProgress" p JOIN lessons l ON l."videoId" = p."videoId"
      WHERE (p."updatedAt" >= ${start} AND p."updatedAt" < ${end}) OR (p."completedAt" >= ${start} AND p."completedAt" < ${end})
      GROUP BY p."videoId"
    ), per_file AS (
      SELECT l."mediaFileId", count(*)::int AS "lessonCount", (array_agg(l.label ORDER BY l.label))[1:3] AS lessons,
             coalesce(sum(p.views), 0)::int AS views, coalesce(sum(p.completions), 0)::int AS completions
      FROM lessons l LEFT JOIN progress p ON p."videoId" = l."videoId"
      GROUP BY l."mediaFileId"
    )
    SELECT f.id, f."originalName" AS name, f."durationSeconds", pf."lessonCount", pf.lessons, pf.views, pf.completions,
           count(*) OVER ()::int AS "totalVideos", (sum(pf."lessonCount") OVER ())::int AS "totalLessons",
           (sum(pf.views) OVER ())::int AS "totalViews", (sum(pf.completions) OVER ())::int AS "totalCompletions"
    FROM per_file pf JOIN "MediaFile" f ON f.id = pf."mediaFileId"
    WHERE ${librarySql('f', ownerId)} AND f."deletedAt" IS NULL
    ORDER BY pf.views DESC, pf.completions DESC, f."originalName", f.id
    LIMIT 20`
  const first = rows[0]
  return {
    range,
    videos: rows.map(({ totalVideos: _v, totalLessons: _l, totalViews: _w, totalCompletions: _c, ...video }) => ({
      ...video,
      completionRate: video.views ? video.completions / video.views : null,
    })),
    totals: first
      ? { videos: first.totalVideos, lessons: first.totalLessons, views: first.totalViews, completions: first.totalCompletions }
      : { videos: 0, lessons: 0, views: 0, completions: 0 },
  }
}
