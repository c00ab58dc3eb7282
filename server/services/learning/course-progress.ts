// How far students are through a course: completed lessons over all lessons, as a percentage.
// One query for any number of enrolments (the students page asks for all of a course's at once).
import { useDb } from '../../database/db'

export interface ProgressSummary {
  completedLessonIds: string[]
  totalLessons: number
  percentComplete: number
}

export function percentOf(completed: number, total: number): number {
  return total ? Math.round((completed / total) * 100) : 0
}

/** Lessons of the course, in outline order (chapter position, then lesson position). */
export async function courseLessonIds(courseId: string): Promise<string[]> {
  const lessons = await useDb().video.findMany({
    where: { chapter: { courseId } },
    orderBy: [{ chapter: { position: 'asc' } }, { position: 'asc' }],
    select: { id: true },
  })
  return lessons.map(v => v.id)
}

export async function progressSummaries(courseId: string, enrollmentIds: string[]): Promise<Map<string, ProgressSummary>> {
  const [lessonIds, completed] = await Promise.all([
    courseLessonIds(courseId),
    enrollmentIds.length
      ? useDb().lessonProgress.findMany({ where: { enrollmentId: { in: enrollmentIds }, completedAt: { not: null } }, select: { enrollmentId: true, videoId: true } })
      : Promise.resolve([]),
  ])
  const inCourse = new Set(lessonIds)
  const summaries = new Map<string, ProgressSummary>()
  for (const id of enrollmentIds) summaries.set(id, { completedLessonIds: [], totalLessons: lessonIds.length, percentComplete: 0 })
  for (const row of completed) {
    // LessonProgress keeps its column name videoId; it holds the lesson's id.
    if (inCourse.has(row.videoId)) summaries.get(row.enrollmentId)!.completedLessonIds.push(row.videoId)
  }
  for (const summary of summaries.values()) summary.percentComplete = percentOf(summary.completedLessonIds.length, summary.totalLessons)
  return summaries
}
