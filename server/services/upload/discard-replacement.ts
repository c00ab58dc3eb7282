// "Discard" on a lesson's replacement video: one that failed to process, or an upload nobody is
// sending any more (another tab's, or one cut off by a reload). Its bytes and its file go; the
// lesson keeps playing its current video, untouched (abort-upload.ts). Someone else's lesson and
// a lesson with no replacement answer 404.
import type { Lesson } from '#shared/types/outline'
import { notFound } from '../../utils/errors'
import { useDb } from '../../database/db'
import { forgetUploadOwnership } from '../../uploads/ownership-cache'
import { toLesson, lessonSelect } from '../outline/outline-dto'
import { abortUpload } from './abort-upload'

export async function discardReplacement({ ownerId, lessonId }: { ownerId: string, lessonId: string }): Promise<Lesson> {
  const lesson = await useDb().video.findFirst({
    where: { id: lessonId, chapter: { course: { ownerId, deletedAt: null } } },
    select: { replacementMediaFile: { select: { storageKey: true } } },
  })
  if (!lesson?.replacementMediaFile) throw notFound('Replacement video')
  // A tab still sending it is refused at its next chunk (404), as after a cancel elsewhere.
  forgetUploadOwnership(lesson.replacementMediaFile.storageKey)
  await abortUpload(lesson.replacementMediaFile.storageKey)
  return toLesson(await useDb().video.findUniqueOrThrow({ where: { id: lessonId }, select: lessonSelect }))
}
