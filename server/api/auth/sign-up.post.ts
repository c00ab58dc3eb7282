import { SignUpInput } from '#shared/schemas/auth'
import { signUp } from '../../services/auth/sign-up'

export default defineApiHandler(async (event) => {
  const input = await readInput(event, SignUpInput)
  const user = await signUp({ input })
  await replaceUserSession(event, { user, loggedInAt: Date.now() })
  setResponseStatus(event, 201)
  return { user }
})
