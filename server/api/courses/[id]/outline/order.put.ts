import { CourseIdParams } from '#shared/schemas/course'
import { OutlineOrderInput } from '#shared/schemas/outline'
import { reorderOutline } from '../../../../services/outline/reorder-outline'

export default defineApiHandler(async (event) => {
  const user = await requireInstructor(event)
  const { id } = readParams(event, CourseIdParams)
  const input = await readInput(event, OutlineOrderInput)
  return reorderOutline({ ownerId: user.id, courseId: id, input })
})
