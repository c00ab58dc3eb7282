// The upload lock shared by instances (server/uploads/redis-locker.ts) against the real Redis:
// each locker has its own connections, as two instances would.
import { randomBytes } from 'node:crypto'
import Redis from 'ioredis'
import { afterAll, afterEach, beforeAll, describe, expect, inject, it } from 'vitest'
import { ERRORS } from '@tus/utils'
import type { Lock } from '@tus/utils'
import { RedisLocker } from '../../server/uploads/redis-locker'

const redisUrl = inject('redisUrl')
const namespace = `lectern-locker-${randomBytes(4).toString('hex')}`
const lockers: RedisLocker[] = []
let redis: Redis

async function locker(options: { lockTtlMs?: number, acquireTimeoutMs?: number } = {}): Promise<RedisLocker> {
  const made = new RedisLocker({ url: redisUrl!, namespace, ...options })
  lockers.push(made)
  await made.listening()
  return made
}

const uploadId = () => randomBytes(8).toString('hex')
const lockKey = (id: string) => `${namespace}:upload-lock:mutex:${id}`
const never = () => {}
const ignoring = () => new AbortController().signal

describe.skipIf(!redisUrl)(`the Redis upload lock${redisUrl ? '' : ' [skipped: needs Redis on this machine]'}`, () => {
  beforeAll(() => {
    redis = new Redis(redisUrl!)
  })
  afterEach(async () => {
    await Promise.all(lockers.splice(0).map(made => made.close()))
  })
  afterAll(async () => {
    const keys = await redis.keys(`${namespace}:*`)
    if (keys.length) await redis.del(...keys)
    redis.disconnect()
  })

  it('lets one locker at a time hold an upload: the other waits, then times out, and gets it once it is let go', async () => {
    const [first, second] = [await locker(), await locker({ acquireTimeoutMs: 800 })]
    const id = uploadId()
    const held = first.newLock(id)
    await held.lock(ignoring(), never)
    // The key is under the namespace, holds a token and expires unless renewed.
    expect(await redis.get(lockKey(id))).toMatch(/.+/)
    expect(await redis.pttl(lockKey(id))).toBeGreaterThan(0)

    const started = Date.now()
    await expect(second.newLock(id).lock(ignoring(), never)).rejects.toBe(ERRORS.ERR_LOCK_TIMEOUT)
    expect(Date.now() - started).toBeGreaterThanOrEqual(700)

    await held.unlock()
    expect(await redis.exists(lockKey(id))).toBe(0)
    const next = second.newLock(id)
    await next.lock(ignoring(), never)
    await next.unlock()
  })

  it('never lets two lockers inside at once when both keep asking', async () => {
    const [first, second] = [await locker(), await locker()]
    const id = uploadId()
    let inside = 0
    let most = 0
    let turns = 0
    const work = async (from: RedisLocker) => {
      for (let i = 0; i < 10; i++) {
        const lock = from.newLock(id)
        await lock.lock(ignoring(), never)
        inside += 1
        most = Math.max(most, inside)
        turns += 1
        await new Promise(resolve => setImmediate(resolve))
        await redis.ping()
        inside -= 1
        await lock.unlock()
      }
    }
    await Promise.all([work(first), work(second), work(first), work(second)])
    expect(turns).toBe(40)
    expect(most).toBe(1)
  })

  it('asks the holder on another connection to let go, and takes the lock when it does', async () => {
    const [first, second] = [await locker(), await locker()]
    const id = uploadId()
    const held = first.newLock(id)
    let asked = 0
    await held.lock(ignoring(), async () => {
      // What tus does on request: stop the running PATCH, which then unlocks.
      asked += 1
      await held.unlock()
    })
    const waiting = second.newLock(id)
    await waiting.lock(ignoring(), never)
    expect(asked).toBe(1)
    await waiting.unlock()
  })

  it('takes over an upload whose holder vanished once its lock expires', async () => {
    const [doomed, survivor] = [await locker({ lockTtlMs: 1200 }), await locker()]
    const id = uploadId()
    await doomed.newLock(id).lock(ignoring(), never)
    // Renewed while held: its time to live goes back up before it runs out.
    let last = await redis.pttl(lockKey(id))
    await expect.poll(async () => {
      const now = await redis.pttl(lockKey(id))
      const renewed = now > last
      last = now
      return renewed
    }, { timeout: 2000, interval: 50 }).toBe(true)

    // The holder's process goes away without unlocking (its connections gone, nothing renews).
    await doomed.close()
    const started = Date.now()
    const taken: Lock = survivor.newLock(id)
    await taken.lock(ignoring(), never)
    expect(Date.now() - started).toBeLessThan(1200 + 1000)
    await taken.unlock()
  })

  it('stops waiting when the request goes away', async () => {
    const [first, second] = [await locker(), await locker()]
    const id = uploadId()
    const held = first.newLock(id)
    let asked!: () => void
    const wasAsked = new Promise<void>((resolve) => {
      asked = resolve
    })
    await held.lock(ignoring(), () => asked())
    const request = new AbortController()
    const waiting = second.newLock(id).lock(request.signal, never)
    await wasAsked
    const started = Date.now()
    request.abort()
    await expect(waiting).rejects.toBe(ERRORS.ERR_LOCK_TIMEOUT)
    expect(Date.now() - started).toBeLessThan(500)
    // The holder kept its lock.
    expect(await redis.exists(lockKey(id))).toBe(1)
    await held.unlock()
  })
})
