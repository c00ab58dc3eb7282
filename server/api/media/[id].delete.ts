import { MediaIdParams } from '#shared/schemas/media'
import { deleteMediaForever } from '../../services/media/delete-media-forever'

export default defineApiHandler(async (event) => {
  const user = await requireInstructor(event)
  const { id } = readParams(event, MediaIdParams)
  return deleteMediaForever({ ownerId: user.id, actorId: user.id, id })
})
