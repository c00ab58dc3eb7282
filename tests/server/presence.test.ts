// Presence over real sockets: a user is online while any tab (socket) is open and visible, away
// while every open tab is hidden, offline with none; the change reaches only the people who share
// a conversation with them. Then the same across two instances sharing Redis, including one
// instance dying without a word.
import { randomBytes } from 'node:crypto'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { afterEach, describe, expect, inject, it } from 'vitest'
import { userChannel } from '../../shared/realtime/channels'
import type { PresenceMap, PresenceStatus } from '../../shared/schemas/presence'
import { ApiClient, data, signedUp } from '../support/api-client'
import { conversationPair, linkedObserver } from '../support/conversation-fixtures'
import { databaseUrl, describeWithDatabase } from '../support/database'
import { startServer } from '../support/server-process'
import { TestSocket } from '../support/socket-client'

const sockets: TestSocket[] = []
afterEach(() => {
  for (const socket of sockets.splice(0)) socket.close()
})

/** A tab of this user: a socket on its own user channel, as the app's realtime plugin opens it. */
async function tab(client: ApiClient, url = client.baseURL) {
  const socket = await TestSocket.open(url, client)
  sockets.push(socket)
  expect(await socket.subscribe(userChannel(client.user!.id))).toMatchObject({ op: 'subscribed' })
  return socket
}

const presenceEvents = (socket: TestSocket, userId: string) =>
  socket.messages.flatMap(m => (m.op === 'event' && m.event.type === 'presence-changed' && m.event.userId === userId ? [m.event.status] : []))

/** Waits for the watcher's next presence event about the user (each heard once, in order) and checks it. */
const heard = new Map<TestSocket, number>()
async function hears(watcher: TestSocket, userId: string, status: PresenceStatus, timeoutMs = 5000) {
  const count = heard.get(watcher) ?? 0
  await watcher.next(() => presenceEvents(watcher, userId).length > count, timeoutMs)
  heard.set(watcher, count + 1)
  expect(presenceEvents(watcher, userId)[count]).toBe(status)
}

/** Everything sent to this socket before now has arrived (frames on one socket keep their order). */
async function drained(socket: TestSocket) {
  const from = socket.messages.length
  socket.send({ op: 'ping' })
  await socket.next(m => m.op === 'pong', 5000, from)
}

const presenceSeenBy = async (client: ApiClient) => data(await client.get<PresenceMap>('/api/presence'))

describe('presence', () => {
  it('goes online, away when every tab is hidden, online again, and offline when the last tab closes', async () => {
    const { instructor, student } = await conversationPair()
    const iris = instructor.user!.id
    const sol = await tab(student)
    expect(await presenceSeenBy(student)).toEqual({ [iris]: 'offline' })

    const first = await tab(instructor)
    await hears(sol, iris, 'online')
    expect(await presenceSeenBy(student)).toEqual({ [iris]: 'online' })

    first.send({ op: 'visibility', state: 'hidden' })
    await hears(sol, iris, 'away')
    const second = await tab(instructor) // a new tab opens in front
    await hears(sol, iris, 'online')
    second.send({ op: 'visibility', state: 'hidden' })
    await hears(sol, iris, 'away')
    expect(await presenceSeenBy(student)).toEqual({ [iris]: 'away' })

    first.close() // one hidden tab left: still away, nothing to announce
    second.send({ op: 'visibility', state: 'visible' })
    await hears(sol, iris, 'online')
    second.close()
    // The first tab's close travels on its own connection: on a busy machine the server may take it
    // after the second's, and then rightly says 'away' (one hidden tab left) on the way to 'offline'.
    await sol.next(() => presenceEvents(sol, iris).at(-1) === 'offline')
    const events = presenceEvents(sol, iris)
    expect(events.slice(0, 5)).toEqual(['online', 'away', 'online', 'away', 'online'])
    expect(['offline', 'away,offline']).toContain(events.slice(5).join())
    expect(await presenceSeenBy(student)).toEqual({ [iris]: 'offline' })
  })

  it('is told only to people who share a conversation, and asked about only by them', async () => {
    const { instructor, student } = await conversationPair()
    const stranger = await signedUp({ role: 'STUDENT' })
    const [sol, outsider] = await Promise.all([tab(student), tab(stranger)])
    await tab(instructor)
    await hears(sol, instructor.user!.id, 'online')
    await drained(outsider)
    expect(outsider.messages.filter(m => m.op === 'event')).toEqual([])
    expect(await presenceSeenBy(stranger)).toEqual({})
    expect((await new ApiClient().get('/api/presence')).status).toBe(401)
  })

  it('refuses a visibility report that is not one', async () => {
    const socket = await tab(await signedUp())
    socket.send({ op: 'visibility', state: 'minimised' })
    expect(await socket.next(m => m.op === 'error' && m.code === 'BAD_MESSAGE')).toBeTruthy()
  })
})

