import type { CourseInput } from '#shared/schemas/course'
import type { Course } from '#shared/types/course'
import { slugify } from '#shared/utils/slug'
import { Prisma } from '../../generated/prisma/client'
import { useDb } from '../../database/db'
import { announceCourse } from './announce-course'
import { courseSelect, toCourse } from './course-dto'

const randomSuffix = () => Math.random().toString(36).slice(2, 8)

/**
 * Creates a draft course. The slug comes from the title and stays put when the title changes
 * later, so shared links keep working; a taken slug gets a short random suffix.
 */
export async function createCourse({ ownerId, input }: { ownerId: string, input: CourseInput }): Promise<Course> {
  const base = slugify(input.title)
  for (let attempt = 0; attempt < 5; attempt++) {
    const slug = attempt === 0 ? base : `${base}-${randomSuffix()}`
    try {
      const row = await useDb().course.create({
        data: { ownerId, slug, ...input },
        select: courseSelect,
      })
      const course = toCourse(row)
      await announceCourse(ownerId, { type: 'course-created', course })
      return course
    }
    catch (error) {
      const slugTaken = error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2002'
      if (!slugTaken) throw error
    }
  }
  throw new Error(`could not find a free slug for "${base}"`)
}
