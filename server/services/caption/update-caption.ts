import type { CaptionUpdateInput } from '#shared/schemas/caption'
import type { LessonCaption } from '#shared/types/caption'
import { notFound } from '../../utils/errors'
import { withOwnedLesson } from './caption-access'
import { captionSelect, toLessonCaption } from './caption-dto'

/** Renames a caption or makes it the lesson's default (the previous default stops being one). */
export async function updateCaption({ ownerId, lessonId, captionId, input }: { ownerId: string, lessonId: string, captionId: string, input: CaptionUpdateInput }): Promise<LessonCaption> {
  return withOwnedLesson({ ownerId, lessonId }, async (tx) => {
    const caption = await tx.caption.findFirst({ where: { id: captionId, lessonId }, select: { id: true } })
    if (!caption) throw notFound('Caption')
    // The old default goes first: the database allows one default per lesson at any moment.
    if (input.isDefault) await tx.caption.updateMany({ where: { lessonId, isDefault: true, id: { not: captionId } }, data: { isDefault: false } })
    const row = await tx.caption.update({ where: { id: captionId }, data: input, select: captionSelect })
    return toLessonCaption(row)
  })
}
