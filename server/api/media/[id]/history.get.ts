import { MediaIdParams } from '#shared/schemas/media'
import { mediaHistory } from '../../../services/media-library/history'

export default defineApiHandler(async (event) => {
  const user = await requireInstructor(event)
  const { id } = readParams(event, MediaIdParams)
  return mediaHistory({ ownerId: user.id, id })
})
