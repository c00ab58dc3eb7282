// Two instances behind nginx (the cluster test's set-up: one build, one database of its own, one
// Redis namespace, files in the local S3 server, deploy/nginx.conf round robin), beside one
// instance in the same run:
// - sockets: 1000 (50 in smoke mode) through the proxy, so half land on each instance, with
//   upload-progress events published on instance a (the HTTP bridge) and reaching instance b's
//   sockets through Redis; and chat messages sent through the proxy (POST, any instance) to the
//   same number of sockets on the conversation. Delivery p50/p99 beside all sockets on instance a
//   alone. Targets: p99 ≤ 50 ms and ≤ 1.5× one instance.
// - a 1 GiB upload (32 MiB in smoke mode) in 8 MiB PATCHes through the proxy beside the same
//   straight to an instance, taking turns. Target: ≥ 0.8× direct.
import { randomBytes } from 'node:crypto'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import Redis from 'ioredis'
import { buildUser } from '../prisma/seed/factories.ts'
import { ensureBuilt } from '../tests/support/build.ts'
import { findNginx } from '../tests/support/debian-packages.ts'
import { startNginx } from '../tests/support/nginx.ts'
import { startS3Server } from '../tests/support/s3-server.ts'
import { freePort, startServer } from '../tests/support/server-process.ts'
import { answers, migratedDatabaseBeside } from '../tests/support/test-database.ts'
import { json } from './conversation-scale.ts'
import { fanOutLine, measureFanOut } from './fan-out.ts'
import type { FanOutResult, Target } from './fan-out.ts'

const smoke = process.argv.includes('--smoke')
const fanOut = { sockets: smoke ? 50 : 1000, seconds: smoke ? 2 : 10, rate: 10 }
const UPLOAD_BYTES = (smoke ? 32 : 1024) * 1024 * 1024
const CHUNK_BYTES = 8 * 1024 * 1024
const ROUNDS = smoke ? 1 : 3
const root = resolve(import.meta.dirname, '..')

const databaseUrl = process.env.DATABASE_URL || ((await answers('127.0.0.1', 5432)) ? 'postgresql://postgres@127.0.0.1:5432/postgres' : '')
const redisUrl = process.env.REDIS_URL || ((await answers('127.0.0.1', 6379)) ? 'redis://127.0.0.1:6379' : '')
let nginx = ''
try {
  nginx = findNginx()
}
catch {
  // Reported below with the other missing pieces.
}
if (!databaseUrl || !redisUrl || !nginx) {
  console.log(`skipped: several instances need PostgreSQL, Redis and nginx (${[!databaseUrl && 'no PostgreSQL', !redisUrl && 'no Redis', !nginx && 'no nginx'].filter(Boolean).join(', ')})`)
  process.exit(0)
}

