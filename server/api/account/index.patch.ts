import { UpdateAccountInput } from '#shared/schemas/account'
import { updateAccount } from '../../services/account/update-account'

export default defineApiHandler(async (event) => {
  const user = await requireUser(event)
  const input = await readInput(event, UpdateAccountInput)
  return { user: await updateAccount({ user, input }) }
})
