import { MediaIdParams } from '#shared/schemas/media'
import { getMediaHistory } from '../../../services/media/get-media-history'

export default defineApiHandler(async (event) => {
  const user = await requireInstructor(event)
  const { id } = readParams(event, MediaIdParams)
  return getMediaHistory({ ownerId: user.id, id })
})
