// What a message may carry: the sender's own attachments uploaded into this conversation and not
// sent yet, each fully received; and, as a reference, an attachment of an earlier message here.
import type { MessageAccess } from '#shared/schemas/conversation'
import type { Prisma } from '../../generated/prisma/client'
import { AppError } from '../../utils/errors'
import { useDb } from '../../database/db'

const field = (name: 'attachmentIds' | 'referenceAttachmentId', message: string) => new AppError('VALIDATION', message, { fields: { [name]: [message] } })

export async function checkSendableAttachments({ conversationId, userId, attachmentIds }: { conversationId: string, userId: string, attachmentIds: string[] }): Promise<void> {
  if (attachmentIds.length === 0) return
  const rows = await useDb().attachment.findMany({
    where: { id: { in: attachmentIds }, conversationId, uploaderId: userId },
    select: { id: true, messageId: true, mediaFile: { select: { status: true, originalName: true } } },
  })
  if (rows.length !== attachmentIds.length) throw field('attachmentIds', 'One of the files is not an upload of yours in this conversation')
  const sent = rows.find(row => row.messageId)
  if (sent) throw new AppError('CONFLICT', `“${sent.mediaFile.originalName}” was already sent`)
  const uploading = rows.find(row => row.mediaFile.status === 'UPLOADING')
  if (uploading) throw new AppError('CONFLICT', `“${uploading.mediaFile.originalName}” is still uploading`)
  const failed = rows.find(row => row.mediaFile.status === 'FAILED')
  if (failed) throw field('attachmentIds', `“${failed.mediaFile.originalName}” could not be stored; remove it and attach it again`)
}

/** Ties the attachments to the new message, unless another send took one first (then nothing is stored). */
export async function claimAttachments(tx: Prisma.TransactionClient, { messageId, userId, attachmentIds }: { messageId: string, userId: string, attachmentIds: string[] }): Promise<void> {
  if (attachmentIds.length === 0) return
  const { count } = await tx.attachment.updateMany({ where: { id: { in: attachmentIds }, uploaderId: userId, messageId: null }, data: { messageId } })
  if (count !== attachmentIds.length) throw new AppError('CONFLICT', 'One of the files was sent in another message meanwhile')
}

/**
 * A reference points at a sent attachment in the same conversation. A message shared with
 * observers may not point at a file only the pair may see: the reference would show it to them.
 */
export async function checkReference({ conversationId, attachmentId, access }: { conversationId: string, attachmentId: string, access: MessageAccess }): Promise<void> {
  const referenced = await useDb().attachment.findFirst({
    where: { id: attachmentId, conversationId, messageId: { not: null } },
    select: { message: { select: { access: true } } },
  })
  if (!referenced?.message) throw field('referenceAttachmentId', 'That file is not in an earlier message of this conversation')
  if (access === 'OBSERVERS' && referenced.message.access !== 'OBSERVERS')
    throw field('referenceAttachmentId', 'That file is private to the two of you: send this message to the student only, or share the file’s message first')
}
