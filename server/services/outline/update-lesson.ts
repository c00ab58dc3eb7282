import type { LessonUpdateInput } from '#shared/schemas/outline'
import type { Lesson } from '#shared/types/outline'
import { notFound } from '../../utils/errors'
import { useDb } from '../../database/db'
import { courseOfLesson } from './course-lock'
import { toLesson, lessonSelect } from './outline-dto'
import { announceOutline } from './announce-outline'

/** Renames a lesson or switches its free preview. */
export async function updateLesson({ ownerId, lessonId, input }: { ownerId: string, lessonId: string, input: LessonUpdateInput }): Promise<Lesson> {
  const courseId = await courseOfLesson({ ownerId, lessonId })
  const { count } = await useDb().video.updateMany({
    where: { id: lessonId, chapter: { course: { ownerId, deletedAt: null } } },
    data: input,
  })
  if (count === 0) throw notFound('Lesson')
  const lesson = toLesson(await useDb().video.findUniqueOrThrow({ where: { id: lessonId }, select: lessonSelect }))
  await announceOutline({ type: 'lesson-saved', courseId, lesson })
  return lesson
}
