// A lesson's captions, for whoever may watch the lesson (the studio lists them; so may the player).
import { LessonIdParams } from '#shared/schemas/outline'
import { listCaptions } from '../../../../services/caption/list-captions'

export default defineApiHandler(async (event) => {
  const { id } = readParams(event, LessonIdParams)
  return listCaptions({ lessonId: id, user: await userFromHeaders(event.headers) })
})
