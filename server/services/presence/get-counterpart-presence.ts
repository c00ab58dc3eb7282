// The presence of everyone the caller shares a conversation with: the same people who are told
// when the caller's presence changes, so no one can ask about a stranger.
import type { PresenceMap } from '#shared/schemas/presence'
import { presenceOf } from '../../realtime/presence'
import { listCounterparts } from '../conversation/list-counterparts'

export async function getCounterpartPresence({ userId }: { userId: string }): Promise<PresenceMap> {
  return presenceOf(await listCounterparts(userId))
}
