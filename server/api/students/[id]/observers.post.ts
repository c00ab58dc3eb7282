// POST /api/students/:id/observers { email } — link an observer account to one of the caller's
// students (201 new link, 200 when it was already linked), or, when no account uses the email,
// invite it by mail (202, the invitation).
import { AddObserverInput, StudentIdParams } from '#shared/schemas/observer'
import { siteLink } from '../../../mail/links'
import { linkObserver } from '../../../services/observer/link-observer'

export default defineApiHandler(async (event) => {
  const user = await requireInstructor(event)
  const { id } = readParams(event, StudentIdParams)
  const { email } = await readInput(event, AddObserverInput)
  const outcome = await linkObserver({ instructorId: user.id, studentId: id, email, linkFor: token => siteLink(event, '/invitation', { token }) })
  if (outcome.invitation) {
    setResponseStatus(event, 202)
    return outcome.invitation
  }
  setResponseStatus(event, outcome.created ? 201 : 200)
  return outcome.observer
})
