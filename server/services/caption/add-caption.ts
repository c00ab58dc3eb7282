import type { CaptionAddInput } from '#shared/schemas/caption'
import { captionLanguageName } from '#shared/schemas/caption'
import type { LessonCaption } from '#shared/types/caption'
import { AppError } from '../../utils/errors'
import { withOwnedLesson } from './caption-access'
import { captionSelect, toLessonCaption } from './caption-dto'
import { parseCaptionFile } from './parse-caption-file'

/** Adds a language to a lesson's captions; the lesson's first captions become its default. */
export async function addCaption({ ownerId, lessonId, input }: { ownerId: string, lessonId: string, input: CaptionAddInput }): Promise<LessonCaption> {
  // Parsed before the lock: a bad file is refused without touching the course.
  const parsed = await parseCaptionFile({ base64: input.content, fileName: input.fileName })
  return withOwnedLesson({ ownerId, lessonId }, async (tx) => {
    const existing = await tx.caption.findMany({ where: { lessonId }, select: { language: true } })
    if (existing.some(caption => caption.language === input.language))
      throw new AppError('CONFLICT', `This lesson already has ${captionLanguageName(input.language)} captions: replace them instead`, { fields: { language: ['Already added: replace it instead'] } })
    const row = await tx.caption.create({
      data: { lessonId, language: input.language, label: input.label, isDefault: existing.length === 0, vtt: parsed.vtt, text: parsed.text, cueCount: parsed.cues.length },
      select: captionSelect,
    })
    return toLessonCaption(row)
  })
}
