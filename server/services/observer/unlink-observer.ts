// An instructor unlinks an observer from one of their students. At once: the observer's explicit
// grants on that pair's messages go (linking again starts from nothing shared but what is shared
// with all observers), their sockets leave the conversation's channel (so nothing more reaches
// them live), and their /messages list drops the conversation. Unlinking someone who is not
// linked is already done (idempotent), not an error.
import { useDb } from '../../database/db'
import { announceObserverUnlinked } from './announce-observers'
import { ownStudent } from './student-access'

export async function unlinkObserver({ instructorId, studentId, observerId }: { instructorId: string, studentId: string, observerId: string }): Promise<{ removed: boolean }> {
  const db = useDb()
  await ownStudent({ instructorId, studentId })
  const conversation = await db.conversation.findUnique({ where: { studentId_instructorId: { studentId, instructorId } }, select: { id: true, lastMessageAt: true, createdAt: true } })
  const [{ count }] = await db.$transaction([
    db.observerLink.deleteMany({ where: { observerId, studentId, instructorId } }),
    db.messageGrant.deleteMany({ where: { userId: observerId, message: { conversation: { studentId, instructorId } } } }),
  ])
  if (count) {
    await announceObserverUnlinked({ instructorId, studentId, observerId, conversation })
  }
  return { removed: count > 0 }
}
