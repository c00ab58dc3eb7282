// The instructor sets who besides the pair may read a message: its access (participants only, or
// shared with every observer linked to the pair) and explicit grants to some of those observers.
// The change is live, through the conversation's channel and only to those who may read it now:
// participants get the message with its new access, an observer who can now read it gets it
// (it appears in their stream), and one who no longer can gets `message-hidden` (it leaves).
import type { SetMessageVisibilityInput } from '#shared/schemas/observer'
import type { MessageVisibility } from '#shared/types/observer'
import { AppError } from '../../utils/errors'
import { useDb } from '../../database/db'
import { listLinkedObservers } from '../observer/list-linked-observers'
import { announceMessageAccess } from './announce-conversation'
import { fromSelectedMessage, messageSelect, toChatMessage } from './message-dto'
import { instructorsMessage } from './message-access'

/** Which of the linked observers may read a message with this access and these grants. */
function readers(linked: string[], access: 'PARTICIPANTS' | 'OBSERVERS', grants: Iterable<string>): Set<string> {
  if (access === 'OBSERVERS') return new Set(linked)
  const granted = new Set(grants)
  return new Set(linked.filter(id => granted.has(id)))
}

export async function setMessageVisibility({ userId, messageId, access, grantedTo }: { userId: string, messageId: string } & SetMessageVisibilityInput): Promise<MessageVisibility> {
  const { conversation } = await instructorsMessage({ userId, messageId })
  const pair = { studentId: conversation.studentId, instructorId: conversation.instructorId }
  const observers = await listLinkedObservers(pair)
  const linked = observers.map(o => o.id)
  const wanted = [...new Set(grantedTo)].sort()
  const strangers = wanted.filter(id => !linked.includes(id))
  if (strangers.length) throw new AppError('UNPROCESSABLE', 'A message can only be granted to observers linked to this student', { fields: { grantedTo: ['Only observers linked to this student can be chosen'] }, details: { notLinked: strangers } })

  // The message row is locked while its grants change, so two saves at once take turns and
  // each computes who gains and who loses access from what the other left.
  const { before, row } = await useDb().$transaction(async (tx) => {
    const locked = await tx.$queryRaw<{ access: 'PARTICIPANTS' | 'OBSERVERS' }[]>`SELECT access FROM "Message" WHERE id = ${messageId} FOR UPDATE`
    const grants = await tx.messageGrant.findMany({ where: { messageId }, select: { userId: true } })
    const before = readers(linked, locked[0]!.access, grants.map(g => g.userId))
    await tx.messageGrant.deleteMany({ where: { messageId, userId: { notIn: wanted } } })
    if (wanted.length) await tx.messageGrant.createMany({ data: wanted.map(id => ({ messageId, userId: id })), skipDuplicates: true })
    const row = await tx.message.update({ where: { id: messageId }, data: { access }, select: messageSelect })
    return { before, row }
  }, { maxWait: 10_000, timeout: 20_000 })

  const message = toChatMessage(fromSelectedMessage(row))
  const after = readers(linked, access, wanted)
  const hiddenFrom = [...before].filter(id => !after.has(id))
  const touched = [...new Set([...hiddenFrom, ...[...after].filter(id => !before.has(id))])]
  await announceMessageAccess({ conversation, message, grantedTo: wanted, readers: after, hiddenFrom, touched })
  return { messageId, conversationId: conversation.id, access, grantedTo: wanted, observers }
}
