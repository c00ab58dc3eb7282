import type { User } from '#auth-utils'
import type { CaptionTranscript } from '#shared/types/caption'
import { notFound } from '../../utils/errors'
import { useDb } from '../../database/db'
import { requireWatchableLesson } from './caption-access'
import { captionSelect, toLessonCaption } from './caption-dto'
import { cuesOfVtt } from './parse-caption-file'

async function findCaption({ lessonId, captionId, user }: { lessonId: string, captionId: string, user: User | null }) {
  await requireWatchableLesson({ lessonId, user })
  const row = await useDb().caption.findFirst({ where: { id: captionId, lessonId }, select: { ...captionSelect, vtt: true } })
  if (!row) throw notFound('Caption')
  return row
}

/** The transcript panel's cues, for whoever may watch the lesson. */
export async function getCaptionTranscript(options: { lessonId: string, captionId: string, user: User | null }): Promise<CaptionTranscript> {
  const { vtt, ...caption } = await findCaption(options)
  return { caption: toLessonCaption(caption), cues: await cuesOfVtt(vtt) }
}

/** The WebVTT text a <track> element loads. */
export async function getCaptionVtt(options: { lessonId: string, captionId: string, user: User | null }): Promise<{ vtt: string, updatedAt: Date }> {
  const { vtt, updatedAt } = await findCaption(options)
  return { vtt, updatedAt }
}
