import { SignInInput } from '#shared/schemas/auth'
import { signIn } from '../../services/auth/sign-in'
import { clientAddress } from '../../limits/client-address'
import { rememberDevice, trustedDevice } from '../../utils/device-cookie'

export default defineApiHandler(async (event) => {
  const input = await readInput(event, SignInInput)
  const user = await signIn({ input, client: { address: clientAddress(event), device: trustedDevice(event) } })
  await startSession(event, user)
  rememberDevice(event, user.id)
  return { user }
})
