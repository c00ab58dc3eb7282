// Throws away an unfinished upload from the library (nobody is sending it any more): its bytes and
// its file go, a lesson it was for goes back to "no video yet" (abort-upload.ts). Someone else's
// file, a missing one and one that already finished all answer 404.
import { useDb } from '../../database/db'
import { notFound } from '../../utils/errors'
import { forgetUploadOwnership } from '../../uploads/ownership-cache'
import { libraryFile } from '../media/media-sql'
import { abortUpload } from './abort-upload'

export async function discardUpload({ ownerId, mediaId }: { ownerId: string, mediaId: string }): Promise<{ mediaId: string }> {
  const file = await useDb().mediaFile.findFirst({ where: { id: mediaId, ownerId, status: 'UPLOADING', ...libraryFile }, select: { storageKey: true } })
  if (!file) throw notFound('Unfinished upload')
  forgetUploadOwnership(file.storageKey)
  await abortUpload(file.storageKey)
  return { mediaId }
}
