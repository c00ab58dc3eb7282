// tus's lock on an upload, shared by every instance through Redis. tus takes it for each HEAD,
// PATCH and DELETE of an upload so that two requests never write one upload at once; its own
// MemoryLocker holds only within one process, and behind a round-robin proxy a client's next
// PATCH (or its HEAD after a dropped connection) reaches another instance while the first may
// still be writing.
//
// The lock itself is redis-semaphore's Mutex (a well-kept library, the one STACK-NOTES names): a
// key holding the holder's random token, set only if absent, with a TTL the holder renews while
// it holds it, released only by the token's owner (Lua scripts). A killed instance stops renewing,
// so its locks expire after `lockTtlMs` and another instance takes over the upload.
//
// What the library lacks is tus's "please let go": a request that wants a held lock asks its
// holder to stop (tus's requestRelease ends the running PATCH at a safe point, keeping what it
// wrote). Here that request travels on a Redis pub/sub channel every instance listens to; the
// instance holding the upload calls its requestRelease, and an unlock announces itself on the
// same channel so a waiter retries at once instead of at its next poll.
import Redis from 'ioredis'
import { Mutex } from 'redis-semaphore'
import { ERRORS } from '@tus/utils'
import type { Lock, Locker, RequestRelease } from '@tus/utils'

export interface RedisLockerOptions {
  url: string
  /** Prefix of the lock keys and of the channel (LECTERN_REDIS_NAMESPACE). */
  namespace: string
  /** How long a lock outlives its holder's last renewal (renewed every third of it). */
  lockTtlMs?: number
  /** How long a request waits for a held lock before tus answers 500 (tus's own default is 30 s). */
  acquireTimeoutMs?: number
  /** Between two tries while the holder does not answer (a vanished holder: until its lock expires). */
  retryMs?: number
}

type Notice = { op: 'release' | 'released', id: string }

/**
 * redis-semaphore renews from a timer and lets a failed renewal's error escape as an unhandled
 * rejection (a Redis outage would take the process down). A renewal that fails is a lock this
 * process can no longer prove it holds: reported as lost, which stops the request (onLockLost).
 */
class UploadMutex extends Mutex {
  protected override async _refresh(): Promise<boolean> {
    return super._refresh().catch(() => false)
  }
}

interface Held {
  mutex: UploadMutex
  requestRelease: RequestRelease
}

export class RedisLocker implements Locker {
  readonly lockTtlMs: number
  readonly acquireTimeoutMs: number
  readonly retryMs: number
  readonly channel: string
  /** Commands, with every key under the namespace (ioredis prefixes the Mutex's script keys too). */
  readonly redis: Redis
  private readonly subscriber: Redis
  private readonly publisher: Redis
  /** Each upload locked here: its lock, and what it does when asked to let go. */
  readonly held = new Map<string, Held>()
  /** Waiters of this process, woken when an upload's lock is let go anywhere. */
  readonly waiters = new Map<string, Set<() => void>>()
  private readonly ready: Promise<unknown>

  constructor(options: RedisLockerOptions) {
    this.lockTtlMs = options.lockTtlMs ?? 10_000
    this.acquireTimeoutMs = options.acquireTimeoutMs ?? 30_000
    this.retryMs = options.retryMs ?? 250
    this.channel = `${options.namespace}:upload-locks`
    this.redis = new Redis(options.url, { keyPrefix: `${options.namespace}:upload-lock:`, maxRetriesPerRequest: 3 })
    this.publisher = new Redis(options.url, { maxRetriesPerRequest: 3 })
    this.subscriber = new Redis(options.url)
    const logError = (role: string) => (error: Error) => console.error(`[uploads] redis lock ${role}: ${error.message}`)
    this.redis.on('error', logError('commands'))
    this.publisher.on('error', logError('publisher'))
    this.subscriber.on('error', logError('subscriber'))
    this.ready = this.subscriber.subscribe(this.channel).catch(logError('subscribe'))
    this.subscriber.on('message', (_channel: string, text: string) => {
      let notice: Notice
      try {
        notice = JSON.parse(text) as Notice
      }
      catch {
        return
      }
      if (notice.op === 'release') void this.held.get(notice.id)?.requestRelease()
      else this.wake(notice.id)
    })
  }

