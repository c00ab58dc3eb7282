// Tells those who may see an attachment that it moved on (uploaded, processed): its uploader
// while it is unsent, else whoever may read its message (the message's access and grants).
import type { MessageAttachment } from '#shared/types/conversation'
import { conversationChannel } from '#shared/realtime/channels'
import { broadcast } from '../../realtime/broadcast'
import { useDb } from '../../database/db'
import { audienceOf } from './message-dto'
import { attachmentSelect, toMessageAttachment } from './attachment-dto'

export async function announceAttachment(mediaFileId: string): Promise<void> {
  const row = await useDb().attachment.findUnique({
    where: { mediaFileId },
    select: {
      ...attachmentSelect,
      conversationId: true,
      uploaderId: true,
      messageId: true,
      message: { select: { access: true, grants: { select: { userId: true } } } },
      conversation: { select: { studentId: true, instructorId: true } },
    },
  })
  if (!row) return
  const onlyUsers = row.message ? audienceOf(row.message, row.conversation, row.message.grants.map(grant => grant.userId)) : [row.uploaderId]
  await broadcast(
    conversationChannel(row.conversationId),
    { type: 'attachment-updated', conversationId: row.conversationId, messageId: row.messageId, attachment: toMessageAttachment(row) },
    onlyUsers ? { onlyUsers } : undefined,
  )
}

/** A new upload in the composer: only its uploader lists it until a message carries it. */
export async function announceUnsentAttachment({ conversationId, uploaderId, attachment }: { conversationId: string, uploaderId: string, attachment: MessageAttachment }): Promise<void> {
  await broadcast(conversationChannel(conversationId), { type: 'attachment-updated', conversationId, messageId: null, attachment }, { onlyUsers: [uploaderId] })
}
