// The student portal's server-rendered catalog (`/courses`: CatalogBrowser → during SSR the page
// request's catalog loader, in the browser GET /api/catalog → services/catalog/list-catalog.ts) on
// a database of 10 000 published courses, under load
// from autocannon, beside a bare page of the same build in the same run. Reports req/s, p50 and
// p99 at 50 connections (and the ratio to the bare page), p99 at 10 connections, and a
// search + filter address (trigram text search, category, page 3) at 10 connections.
// Targets: catalog ≥ 0.5× the bare page's req/s at 50 connections; p99 < 100 ms at 10.
//
// Baseline: `/sign-up`. It is a page of the same build, rendered by the same server through the
// same layout (header with the session check), the same plugins (Vue Query, whose empty cache is
// dehydrated all the same) and the same payload/HTML pipeline, but it fetches no data: a form
// only (it was `/sign-in`, which a visitor now gets without the app's scripts or payload). So
// the ratio isolates what the catalog adds (its data, its query, the filters and the cards), with
// nothing added to the app for the benchmark's sake.
//
// Smoke mode (CI): 300 courses, 2 s per measurement, one round.
import { randomBytes, randomUUID } from 'node:crypto'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import autocannon from 'autocannon'
import pg from 'pg'
import type { Prisma } from '../server/generated/prisma/client.ts'
import { PrismaClient } from '../server/generated/prisma/client.ts'
import { openDatabase } from '../server/database/connection.ts'
import { applyMigrations } from '../server/database/migrations.ts'
import { buildCourse, createUser } from '../prisma/seed/factories.ts'
import { COURSE_CATEGORIES, COURSE_LEVELS } from '../shared/schemas/course.ts'
import type { CourseCategory } from '../shared/schemas/course.ts'
import { slugify } from '../shared/utils/slug.ts'
import { ensureBuilt } from '../tests/support/build.ts'
import { SERVER_NODE_FLAGS, startServer } from '../tests/support/server-process.ts'
import { provisionTestDatabase } from '../tests/support/test-database.ts'
import { cpuMs } from './proc.ts'

const smoke = process.argv.includes('--smoke')
const COURSES = smoke ? 300 : 10_000
const SECONDS = smoke ? 2 : 10
const WARM_UP_SECONDS = smoke ? 1 : 3
// The 50-connection pair takes turns over rounds (order alternating) and the figures are medians:
// on a shared 2-core box neighbours in time share noise (see upload.bench.ts).
const ROUNDS = smoke ? 1 : 3
const OWNERS = 5
const PAGE_SIZE = 12 // CATALOG_PAGE_SIZE
const BATCH = 1000
const root = resolve(import.meta.dirname, '..')

// ---------------------------------------------------------------------------------------------
// Seed data: a deterministic generator, so every run searches the same catalog.

function prng(seed: number) {
  return () => {
    seed = (seed + 0x6D2B79F5) | 0
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed)
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}
const random = prng(20261126)
const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!
const between = (min: number, max: number) => min + Math.floor(random() * (max - min + 1))

