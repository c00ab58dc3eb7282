import { MediaIdParams, RestoreMediaInput } from '#shared/schemas/media'
import { restoreMedia } from '../../../services/media/restore-media'

export default defineApiHandler(async (event) => {
  const user = await requireInstructor(event)
  const { id } = readParams(event, MediaIdParams)
  const { relink } = await readOptionalInput(event, RestoreMediaInput)
  return restoreMedia({ ownerId: user.id, actorId: user.id, id, relink })
})
