// Chapters and lessons of a course: the editor's inline forms and the routes share these.
import { z } from 'zod'

export const outlineTitle = z.string({ required_error: 'Give it a title' })
  .trim()
  .min(1, 'Give it a title')
  .max(200, 'Keep the title under 200 characters')

export const ChapterInput = z.object({ title: outlineTitle })
export type ChapterInput = z.infer<typeof ChapterInput>

export const LessonInput = z.object({ title: outlineTitle, freePreview: z.boolean().default(false) })
export type LessonInput = z.infer<typeof LessonInput>

export const LessonUpdateInput = z.object({ title: outlineTitle, freePreview: z.boolean() })
  .partial()
  .refine(value => value.title !== undefined || value.freePreview !== undefined, { message: 'Send a title or freePreview' })
export type LessonUpdateInput = z.infer<typeof LessonUpdateInput>

const id = z.string().min(1).max(64).regex(/^[\w-]+$/, 'Not an id')
const uniqueIds = (what: string) => z.array(id).max(1000).refine(ids => new Set(ids).size === ids.length, `The same ${what} is listed twice`)

/** "Save changes": the pending deletes, in one transaction. */
export const OutlineDeleteInput = z.object({
  chapterIds: uniqueIds('chapter').default([]),
  lessonIds: uniqueIds('lesson').default([]),
}).refine(v => v.chapterIds.length + v.lessonIds.length > 0, { message: 'Nothing to delete' })
export type OutlineDeleteInput = z.infer<typeof OutlineDeleteInput>

/** The whole order: every chapter, and every lesson under the chapter it now belongs to. */
export const OutlineOrderInput = z.object({
  chapters: z.array(z.object({ id, lessonIds: z.array(id).max(1000) })).max(500),
}).superRefine((order, ctx) => {
  const chapterIds = order.chapters.map(c => c.id)
  if (new Set(chapterIds).size !== chapterIds.length) ctx.addIssue({ code: 'custom', path: ['chapters'], message: 'A chapter is listed twice' })
  const lessonIds = order.chapters.flatMap(c => c.lessonIds)
  if (new Set(lessonIds).size !== lessonIds.length) ctx.addIssue({ code: 'custom', path: ['chapters'], message: 'A lesson is listed twice' })
})
export type OutlineOrderInput = z.infer<typeof OutlineOrderInput>

export const ChapterIdParams = z.object({ id })
export const LessonIdParams = z.object({ id })
