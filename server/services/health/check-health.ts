// What can really fail in a running Lectern: the database, the object store, and Redis when
// configured. Each check is bounded by a timeout so a hung dependency reports instead of hanging.
import { useDatabaseConnection, useDb } from '../../database/db'
import { useObjectStore } from '../../storage'
import { lecternConfig } from '../../utils/config'

export interface HealthCheck {
  ok: boolean
  latencyMs: number
  detail: string
}

export interface HealthReport {
  ok: boolean
  checks: Record<'database' | 'storage', HealthCheck> & { redis?: HealthCheck }
}

async function timed(run: () => Promise<string>, timeoutMs = 3000): Promise<HealthCheck> {
  const started = performance.now()
  let timer: NodeJS.Timeout | undefined
  try {
    const detail = await Promise.race([
      run(),
      new Promise<never>((_, reject) => { timer = setTimeout(() => reject(new Error(`no answer within ${timeoutMs} ms`)), timeoutMs) }),
    ])
    return { ok: true, latencyMs: Math.round(performance.now() - started), detail }
  }
  catch (error) {
    return { ok: false, latencyMs: Math.round(performance.now() - started), detail: (error as Error).message }
  }
  finally {
    clearTimeout(timer)
  }
}

async function checkRedis(url: string): Promise<string> {
  const { default: Redis } = await import('ioredis')
  const redis = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: 0, connectTimeout: 2000, enableOfflineQueue: false })
  redis.on('error', () => {}) // reported through the ping below
  try {
    await redis.connect()
    return `redis ${await redis.ping()}`
  }
  finally {
    redis.disconnect()
  }
}

export async function checkHealth(): Promise<HealthReport> {
  const { redisUrl } = lecternConfig()
  const [database, storage, redis] = await Promise.all([
    timed(async () => {
      await useDb().$queryRaw`SELECT 1`
      return `${useDatabaseConnection().kind} reachable`
    }),
    timed(() => useObjectStore().probe()),
    redisUrl ? timed(() => checkRedis(redisUrl)) : Promise.resolve(undefined),
  ])
  const checks: HealthReport['checks'] = { database, storage, ...(redis ? { redis } : {}) }
  return { ok: Object.values(checks).every(c => c.ok), checks }
}
