// GET /api/learn — "My learning": the caller's enrolments with progress and where to continue.
import { myLearning } from '../../services/learning/my-learning'

export default defineApiHandler(async (event) => {
  const user = await requireUser(event)
  return myLearning({ userId: user.id })
})
