// "Messages": the conversations a user is in (as student or instructor), and those they observe,
// newest activity first, each with the other person, the last message they may see, how many
// messages from others arrived since they last read it, and (participants only) how far each
// participant has read, for "Seen".
import type { ConversationSummary, Participant } from '#shared/types/conversation'
import { useDb } from '../../database/db'

const person = { select: { id: true, name: true, role: true } } as const
const PREVIEW_CHARS = 120

export async function listConversations({ userId }: { userId: string }): Promise<ConversationSummary[]> {
  const db = useDb()
  const links = await db.observerLink.findMany({ where: { observerId: userId }, select: { studentId: true, instructorId: true } })
  const conversations = await db.conversation.findMany({
    where: { OR: [{ studentId: userId }, { instructorId: userId }, ...links.map(l => ({ studentId: l.studentId, instructorId: l.instructorId }))] },
    orderBy: [{ lastMessageAt: { sort: 'desc', nulls: 'last' } }, { createdAt: 'desc' }],
    take: 200,
    select: {
      id: true,
      lastMessageAt: true,
      studentId: true,
      instructorId: true,
      student: person,
      instructor: person,
      reads: { select: { userId: true, lastReadAt: true } },
    },
  })
  return Promise.all(conversations.map(async (c) => {
    const observer = c.studentId !== userId && c.instructorId !== userId
    // An observer sees what is shared with observers and what was granted to them.
    const visible = observer ? { OR: [{ access: 'OBSERVERS' as const }, { grants: { some: { userId } } }] } : {}
    const lastReadAt = c.reads.find(r => r.userId === userId)?.lastReadAt ?? new Date(0)
    const [last, unread] = await Promise.all([
      db.message.findFirst({
        where: { conversationId: c.id, ...visible },
        orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
        select: { id: true, type: true, body: true, senderId: true, createdAt: true },
      }),
      db.message.count({ where: { conversationId: c.id, ...visible, createdAt: { gt: lastReadAt }, OR: [{ senderId: null }, { senderId: { not: userId } }] } }),
    ])
    const other: Participant = c.studentId === userId ? c.instructor : c.student
    return {
      id: c.id,
      student: c.student,
      instructor: c.instructor,
      other,
      lastMessage: last ? { id: last.id, type: last.type, preview: last.body.slice(0, PREVIEW_CHARS), senderId: last.senderId, createdAt: last.createdAt.toISOString() } : null,
      lastMessageAt: c.lastMessageAt?.toISOString() ?? null,
      unread: observer ? 0 : unread,
      readerRole: observer ? 'observer' : 'participant',
      readState: observer ? {} : Object.fromEntries(c.reads.filter(r => r.userId === c.studentId || r.userId === c.instructorId).map(r => [r.userId, r.lastReadAt.toISOString()])),
    }
  }))
}
