// POST /api/learn/lessons/:id/progress — the player's position and/or "mark complete". POST so
// the page can also send it with navigator.sendBeacon when the student leaves.
import { ProgressInput } from '#shared/schemas/learning'
import { LessonIdParams } from '#shared/schemas/outline'
import { recordProgress } from '../../../../services/learning/record-progress'

export default defineApiHandler(async (event) => {
  const user = await requireUser(event)
  const { id } = readParams(event, LessonIdParams)
  const input = await readInput(event, ProgressInput)
  return recordProgress({ userId: user.id, lessonId: id, input })
})
