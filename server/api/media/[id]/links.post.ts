import { MediaIdParams, MediaLinkInput } from '#shared/schemas/media'
import { linkMedia } from '../../../services/media/link-media'

export default defineApiHandler(async (event) => {
  const user = await requireInstructor(event)
  const { id } = readParams(event, MediaIdParams)
  const input = await readInput(event, MediaLinkInput)
  const { usage, created } = await linkMedia({ ownerId: user.id, actorId: user.id, id, input })
  setResponseStatus(event, created ? 201 : 200)
  return usage
})
