import { MediaIdParams, TrashMediaInput } from '#shared/schemas/media'
import { trashMedia } from '../../../services/media/trash-media'

export default defineApiHandler(async (event) => {
  const user = await requireInstructor(event)
  const { id } = readParams(event, MediaIdParams)
  const { unlinkAll } = await readOptionalInput(event, TrashMediaInput)
  return trashMedia({ ownerId: user.id, actor: { id: user.id, name: user.name }, id, unlinkAll, retentionSeconds: lecternConfig().mediaRetentionSeconds })
})
