import { VideoIdParams } from '#shared/schemas/outline'
import { courseOfVideo } from '../../services/outline/course-lock'
import { deleteOutlineItems } from '../../services/outline/delete-outline-items'

export default defineApiHandler(async (event) => {
  const user = await requireInstructor(event)
  const { id } = readParams(event, VideoIdParams)
  const courseId = await courseOfVideo({ ownerId: user.id, videoId: id })
  return deleteOutlineItems({ ownerId: user.id, courseId, input: { chapterIds: [], videoIds: [id] } })
})