const TOPICS: Record<CourseCategory, string[]> = {
  'Development': ['TypeScript', 'Rust', 'Go', 'Kubernetes', 'React', 'Vue', 'SQL', 'Python', 'Node.js', 'GraphQL', 'Docker', 'API Design', 'Testing'],
  'Data Science': ['Statistics', 'Machine Learning', 'pandas', 'Data Visualisation', 'Deep Learning', 'Time Series', 'Bayesian Inference', 'Experimental Design'],
  'Design': ['Typography', 'UX Research', 'Figma', 'Colour Theory', 'Logo Design', 'Interaction Design', 'Design Systems', 'Illustration', 'Web Design', 'Product Design'],
  'Business': ['Accounting', 'Negotiation', 'Project Management', 'Startup Finance', 'Business Model Design', 'Leadership', 'Operations'],
  'Marketing': ['SEO', 'Content Marketing', 'Email Campaigns', 'Brand Strategy', 'Social Media', 'Copywriting', 'Analytics'],
  'Photography': ['Portrait Photography', 'Lighting', 'Lightroom', 'Street Photography', 'Composition', 'Film Photography'],
  'Music': ['Guitar', 'Piano', 'Music Theory', 'Mixing', 'Songwriting', 'Sound Design', 'Jazz Harmony'],
  'Language': ['Spanish', 'Japanese', 'German', 'French', 'Portuguese', 'Mandarin', 'Italian'],
  'Writing': ['Fiction', 'Technical Writing', 'Screenwriting', 'Poetry', 'Editing', 'Blogging'],
  'Health & Fitness': ['Yoga', 'Strength Training', 'Nutrition', 'Running', 'Mobility', 'Meditation'],
  'Personal Development': ['Productivity', 'Public Speaking', 'Habits', 'Time Management', 'Memory', 'Focus'],
  'Other': ['Chess', 'Gardening', 'Woodworking', 'Cooking', 'Knitting', 'Astronomy'],
}
const PREFIXES = ['Introduction to', 'Mastering', 'Practical', 'The Complete', 'Hands-on', 'Advanced', 'Essential', 'Modern', 'Applied', 'Foundations of']
const SUFFIXES = ['', '', ' for Beginners', ' in 30 Days', ': From Zero to Pro', ' Bootcamp', ' Masterclass', ' Workshop', ', Step by Step', ' for Professionals']
const OPENINGS = [
  'This course walks you through {topic} one small project at a time.',
  'Learn {topic} the way practitioners use it every day.',
  'A structured path through {topic}, from the first principles to confident practice.',
  'Everything you need to start with {topic}, explained without jargon.',
  'Build real skills in {topic} with short lessons and practical exercises.',
]
const MIDDLES = [
  'Each chapter ends with an exercise and a worked solution.',
  'We cover common mistakes and how to avoid them.',
  'You will plan a small project of your own and finish it by the last lesson.',
  'Good design is mostly good habits: we build them from the first lesson.',
  'The lessons are short, so you can learn in a lunch break.',
  'Examples come from real work, not toy problems.',
  'We compare approaches and discuss the trade-offs of each.',
  'Downloadable notes accompany every lesson.',
  'Quizzes after each chapter check what stuck.',
  'The final chapter puts everything together in one larger exercise.',
  'Every lesson has captions and a transcript.',
  'We revisit the hard parts from a second angle until they click.',
]
const CLOSINGS = [
  'No prior experience is needed.',
  'Some familiarity with the basics helps but is not required.',
  'Ideal for professionals who want to refresh their skills.',
  'By the end you will have a portfolio piece to show.',
  'Questions are welcome: the instructor answers every message.',
]
const LANGUAGES = ['en', 'en', 'en', 'en', 'en', 'es', 'pt-BR', 'fr', 'de', 'ja']
const PRICES = [null, null, null, null, 999, 1999, 2999, 4999, 9999, 14999]

/** A cuid-shaped id (25 characters starting with c), made here so chapters can point at it. */
const id = () => `c${randomUUID().replaceAll('-', '').slice(0, 24)}`

function buildCatalog(ownerIds: string[]) {
  const courses: Prisma.CourseCreateManyInput[] = []
  const chapters: Prisma.ChapterCreateManyInput[] = []
  const videos: Prisma.VideoCreateManyInput[] = []
  const now = Date.now()
  for (let i = 0; i < COURSES; i++) {
    const category = pick(COURSE_CATEGORIES)
    const topic = pick(TOPICS[category])
    const description = [pick(OPENINGS), pick(MIDDLES), pick(MIDDLES), pick(CLOSINGS)].join(' ').replaceAll('{topic}', topic)
    // Shaped by the factory; the catalog's fields varied so search, filters and sorts are realistic.
    const data = buildCourse({
      title: `${pick(PREFIXES)} ${topic}${pick(SUFFIXES)}`,
      description,
      category,
      status: 'PUBLISHED',
      level: pick(COURSE_LEVELS),
      priceCents: pick(PRICES),
    })
    // Published one after another over the past months, newest first in the catalog.
    const publishedAt = new Date(now - i * 20 * 60_000 - between(0, 600_000))
    const courseId = id()
    courses.push({
      ...data,
      id: courseId,
      ownerId: ownerIds[i % ownerIds.length]!,
      slug: `${slugify(data.title)}-${courseId.slice(-8)}`,
      language: pick(LANGUAGES),
      publishedAt,
      createdAt: publishedAt,
      updatedAt: publishedAt,
    })
    const chapterId = id()
    chapters.push({ id: chapterId, courseId, title: 'Getting started', position: 0 })
    const lessons = between(2, 4)
    for (let position = 0; position < lessons; position++)
      videos.push({ id: id(), chapterId, title: `Lesson ${position + 1}`, position, status: 'READY', durationSeconds: between(120, 1800), freePreview: position === 0 })
  }
  return { courses, chapters, videos }
}

