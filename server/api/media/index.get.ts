import { MediaListQuery } from '#shared/schemas/media'
import { listMedia } from '../../services/media/list-media'

export default defineApiHandler(async (event) => {
  const user = await requireInstructor(event)
  const query = readQuery(event, MediaListQuery)
  return listMedia({ ownerId: user.id, query })
})
