// Removing an attachment from the composer before sending: only its uploader, only while unsent
// (404 otherwise, 409 once sent). Idempotent in effect: a second remove finds nothing (404).
import { AppError, notFound } from '../../utils/errors'
import { useDb } from '../../database/db'
import { abortUpload } from '../upload/abort-upload'
import { forgetProgress } from '../../uploads/progress'
import { forgetUploadLiveness } from '../../uploads/liveness'

export async function removeUnsentAttachment({ attachmentId, userId }: { attachmentId: string, userId: string }): Promise<{ id: string }> {
  const row = await useDb().attachment.findUnique({ where: { id: attachmentId }, select: { uploaderId: true, messageId: true, mediaFile: { select: { storageKey: true } } } })
  if (!row || row.uploaderId !== userId) throw notFound('Attachment')
  if (row.messageId) throw new AppError('CONFLICT', 'This file was sent with a message and stays with it')
  forgetProgress(row.mediaFile.storageKey)
  forgetUploadLiveness(row.mediaFile.storageKey)
  await abortUpload(row.mediaFile.storageKey)
  return { id: attachmentId }
}
