import { CourseIdParams } from '#shared/schemas/course'
import { AddStudentInput } from '#shared/schemas/learning'
import { addStudent } from '../../../services/student/add-student'

export default defineApiHandler(async (event) => {
  const user = await requireInstructor(event)
  const { id } = readParams(event, CourseIdParams)
  const { email } = await readInput(event, AddStudentInput)
  setResponseStatus(event, 201)
  return addStudent({ ownerId: user.id, courseId: id, email })
})