describeWithDatabase('presence and observers', () => {
  it('an observer linked to the student hears neither participant\'s presence', async () => {
    const pair = await conversationPair()
    const observer = await linkedObserver(pair)
    const [watcher, sol] = await Promise.all([tab(observer), tab(pair.student)])
    await tab(pair.instructor)
    await hears(sol, pair.instructor.user!.id, 'online')
    await tab(observer) // the observer's second tab: its own presence is announced to no one either
    await drained(watcher)
    expect(watcher.messages.filter(m => m.op === 'event')).toEqual([])
    expect(await presenceSeenBy(observer)).toEqual({})
  })
})

const redisUrl = inject('redisUrl')
const twoInstances = databaseUrl && redisUrl
describe.skipIf(!twoInstances)(`presence across two instances sharing Redis${twoInstances ? '' : ' [skipped: needs PostgreSQL and Redis on this machine]'}`, () => {
  async function secondInstance() {
    const scratch = mkdtempSync(join(tmpdir(), 'lectern-second-'))
    const server = await startServer(resolve(import.meta.dirname, '../..'), {
      NUXT_SESSION_PASSWORD: inject('sessionPassword'),
      DATABASE_URL: databaseUrl!,
      REDIS_URL: redisUrl!,
      LECTERN_REDIS_NAMESPACE: inject('redisNamespace'),
      LECTERN_DATA_DIR: scratch,
      LECTERN_INTERNAL_TOKEN: randomBytes(8).toString('hex'),
      LECTERN_PRESENCE_HEARTBEAT_MS: inject('presenceHeartbeatMs'),
    })
    instances.push(async () => {
      await server.stop()
      rmSync(scratch, { recursive: true, force: true })
    })
    return server
  }
  const instances: (() => Promise<void>)[] = []
  afterEach(async () => {
    for (const dispose of instances.splice(0)) await dispose()
  })

  it('adds up a user\'s tabs on both instances, and drops those of an instance that dies', async () => {
    const second = await secondInstance()
    const { instructor, student } = await conversationPair()
    const iris = instructor.user!.id
    const onB = (client: ApiClient) => Object.assign(new ApiClient(), client, { baseURL: second.url })
    const sol = await tab(student) // on instance A, like everything not said to be on B
    const tabB = await tab(instructor, second.url)
    await hears(sol, iris, 'online') // B's change reached A's socket
    tabB.send({ op: 'visibility', state: 'hidden' })
    await hears(sol, iris, 'away')
    const tabA = await tab(instructor)
    await hears(sol, iris, 'online')
    tabA.send({ op: 'visibility', state: 'hidden' }) // away only because B's tab is hidden too
    await hears(sol, iris, 'away')
    expect(await presenceSeenBy(onB(student))).toEqual({ [iris]: 'away' })
    tabB.send({ op: 'visibility', state: 'visible' })
    await hears(sol, iris, 'online')
    tabB.send({ op: 'visibility', state: 'hidden' })
    await hears(sol, iris, 'away')
    tabA.close() // B's hidden tab is left: still away, not offline
    tabB.send({ op: 'visibility', state: 'visible' })
    await hears(sol, iris, 'online')
    expect(presenceEvents(sol, iris)).toEqual(['online', 'away', 'online', 'away', 'online', 'away', 'online'])
    expect(await presenceSeenBy(student)).toEqual({ [iris]: 'online' })

    // Instance B dies without closing anything: within a few heartbeats A takes it for dead.
    second.process.kill('SIGKILL')
    await hears(sol, iris, 'offline', 20_000)
    expect(await presenceSeenBy(student)).toEqual({ [iris]: 'offline' })
  }, 60_000)

  it('announces an instance\'s users offline when it shuts down in order, without waiting for the heartbeat', async () => {
    const second = await secondInstance()
    const { instructor, student } = await conversationPair()
    const iris = instructor.user!.id
    const sol = await tab(student)
    await tab(instructor, second.url)
    await hears(sol, iris, 'online')
    const stopping = Date.now()
    await second.stop() // SIGTERM: the database closes first, the last known audience is used
    await hears(sol, iris, 'offline')
    expect(Date.now() - stopping).toBeLessThan(Number(inject('presenceHeartbeatMs')) * 3)
  }, 60_000)
})
