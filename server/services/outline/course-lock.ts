// Every structural write to a course's outline runs in a transaction that first locks the course
// row. Writers to one course therefore take turns, so positions computed inside the transaction
// stay gap-free and unique even when requests arrive at the same moment.
import type { Prisma } from '../../generated/prisma/client'
import { notFound } from '../../utils/errors'
import { useDb } from '../../database/db'

export type Tx = Prisma.TransactionClient

export async function withLockedCourse<T>(options: { ownerId: string, courseId: string }, work: (tx: Tx) => Promise<T>): Promise<T> {
  return useDb().$transaction(async (tx) => {
    const rows = await tx.$queryRaw<{ id: string }[]>`
      SELECT id FROM "Course"
      WHERE id = ${options.courseId} AND "ownerId" = ${options.ownerId} AND "deletedAt" IS NULL
      FOR UPDATE`
    if (!rows.length) throw notFound('Course')
    return work(tx)
  }, { maxWait: 10_000, timeout: 20_000 })
}

/** The course a chapter belongs to, if the user owns it and it is not deleted. */
export async function courseOfChapter(options: { ownerId: string, chapterId: string }): Promise<string> {
  const chapter = await useDb().chapter.findFirst({
    where: { id: options.chapterId, course: { ownerId: options.ownerId, deletedAt: null } },
    select: { courseId: true },
  })
  if (!chapter) throw notFound('Chapter')
  return chapter.courseId
}

export async function courseOfLesson(options: { ownerId: string, lessonId: string }): Promise<string> {
  const lesson = await useDb().video.findFirst({
    where: { id: options.lessonId, chapter: { course: { ownerId: options.ownerId, deletedAt: null } } },
    select: { chapter: { select: { courseId: true } } },
  })
  if (!lesson) throw notFound('Lesson')
  return lesson.chapter.courseId
}
