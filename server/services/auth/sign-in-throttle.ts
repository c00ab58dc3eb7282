// Sign-in throttling that slows guessing without handing anyone a way to lock an account
// (OWASP Authentication Cheat Sheet, "device cookies"). Three counters, each a window from
// server/utils/config.ts `limits`:
// - per address (signInAddress): one address trying many accounts is stopped, whoever it tries;
// - per account (signInAccount): past a few failures, each further try waits, doubling up to five
//   minutes — from every browser except one that signed in to this account before, so the owner
//   always gets in with the right password while a stranger guesses from many addresses;
// - per trusted browser (signInDevice): a trusted browser that fails too often is trusted no more.
// Only failures count; a right password that arrives during a wait is still refused (else the
// wait would tell a guesser which password was right).
import type { TrustedDevice } from '../../utils/device-cookie'
import { lecternConfig } from '../../utils/config'
import { useCounters } from '../../limits/counters'
import { tooMany } from '../../limits/enforce-limit'

export interface SignInClient { address: string, device: TrustedDevice | null }

const MAX_WAIT_MS = 5 * 60_000
const key = {
  address: (address: string) => `sign-in-address:${address}`,
  account: (email: string) => `sign-in-account:${email}`,
  wait: (email: string) => `sign-in-wait:${email}`,
  device: (id: string) => `sign-in-device:${id}`,
}

/** True when this browser vouches for the account and has not failed too often itself. */
async function trusted(client: SignInClient, userId: string | null): Promise<boolean> {
  if (!userId || !client.device?.userIds.includes(userId)) return false
  const { count } = await useCounters().peek(key.device(client.device.id))
  return count < lecternConfig().limits.signInDevice.max
}

/** Throws RATE_LIMITED (with retryAfter) when this try must wait; otherwise says whether the browser is trusted. */
export async function assertSignInAllowed(email: string, userId: string | null, client: SignInClient): Promise<{ trusted: boolean }> {
  const counters = useCounters()
  const limits = lecternConfig().limits
  const fromAddress = await counters.peek(key.address(client.address))
  if (fromAddress.count >= limits.signInAddress.max) throw tooMany('Too many failed sign-ins from your network', fromAddress.resetAt)
  if (await trusted(client, userId)) return { trusted: true }
  const wait = await counters.peek(key.wait(email))
  if (wait.count > 0) throw tooMany('Too many failed sign-ins for this account', wait.resetAt)
  return { trusted: false }
}

export async function recordFailedSignIn(email: string, client: SignInClient, wasTrusted: boolean): Promise<void> {
  const counters = useCounters()
  const limits = lecternConfig().limits
  await counters.hit(key.address(client.address), limits.signInAddress.windowMs)
  if (wasTrusted && client.device) {
    await counters.hit(key.device(client.device.id), limits.signInDevice.windowMs)
    return
  }
  const { count } = await counters.hit(key.account(email), limits.signInAccount.windowMs)
  if (count >= limits.signInAccount.max) {
    // The try after the 5th failure waits 1 s, after the 6th 2 s, … at most five minutes.
    const waitMs = Math.min(MAX_WAIT_MS, 1000 * 2 ** (count - limits.signInAccount.max))
    await counters.clear(key.wait(email))
    await counters.hit(key.wait(email), waitMs)
  }
}

/**
 * A right password from an untrusted browser (it waited like everyone): the account's count
 * starts again. A trusted browser's success leaves it, so a guesser's delay does not reset each
 * time the owner signs in.
 */
export async function clearFailedSignIns(email: string): Promise<void> {
  await useCounters().clear(key.account(email))
  await useCounters().clear(key.wait(email))
}
