// Who may open an attachment: while unsent, its uploader only; once sent, whoever may read its
// message (the pair; observers linked to them when the message is shared or granted to them).
// Everyone else gets 404, the same as for a file that does not exist.
import { notFound } from '../../utils/errors'
import { useDb } from '../../database/db'
import { readerOf } from './conversation-access'

export interface ReadableAttachment {
  id: string
  storageKey: string
  mimeType: string
  sizeBytes: number
  fileName: string
  status: 'UPLOADING' | 'PROCESSING' | 'READY' | 'FAILED'
  thumbnailKey: string | null
}

export async function findReadableAttachment({ attachmentId, userId }: { attachmentId: string, userId: string }): Promise<ReadableAttachment> {
  const row = await useDb().attachment.findUnique({
    where: { id: attachmentId },
    select: {
      id: true, conversationId: true, uploaderId: true,
      message: { select: { id: true, access: true, grants: { where: { userId }, select: { userId: true } } } },
      mediaFile: { select: { storageKey: true, mimeType: true, sizeBytes: true, originalName: true, status: true, thumbnailKey: true } },
    },
  })
  if (!row) throw notFound('Attachment')
  if (!row.message) {
    if (row.uploaderId !== userId) throw notFound('Attachment')
  }
  else {
    const reader = await readerOf({ conversationId: row.conversationId, userId }).catch(() => null)
    if (!reader) throw notFound('Attachment')
    if (reader.role === 'observer' && row.message.access !== 'OBSERVERS' && row.message.grants.length === 0) throw notFound('Attachment')
  }
  const file = row.mediaFile
  return { id: row.id, storageKey: file.storageKey, mimeType: file.mimeType, sizeBytes: Number(file.sizeBytes), fileName: file.originalName, status: file.status, thumbnailKey: file.thumbnailKey }
}
