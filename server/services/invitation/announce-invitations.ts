// The instructor's other tabs refresh their observers panel (invitations are listed under it).
import { userChannel } from '#shared/realtime/channels'
import { broadcast } from '../../realtime/broadcast'

export function announceInvitationsChanged({ instructorId, studentId }: { instructorId: string, studentId: string }): Promise<void> {
  return broadcast(userChannel(instructorId), { type: 'observers-changed', studentId })
}
