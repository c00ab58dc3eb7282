import { afterEach, describe, expect, it } from 'vitest'
import { clientAddressOf } from '../../server/limits/client-address'
import { memoryCounters } from '../../server/limits/counters'
import { readDevice, writeDevice } from '../../server/utils/device-cookie'

describe('client address', () => {
  it('is the socket peer when no proxy is trusted, whatever X-Forwarded-For says', () => {
    expect(clientAddressOf('::ffff:192.0.2.7', '198.51.100.1', [])).toBe('192.0.2.7')
  })
  it('is the socket peer when the peer is not one of our proxies', () => {
    expect(clientAddressOf('192.0.2.7', '198.51.100.1', ['10.0.0.2'])).toBe('192.0.2.7')
  })
  it('is the nearest untrusted hop behind our proxies', () => {
    expect(clientAddressOf('10.0.0.2', 'spoofed, 198.51.100.1, 10.0.0.3', ['10.0.0.2', '10.0.0.3'])).toBe('198.51.100.1')
  })
})

describe('in-process counters', () => {
  it('count hits in a window and start again when it ends', async () => {
    let now = 1_000
    const counters = memoryCounters(() => now)
    expect(await counters.hit('k', 500)).toEqual({ count: 1, resetAt: 1_500 })
    expect((await counters.hit('k', 500)).count).toBe(2)
    expect((await counters.peek('k')).count).toBe(2)
    now = 1_500
    expect((await counters.peek('k')).count).toBe(0)
    expect(await counters.hit('k', 500)).toEqual({ count: 1, resetAt: 2_000 })
    await counters.clear('k')
    expect((await counters.peek('k')).count).toBe(0)
  })
})

describe('device cookie', () => {
  const password = process.env.NUXT_SESSION_PASSWORD
  afterEach(() => {
    process.env.NUXT_SESSION_PASSWORD = password
  })
  it('reads back what it wrote, and nothing edited or signed with another secret', () => {
    process.env.NUXT_SESSION_PASSWORD = 'a'.repeat(64)
    const value = writeDevice({ id: 'browser1', userIds: ['u1', 'u2'] })
    expect(readDevice(value)).toEqual({ id: 'browser1', userIds: ['u1', 'u2'] })
    expect(readDevice(value.replace('u2', 'u3'))).toBeNull()
    expect(readDevice('garbage')).toBeNull()
    expect(readDevice(undefined)).toBeNull()
    process.env.NUXT_SESSION_PASSWORD = 'b'.repeat(64)
    expect(readDevice(value)).toBeNull()
  })
})
