// An attachment upload starts: the uploader must be a participant of the conversation (anyone
// else gets the 404 the conversation routes give). The media file and the unsent attachment are
// created together; the composer lists it at once.
import { useDb } from '../../database/db'
import { readerOf } from '../conversation/conversation-access'
import { notFound } from '../../utils/errors'
import { announceUnsentAttachment } from '../conversation/announce-attachment'
import { attachmentSelect, toMessageAttachment } from '../conversation/attachment-dto'

export async function beginAttachmentUpload(input: { userId: string, conversationId: string, uploadId: string, fileName: string, mimeType: string, sizeBytes: number }): Promise<{ attachmentId: string, mediaFileId: string }> {
  const reader = await readerOf({ conversationId: input.conversationId, userId: input.userId })
  if (reader.role !== 'participant') throw notFound('Conversation')
  const attachment = await useDb().attachment.create({
    data: {
      conversation: { connect: { id: input.conversationId } },
      uploaderId: input.userId,
      mediaFile: {
        create: {
          ownerId: input.userId, purpose: 'ATTACHMENT', storageKey: input.uploadId,
          originalName: input.fileName.slice(0, 500), mimeType: input.mimeType.slice(0, 200), sizeBytes: BigInt(input.sizeBytes),
        },
      },
    },
    select: attachmentSelect,
  })
  await announceUnsentAttachment({ conversationId: input.conversationId, uploaderId: input.userId, attachment: toMessageAttachment(attachment) })
  return { attachmentId: attachment.id, mediaFileId: attachment.mediaFile.id }
}
