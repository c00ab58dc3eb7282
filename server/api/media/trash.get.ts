import { listMediaTrash } from '../../services/media/list-media-trash'

export default defineApiHandler(async (event) => {
  const user = await requireInstructor(event)
  return listMediaTrash({ ownerId: user.id, retentionSeconds: lecternConfig().mediaRetentionSeconds })
})
