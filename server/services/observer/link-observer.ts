// An instructor links an observer (a parent, a supervisor: an account with the OBSERVER role) to
// one of their students, by email. Linking twice is the same link (idempotent). From then on the
// observer reads that pair's conversation, shared messages only: their /messages list learns of
// it live, and the instructor's other tabs refresh their panel. An email with no account yet gets
// an invitation instead (services/invitation): accepting it makes the observer account and the link.
import type { InvitationRow, ObserverRow } from '#shared/types/observer'
import { AppError } from '../../utils/errors'
import { useDb } from '../../database/db'
import { sendInvitation } from '../invitation/send-invitation'
import { announceObserverLinked } from './announce-observers'
import { ownStudent } from './student-access'

/** Refusals about the email name the field, so the form shows them under the input. */
const refuse = (code: 'UNPROCESSABLE', message: string) => new AppError(code, message, { fields: { email: [message] } })

type LinkOutcome = { observer: ObserverRow, created: boolean, invitation?: undefined } | { invitation: InvitationRow, observer?: undefined }

export async function linkObserver({ instructorId, studentId, email, linkFor }: { instructorId: string, studentId: string, email: string, linkFor: (token: string) => string }): Promise<LinkOutcome> {
  const db = useDb()
  const student = await ownStudent({ instructorId, studentId })
  const account = await db.user.findUnique({ where: { email }, select: { id: true, name: true, email: true, role: true } })
  if (!account) return { invitation: await sendInvitation({ instructorId, student, email, linkFor }) }
  if (account.role !== 'OBSERVER') throw refuse('UNPROCESSABLE', `${email} is not an observer account (it belongs to ${account.role === 'STUDENT' ? 'a student' : 'an instructor'}). Only observer accounts can be linked.`)

  const key = { observerId: account.id, studentId: student.id, instructorId }
  const before = await db.observerLink.findUnique({ where: { observerId_studentId_instructorId: key }, select: { createdAt: true } })
  // upsert: two clicks (or two tabs) at once still make one link.
  const link = before ?? await db.observerLink.upsert({ where: { observerId_studentId_instructorId: key }, create: key, update: {}, select: { createdAt: true } })
  const { role: _role, ...observer } = account
  if (!before) {
    const conversation = await db.conversation.findUnique({ where: { studentId_instructorId: { studentId: student.id, instructorId } }, select: { id: true, lastMessageAt: true, createdAt: true } })
    await announceObserverLinked({ instructorId, studentId: student.id, observerId: account.id, conversation })
  }
  return { observer: { ...observer, linkedAt: link.createdAt.toISOString() }, created: !before }
}
