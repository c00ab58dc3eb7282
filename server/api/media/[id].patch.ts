import { MediaIdParams, RenameMediaInput } from '#shared/schemas/media'
import { renameMedia } from '../../services/media/rename-media'

export default defineApiHandler(async (event) => {
  const user = await requireInstructor(event)
  const { id } = readParams(event, MediaIdParams)
  const input = await readInput(event, RenameMediaInput)
  return renameMedia({ ownerId: user.id, actorId: user.id, id, input })
})
