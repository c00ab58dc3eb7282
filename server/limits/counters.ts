// Counters for the abuse limits: "how many times in this window", kept where every instance sees
// them. With REDIS_URL, in Redis (one script: count and window in one round trip, so two instances
// never both see "under the limit" for the same last slot); without it, in this process (one
// instance, nothing to agree with). A Redis that does not answer must not take sign-in down with
// it: this instance counts in process until Redis is back, and says so once in the log.
import Redis from 'ioredis'
import { lecternConfig } from '../utils/config'

export interface Count {
  /** Hits in the current window, this one included. */
  count: number
  /** When the window ends (ms since the epoch): the count starts again from zero. */
  resetAt: number
}

export interface CounterStore {
  /** Counts one hit on `key`; the first hit opens a window of `windowMs`. */
  hit: (key: string, windowMs: number) => Promise<Count>
  /** The current count without adding to it (0 when the window is over). */
  peek: (key: string) => Promise<Count>
  /** Forgets the key (a successful sign-in clears its account's failures). */
  clear: (key: string) => Promise<void>
  close: () => Promise<void>
}

const prefix = () => `${lecternConfig().redisNamespace}:limit:`

export function memoryCounters(now = () => Date.now()): CounterStore {
  const counts = new Map<string, Count>()
  let sweptAt = now()
  const current = (key: string): Count | undefined => {
    const entry = counts.get(key)
    if (entry && entry.resetAt <= now()) counts.delete(key)
    return counts.get(key)
  }
  /** Ended windows go every minute, so a flood of addresses cannot grow the map without bound. */
  const sweep = () => {
    if (now() - sweptAt < 60_000) return
    sweptAt = now()
    for (const [key, entry] of counts) if (entry.resetAt <= sweptAt) counts.delete(key)
  }
  return {
    async hit(key, windowMs) {
      sweep()
      const entry = current(key) ?? { count: 0, resetAt: now() + windowMs }
      entry.count += 1
      counts.set(key, entry)
      return { ...entry }
    },
    async peek(key) {
      return { ...(current(key) ?? { count: 0, resetAt: now() }) }
    },
    async clear(key) {
      counts.delete(key)
    },
    async close() {},
  }
}

const HIT = `
local count = redis.call('INCR', KEYS[1])
if count == 1 then redis.call('PEXPIRE', KEYS[1], ARGV[1]) end
local ttl = redis.call('PTTL', KEYS[1])
if ttl < 0 then redis.call('PEXPIRE', KEYS[1], ARGV[1]); ttl = tonumber(ARGV[1]) end
return { count, ttl }
`

interface HitCommand { limitHit: (key: string, windowMs: number) => Promise<[number, number]> }

export function redisCounters(url: string): CounterStore {
  // A short timeout: a hit answers within a second or falls back; it never hangs on a Redis that is down.
  const redis = new Redis(url, { commandTimeout: 1000, maxRetriesPerRequest: 1 })
  redis.defineCommand('limitHit', { numberOfKeys: 1, lua: HIT })
  const fallback = memoryCounters()
  let warned = false
  redis.on('error', () => {})
  const degraded = (error: unknown) => {
    if (!warned) console.error(`[limits] Redis did not answer (${(error as Error).message}); counting in this process until it does`)
    warned = true
  }
  const ok = () => {
    warned = false
  }
  return {
    async hit(key, windowMs) {
      try {
        const [count, ttl] = await (redis as unknown as HitCommand).limitHit(prefix() + key, windowMs)
        ok()
        return { count, resetAt: Date.now() + ttl }
      }
      catch (error) {
        degraded(error)
        return fallback.hit(key, windowMs)
      }
    },
    async peek(key) {
      try {
        const [count, ttl] = await redis.multi().get(prefix() + key).pttl(prefix() + key).exec() as [[null, string | null], [null, number]]
        ok()
        return { count: Number(count[1] ?? 0), resetAt: Date.now() + Math.max(0, ttl[1]) }
      }
      catch (error) {
        degraded(error)
        return fallback.peek(key)
      }
    },
    async clear(key) {
      await redis.del(prefix() + key).catch(degraded)
      await fallback.clear(key)
    },
    async close() {
      redis.disconnect()
    },
  }
}

let store: CounterStore | undefined

export function useCounters(): CounterStore {
  if (!store) {
    const url = lecternConfig().redisUrl
    store = url ? redisCounters(url) : memoryCounters()
  }
  return store
}

export async function closeCounters(): Promise<void> {
  await store?.close()
  store = undefined
}
