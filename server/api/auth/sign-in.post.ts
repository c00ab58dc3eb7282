// Signs in. The app sends JSON and gets the envelope. The sign-in page sent without JavaScript
// (an anonymous visitor's, docs/architecture.md) posts its form: the answer is then a redirect,
// to the page asked for (a same-site `next`) or the user's home, or back to the form with the
// refusal's code (never its text: a link must not put words on this page) and the email typed.
// With two-step verification on, a right password starts no session: the answer is
// `{ user: null, twoStep: true }` (or a redirect to the code form) and a short-lived challenge
// cookie for POST /api/auth/two-step.
import { SignInInput } from '#shared/schemas/auth'
import type { SignInResult } from '#shared/types/two-step'
import { homeFor, nextPath } from '#shared/auth/landing'
import type { H3Event } from 'h3'
import { signIn } from '../../services/auth/sign-in'
import { clientAddress } from '../../limits/client-address'
import { rememberDevice, trustedDevice } from '../../utils/device-cookie'
import { startTwoStepChallenge } from '../../utils/two-step-challenge'

async function signedIn(event: H3Event, input: SignInInput): Promise<SignInResult> {
  const { user, twoStep } = await signIn({ input, client: { address: clientAddress(event), device: trustedDevice(event) } })
  if (twoStep) {
    startTwoStepChallenge(event, user.id)
    return { user: null, twoStep: true }
  }
  await startSession(event, user)
  rememberDevice(event, user.id)
  return { user, twoStep: false }
}

const signInWithJson = defineApiHandler(async event => signedIn(event, await readInput(event, SignInInput)))

async function signInWithForm(event: H3Event) {
  const form = await readBody<Record<string, unknown>>(event).catch(() => null) ?? {}
  const next = typeof form.next === 'string' ? form.next : undefined
  try {
    const { user } = await signedIn(event, await readFormOrJsonInput(event, SignInInput))
    if (!user) return sendRedirect(event, `/sign-in/two-step${next ? `?${new URLSearchParams({ next: nextPath(next, '/') })}` : ''}`, 303)
    return sendRedirect(event, nextPath(next, homeFor(user.role)), 303)
  }
  catch (error) {
    const back = new URLSearchParams({ error: toAppError(error).code })
    if (typeof form.email === 'string') back.set('email', form.email.slice(0, 254))
    if (next) back.set('next', nextPath(next, '/'))
    return sendRedirect(event, `/sign-in?${back}`, 303)
  }
}

export default defineEventHandler(event => sentAsForm(event) ? signInWithForm(event) : signInWithJson(event))
