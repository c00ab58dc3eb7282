// An instance leaving (SIGTERM, as an orchestrator or `docker stop` sends it) and one that is not
// ready, each on an instance of its own: the shared test server must keep running.
import { randomBytes } from 'node:crypto'
import { once } from 'node:events'
import { mkdtempSync, rmSync } from 'node:fs'
import { request } from 'node:http'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { afterAll, beforeAll, expect, inject, it } from 'vitest'
import { userChannel } from '../../shared/realtime/channels'
import { ApiClient, data, signedUp } from '../support/api-client'
import { samplePdf } from '../support/attachment-fixtures'
import { describeWithDatabase } from '../support/database'
import { TestSocket } from '../support/socket-client'
import { createUpload, tusHeaders } from '../support/tus-client'
import { sha256 } from '../support/video-fixtures'
import { startServer } from '../support/server-process'
import type { RunningServer } from '../support/server-process'

const root = resolve(import.meta.dirname, '../..')
let scratch: string
const servers: RunningServer[] = []

const serverEnv = (name: string, extra: Record<string, string> = {}) => ({
  NUXT_SESSION_PASSWORD: inject('sessionPassword'),
  DATABASE_URL: inject('databaseUrl')!,
  REDIS_URL: inject('redisUrl') ?? '',
  LECTERN_DATA_DIR: join(scratch, name),
  LECTERN_STORAGE_DIR: join(scratch, `${name}-uploads`),
  LECTERN_INTERNAL_TOKEN: randomBytes(8).toString('hex'),
  ...extra,
})

describeWithDatabase('shutdown and readiness', () => {
  beforeAll(() => {
    scratch = mkdtempSync(join(tmpdir(), 'lectern-shutdown-'))
  })
  afterAll(async () => {
    await Promise.all(servers.map(server => server.stop()))
    rmSync(scratch, { recursive: true, force: true })
  })

  it('on SIGTERM finishes the upload PATCH in flight, tells sockets to reconnect (1012) and exits by itself', async () => {
    const server = await startServer(root, serverEnv('leaving'))
    servers.push(server)
    const owner = await signedUp({}, Object.assign(new ApiClient(), { baseURL: server.url }))
    const socket = await TestSocket.open(server.url, owner)
    expect(await socket.subscribe(userChannel(owner.user!.id))).toMatchObject({ op: 'subscribed' })
    const bytes = Buffer.concat([samplePdf(), randomBytes(4 * 1024 * 1024)])
    const upload = await createUpload(owner, { size: bytes.length, metadata: { filename: 'Handbook.pdf', filetype: 'application/pdf', target: 'library' } })
    expect(upload.status).toBe(201)

    // One PATCH with the whole file, its body sent in two halves: SIGTERM comes between them.
    const half = Math.floor(bytes.length / 2)
    const patch = request(upload.url!, { method: 'PATCH', headers: { ...tusHeaders(owner, { 'upload-offset': '0', 'content-type': 'application/offset+octet-stream' }), 'content-length': String(bytes.length) } })
    const answered = once(patch, 'response') as Promise<[import('node:http').IncomingMessage]>
    patch.write(bytes.subarray(0, half))
    // The server has read some of it when it says so on the socket (a HEAD now would take the
    // upload over and end the PATCH: tus's lock).
    await socket.next(m => m.op === 'event' && m.event.type === 'library-upload-progress' && m.event.data.bytes > 0, 15_000)

    const exited = once(server.process, 'exit')
    server.process.kill('SIGTERM')
    await expect.poll(() => socket.closed?.code, { timeout: 10_000 }).toBe(1012)
    // No new connection is taken any more: a proxy sends the next request to another instance.
    await expect(fetch(`${server.url}/api/health`)).rejects.toThrow()

    patch.end(bytes.subarray(half))
    const [response] = await answered
    response.resume()
    expect(response.statusCode).toBe(204)
    expect(Number(response.headers['upload-offset'])).toBe(bytes.length)
    const [code] = await exited
    expect(code).toBe(0)
    expect(server.output()).toMatch(/SIGTERM: draining \(1 socket\(s\) told to reconnect elsewhere/)

    // The file is whole: another instance on the same database and storage serves it.
    const next = await startServer(root, { ...serverEnv('leaving'), LECTERN_INTERNAL_TOKEN: randomBytes(8).toString('hex') })
    servers.push(next)
    const again = Object.assign(new ApiClient(), { baseURL: next.url })
    data(await again.post('/api/auth/sign-in', { email: owner.user!.email, password: owner.user!.password }))
    const content = await fetch(`${next.url}/api/media/${upload.mediaId}/content`, { headers: { cookie: again.sessionCookies().map(c => `${c.name}=${c.value}`).join('; ') } })
    expect(content.status).toBe(200)
    expect(sha256(Buffer.from(await content.arrayBuffer()))).toBe(sha256(bytes))
  }, 90_000)

  it('answers readiness 503 while Redis is unreachable, with the failing check for an internal caller, and stays alive', async () => {
    const env = serverEnv('no-redis', { REDIS_URL: 'redis://127.0.0.1:1' })
    const server = await startServer(root, env, { waitFor: '/api/health' })
    servers.push(server)
    const anyone = await fetch(`${server.url}/api/ready`)
    expect(anyone.status).toBe(503)
    expect(await anyone.json()).toEqual({ success: true, data: { ok: false } })
    const internal = await fetch(`${server.url}/api/ready`, { headers: { authorization: `Bearer ${env.LECTERN_INTERNAL_TOKEN}` } })
    expect(await internal.json()).toMatchObject({ data: { ok: false, draining: false, checks: { database: { ok: true }, storage: { ok: true }, redis: { ok: false } } } })
    expect((await fetch(`${server.url}/api/health`)).status).toBe(200)
  }, 90_000)
})
