import type { PendingAttachment } from '#shared/types/conversation'
import { useDb } from '../../database/db'
import { attachmentSelect, toPendingAttachment } from './attachment-dto'

/** My attachments in a conversation that no message carries yet. */
export async function listUnsentAttachments({ conversationId, userId }: { conversationId: string, userId: string }): Promise<PendingAttachment[]> {
  const rows = await useDb().attachment.findMany({
    where: { conversationId, uploaderId: userId, messageId: null },
    orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
    select: attachmentSelect,
    take: 50,
  })
  return rows.map(toPendingAttachment)
}
