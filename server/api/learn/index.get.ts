// GET /api/learn — "My learning": the caller's enrolments with progress and where to continue.
import { listMyLearning } from '../../services/learning/list-my-learning'

export default defineApiHandler(async (event) => {
  const user = await requireUser(event)
  return listMyLearning({ userId: user.id })
})
