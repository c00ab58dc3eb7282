import type { CaptionReplaceInput } from '#shared/schemas/caption'
import type { LessonCaption } from '#shared/types/caption'
import { notFound } from '../../utils/errors'
import { withOwnedLesson } from './caption-access'
import { captionSelect, toLessonCaption } from './caption-dto'
import { parseCaptionFile } from './parse-caption-file'

/** A new file for the same language (a corrected transcript); the label may change with it. */
export async function replaceCaption({ ownerId, lessonId, captionId, input }: { ownerId: string, lessonId: string, captionId: string, input: CaptionReplaceInput }): Promise<LessonCaption> {
  const parsed = await parseCaptionFile({ base64: input.content, fileName: input.fileName })
  return withOwnedLesson({ ownerId, lessonId }, async (tx) => {
    const { count } = await tx.caption.updateMany({
      where: { id: captionId, lessonId },
      data: { vtt: parsed.vtt, text: parsed.text, cueCount: parsed.cues.length, ...(input.label ? { label: input.label } : {}) },
    })
    if (count === 0) throw notFound('Caption')
    return toLessonCaption(await tx.caption.findUniqueOrThrow({ where: { id: captionId }, select: captionSelect }))
  })
}