async function seed(db: PrismaClient) {
  const owners = []
  for (let i = 0; i < OWNERS; i++) owners.push(await createUser(db, { role: 'INSTRUCTOR' }))
  const { courses, chapters, videos } = buildCatalog(owners.map(o => o.id))
  for (let i = 0; i < courses.length; i += BATCH) await db.course.createMany({ data: courses.slice(i, i + BATCH) })
  for (let i = 0; i < chapters.length; i += BATCH) await db.chapter.createMany({ data: chapters.slice(i, i + BATCH) })
  for (let i = 0; i < videos.length; i += BATCH) await db.video.createMany({ data: videos.slice(i, i + BATCH) })
  // What autovacuum does soon after a bulk load, done now so the run sees a settled database:
  // planner statistics, and a visibility map (index-only scans need it to skip the heap).
  await db.$executeRawUnsafe('VACUUM ANALYZE "Course", "Chapter", "Video"')
  return videos.length
}

// ---------------------------------------------------------------------------------------------
// What the pages must show: the expected cards, read from the database before the server opens it
// (PGlite allows one process), with the catalog's own filter and order.

const SEARCH = { q: 'design', category: 'Design' as const, page: 3 }

async function expectedTitles(db: PrismaClient) {
  const live = { status: 'PUBLISHED', deletedAt: null } as const
  const order = [{ publishedAt: 'desc' }, { id: 'asc' }] as const
  const first = await db.course.findMany({ where: live, orderBy: [...order], take: PAGE_SIZE, select: { title: true } })
  const searchWhere: Prisma.CourseWhereInput = {
    ...live,
    category: SEARCH.category,
    OR: [{ title: { contains: SEARCH.q, mode: 'insensitive' } }, { description: { contains: SEARCH.q, mode: 'insensitive' } }],
  }
  // Page 3 when the catalog is large enough (smoke mode may have fewer matches).
  const matches = await db.course.count({ where: searchWhere })
  const page = Math.max(1, Math.min(SEARCH.page, Math.ceil(matches / PAGE_SIZE)))
  const search = await db.course.findMany({ where: searchWhere, orderBy: [...order], skip: (page - 1) * PAGE_SIZE, take: PAGE_SIZE, select: { title: true } })
  return { catalog: first.map(c => c.title), search: search.map(c => c.title), searchPage: page, searchMatches: matches }
}

const escapeHtml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;')

/** Fails the run unless the page answers 200 with every expected text in its HTML. */
async function checkPage(url: string, texts: string[], what: string, headers: Record<string, string> = {}) {
  const response = await fetch(url, { headers })
  const html = await response.text()
  if (response.status !== 200) throw new Error(`${url} answered ${response.status}: the numbers would be meaningless`)
  const missing = texts.filter(text => !html.includes(escapeHtml(text)))
  if (missing.length) throw new Error(`${url} does not render ${what} (missing ${missing.length} of ${texts.length}, e.g. “${missing[0]}”): the numbers would be meaningless`)
  return html.length
}

