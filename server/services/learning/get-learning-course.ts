// The watch page's data: the course outline with the student's position and completion per
// lesson, the course's percent complete, and where "continue" goes.
import type { LearnCourse } from '#shared/types/learning'
import { useDb } from '../../database/db'
import { captionOrder, captionTrackSelect, toCaptionTrack } from '../caption/caption-dto'
import { percentOf } from './course-progress'
import { findEnrollmentBySlug } from './enrollment-access'

export async function getLearningCourse({ slug, userId }: { slug: string, userId: string }): Promise<LearnCourse> {
  const enrollment = await findEnrollmentBySlug({ slug, userId })
  const [course, progress] = await Promise.all([
    useDb().course.findUniqueOrThrow({
      where: { id: enrollment.courseId },
      select: {
        id: true,
        slug: true,
        title: true,
        owner: { select: { name: true } },
        chapters: {
          orderBy: { position: 'asc' },
          select: {
            id: true,
            title: true,
            videos: { orderBy: { position: 'asc' }, select: { id: true, title: true, durationSeconds: true, mediaFile: { select: { status: true, thumbnailKey: true } }, captions: { select: captionTrackSelect, orderBy: captionOrder } } },
          },
        },
      },
    }),
    useDb().lessonProgress.findMany({ where: { enrollmentId: enrollment.id }, select: { videoId: true, positionSeconds: true, completedAt: true } }),
  ])
  // LessonProgress.videoId is the lesson's id (the table keeps its column name); the DTO says lessonId.
  const byLesson = new Map(progress.map(p => [p.videoId, p]))
  const chapters = course.chapters.map(chapter => ({
    id: chapter.id,
    title: chapter.title,
    lessons: chapter.videos.map((lesson) => {
      const mine = byLesson.get(lesson.id)
      const ready = lesson.mediaFile?.status === 'READY'
      return {
        id: lesson.id,
        title: lesson.title,
        durationSeconds: lesson.durationSeconds,
        hasVideo: ready,
        hasThumbnail: ready && !!lesson.mediaFile?.thumbnailKey,
        positionSeconds: mine?.positionSeconds ?? 0,
        completed: !!mine?.completedAt,
        captions: lesson.captions.map(toCaptionTrack),
      }
    }),
  }))
  const lessons = chapters.flatMap(c => c.lessons)
  const completed = lessons.filter(l => l.completed).length
  const last = lessons.find(l => l.id === enrollment.lastVideoId)
  const resume = last ?? lessons.find(l => !l.completed) ?? lessons[0]
  return {
    course: { id: course.id, slug: course.slug, title: course.title, instructorName: course.owner.name },
    chapters,
    percentComplete: percentOf(completed, lessons.length),
    completedAt: enrollment.completedAt?.toISOString() ?? null,
    resumeLessonId: resume?.id ?? null,
  }
}
