// Presence across instances, in Redis. Each instance keeps one hash of the users it has tabs for
// (user → 'online' | 'away') and beats into a sorted set of live instances every heartbeat. A
// user's overall status counts only instances that beat recently, so an instance that dies stops
// counting within three heartbeats; the next live instance to beat claims the dead one's hash,
// deletes it and announces the new status of each user it held (nothing is left online forever).
//
// Work happens in Lua scripts so each step is atomic, on Redis's clock (instances' clocks may
// disagree). A change is published from inside the same script that made it: two instances
// changing one user at once (a tab hidden on one, another shown on the other) then announce in
// the order Redis applied them, never a stale status last. The script picks the bus message for
// the resulting status from the three the caller built, so the message's shape stays in
// TypeScript. (The scripts name instance hashes they were not passed as keys: fine on one Redis
// server, not on Redis Cluster.)
import { randomUUID } from 'node:crypto'
import Redis from 'ioredis'
import { PRESENCE_STATUSES } from '#shared/schemas/presence'
import type { PresenceStatus } from '#shared/schemas/presence'
import { lecternConfig } from '../utils/config'
import { redisChannel } from './bus'
import type { BusMessage } from './bus'
import { presenceChanged } from './presence-store'
import type { PresenceStore, PresenceStoreOptions } from './presence-store'

/** The live-instances set and the prefix of instance hashes, in LECTERN_REDIS_NAMESPACE. */
const keys = (): [string, string] => [`${lecternConfig().redisNamespace}:presence:instances`, `${lecternConfig().redisNamespace}:presence:instance:`]

// KEYS[1] the live-instances set, KEYS[2] the prefix of instance hashes.
const PRELUDE = `
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
local function live(staleMs)
  return redis.call('ZRANGEBYSCORE', KEYS[1], now - staleMs, '+inf')
end
local function overall(user, instances)
  local best = 'offline'
  for _, id in ipairs(instances) do
    local s = redis.call('HGET', KEYS[2] .. id, user)
    if s == 'online' then return 'online' end
    if s == 'away' then best = 'away' end
  end
  return best
end
local function announce(status, channel, online, away, offline)
  local message = ({ online = online, away = away, offline = offline })[status]
  if message ~= '' then redis.call('PUBLISH', channel, message) end
end
`

// ARGV: instanceId, userId, local status, staleMs, ttlSeconds, bus channel, message if online / away / offline.
// Returns 1 when this instance had been dropped as dead (the caller records its users again).
const RECORD = `${PRELUDE}
local revived = redis.call('ZADD', KEYS[1], now, ARGV[1])
local instances = live(tonumber(ARGV[4]))
local before = overall(ARGV[2], instances)
local own = KEYS[2] .. ARGV[1]
if ARGV[3] == 'offline' then
  redis.call('HDEL', own, ARGV[2])
else
  redis.call('HSET', own, ARGV[2], ARGV[3])
  redis.call('EXPIRE', own, tonumber(ARGV[5]))
end
local after = overall(ARGV[2], instances)
if before ~= after then announce(after, ARGV[6], ARGV[7], ARGV[8], ARGV[9]) end
return revived
`

// ARGV: userId, staleMs, bus channel, message if online / away / offline. Announces whatever the status is now.
const ANNOUNCE = `${PRELUDE}
announce(overall(ARGV[1], live(tonumber(ARGV[2]))), ARGV[3], ARGV[4], ARGV[5], ARGV[6])
return 1
`

// ARGV: instanceId, staleMs, ttlSeconds. Returns { 1 if this instance had been dropped, users of the dead instances claimed now }.
const BEAT = `${PRELUDE}
local revived = redis.call('ZADD', KEYS[1], now, ARGV[1])
redis.call('EXPIRE', KEYS[2] .. ARGV[1], tonumber(ARGV[3]))
local orphans = {}
for _, id in ipairs(redis.call('ZRANGEBYSCORE', KEYS[1], '-inf', '(' .. (now - tonumber(ARGV[2])))) do
  if redis.call('ZREM', KEYS[1], id) == 1 then
    for _, user in ipairs(redis.call('HKEYS', KEYS[2] .. id)) do table.insert(orphans, user) end
    redis.call('DEL', KEYS[2] .. id)
  end
end
return { revived, orphans }
`