/** A new student's session cookie, signed up through the API like anyone else. */
async function studentCookie(base: string): Promise<string> {
  const user = { name: 'Bench Student', email: `bench-${randomUUID()}@lectern.test`, password: randomBytes(12).toString('hex'), role: 'STUDENT' }
  const response = await fetch(`${base}/api/auth/sign-up`, { method: 'POST', headers: { 'content-type': 'application/json', 'origin': base }, body: JSON.stringify(user) })
  const cookie = response.headers.getSetCookie().map(c => c.split(';')[0]!).find(c => c.startsWith('lectern-session='))
  if (!response.ok || !cookie) throw new Error(`signing up the bench's student failed: ${response.status}`)
  return cookie
}

// ---------------------------------------------------------------------------------------------
// Load.

interface Figures { rps: number, p50: number, p99: number, requests: number, serverCpu: number, databaseCpu: number }

/**
 * CPU used per request alongside req/s: on a shared box req/s moves with the neighbours' load,
 * CPU per request much less. The database's share is the PostgreSQL backends serving the
 * server (with PGlite the database runs inside the server process and counts there).
 */
let serverPid = 0
let databaseBackends: () => Promise<number[]> = async () => []

async function load(url: string, connections: number, seconds: number, headers: Record<string, string> = {}): Promise<Figures> {
  const before = new Map((await databaseBackends()).map(pid => [pid, cpuMs(pid)]))
  const serverBefore = cpuMs(serverPid)
  const result = await autocannon({ url, connections, duration: seconds, headers })
  const serverCpu = cpuMs(serverPid) - serverBefore
  // Backends the pool opened during the run count whole; one it closed during the run is lost.
  const databaseCpu = (await databaseBackends()).reduce((sum, pid) => sum + Math.max(0, cpuMs(pid) - (before.get(pid) ?? 0)), 0)
  if (result.errors || result.non2xx) throw new Error(`${url} at ${connections} connections: ${result.errors} errors (${result.timeouts} timeouts), ${result.non2xx} non-2xx answers of ${result.requests.total}`)
  const requests = result.requests.total
  if (!requests) {
    // Nothing answered within the run (an overloaded box): no figures, but the page itself works.
    console.warn(`${url} at ${connections} connections: no response completed within ${seconds} s`)
    return { rps: 0, p50: Number.NaN, p99: Number.NaN, requests, serverCpu: Number.NaN, databaseCpu: Number.NaN }
  }
  return { rps: result.requests.average, p50: result.latency.p50, p99: result.latency.p99, requests, serverCpu: serverCpu / requests, databaseCpu: databaseCpu / requests }
}

/** Figures that could not be measured (no response within a run) print as n/a. */
const n = (value: number, digits = 0) => Number.isFinite(value) ? value.toFixed(digits) : 'n/a'
const median = (values: number[]) => {
  const sorted = values.filter(Number.isFinite).sort((a, b) => a - b)
  if (!sorted.length) return Number.NaN
  const mid = Math.floor(sorted.length / 2)
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2
}