ensureBuilt(root)
const scratch = mkdtempSync(join(tmpdir(), 'lectern-bench-cluster-'))
const database = await migratedDatabaseBeside(databaseUrl, 'lectern_bench_cluster')
const s3 = await startS3Server(join(scratch, 's3'))
const namespace = `lectern-bench-cluster-${randomBytes(4).toString('hex')}`
const token = randomBytes(16).toString('hex')
const proxyPort = await freePort()
const site = `http://127.0.0.1:${proxyPort}`
// One session password for both: a cookie from one instance works on the other.
const sessionPassword = randomBytes(32).toString('hex')
const env = (name: string) => ({
  NUXT_SESSION_PASSWORD: sessionPassword,
  LECTERN_INTERNAL_TOKEN: token,
  DATABASE_URL: database.url,
  REDIS_URL: redisUrl,
  LECTERN_REDIS_NAMESPACE: namespace,
  LECTERN_DATA_DIR: join(scratch, `data-${name}`),
  LECTERN_STORAGE_DIR: join(scratch, 'unused-disk'),
  LECTERN_INSTANCE_NAME: name,
  LECTERN_TRUSTED_PROXIES: '127.0.0.1',
  NUXT_PUBLIC_SITE_URL: site,
  ...s3.env,
})
const [a, b] = await Promise.all([startServer(root, env('a')), startServer(root, env('b'))])
const proxy = await startNginx(join(scratch, 'nginx'), proxyPort, [a.url, b.url].map(url => new URL(url).host), { workerConnections: 4096 })
try {
  // A published course, its instructor and an enrolled student: their conversation exists.
  const signUp = async (role: 'INSTRUCTOR' | 'STUDENT') => {
    const response = await fetch(`${site}/api/auth/sign-up`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'origin': site },
      body: JSON.stringify(buildUser({ role })),
    })
    if (!response.ok) throw new Error(`sign-up answered ${response.status}: ${await response.text()}`)
    return response.headers.getSetCookie().map(c => c.split(';')[0]).join('; ')
  }
  const call = (cookie: string) => <T>(path: string, body?: unknown) => fetch(`${site}${path}`, {
    method: body === undefined ? 'GET' : 'POST',
    headers: { 'content-type': 'application/json', 'origin': site, cookie },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  }).then(r => json<T>(r))
  const instructorCookie = await signUp('INSTRUCTOR')
  const instructor = call(instructorCookie)
  const course = await instructor<{ id: string, slug: string }>('/api/courses', { title: 'Cluster bench course', category: 'Design' })
  const chapter = await instructor<{ id: string }>(`/api/courses/${course.id}/chapters`, { title: 'One' })
  await instructor(`/api/chapters/${chapter.id}/lessons`, { title: 'Welcome' })
  await instructor(`/api/courses/${course.id}/publish`, {})
  const studentCookie = await signUp('STUDENT')
  const student = call(studentCookie)
  await student(`/api/catalog/${course.slug}/enrol`, {})
  const [conversation] = await student<{ id: string }[]>('/api/conversations')

  const wsOf = (url: string) => `${url.replace(/^http/, 'ws')}/_ws`
  const progressTarget = (name: string, wsUrl: string): Target => ({
    name,
    wsUrl,
    headers: { cookie: instructorCookie, origin: site },
    subscribe: `course:${course.id}`,
    // Always on instance a: with sockets on both, half the deliveries cross Redis.
    publish: async (seq) => {
      const response = await fetch(`${a.url}/api/internal/broadcast`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'authorization': `Bearer ${token}` },
        body: JSON.stringify({ channel: `course:${course.id}`, event: { type: 'upload-progress', courseId: course.id, chapterId: chapter.id, lessonId: 'lesson-bench', operationId: `op-${seq}`, data: { progress: 1, bytes: seq, total: 1_073_741_824 } } }),
      })
      if (!response.ok) throw new Error(`bridge answered ${response.status}`)
    },
    seqOf: text => Number(/"operationId":"op-(\d+)"/.exec(text)?.[1]),
  })
  const messageTarget = (name: string, wsUrl: string, sendTo: string): Target => ({
    name,
    wsUrl,
    headers: { cookie: instructorCookie, origin: site },
    subscribe: `conversation:${conversation!.id}`,
    publish: async (seq) => {
      const response = await fetch(`${sendTo}/api/conversations/${conversation!.id}/messages`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'origin': site, 'cookie': studentCookie },
        body: JSON.stringify({ type: 'DAILY_NOTE', body: `bench-seq-${seq}-end`, targetDate: new Date().toISOString().slice(0, 10), clientKey: `bench-${namespace}-${seq}` }),
      })
      if (!response.ok) throw new Error(`send answered ${response.status}: ${await response.text()}`)
    },
    // The message's own event only (other events on the channel may quote its text).
    seqOf: text => (text.includes('"message-created"') ? Number(/bench-seq-(\d+)-end/.exec(text)?.[1]) : Number.NaN),
  })

  const results: { kind: string, one: FanOutResult, two: FanOutResult }[] = []
  results.push({
    kind: 'progress events',
    one: await measureFanOut(progressTarget('progress, one instance (a)', wsOf(a.url)), fanOut),
    two: await measureFanOut(progressTarget('progress, two instances through nginx', wsOf(proxy.url)), fanOut),
  })
  // Messages need fresh client keys per run: the sequence numbers restart, so the key says which.
  const messages = (name: string, wsUrl: string, sendTo: string, run: string) => {
    const target = messageTarget(name, wsUrl, sendTo)
    const publish = target.publish
    return { ...target, publish: (seq: number) => publish(Number(`${run}${String(seq).padStart(7, '0')}`)), seqOf: (text: string) => Number(target.seqOf(text).toString().slice(run.length)) }
  }
  results.push({
    kind: 'messages',
    one: await measureFanOut(messages('messages, one instance (a)', wsOf(a.url), a.url, '1'), { ...fanOut, rate: 5 }),
    two: await measureFanOut(messages('messages, two instances through nginx', wsOf(proxy.url), proxy.url, '2'), { ...fanOut, rate: 5 }),
  })
  console.log(`${fanOut.sockets} sockets on one channel for ${fanOut.seconds} s: progress at ${fanOut.rate}/s, messages at 5/s`)
  for (const { kind, one, two } of results) {
    console.log(fanOutLine(one))
    console.log(fanOutLine(two))
    console.log(`${kind}: two instances p99 ×${(two.p99 / one.p99).toFixed(2)} of one; targets p99 ≤ 50 ms and ≤ ×1.5, 100 % delivered: ${two.p99 <= 50 && two.p99 <= 1.5 * one.p99 && two.delivered === two.expected ? 'met' : 'NOT met'}`)
  }

  // Uploads: the same file through the proxy and straight to instance a, taking turns.
  const body = randomBytes(CHUNK_BYTES)
  const upload = async (base: string) => {
    const created = await fetch(`${base}/api/uploads`, {
      method: 'POST',
      headers: {
        'tus-resumable': '1.0.0',
        'upload-length': String(UPLOAD_BYTES),
        'upload-metadata': `filename ${Buffer.from('bench.zip').toString('base64')},filetype ${Buffer.from('application/zip').toString('base64')},target ${Buffer.from('library').toString('base64')}`,
        'origin': site,
        'cookie': instructorCookie,
      },
    })
    if (created.status !== 201) throw new Error(`upload creation answered ${created.status}: ${await created.text()}`)
    const location = new URL(created.headers.get('location')!, base)
    const url = `${base}${location.pathname}`
    const started = performance.now()
    for (let offset = 0; offset < UPLOAD_BYTES; offset += CHUNK_BYTES) {
      const response = await fetch(url, {
        method: 'PATCH',
        headers: { 'tus-resumable': '1.0.0', 'upload-offset': String(offset), 'content-type': 'application/offset+octet-stream', 'origin': site, 'cookie': instructorCookie },
        body: body.subarray(0, Math.min(CHUNK_BYTES, UPLOAD_BYTES - offset)),
      })
      if (response.status !== 204) throw new Error(`PATCH answered ${response.status}: ${await response.text()}`)
    }
    const seconds = (performance.now() - started) / 1000
    // Not kept: the next turn starts from an empty bucket.
    await fetch(url, { method: 'DELETE', headers: { 'tus-resumable': '1.0.0', 'origin': site, 'cookie': instructorCookie } })
    return UPLOAD_BYTES / 1024 / 1024 / seconds
  }
  const rates = { proxy: [] as number[], direct: [] as number[] }
  for (let round = 0; round < ROUNDS; round++) {
    rates.direct.push(await upload(a.url))
    rates.proxy.push(await upload(proxy.url))
  }
  const median = (values: number[]) => [...values].sort((x, y) => x - y)[Math.floor(values.length / 2)]!
  const ratio = median(rates.proxy) / median(rates.direct)
  console.log(`\n${UPLOAD_BYTES / 1024 / 1024} MiB upload in 8 MiB PATCHes to the S3 store, ${ROUNDS} round(s): straight to an instance ${median(rates.direct).toFixed(1)} MiB/s, through nginx (PATCHes alternating between instances) ${median(rates.proxy).toFixed(1)} MiB/s: ×${ratio.toFixed(2)}; target ≥ ×0.8: ${ratio >= 0.8 ? 'met' : 'NOT met'}`)
}
finally {
  await proxy.stop()
  await Promise.all([a.stop(), b.stop()])
  await s3.stop()
  const redis = new Redis(redisUrl)
  const keys = await redis.keys(`${namespace}:*`)
  if (keys.length) await redis.del(...keys)
  redis.disconnect()
  await database.drop()
  rmSync(scratch, { recursive: true, force: true })
}
