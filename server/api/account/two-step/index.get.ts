// GET /api/account/two-step: whether two-step verification is on, and how many recovery codes are left.
import { twoStepStatus } from '../../../services/two-step/two-step-settings'

export default defineApiHandler(async event => twoStepStatus((await requireUser(event)).id))
