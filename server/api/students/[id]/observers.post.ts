// POST /api/students/:id/observers { email } — link an observer account to one of the caller's
// students (201 new link, 200 when it was already linked).
import { AddObserverInput, StudentIdParams } from '#shared/schemas/observer'
import { linkObserver } from '../../../services/observer/link-observer'

export default defineApiHandler(async (event) => {
  const user = await requireInstructor(event)
  const { id } = readParams(event, StudentIdParams)
  const { email } = await readInput(event, AddObserverInput)
  const { observer, created } = await linkObserver({ instructorId: user.id, studentId: id, email })
  setResponseStatus(event, created ? 201 : 200)
  return observer
})
