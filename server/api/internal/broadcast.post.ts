// The HTTP bridge: processes outside Nitro (workers, scripts) publish live events through the
// same broadcast() as the services. It only broadcasts; it changes no data.
import { z } from 'zod'
import { Channel } from '#shared/realtime/channels'
import { RealtimeEvent } from '#shared/realtime/events'
import { broadcast } from '../../realtime/broadcast'

const BroadcastInput = z.object({ channel: Channel, event: RealtimeEvent })

export default defineApiHandler(async (event) => {
  requireInternalToken(event)
  const { channel, event: realtimeEvent } = await readInput(event, BroadcastInput)
  await broadcast(channel, realtimeEvent)
  return { channel, type: realtimeEvent.type }
})
