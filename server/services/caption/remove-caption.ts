import { notFound } from '../../utils/errors'
import { withOwnedLesson } from './caption-access'
import { captionOrder } from './caption-dto'

/** Removes one language; when it was the default, the next caption in the list becomes the default. */
export async function removeCaption({ ownerId, lessonId, captionId }: { ownerId: string, lessonId: string, captionId: string }): Promise<{ id: string }> {
  return withOwnedLesson({ ownerId, lessonId }, async (tx) => {
    const caption = await tx.caption.findFirst({ where: { id: captionId, lessonId }, select: { isDefault: true } })
    if (!caption) throw notFound('Caption')
    await tx.caption.delete({ where: { id: captionId } })
    if (caption.isDefault) {
      const next = await tx.caption.findFirst({ where: { lessonId }, orderBy: captionOrder, select: { id: true } })
      if (next) await tx.caption.update({ where: { id: next.id }, data: { isDefault: true } })
    }
    return { id: captionId }
  })
}
