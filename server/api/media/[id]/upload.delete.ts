import { MediaIdParams } from '#shared/schemas/media'
import { discardUpload } from '../../../services/upload/discard-upload'

export default defineApiHandler(async (event) => {
  const user = await requireInstructor(event)
  const { id } = readParams(event, MediaIdParams)
  return discardUpload({ ownerId: user.id, mediaId: id })
})
