// "Retry" on a lesson whose processing failed, or whose replacement video's did: its bytes are
// still stored, so only the job runs again.
import type { Lesson } from '#shared/types/outline'
import { enqueue } from '../../database/job-queue'
import { AppError, notFound } from '../../utils/errors'
import { useDb } from '../../database/db'
import { toLesson, lessonSelect } from '../outline/outline-dto'
import { setUploadState } from './set-upload-state'

export async function retryProcessing({ ownerId, lessonId }: { ownerId: string, lessonId: string }): Promise<Lesson> {
  const lesson = await useDb().video.findFirst({
    where: { id: lessonId, chapter: { course: { ownerId, deletedAt: null } } },
    select: { mediaFile: { select: { storageKey: true, status: true } }, replacementMediaFile: { select: { storageKey: true, status: true } } },
  })
  if (!lesson) throw notFound('Lesson')
  const failed = [lesson.replacementMediaFile, lesson.mediaFile].find(file => file?.status === 'FAILED')
  if (!failed) throw new AppError('CONFLICT', 'Only a lesson whose processing failed can be retried; upload the file again otherwise.')
  await setUploadState(failed.storageKey, { status: 'PROCESSING', failureReason: null })
  await enqueue('media:process', { uploadId: failed.storageKey })
  return toLesson(await useDb().video.findUniqueOrThrow({ where: { id: lessonId }, select: lessonSelect }))
}
