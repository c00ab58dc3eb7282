// POST /api/account/two-step/recovery-codes { currentPassword }: a new set; the old codes stop working.
import { TwoStepPasswordInput } from '#shared/schemas/two-step'
import { siteLink } from '../../../mail/links'
import { newRecoveryCodes } from '../../../services/two-step/two-step-settings'

export default defineApiHandler(async (event) => {
  const user = await requireUser(event)
  return newRecoveryCodes(user.id, await readInput(event, TwoStepPasswordInput), siteLink(event, '/account', {}))
})
