// The invitations an instructor sent for one of their students that nobody accepted yet (expired
// ones too: the panel offers to resend them). Only their own: another instructor's student is 404.
import type { InvitationRow } from '#shared/types/observer'
import { useDb } from '../../database/db'
import { ownStudent } from '../observer/student-access'
import { invitationRowSelect, toInvitationRow } from './invitation-row'

export async function listInvitations({ instructorId, studentId }: { instructorId: string, studentId: string }): Promise<InvitationRow[]> {
  await ownStudent({ instructorId, studentId })
  const rows = await useDb().observerInvitation.findMany({
    where: { instructorId, studentId, usedAt: null },
    orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
    select: invitationRowSelect,
  })
  const now = new Date()
  return rows.map(row => toInvitationRow(row, now))
}
