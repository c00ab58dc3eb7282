// A file upload into the instructor's media library starts: its media file row (purpose LIBRARY)
// and the UPLOAD audit entry are written together, and the library list shows it at once
// ("uploading", then live progress on the owner's channel).
import { useDb } from '../../database/db'
import { announceMedia } from '../media/announce-media'
import { recordMediaAudit } from '../media/media-audit'

export async function beginLibraryUpload(input: { ownerId: string, uploadId: string, fileName: string, mimeType: string, sizeBytes: number }): Promise<{ mediaFileId: string }> {
  const { ownerId } = input
  const mediaFileId = await useDb().$transaction(async (tx) => {
    const media = await tx.mediaFile.create({
      data: { ownerId, purpose: 'LIBRARY', storageKey: input.uploadId, originalName: input.fileName.slice(0, 500), mimeType: input.mimeType.slice(0, 200), sizeBytes: BigInt(input.sizeBytes) },
      select: { id: true, originalName: true, mimeType: true },
    })
    await recordMediaAudit(tx, { ownerId, mediaFileId: media.id, actorId: ownerId, action: 'UPLOAD', after: { name: media.originalName, mimeType: media.mimeType, sizeBytes: input.sizeBytes, purpose: 'LIBRARY' } })
    return media.id
  })
  await announceMedia(ownerId, [mediaFileId])
  return { mediaFileId }
}
