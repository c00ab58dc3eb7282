import { listMediaTags } from '../../services/media/list-media-tags'

export default defineApiHandler(async (event) => {
  const user = await requireInstructor(event)
  return listMediaTags({ ownerId: user.id })
})
