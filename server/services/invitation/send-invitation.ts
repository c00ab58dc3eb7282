// Writes (or renews) the invitation of one email to observe one student of this instructor, and
// mails its link. Inviting the same email again, or "resend", renews the same row: a new token
// and expiry, so only the newest mail's link works. The mail goes after the answer: a slow or
// failing mail server changes nothing the instructor sees (it is logged).
import type { InvitationRow } from '#shared/types/observer'
import { useDb } from '../../database/db'
import { lecternConfig } from '../../utils/config'
import { invitationMail } from '../../mail/templates'
import { newLinkToken } from '../../mail/tokens'
import { sendMail } from '../../mail/transport'
import { enforceLimit } from '../../limits/enforce-limit'
import { announceInvitationsChanged } from './announce-invitations'
import { invitationRowSelect, toInvitationRow } from './invitation-row'

export interface SendInvitationOptions {
  instructorId: string
  student: { id: string, name: string }
  email: string
  linkFor: (token: string) => string
}

export async function sendInvitation({ instructorId, student, email, linkFor }: SendInvitationOptions): Promise<InvitationRow> {
  // Each invitation and resend is a mail to an address the instructor typed: limited per instructor.
  await enforceLimit('invitation', instructorId, 'You sent many invitations in a short while')
  const db = useDb()
  const ttlSeconds = lecternConfig().invitationTtlSeconds
  const { token, tokenHash } = newLinkToken()
  const now = new Date()
  const renewed = { tokenHash, expiresAt: new Date(now.getTime() + ttlSeconds * 1000), sentAt: now, usedAt: null }
  const key = { email, studentId: student.id, instructorId }
  const [invitation, instructor] = await Promise.all([
    db.observerInvitation.upsert({ where: { email_studentId_instructorId: key }, create: { ...key, ...renewed }, update: renewed, select: invitationRowSelect }),
    db.user.findUniqueOrThrow({ where: { id: instructorId }, select: { name: true } }),
  ])
  void sendMail(invitationMail({ to: email, link: linkFor(token), ttlSeconds, instructorName: instructor.name, studentName: student.name }))
  await announceInvitationsChanged({ instructorId, studentId: student.id })
  return toInvitationRow(invitation, now)
}
