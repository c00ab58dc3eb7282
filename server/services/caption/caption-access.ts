// Who may do what with a lesson's captions. Reading (the list, a transcript, the .vtt for <track>)
// follows the lesson's video: whoever may watch it (find-streamable-video.ts). Writing is the
// course owner's, inside the course lock, so two writers never leave two defaults or none.
import type { User } from '#auth-utils'
import { notFound } from '../../utils/errors'
import { useDb } from '../../database/db'
import { mayWatchLesson } from '../media/find-streamable-video'
import { courseOfLesson, withLockedCourse, type Tx } from '../outline/course-lock'

/** Throws the same 404 for a missing lesson and one the user may not watch. */
export async function requireWatchableLesson({ lessonId, user }: { lessonId: string, user: User | null }): Promise<void> {
  const lesson = await useDb().video.findUnique({
    where: { id: lessonId },
    select: { freePreview: true, chapter: { select: { course: { select: { id: true, ownerId: true, status: true, deletedAt: true } } } } },
  })
  const course = lesson?.chapter.course
  if (!lesson || !course || course.deletedAt || !(await mayWatchLesson({ course, freePreview: lesson.freePreview, user }))) throw notFound('Lesson')
}

/** Runs a caption write on the owner's lesson with the course locked; a foreign lesson is a 404. */
export async function withOwnedLesson<T>({ ownerId, lessonId }: { ownerId: string, lessonId: string }, work: (tx: Tx) => Promise<T>): Promise<T> {
  const courseId = await courseOfLesson({ ownerId, lessonId })
  return withLockedCourse({ ownerId, courseId }, work)
}
