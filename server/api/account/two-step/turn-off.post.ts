// POST /api/account/two-step/turn-off { currentPassword }: signing in takes the password alone again.
import { TwoStepPasswordInput } from '#shared/schemas/two-step'
import { siteLink } from '../../../mail/links'
import { turnOffTwoStep } from '../../../services/two-step/two-step-settings'

export default defineApiHandler(async (event) => {
  const user = await requireUser(event)
  return turnOffTwoStep(user.id, await readInput(event, TwoStepPasswordInput), siteLink(event, '/account', {}))
})
