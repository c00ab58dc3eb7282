// DELETE /api/students/:id/observers/:observerId — unlink (idempotent: `removed` says whether a link went).
import { StudentObserverParams } from '#shared/schemas/observer'
import { unlinkObserver } from '../../../../services/observer/unlink-observer'

export default defineApiHandler(async (event) => {
  const user = await requireInstructor(event)
  const { id, observerId } = readParams(event, StudentObserverParams)
  return unlinkObserver({ instructorId: user.id, studentId: id, observerId })
})
