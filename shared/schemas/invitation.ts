// Observer invitations: the instructor's side (ids in the address) and the invited person's
// (the mail's token, then their name and password).
import { z } from 'zod'
import { displayName, newPassword } from './auth'
import { linkToken } from './link-token'

const id = z.string().min(1).max(64).regex(/^[\w-]+$/, 'Not an id')

/** `/api/students/:id/invitations/:invitationId`. */
export const StudentInvitationParams = z.object({ id, invitationId: id })

export const InvitationTokenInput = z.object({ token: linkToken })
export type InvitationTokenInput = z.infer<typeof InvitationTokenInput>

export const AcceptInvitationInput = z.object({ token: linkToken, name: displayName, password: newPassword })
export type AcceptInvitationInput = z.infer<typeof AcceptInvitationInput>
