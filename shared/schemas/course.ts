import { z } from 'zod'

export const COURSE_CATEGORIES = [
  'Development',
  'Data Science',
  'Design',
  'Business',
  'Marketing',
  'Photography',
  'Music',
  'Language',
  'Writing',
  'Health & Fitness',
  'Personal Development',
  'Other',
] as const
export type CourseCategory = typeof COURSE_CATEGORIES[number]

export const COURSE_STATUSES = ['DRAFT', 'PUBLISHED'] as const
export type CourseStatus = typeof COURSE_STATUSES[number]

export const courseTitle = z.string({ required_error: 'Give the course a title' })
  .trim()
  .min(3, 'Use at least 3 characters')
  .max(120, 'Keep the title under 120 characters')

/** The course details form (create and edit) and the routes that take it. */
export const CourseInput = z.object({
  title: courseTitle,
  description: z.string().trim().max(5000, 'Keep the description under 5000 characters').default(''),
  category: z.enum(COURSE_CATEGORIES, { errorMap: () => ({ message: 'Pick a category' }) }),
})
export type CourseInput = z.infer<typeof CourseInput>

/** PATCH takes any subset, so inline edits can send one field; at least one is required. */
export const CourseUpdateInput = CourseInput.partial().refine(
  value => Object.values(value).some(v => v !== undefined),
  { message: 'Send at least one field to change' },
)
export type CourseUpdateInput = z.infer<typeof CourseUpdateInput>

export const CourseIdParams = z.object({
  id: z.string().min(1).max(64).regex(/^[\w-]+$/, 'Not a course id'),
})
