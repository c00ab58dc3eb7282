import { listUnfinishedUploads } from '../../services/upload/list-unfinished-uploads'

export default defineApiHandler(async (event) => {
  const user = await requireInstructor(event)
  return listUnfinishedUploads({ ownerId: user.id })
})