  newLock(id: string): Lock {
    return new RedisLock(id, this)
  }

  /** Resolves once this locker hears the channel (a test's first waiter must not be missed). */
  async listening(): Promise<void> {
    await this.ready
  }

  async announce(op: Notice['op'], id: string): Promise<void> {
    await this.publisher.publish(this.channel, JSON.stringify({ op, id } satisfies Notice))
  }

  wake(id: string): void {
    for (const waiter of this.waiters.get(id) ?? []) waiter()
  }

  /** Stops renewing (held locks then expire, as a stopped process's would) and disconnects. */
  async close(): Promise<void> {
    for (const { mutex } of this.held.values()) mutex.stopRefresh()
    this.held.clear()
    this.redis.disconnect()
    this.publisher.disconnect()
    this.subscriber.disconnect()
  }
}

class RedisLock implements Lock {
  private mutex?: UploadMutex

  constructor(private readonly id: string, private readonly locker: RedisLocker) {}

  async lock(signal: AbortSignal, requestRelease: RequestRelease): Promise<void> {
    const { locker, id } = this
    const mutex = new UploadMutex(locker.redis, id, {
      lockTimeout: locker.lockTtlMs,
      refreshInterval: Math.floor(locker.lockTtlMs / 3),
      // One SET NX per try: the waiting between tries is ours (it asks the holder to let go).
      acquireAttemptsLimit: 1,
      retryInterval: 0,
      // Renewal failed (Redis lost, or the key expired while this process stalled): another
      // instance may be writing now, so stop this request at tus's next safe point.
      onLockLost: () => {
        console.error(`[uploads] lost the lock of upload ${id}; stopping its request`)
        void requestRelease()
      },
    })
    const deadline = Date.now() + locker.acquireTimeoutMs
    for (;;) {
      if (signal.aborted) throw ERRORS.ERR_LOCK_TIMEOUT
      if (await mutex.tryAcquire(signal).catch(() => false)) {
        this.mutex = mutex
        locker.held.set(id, { mutex, requestRelease })
        return
      }
      if (Date.now() >= deadline) throw ERRORS.ERR_LOCK_TIMEOUT
      // Ask whoever holds it to let go, then wait for its "released", a poll, or the caller's abort.
      await locker.announce('release', id).catch(() => {})
      await this.waitForRelease(signal, Math.min(locker.retryMs, Math.max(0, deadline - Date.now())))
    }
  }

  async unlock(): Promise<void> {
    const mutex = this.mutex
    if (!mutex) throw new Error('Releasing an unlocked lock!')
    this.mutex = undefined
    this.locker.held.delete(this.id)
    // Should Redis be unreachable now, the key expires on its own: the request still ends well.
    await mutex.release().catch(error => console.error(`[uploads] could not release the lock of upload ${this.id}: ${(error as Error).message}`))
    await this.locker.announce('released', this.id).catch(() => {})
  }

  private waitForRelease(signal: AbortSignal, ms: number): Promise<void> {
    const { waiters } = this.locker
    return new Promise((resolve) => {
      const done = () => {
        clearTimeout(timer)
        signal.removeEventListener('abort', done)
        const set = waiters.get(this.id)
        set?.delete(done)
        if (set?.size === 0) waiters.delete(this.id)
        resolve()
      }
      const timer = setTimeout(done, ms)
      signal.addEventListener('abort', done, { once: true })
      if (!waiters.has(this.id)) waiters.set(this.id, new Set())
      waiters.get(this.id)!.add(done)
    })
  }
}
