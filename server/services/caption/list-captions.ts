import type { User } from '#auth-utils'
import type { LessonCaption } from '#shared/types/caption'
import { useDb } from '../../database/db'
import { requireWatchableLesson } from './caption-access'
import { captionOrder, captionSelect, toLessonCaption } from './caption-dto'

/** A lesson's captions, for whoever may watch the lesson. */
export async function listCaptions({ lessonId, user }: { lessonId: string, user: User | null }): Promise<LessonCaption[]> {
  await requireWatchableLesson({ lessonId, user })
  const rows = await useDb().caption.findMany({ where: { lessonId }, select: captionSelect, orderBy: captionOrder })
  return rows.map(toLessonCaption)
}
