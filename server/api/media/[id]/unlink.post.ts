import { MediaIdParams, MediaLinkInput } from '#shared/schemas/media'
import { unlinkMedia } from '../../../services/media/unlink-media'

export default defineApiHandler(async (event) => {
  const user = await requireInstructor(event)
  const { id } = readParams(event, MediaIdParams)
  const input = await readInput(event, MediaLinkInput)
  return unlinkMedia({ ownerId: user.id, actorId: user.id, id, input })
})
