// The second step of signing in: a code from the authenticator app, or a recovery code, for the
// account whose password was right a moment ago (the challenge cookie, server/utils/two-step-challenge.ts).
// A right one starts the session, as sign-in does. JSON gets the envelope; the form sent without
// JavaScript gets a redirect, as POST /api/auth/sign-in does.
import type { H3Event } from 'h3'
import { homeFor, nextPath } from '#shared/auth/landing'
import { TwoStepCodeInput } from '#shared/schemas/two-step'
import type { User } from '#auth-utils'
import { clientAddress } from '../../limits/client-address'
import { siteLink } from '../../mail/links'
import { signInWithCode } from '../../services/two-step/sign-in-with-code'
import { rememberDevice, trustedDevice } from '../../utils/device-cookie'
import { endTwoStepChallenge, twoStepChallengeUser } from '../../utils/two-step-challenge'

async function signedIn(event: H3Event, input: TwoStepCodeInput): Promise<User> {
  const client = { address: clientAddress(event), device: trustedDevice(event) }
  const user = await signInWithCode({ userId: twoStepChallengeUser(event), code: input.code, client, accountLink: siteLink(event, '/account', {}) })
  endTwoStepChallenge(event)
  await startSession(event, user)
  rememberDevice(event, user.id)
  return user
}

const withJson = defineApiHandler(async event => ({ user: await signedIn(event, await readInput(event, TwoStepCodeInput)) }))

async function withForm(event: H3Event) {
  const form = await readBody<Record<string, unknown>>(event).catch(() => null) ?? {}
  const next = typeof form.next === 'string' ? form.next : undefined
  try {
    const user = await signedIn(event, await readFormOrJsonInput(event, TwoStepCodeInput))
    return sendRedirect(event, nextPath(next, homeFor(user.role)), 303)
  }
  catch (error) {
    // An ended challenge starts again at the password (the sign-in page says why).
    const { code } = toAppError(error)
    const back = new URLSearchParams({ error: code === 'UNAUTHENTICATED' ? 'TWO_STEP_EXPIRED' : code })
    if (next) back.set('next', nextPath(next, '/'))
    return sendRedirect(event, `${code === 'UNAUTHENTICATED' ? '/sign-in' : '/sign-in/two-step'}?${back}`, 303)
  }
}

export default defineEventHandler(event => sentAsForm(event) ? withForm(event) : withJson(event))
