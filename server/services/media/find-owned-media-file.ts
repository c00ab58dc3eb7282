// A library file as its owner opens it (preview, download): the owner only, live or in the trash.
// Anyone else gets 404, the same as for a file that does not exist.
import { notFound } from '../../utils/errors'
import { useDb } from '../../database/db'
import { libraryFile } from './media-sql'

export async function findOwnedMediaFile({ id, ownerId }: { id: string, ownerId: string }) {
  const file = await useDb().mediaFile.findFirst({
    where: { id, ownerId, ...libraryFile },
    select: { storageKey: true, originalName: true, mimeType: true, sizeBytes: true, status: true, thumbnailKey: true },
  })
  if (!file) throw notFound('File')
  return { ...file, sizeBytes: Number(file.sizeBytes) }
}
