// "My learning": the student's open enrolments, most recently active first, each with its
// progress and the exact lesson and second "continue" opens.
import type { MyLearningItem } from '#shared/types/learning'
import { useDb } from '../../database/db'
import { progressSummaries } from './course-progress'
import { openCourse } from './enrollment-access'

export async function listMyLearning({ userId }: { userId: string }): Promise<MyLearningItem[]> {
  const enrollments = await useDb().enrollment.findMany({
    where: { userId, course: openCourse },
    orderBy: [{ lastActiveAt: 'desc' }, { id: 'asc' }],
    take: 200,
    select: {
      id: true,
      createdAt: true,
      lastActiveAt: true,
      completedAt: true,
      lastVideoId: true,
      course: {
        select: {
          id: true,
          slug: true,
          title: true,
          coverImageUrl: true,
          owner: { select: { name: true } },
          chapters: { orderBy: { position: 'asc' }, select: { videos: { orderBy: { position: 'asc' }, select: { id: true, title: true } } } },
        },
      },
      progress: { select: { videoId: true, positionSeconds: true, completedAt: true } },
    },
  })
  return Promise.all(enrollments.map(async (e) => {
    const summary = (await progressSummaries(e.course.id, [e.id])).get(e.id)!
    const lessons = e.course.chapters.flatMap(c => c.videos)
    const done = new Set(summary.completedLessonIds)
    const target = lessons.find(l => l.id === e.lastVideoId) ?? lessons.find(l => !done.has(l.id)) ?? lessons[0]
    const position = target ? (e.progress.find(p => p.videoId === target.id)?.positionSeconds ?? 0) : 0
    return {
      course: { id: e.course.id, slug: e.course.slug, title: e.course.title, coverImageUrl: e.course.coverImageUrl, instructorName: e.course.owner.name },
      enrolledAt: e.createdAt.toISOString(),
      lastActiveAt: e.lastActiveAt.toISOString(),
      completedAt: e.completedAt?.toISOString() ?? null,
      percentComplete: summary.percentComplete,
      completedLessons: summary.completedLessonIds.length,
      totalLessons: summary.totalLessons,
      resume: target ? { lessonId: target.id, title: target.title, positionSeconds: position } : null,
    }
  }))
}
