import { MediaIdParams } from '#shared/schemas/media'
import { getMedia } from '../../services/media/get-media'

export default defineApiHandler(async (event) => {
  const user = await requireInstructor(event)
  const { id } = readParams(event, MediaIdParams)
  return getMedia({ ownerId: user.id, id })
})