// ARGV: staleMs, then user ids. Returns their overall statuses in the same order.
const STATUSES = `${PRELUDE}
local instances = live(tonumber(ARGV[1]))
local out = {}
for i = 2, #ARGV do out[i - 1] = overall(ARGV[i], instances) end
return out
`

interface PresenceCommands {
  presenceRecord: (instances: string, prefix: string, ...args: (string | number)[]) => Promise<number>
  presenceAnnounce: (instances: string, prefix: string, ...args: (string | number)[]) => Promise<number>
  presenceBeat: (instances: string, prefix: string, ...args: (string | number)[]) => Promise<[number, string[]]>
  presenceStatuses: (instances: string, prefix: string, ...args: (string | number)[]) => Promise<string[]>
}

export function redisPresenceStore(url: string, { audienceOf, onRevived, heartbeatMs }: PresenceStoreOptions): PresenceStore {
  const instanceId = randomUUID()
  const staleMs = heartbeatMs * 3
  // Long enough that a claim always finds the hash; short enough that a hash nobody claims (every
  // instance gone at once) does not linger.
  const ttlSeconds = Math.max(10, Math.ceil((heartbeatMs * 10) / 1000))
  const redis = new Redis(url, { maxRetriesPerRequest: 3 })
  redis.on('error', error => console.error(`[presence] redis: ${error.message}`))
  for (const [name, lua] of [['presenceRecord', RECORD], ['presenceAnnounce', ANNOUNCE], ['presenceBeat', BEAT], ['presenceStatuses', STATUSES]] as const)
    redis.defineCommand(name, { numberOfKeys: 2, lua })
  const commands = redis as unknown as PresenceCommands

  /** The bus message for each status the script may land on; '' when there is no one to tell. */
  const messages = (userId: string, audience: string[]) => PRESENCE_STATUSES.map(status =>
    (audience.length ? JSON.stringify({ kind: 'users', userIds: audience, event: presenceChanged(userId, status) } satisfies BusMessage) : ''))

  async function beat() {
    const [revived, orphans] = await commands.presenceBeat(...keys(), instanceId, staleMs, ttlSeconds)
    if (revived) onRevived()
    for (const userId of new Set(orphans))
      await commands.presenceAnnounce(...keys(), userId, staleMs, redisChannel(), ...messages(userId, await audienceOf(userId)))
  }
  let beating = false
  const timer = setInterval(() => {
    if (beating) return
    beating = true
    beat().catch(error => console.error(`[presence] heartbeat failed: ${(error as Error).message}`)).finally(() => {
      beating = false
    })
  }, heartbeatMs)
  timer.unref()
  void beat().catch(error => console.error(`[presence] first heartbeat failed: ${(error as Error).message}`))

  return {
    kind: 'redis',
    record: async (userId, local) => {
      const audience = await audienceOf(userId)
      const revived = await commands.presenceRecord(...keys(), instanceId, userId, local, staleMs, ttlSeconds, redisChannel(), ...messages(userId, audience))
      if (revived) onRevived()
    },
    statuses: async (userIds) => {
      if (!userIds.length) return {}
      const found = await commands.presenceStatuses(...keys(), staleMs, ...userIds)
      return Object.fromEntries(userIds.map((id, i) => [id, (found[i] ?? 'offline') as PresenceStatus]))
    },
    close: async () => {
      clearInterval(timer)
      await redis.multi().zrem(keys()[0], instanceId).del(`${keys()[1]}${instanceId}`).exec().catch(() => {})
      redis.disconnect()
    },
  }
}
