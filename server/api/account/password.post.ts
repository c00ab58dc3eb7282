import { ChangePasswordInput } from '#shared/schemas/account'
import { siteLink } from '../../mail/links'
import { changePassword } from '../../services/account/change-password'

export default defineApiHandler(async (event) => {
  const { user, sessionId } = await requireSession(event)
  const input = await readInput(event, ChangePasswordInput)
  return changePassword({ userId: user.id, sessionId, input, accountLink: siteLink(event, '/account', {}) })
})
