import { SignInInput } from '#shared/schemas/auth'
import { signIn } from '../../services/auth/sign-in'

export default defineApiHandler(async (event) => {
  const input = await readInput(event, SignInInput)
  const user = await signIn({ input })
  await replaceUserSession(event, { user, loggedInAt: Date.now() })
  return { user }
})
