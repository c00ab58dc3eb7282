// Lectern as several instances behind a proxy (issue 19): two processes of the same build on
// different ports, one PostgreSQL database (their own, so no other server claims their jobs),
// one Redis namespace, files in S3 (s3rver, tests/support/s3-server.ts), behind Debian's nginx
// configured from deploy/nginx.conf (round robin, no sticky sessions). Every request below goes
// through the proxy; each instance names itself in X-Lectern-Instance, so the test can tell who
// answered. The last test kills an instance, so it comes last.
import { createHash, randomBytes } from 'node:crypto'
import { createReadStream, createWriteStream, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { once } from 'node:events'
import Redis from 'ioredis'
import { Upload } from 'tus-js-client'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import { conversationChannel, userChannel } from '../../shared/realtime/channels'
import type { ServerMessage } from '../../shared/realtime/protocol'
import type { ApiClient } from '../support/api-client'
import { newPage } from '../support/browser'
import { data, pointClientsAt, signedUp } from '../support/api-client'
import { conversationPair, sendMessage } from '../support/conversation-fixtures'
import { forgetTestDb, pointTestDbAt, testDb } from '../support/database'
import { PIN_COOKIE, startNginx } from '../support/nginx'
import type { RunningNginx } from '../support/nginx'
import { startS3Server } from '../support/s3-server'
import type { RunningS3 } from '../support/s3-server'
import { freePort, startServer } from '../support/server-process'
import type { RunningServer } from '../support/server-process'
import { TestSocket } from '../support/socket-client'
import { migratedDatabaseBeside } from '../support/test-database'
import { tusHeaders } from '../support/tus-client'

const root = resolve(import.meta.dirname, '../..')
const [databaseUrl, redisUrl] = [inject('databaseUrl'), inject('redisUrl')]
const cluster = !!databaseUrl && !!redisUrl
/** The uploads' size: 200 MB by default (what a lesson video weighs); smaller for a quick local run. */
const UPLOAD_BYTES = Math.round(Number(process.env.LECTERN_CLUSTER_UPLOAD_MB || 200) * 1024 * 1024)
const CHUNK_BYTES = 8 * 1024 * 1024

let scratch: string
let namespace: string
let database: Awaited<ReturnType<typeof migratedDatabaseBeside>> | undefined
let s3: RunningS3 | undefined
let proxy: RunningNginx | undefined
const instances: Record<'a' | 'b', RunningServer | undefined> = { a: undefined, b: undefined }
const sockets: TestSocket[] = []

const instanceOf = (headers: { get: (name: string) => string | null }) => headers.get('x-lectern-instance')
const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex')

/** A file of random bytes in the scratch directory, and its sha256. */
async function randomFile(name: string, size: number): Promise<{ path: string, sha256: string }> {
  const path = join(scratch, name)
  const out = createWriteStream(path)
  const hash = createHash('sha256')
  for (let written = 0; written < size; written += CHUNK_BYTES) {
    const piece = randomBytes(Math.min(CHUNK_BYTES, size - written))
    hash.update(piece)
    if (!out.write(piece)) await once(out, 'drain')
  }
  out.end()
  await once(out, 'finish')
  return { path, sha256: hash.digest('hex') }
}

/** A socket through the proxy that landed on the wanted instance (round robin: within a few tries). */
async function socketOn(client: ApiClient, instance: 'a' | 'b'): Promise<TestSocket> {
  for (let attempt = 0; attempt < 6; attempt++) {
    const socket = await TestSocket.open(proxy!.url, client)
    expect(socket.upgrade?.status).toBe(101)
    if (socket.upgrade?.headers['x-lectern-instance'] === instance) {
      sockets.push(socket)
      return socket
    }
    socket.close()
  }
  throw new Error(`no socket through the proxy reached instance ${instance}`)
}

interface SentUpload {
  url: string
  /** The instance that answered each PATCH, in order. */
  patchedBy: string[]
  retries: number
}

/** Sends a file as a library upload with tus-js-client, through the proxy, in 8 MiB PATCHes. */
function uploadThroughProxy(client: ApiClient, path: string, size: number, onProgress?: (sent: number, upload: SentUpload) => void): Promise<SentUpload> {
  const sent: SentUpload = { url: '', patchedBy: [], retries: 0 }
  const { 'tus-resumable': _, ...headers } = tusHeaders(client)
  return new Promise((resolve, reject) => {
    const upload = new Upload(createReadStream(path), {
      endpoint: `${proxy!.url}/api/uploads`,
      uploadSize: size,
      chunkSize: CHUNK_BYTES,
      metadata: { filename: 'cluster.zip', filetype: 'application/zip', target: 'library' },
      headers,
      // A cut PATCH (its instance killed) is retried: HEAD for the offset, then on from there.
      retryDelays: [0, 250, 500, 1000, 2000, 3000, 5000, 5000],
      onShouldRetry: () => {
        sent.retries += 1
        return true
      },
      onAfterResponse: (request, response) => {
        if (request.getMethod() === 'PATCH' && response.getStatus() === 204) sent.patchedBy.push(response.getHeader('x-lectern-instance') ?? '?')
      },
      onProgress: bytes => onProgress?.(bytes, sent),
      onSuccess: () => {
        sent.url = upload.url ?? ''
        resolve(sent)
      },
      onError: reject,
    })
    upload.start()
  })
}

const storedSha256 = async (uploadUrl: string) => {
  const bytes = await s3!.bytes(uploadUrl.split('/').pop()!)
  return bytes ? sha256(bytes) : null
}

describe.skipIf(!cluster)(`two instances behind nginx${cluster ? '' : ' [skipped: needs PostgreSQL and Redis on this machine]'}`, () => {
  beforeAll(async () => {
    scratch = mkdtempSync(join(tmpdir(), 'lectern-cluster-'))
    database = await migratedDatabaseBeside(databaseUrl!, 'lectern_cluster')
    s3 = await startS3Server(join(scratch, 's3'))
    namespace = `lectern-cluster-${randomBytes(4).toString('hex')}`
    const internalToken = randomBytes(16).toString('hex')
    // The instances need the proxy's address (their public one) before nginx can start in front
    // of them: its port is taken first.
    const proxyPort = await freePort()
    const env = (name: 'a' | 'b') => ({
      NUXT_SESSION_PASSWORD: inject('sessionPassword'),
      LECTERN_INTERNAL_TOKEN: internalToken,
      DATABASE_URL: database!.url,
      REDIS_URL: redisUrl!,
      LECTERN_REDIS_NAMESPACE: namespace,
      LECTERN_DATA_DIR: join(scratch, `data-${name}`),
      LECTERN_STORAGE_DIR: join(scratch, 'unused-disk'),
      LECTERN_INSTANCE_NAME: name,
      // Requests come from nginx on this machine: its X-Forwarded-For names the client.
      LECTERN_TRUSTED_PROXIES: '127.0.0.1',
      NUXT_PUBLIC_SITE_URL: `http://127.0.0.1:${proxyPort}`,
      ...s3!.env,
    })
    ;[instances.a, instances.b] = await Promise.all([startServer(root, env('a')), startServer(root, env('b'))])
    proxy = await startNginx(join(scratch, 'nginx'), proxyPort, [instances.a!.url, instances.b!.url].map(url => new URL(url).host))
    pointClientsAt(proxy.url)
    pointTestDbAt(database.url)
  }, 120_000)

  afterAll(async () => {
    for (const socket of sockets.splice(0)) socket.close()
    pointClientsAt(undefined)
    pointTestDbAt(undefined)
    await proxy?.stop()
    await Promise.all([instances.a?.stop(), instances.b?.stop()])
    await s3?.stop()
    // The instances' keys (limits, presence, upload info) go with them.
    if (namespace) {
      const redis = new Redis(redisUrl!)
      const keys = await redis.keys(`${namespace}:*`)
      if (keys.length) await redis.del(...keys)
      redis.disconnect()
    }
    if (database) {
      await forgetTestDb(database.url)
      await database.drop()
    }
    if (scratch) rmSync(scratch, { recursive: true, force: true })
  })

  it('passes requests to both instances in turn, which take the proxy\'s address for the site\'s own', async () => {
    const answeredBy: (string | null)[] = []
    for (let i = 0; i < 4; i++) {
      const response = await fetch(`${proxy!.url}/api/health`)
      expect(response.status).toBe(200)
      answeredBy.push(instanceOf(response.headers))
    }
    expect([...new Set(answeredBy)].sort()).toEqual(['a', 'b'])

    // NUXT_PUBLIC_SITE_URL is the proxy: a page of it may write; another site's page may not.
    const instructor = await signedUp()
    const create = (origin: string) => fetch(`${proxy!.url}/api/courses`, {
      method: 'POST',
      headers: { ...tusHeaders(instructor), 'content-type': 'application/json', origin },
      body: JSON.stringify({ title: 'Through the proxy', category: 'Design' }),
    })
    expect((await create(proxy!.url)).status).toBe(201)
    expect((await create('http://elsewhere.test')).status).toBe(403)
  })

  it('upgrades the socket through the proxy (101), and events arrive on it', async () => {
    const student = await signedUp({ role: 'STUDENT' })
    for (const instance of ['a', 'b'] as const) {
      const socket = await socketOn(student, instance)
      expect(socket.messages[0]).toMatchObject({ op: 'ready', userId: student.user!.id })
      expect(await socket.subscribe(userChannel(student.user!.id))).toMatchObject({ op: 'subscribed' })
      socket.send({ op: 'ping' })
      await socket.next(m => m.op === 'pong')
    }
    // Without a session the upgrade is refused through the proxy too.
    expect(await TestSocket.refusal(proxy!.url)).toBe(401)
  })

  it('carries a message, typing and presence from a socket on one instance to one on the other', async () => {
    const { instructor, student, conversationId } = await conversationPair()
    const isEvent = (type: string) => (m: ServerMessage) => m.op === 'event' && m.event.type === type
    // The student's tab on b, listening to the conversation and to its own channel (presence).
    const sol = await socketOn(student, 'b')
    expect(await sol.subscribe(conversationChannel(conversationId))).toMatchObject({ op: 'subscribed' })
    expect(await sol.subscribe(userChannel(student.user!.id))).toMatchObject({ op: 'subscribed' })

    // The instructor's tab opens on a: the student hears the instructor come online.
    const iris = await socketOn(instructor, 'a')
    expect(await iris.subscribe(conversationChannel(conversationId))).toMatchObject({ op: 'subscribed' })
    const presence = (status: string) => (m: ServerMessage) => m.op === 'event' && m.event.type === 'presence-changed' && m.event.userId === instructor.user!.id && m.event.status === status
    await sol.next(presence('online'))

    iris.send({ op: 'typing', conversationId })
    expect(await sol.next(isEvent('typing'))).toMatchObject({ event: { type: 'typing', conversationId, userId: instructor.user!.id } })

    const message = data(await sendMessage(instructor, conversationId, { type: 'INSTRUCTOR_RESPONSE', body: 'Across instances' }))
    expect(await sol.next(isEvent('message-created'))).toMatchObject({ event: { conversationId, message: { id: message.id, body: 'Across instances' } } })
    // And the other way: the student's message reaches the instructor's socket on a.
    const reply = data(await sendMessage(student, conversationId, { type: 'DAILY_NOTE', body: 'Heard you' }))
    expect(await iris.next(m => isEvent('message-created')(m) && (m as { event: { message: { id: string } } }).event.message.id === reply.id)).toBeTruthy()

    iris.send({ op: 'visibility', state: 'hidden' })
    await sol.next(presence('away'))
    iris.close()
    await sol.next(presence('offline'), 10_000)
  })

  it('shows a message typed in one browser in another whose socket is on the other instance, live, through the proxy', async () => {
    const { instructor, student, conversationId } = await conversationPair()
    const channel = conversationChannel(conversationId)
    const listPath = `/api/conversations/${conversationId}/messages`
    /** A tab through the proxy whose socket the proxy puts on `instance`, its fallback polling off; CDP tells which instance its socket reached. */
    async function tab(who: ApiClient, instance: 'a' | 'b') {
      const page = await newPage(who)
      await page.context().addCookies([{ name: PIN_COOKIE, value: instance === 'a' ? '0' : '1', url: proxy!.url }])
      await page.addInitScript(() => localStorage.setItem('lectern:realtime-fallback', 'off'))
      const cdp = await page.context().newCDPSession(page)
      await cdp.send('Network.enable')
      const seen = { instance: '', subscribed: false, listRequests: 0 }
      cdp.on('Network.webSocketHandshakeResponseReceived', ({ response }) => {
        seen.instance = Object.entries(response.headers).find(([name]) => name.toLowerCase() === 'x-lectern-instance')?.[1] ?? '?'
      })
      cdp.on('Network.webSocketFrameReceived', ({ response }) => {
        const message = JSON.parse(response.payloadData) as { op: string, channel?: string }
        if (message.op === 'subscribed' && message.channel === channel) seen.subscribed = true
      })
      page.on('request', (request) => {
        if (request.method() === 'GET' && new URL(request.url()).pathname === listPath) seen.listRequests++
      })
      await page.goto(`${proxy!.url}/messages/${conversationId}`)
      await page.waitForSelector('html[data-hydrated="true"]')
      await expect.poll(() => seen.subscribed).toBe(true)
      return { page, seen }
    }
    const studentTab = await tab(student, 'a')
    const instructorTab = await tab(instructor, 'b')
    expect([studentTab.seen.instance, instructorTab.seen.instance]).toEqual(['a', 'b'])
    instructorTab.seen.listRequests = 0

    await studentTab.page.getByLabel('Message', { exact: true }).fill('Sent through the proxy')
    await studentTab.page.getByLabel('Message', { exact: true }).press('Enter')
    await instructorTab.page.getByTestId('message').filter({ hasText: 'Sent through the proxy' }).waitFor({ timeout: 10_000 })
    // It came by the socket, across Redis: the instructor's tab fetched no messages.
    expect(instructorTab.seen.listRequests).toBe(0)
    // A pinned socket has nowhere else to go: closed before the last test kills an instance.
    await Promise.all([studentTab.page.context().close(), instructorTab.page.context().close()])
  })

  it('runs each job once although both instances\' runners claim work', async () => {
    const count = 40
    const jobs = await testDb().job.createManyAndReturn({
      data: Array.from({ length: count }, () => ({ kind: 'media:purge', payload: {}, runAt: new Date(), maxAttempts: 3 })),
      select: { id: true },
    })
    const ids = jobs.map(job => job.id)
    const ours = () => testDb().job.findMany({ where: { id: { in: ids } }, select: { status: true, attempts: true } })
    await expect.poll(async () => (await ours()).filter(job => job.status === 'DONE').length, { timeout: 30_000, interval: 200 }).toBe(count)
    // Claimed once each: one attempt, never a second run by the other instance.
    expect((await ours()).map(job => job.attempts)).toEqual(Array.from({ length: count }, () => 1))
  }, 45_000)

  it(`takes a ${Math.round(UPLOAD_BYTES / 1024 / 1024)} MB upload whose PATCHes alternate between the instances, and stores it whole`, async () => {
    const instructor = await signedUp()
    const file = await randomFile('alternating.zip', UPLOAD_BYTES)
    const sent = await uploadThroughProxy(instructor, file.path, UPLOAD_BYTES)
    expect(sent.patchedBy).toHaveLength(Math.ceil(UPLOAD_BYTES / CHUNK_BYTES))
    // Round robin: every next PATCH went to the other instance.
    for (let i = 1; i < sent.patchedBy.length; i++) expect(sent.patchedBy[i]).not.toBe(sent.patchedBy[i - 1])
    expect(new Set(sent.patchedBy)).toEqual(new Set(['a', 'b']))
    expect(sent.retries).toBe(0)
    expect(await storedSha256(sent.url)).toBe(file.sha256)
  }, 240_000)

  it('finishes an upload on the other instance when the one writing it is killed mid-PATCH', async () => {
    const instructor = await signedUp()
    const file = await randomFile('interrupted.zip', UPLOAD_BYTES)
    let victim: 'a' | 'b' | undefined
    let killedAt = 0
    const sent = await uploadThroughProxy(instructor, file.path, UPLOAD_BYTES, (bytes, progress) => {
      // Once half the chunks are in, as soon as the next PATCH is sending (its first bytes are
      // past the last answered offset): it is on the instance that did not answer the last one
      // (round robin). Kill that one, by its process id, while it receives the chunk.
      const answered = progress.patchedBy.length
      if (victim || answered < Math.ceil(UPLOAD_BYTES / CHUNK_BYTES / 2) || bytes <= answered * CHUNK_BYTES) return
      victim = progress.patchedBy.at(-1) === 'a' ? 'b' : 'a'
      killedAt = progress.patchedBy.length
      instances[victim]!.process.kill('SIGKILL')
    })
    expect(victim).toBeDefined()
    expect(instances[victim!]!.process.signalCode).toBe('SIGKILL')
    // The cut PATCH was retried, and everything after the kill was written by the survivor
    // (once the dead instance's lock on the upload expired).
    expect(sent.retries).toBeGreaterThan(0)
    const survivor = victim === 'a' ? 'b' : 'a'
    expect(sent.patchedBy.slice(killedAt).every(instance => instance === survivor)).toBe(true)
    expect(sent.patchedBy.length).toBeGreaterThan(killedAt)
    // nginx saw the victim's PATCH cut (502 from that upstream): it died mid-PATCH.
    const victimAddress = new URL(instances[victim!]!.url).host
    const patches = proxy!.accessLog().split('\n').filter(line => line.startsWith(`PATCH ${new URL(sent.url).pathname} `))
    expect(patches.filter(line => line.includes(` 502 ${victimAddress}`))).not.toEqual([])
    expect(await storedSha256(sent.url)).toBe(file.sha256)
  }, 240_000)
})
