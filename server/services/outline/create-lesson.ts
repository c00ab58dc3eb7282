import type { LessonInput } from '#shared/schemas/outline'
import type { Lesson } from '#shared/types/outline'
import { courseOfChapter, withLockedCourse } from './course-lock'
import { toLesson, lessonSelect } from './outline-dto'
import { announceOutline } from './announce-outline'

/** Adds a lesson at the end of a chapter (a placeholder until its file is uploaded). */
export async function createLesson({ ownerId, chapterId, input }: { ownerId: string, chapterId: string, input: LessonInput }): Promise<Lesson> {
  const courseId = await courseOfChapter({ ownerId, chapterId })
  const lesson = await withLockedCourse({ ownerId, courseId }, async (tx) => {
    const position = await tx.video.count({ where: { chapterId } })
    return toLesson(await tx.video.create({ data: { chapterId, title: input.title, freePreview: input.freePreview, position }, select: lessonSelect }))
  })
  await announceOutline({ type: 'lesson-saved', courseId, lesson })
  return lesson
}
