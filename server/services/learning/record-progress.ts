// A progress report from the player or the student: saves the position (resume on any device),
// advances the furthest point, and completes the lesson when that point first crosses 90 % of
// the duration, or when the student says so (and un-completes it on request). Reports are
// idempotent: the same report twice changes nothing and announces nothing the second time.
// Only the caller's own enrolment is written; positions beyond the video's end are refused.
import type { ProgressInput } from '#shared/schemas/learning'
import { COMPLETE_AT_SHARE } from '#shared/schemas/learning'
import type { LessonProgressState } from '#shared/types/learning'
import { AppError, notFound } from '../../utils/errors'
import { useDb } from '../../database/db'
import { announceLearning } from './announce-learning'
import { courseLessonIds, percentOf } from './course-progress'
import { openCourse } from './enrollment-access'

/** Players report a little past the end (rounding, the last frame): tolerated up to this. */
const END_SLACK_SECONDS = 1

export async function recordProgress({ userId, lessonId, input }: { userId: string, lessonId: string, input: ProgressInput }): Promise<LessonProgressState> {
  const db = useDb()
  const lesson = await db.video.findFirst({
    where: { id: lessonId, chapter: { course: openCourse } },
    select: { durationSeconds: true, chapter: { select: { courseId: true } } },
  })
  const courseId = lesson?.chapter.courseId
  const enrollment = courseId
    ? await db.enrollment.findUnique({ where: { courseId_userId: { courseId, userId } }, select: { id: true, completedAt: true } })
    : null
  if (!lesson || !courseId || !enrollment) throw notFound('Lesson')

  const duration = lesson.durationSeconds
  const position = input.positionSeconds
  if (position !== undefined) {
    if (duration === null)
      throw new AppError('VALIDATION', 'This lesson has no video yet, so it has no position to save', { fields: { positionSeconds: ['This lesson has no video yet'] } })
    if (position > duration + END_SLACK_SECONDS)
      throw new AppError('VALIDATION', `The position is past the end of the video (${duration} s)`, { fields: { positionSeconds: [`Must be between 0 and ${duration}`] } })
  }

  const now = new Date()
  const key = { enrollmentId_videoId: { enrollmentId: enrollment.id, videoId: lessonId } }
  const before = await db.lessonProgress.findUnique({ where: key, select: { positionSeconds: true, furthestSeconds: true, completedAt: true } })
  const clamped = position === undefined ? undefined : Math.min(position, duration ?? position)
  const furthest = Math.max(before?.furthestSeconds ?? 0, clamped ?? 0)
  const threshold = duration === null ? Number.POSITIVE_INFINITY : duration * COMPLETE_AT_SHARE
  const crossed = (before?.furthestSeconds ?? 0) < threshold && furthest >= threshold
  const wasComplete = !!before?.completedAt
  const complete = input.completed ?? (wasComplete || crossed)
  const completedAt = complete ? (before?.completedAt ?? now) : null

  const saved = await db.lessonProgress.upsert({
    where: key,
    create: { enrollmentId: enrollment.id, videoId: lessonId, positionSeconds: clamped ?? 0, furthestSeconds: furthest, completedAt },
    update: { ...(clamped === undefined ? {} : { positionSeconds: clamped }), furthestSeconds: furthest, completedAt },
    select: { positionSeconds: true, completedAt: true },
  })

  // The course: complete when every lesson is; reopened when one is un-completed.
  const [lessonIds, done] = await Promise.all([
    courseLessonIds(courseId),
    db.lessonProgress.findMany({ where: { enrollmentId: enrollment.id, completedAt: { not: null } }, select: { videoId: true } }),
  ])
  const doneInCourse = done.filter(d => lessonIds.includes(d.videoId)).length
  const courseComplete = lessonIds.length > 0 && doneInCourse === lessonIds.length
  const courseCompletedAt = courseComplete ? (enrollment.completedAt ?? now) : null
  await db.enrollment.update({ where: { id: enrollment.id }, data: { lastVideoId: lessonId, lastActiveAt: now, completedAt: courseCompletedAt } })

  if (complete && !wasComplete) await announceLearning({ kind: 'lesson-completed', courseId, userId, lessonId, at: now })
  if (!complete && wasComplete) await announceLearning({ kind: 'lesson-uncompleted', courseId, userId, lessonId, at: now })
  if (courseComplete && !enrollment.completedAt) await announceLearning({ kind: 'course-completed', courseId, userId, at: now })

  return {
    lessonId,
    positionSeconds: saved.positionSeconds,
    completed: !!saved.completedAt,
    percentComplete: percentOf(doneInCourse, lessonIds.length),
    courseCompletedAt: courseCompletedAt?.toISOString() ?? null,
  }
}
