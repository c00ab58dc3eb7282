import { describe, expect, it } from 'vitest'
import { cachedSession, keepSession } from '../../server/utils/session-cache'

const session = (createdAt: number) => ({ id: `s${createdAt}`, createdAt, data: { user: { id: 'u1' } } })
const seal = (expiration: number | '') => `Fe26.2**salt${Math.random()}*iv*data*${expiration}*hsalt*hmac`

describe('the unsealed-session cache', () => {
  const now = 1_000_000_000_000
  const day = 86_400_000

  it('gives back a copy of what was kept, so h3 writing into it changes nothing kept', () => {
    const sealed = seal('')
    keepSession(sealed, session(now), 14 * day, now)
    const first = cachedSession(sealed, now + 1000)!
    expect(first).toEqual(session(now))
    first.data.user = { id: 'someone else' }
    expect(cachedSession(sealed, now + 2000)!.data).toEqual({ user: { id: 'u1' } })
  })

  it('forgets an entry at the seal\'s own expiry', () => {
    const sealed = seal(now + 60_000)
    keepSession(sealed, session(now), 14 * day, now)
    expect(cachedSession(sealed, now + 59_999)).not.toBeNull()
    expect(cachedSession(sealed, now + 60_000)).toBeNull()
  })

  it('forgets an entry when the session reaches its maximum age, and after five minutes in any case', () => {
    const old = seal('')
    keepSession(old, session(now - 14 * day + 30_000), 14 * day, now)
    expect(cachedSession(old, now + 29_999)).not.toBeNull()
    expect(cachedSession(old, now + 30_000)).toBeNull()
    const fresh = seal('')
    keepSession(fresh, session(now), 14 * day, now)
    expect(cachedSession(fresh, now + 5 * 60_000)).toBeNull()
  })

  it('keeps nothing for a session without an id (a seal that did not open)', () => {
    const sealed = seal('')
    keepSession(sealed, { id: '', createdAt: now, data: {} }, 14 * day, now)
    expect(cachedSession(sealed, now)).toBeNull()
  })
})
