// POST /api/account/two-step/setup: a new secret for the authenticator app (not on until confirmed).
import { startTwoStepSetup } from '../../../services/two-step/two-step-settings'

export default defineApiHandler(async event => startTwoStepSetup((await requireUser(event)).id))
