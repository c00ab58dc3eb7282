// Two-step verification for tests: turned on through the API as a user would, and codes made
// from the secret the way an authenticator app makes them (otpauth, the same RFC 6238 maths).
import { Secret, TOTP } from 'otpauth'
import type { RecoveryCodes, TwoStepSetup } from '../../shared/types/two-step'
import type { ApiClient } from './api-client'
import { data } from './api-client'

/** The code an app shows for `secret`, `steps` periods of 30 s from now (1: the next code). */
export function appCode(secret: string, steps = 0): string {
  return new TOTP({ secret: Secret.fromBase32(secret.replace(/\s/g, '')), digits: 6, period: 30, algorithm: 'SHA1' }).generate({ timestamp: Date.now() + steps * 30_000 })
}

/** Turns two-step verification on for the signed-in client: its secret and recovery codes. */
export async function withTwoStep(client: ApiClient): Promise<{ secret: string, codes: string[] }> {
  const { secret } = data(await client.post<TwoStepSetup>('/api/account/two-step/setup'))
  const { codes } = data(await client.post<RecoveryCodes>('/api/account/two-step/confirm', { code: appCode(secret), currentPassword: client.user!.password }))
  return { secret, codes }
}
