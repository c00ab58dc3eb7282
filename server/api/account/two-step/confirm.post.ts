// POST /api/account/two-step/confirm { code, currentPassword }: turns it on; answers the recovery codes, once.
import { TwoStepConfirmInput } from '#shared/schemas/two-step'
import { siteLink } from '../../../mail/links'
import { confirmTwoStep } from '../../../services/two-step/two-step-settings'

export default defineApiHandler(async (event) => {
  const user = await requireUser(event)
  return confirmTwoStep(user.id, await readInput(event, TwoStepConfirmInput), siteLink(event, '/account', {}))
})
