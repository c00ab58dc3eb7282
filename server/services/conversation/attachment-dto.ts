// The one place an attachment row becomes what the API and the socket send: metadata only.
import type { MessageAttachment, PendingAttachment } from '#shared/types/conversation'

export const attachmentSelect = {
  id: true,
  mediaFile: { select: { id: true, originalName: true, mimeType: true, sizeBytes: true, receivedBytes: true, width: true, height: true, status: true, thumbnailKey: true } },
} as const

export interface AttachmentRow {
  id: string
  mediaFile: { originalName: string, mimeType: string, sizeBytes: bigint | number, receivedBytes?: bigint | number, width: number | null, height: number | null, status: MessageAttachment['status'], thumbnailKey: string | null }
}

export function toMessageAttachment({ id, mediaFile: file }: AttachmentRow): MessageAttachment {
  return {
    id,
    name: file.originalName,
    mimeType: file.mimeType,
    sizeBytes: Number(file.sizeBytes),
    width: file.width,
    height: file.height,
    status: file.status,
    hasThumbnail: !!file.thumbnailKey,
  }
}

export function toPendingAttachment(row: AttachmentRow): PendingAttachment {
  return { ...toMessageAttachment(row), receivedBytes: Number(row.mediaFile.receivedBytes ?? 0) }
}
