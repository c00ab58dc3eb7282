// An invitation as the instructor's panel shows it.
import type { InvitationRow } from '#shared/types/observer'

export const invitationRowSelect = { id: true, email: true, createdAt: true, sentAt: true, expiresAt: true } as const

export function toInvitationRow(row: { id: string, email: string, createdAt: Date, sentAt: Date, expiresAt: Date }, now = new Date()): InvitationRow {
  return {
    id: row.id,
    email: row.email,
    invitedAt: row.createdAt.toISOString(),
    sentAt: row.sentAt.toISOString(),
    expiresAt: row.expiresAt.toISOString(),
    expired: row.expiresAt <= now,
  }
}
