import { CourseIdParams } from '#shared/schemas/course'
import { OutlineDeleteInput } from '#shared/schemas/outline'
import { deleteOutlineItems } from '../../../../services/outline/delete-outline-items'
import { enforceLimit } from '../../../../limits/enforce-limit'

export default defineApiHandler(async (event) => {
  const user = await requireInstructor(event)
  const { id } = readParams(event, CourseIdParams)
  const input = await readInput(event, OutlineDeleteInput)
  await enforceLimit('bulk', user.id, 'Too many bulk actions in a row')
  return deleteOutlineItems({ ownerId: user.id, courseId: id, input })
})
