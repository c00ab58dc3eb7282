// POST /api/learn/lessons/:id/progress — the player's position and/or "mark complete". POST so
// the page can also send it with navigator.sendBeacon when the student leaves.
import { ProgressInput } from '#shared/schemas/learning'
import { VideoIdParams } from '#shared/schemas/outline'
import { recordProgress } from '../../../../services/learning/record-progress'

export default defineApiHandler(async (event) => {
  const user = await requireUser(event)
  const { id } = readParams(event, VideoIdParams)
  const input = await readInput(event, ProgressInput)
  return recordProgress({ userId: user.id, videoId: id, input })
})
