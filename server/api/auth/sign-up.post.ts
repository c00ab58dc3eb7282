import { SignUpInput } from '#shared/schemas/auth'
import { signUp } from '../../services/auth/sign-up'
import { clientAddress } from '../../limits/client-address'
import { enforceLimit } from '../../limits/enforce-limit'
import { rememberDevice } from '../../utils/device-cookie'

export default defineApiHandler(async (event) => {
  const input = await readInput(event, SignUpInput)
  await enforceLimit('signUp', clientAddress(event), 'Too many new accounts from your network')
  const user = await signUp({ input })
  await startSession(event, user)
  rememberDevice(event, user.id)
  setResponseStatus(event, 201)
  return { user }
})