const started = performance.now()
let closeAdmin = async () => {}
const database = await provisionTestDatabase()
const scratch = mkdtempSync(join(tmpdir(), 'lectern-bench-ssr-'))
try {
  // Migrations, seed and expectations through one connection, closed before the server opens
  // the same database (DATABASE_URL, or the PGlite directory handed over below).
  const connection = openDatabase({ databaseUrl: database.url ?? '', pgliteDir: database.pgliteDir })
  const db = new PrismaClient({ adapter: connection.adapter })
  let expected: Awaited<ReturnType<typeof expectedTitles>>
  let lessons: number
  const seedStarted = performance.now()
  try {
    await applyMigrations(connection.adapter)
    lessons = await seed(db)
    expected = await expectedTitles(db)
  }
  finally {
    await db.$disconnect()
    await connection.close()
  }
  const seedSeconds = (performance.now() - seedStarted) / 1000
  ensureBuilt(root)
  const server = await startServer(root, {
    NUXT_SESSION_PASSWORD: randomBytes(32).toString('hex'),
    LECTERN_STORAGE_DIR: join(scratch, 'uploads'),
    ...(database.url ? { DATABASE_URL: database.url, LECTERN_DATA_DIR: join(scratch, 'data') } : { DATABASE_URL: '', LECTERN_DATA_DIR: resolve(database.pgliteDir!, '..') }),
  })
  try {
    serverPid = server.process.pid ?? 0
    if (database.url) {
      const admin = new pg.Client({ connectionString: database.url })
      await admin.connect()
      const name = new URL(database.url).pathname.slice(1)
      databaseBackends = async () => (await admin.query<{ pid: number }>('SELECT pid FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()', [name])).rows.map(r => r.pid)
      closeAdmin = () => admin.end()
    }
    const bare = `${server.url}/sign-up`
    const catalog = `${server.url}/courses`
    const search = `${server.url}/courses?q=${SEARCH.q}&category=${SEARCH.category}&page=${expected.searchPage}`
    const api = `${server.url}/api/catalog`

    const bareBytes = await checkPage(bare, ['Create your account', 'Create account'], 'the sign-up form')
    const catalogBytes = await checkPage(catalog, expected.catalog, 'the newest courses')
    const searchBytes = await checkPage(search, expected.search, `page ${expected.searchPage} of the search`)
    const cacheState = (await fetch(catalog)).headers.get('x-lectern-page-cache')
    if (cacheState !== 'hit') throw new Error(`an anonymous /courses right after another should come from the page cache, got ${cacheState}`)

    // Warm-up, not measured: JIT, lazily loaded route chunks, the database pool and caches.
    for (const [url, connections] of [[bare, 50], [catalog, 50], [catalog, 10], [search, 10], [api, 50]] as const)
      await load(url, connections, WARM_UP_SECONDS)

    // A visitor with any cookie (signed in, or with preferences) is rendered every time; anonymous
    // cookie-less visitors get the few-second HTML cache (server/services/catalog/page-html-cache.ts).
    const rendered = { cookie: 'lectern-bench=rendered' }
    await load(catalog, 10, WARM_UP_SECONDS, rendered)
    // Most traffic is signed in: a student's session cookie (its header, its session check).
    const signedIn = { cookie: await studentCookie(server.url) }
    await checkPage(catalog, expected.catalog, 'the newest courses, signed in', signedIn)
    await load(catalog, 10, WARM_UP_SECONDS, signedIn)
    const rounds = { bare50: [] as Figures[], catalog50: [] as Figures[], catalog10: [] as Figures[], search10: [] as Figures[], rendered10: [] as Figures[], signedIn10: [] as Figures[] }
    const ratios: number[] = []
    for (let round = 0; round < ROUNDS; round++) {
      const runBare = async () => void rounds.bare50.push(await load(bare, 50, SECONDS))
      const runCatalog = async () => void rounds.catalog50.push(await load(catalog, 50, SECONDS))
      for (const run of round % 2 ? [runCatalog, runBare] : [runBare, runCatalog]) await run()
      const [bareRun, catalogRun] = [rounds.bare50.at(-1)!, rounds.catalog50.at(-1)!]
      ratios.push(bareRun.rps && catalogRun.rps ? catalogRun.rps / bareRun.rps : Number.NaN)
      rounds.catalog10.push(await load(catalog, 10, SECONDS))
      rounds.search10.push(await load(search, 10, SECONDS))
      rounds.rendered10.push(await load(catalog, 10, SECONDS, rendered))
      rounds.signedIn10.push(await load(catalog, 10, SECONDS, signedIn))
    }
    // For the notes: the catalog's API call alone (what SSR awaits), no rendering.
    const apiAlone = await load(api, 50, SECONDS)

    const summary = (list: Figures[]): Figures => ({
      rps: median(list.map(f => f.rps)),
      p50: median(list.map(f => f.p50)),
      p99: median(list.map(f => f.p99)),
      requests: list.reduce((s, f) => s + f.requests, 0),
      serverCpu: median(list.map(f => f.serverCpu)),
      databaseCpu: median(list.map(f => f.databaseCpu)),
    })
    const spread = (list: Figures[], key: keyof Figures, digits = 0) => list.length > 1 ? `  (${list.map(f => n(f[key], digits)).join(', ')})` : ''
    const cpu = (f: Figures) => `CPU/req ${n(f.serverCpu, 1)}${database.kind === 'postgresql' ? ` + ${n(f.databaseCpu, 1)} db` : ''} ms`
    const row = (name: string, list: Figures[]) => {
      const f = summary(list)
      return `${name.padEnd(44)} ${n(f.rps).padStart(6)} req/s   p50 ${n(f.p50).padStart(4)} ms   p99 ${n(f.p99).padStart(4)} ms   ${cpu(f)}${spread(list, 'rps')}`
    }
    const total = (f: Figures) => f.serverCpu + f.databaseCpu
    const bare50 = summary(rounds.bare50)
    const catalog50 = summary(rounds.catalog50)
    const catalog10 = summary(rounds.catalog10)
    const search10 = summary(rounds.search10)
    const ratio = median(ratios)

    console.log(`${database.kind}, ${COURSES} published courses (${lessons} lessons), seeded in ${seedSeconds.toFixed(1)} s; autocannon ${SECONDS} s per run, ${ROUNDS} round(s) (medians; per-round req/s in brackets); server Node flags: ${SERVER_NODE_FLAGS.join(' ') || 'none'}`)
    console.log(`HTML: /sign-up ${(bareBytes / 1024).toFixed(0)} KiB, /courses ${(catalogBytes / 1024).toFixed(0)} KiB, search ${(searchBytes / 1024).toFixed(0)} KiB (${expected.searchMatches} matches, page ${expected.searchPage})`)
    console.log(row('bare page GET /sign-up, 50 conn (baseline)', rounds.bare50))
    console.log(row('catalog GET /courses, 50 conn', rounds.catalog50))
    console.log(row('catalog GET /courses, 10 conn', rounds.catalog10))
    console.log(row(`search GET /courses?q=${SEARCH.q}&category=…&page=${expected.searchPage}, 10 conn`, rounds.search10))
    console.log(row('catalog GET /courses, 10 conn, with a cookie (rendered every time)', rounds.rendered10))
    console.log(row('catalog GET /courses, 10 conn, signed in as a student', rounds.signedIn10))
    console.log(row('(API alone) GET /api/catalog, 50 conn', [apiAlone]))
    const met = (ok: boolean) => (ok ? 'met' : 'NOT met')
    console.log(`catalog / bare page at 50 connections: ×${n(ratio, 3)} req/s${ratios.length > 1 ? ` (rounds ${ratios.map(r => n(r, 2)).join(', ')})` : ''} (target ≥ 0.5: ${met(ratio >= 0.5)}); p99 ${n(catalog50.p99)} ms vs ${n(bare50.p99)} ms`)
    console.log(`CPU per request (server${database.kind === 'postgresql' ? ' + PostgreSQL' : ''}), bare / catalog at 50 connections: ×${n(total(bare50) / total(catalog50), 2)} (where req/s tends to when the box is CPU-bound)`)
    console.log(`catalog p99 at 10 connections: ${n(catalog10.p99)} ms (target < 100: ${met(catalog10.p99 < 100)}); search p99 at 10 connections: ${n(search10.p99)} ms (${met(search10.p99 < 100)} against the same bar); rendered for a visitor with a cookie: ${n(summary(rounds.rendered10).p99)} ms`)
    // Pages rendered every time (a cookie, a session): CPU against the bare page's, and the tail.
    for (const [name, list] of [['with a cookie', rounds.rendered10], ['signed in', rounds.signedIn10]] as const) {
      const f = summary(list)
      const cpuRatio = total(f) / total(bare50)
      console.log(`rendered catalog, ${name}: CPU ×${n(cpuRatio, 2)} of the bare page's (target ≤ 1.2: ${met(cpuRatio <= 1.2)}), p99 ${n(f.p99)} ms at 10 connections (target < 150: ${met(f.p99 < 150)})`)
    }
    console.log(`total ${((performance.now() - started) / 1000).toFixed(0)} s`)
  }
  finally {
    await closeAdmin()
    await server.stop()
  }
}
finally {
  await database.dispose()
  rmSync(scratch, { recursive: true, force: true })
}
