// "This browser has signed in to these accounts before" (OWASP's device cookie): a signed list of
// account ids with a random id for the browser. A stranger's failed tries slow an account down
// (server/services/auth/sign-in-throttle.ts), but not from a browser that holds this cookie for it,
// so guessing can never lock the owner out. The signature (HMAC with the session password) means
// a cookie cannot be made up or edited; one that fails too often is distrusted by its browser id.
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto'
import type { H3Event } from 'h3'
import { lecternConfig } from './config'
import { fromTrustedProxy } from '../limits/client-address'

export const DEVICE_COOKIE = 'lectern-device'
/** A browser shared by a family (a student, a parent) trusts a few accounts at once. */
const MAX_ACCOUNTS = 5
const ONE_YEAR_S = 365 * 86_400

export interface TrustedDevice { id: string, userIds: string[] }

const sign = (payload: string) => createHmac('sha256', `device-cookie:${lecternConfig().sessionPassword}`).update(payload).digest('base64url')

/** `<browser id>.<user id>,<user id>.<signature>`; anything else (edited, forged, old secret) is null. */
export function readDevice(value: string | undefined): TrustedDevice | null {
  const [id, users, signature] = (value ?? '').split('.')
  if (!id || !users || !signature) return null
  const expected = Buffer.from(sign(`${id}.${users}`))
  const given = Buffer.from(signature)
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return null
  return { id, userIds: users.split(',').filter(Boolean) }
}

export function writeDevice(device: TrustedDevice): string {
  const payload = `${device.id}.${device.userIds.join(',')}`
  return `${payload}.${sign(payload)}`
}

export const trustedDevice = (event: H3Event) => readDevice(getCookie(event, DEVICE_COOKIE))

/** After a successful sign-in or sign-up: this browser now vouches for this account too. */
export function rememberDevice(event: H3Event, userId: string): void {
  const current = trustedDevice(event)
  const device = {
    id: current?.id ?? randomBytes(16).toString('base64url'),
    userIds: [userId, ...(current?.userIds ?? []).filter(id => id !== userId)].slice(0, MAX_ACCOUNTS),
  }
  setCookie(event, DEVICE_COOKIE, writeDevice(device), {
    httpOnly: true,
    sameSite: 'lax',
    secure: getRequestProtocol(event, { xForwardedProto: fromTrustedProxy(event) }) === 'https',
    path: '/api/auth',
    maxAge: ONE_YEAR_S,
  })
}
