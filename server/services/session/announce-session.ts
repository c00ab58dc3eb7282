// Ended sessions lose their live sockets (and kept upload verdicts) on every instance.
import { endSessionSockets } from '../../realtime/broadcast'

export async function announceSessionsEnded(sessionIds: string[]): Promise<void> {
  await Promise.all(sessionIds.map(id => endSessionSockets(id)))
}
