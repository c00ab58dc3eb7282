// Once per test run: pick the database, migrate it, build (or reuse) the app, start one server
// and one Chromium, and hand their addresses to every test file through `inject()`.
import { mkdtempSync, rmSync } from 'node:fs'
import { randomBytes } from 'node:crypto'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { chromium } from 'playwright-core'
import type { BrowserServer } from 'playwright-core'
import type { ProvidedContext } from 'vitest'
import type { TestProject } from 'vitest/node'
import { openDatabase } from '../../server/database/connection'
import { applyMigrations } from '../../server/database/migrations'
import { ensureBuilt } from './build'
import { CHROMIUM_ARGS, ensureFfmpeg, findChromium } from './debian-packages'
import { RUN_REDIS_NAMESPACE, startServer } from './server-process'
import { startSmtpSink } from './smtp-sink'
import type { RunningServer } from './server-process'
import { answers, provisionTestDatabase } from './test-database'

declare module 'vitest' {
  export interface ProvidedContext {
    baseURL: string
    databaseUrl: string | null
    databaseKind: 'postgresql' | 'pglite'
    redisUrl: string | null
    /** The run's Redis namespace: an instance a test starts beside the suite's server shares it. */
    redisNamespace: string
    internalToken: string
    /** Lets a test start a second instance that accepts the same session cookies. */
    sessionPassword: string
    /** Presence heartbeat of every test server: short, so an instance that dies is noticed in seconds. */
    presenceHeartbeatMs: string
    /** Where the server stores uploaded files (tests check the stored bytes). */
    storageDir: string
    browserWsEndpoint: string
    /** Where the in-process SMTP server keeps each message it received (tests/support/mailbox.ts). */
    mailDir: string
    /** Its port, for a second server instance that sends mail too. */
    smtpPort: number
  }
}

const root = resolve(import.meta.dirname, '../..')

/**
 * REDIS_URL as given, else the local Redis when one answers, so its health check is exercised.
 * LECTERN_TEST_REDIS=off runs without it, to test the in-process bus and presence on a machine
 * that has Redis.
 */
async function findRedis(): Promise<string | null> {
  if (process.env.LECTERN_TEST_REDIS === 'off') return null
  if (process.env.REDIS_URL) return process.env.REDIS_URL
  return (await answers('127.0.0.1', 6379)) ? 'redis://127.0.0.1:6379' : null
}

type Provided = { [K in keyof ProvidedContext]: ProvidedContext[K] }
type Suite = { provided: Provided, stop: () => Promise<void> }

/**
 * The server and e2e projects both name this file and vitest runs it once per project with files
 * in the run: both share one start (kept on globalThis, since each project loads this module
 * anew) and the last teardown stops it.
 */
const shared = globalThis as typeof globalThis & { lecternSuite?: { started: Promise<Suite>, users: number } }

export default async function setup(project: TestProject) {
  shared.lecternSuite ??= { started: startSuite(), users: 0 }
  const suite = shared.lecternSuite
  suite.users++
  const { provided, stop } = await suite.started
  for (const key of Object.keys(provided) as (keyof Provided)[]) project.provide(key, provided[key])
  return async () => {
    if (--suite.users > 0) return
    shared.lecternSuite = undefined
    await stop()
  }
}

async function startSuite(): Promise<Suite> {
  // Test files' workers start servers too: the same namespace for all of them.
  process.env.LECTERN_REDIS_NAMESPACE = RUN_REDIS_NAMESPACE
  const scratch = mkdtempSync(join(tmpdir(), 'lectern-test-'))
  const database = await provisionTestDatabase()
  console.log(`[tests] database: ${database.description}`)

  const connection = openDatabase({ databaseUrl: database.url ?? '', pgliteDir: database.pgliteDir })
  try {
    await applyMigrations(connection.adapter)
  }
  finally {
    await connection.close()
  }

  ensureBuilt(root)
  ensureFfmpeg()
  const redisUrl = await findRedis()

  const internalToken = randomBytes(24).toString('hex')
  const presenceHeartbeatMs = '2000'
  const sessionPassword = randomBytes(32).toString('hex')
  const mailDir = join(scratch, 'mail')
  const smtp = await startSmtpSink(mailDir)
  let server: RunningServer | undefined
  let browser: BrowserServer | undefined
  try {
    server = await startServer(root, {
      NUXT_SESSION_PASSWORD: sessionPassword,
      LECTERN_INTERNAL_TOKEN: internalToken,
      // Lets tests count the SQL statements behind a request (server/utils/query-count.ts).
      LECTERN_QUERY_COUNTING: '1',
      LECTERN_STORAGE_DIR: join(scratch, 'uploads'),
      LECTERN_DATA_DIR: join(scratch, 'data'),
      REDIS_URL: redisUrl ?? '',
      LECTERN_PRESENCE_HEARTBEAT_MS: presenceHeartbeatMs,
      LECTERN_SMTP_URL: `smtp://127.0.0.1:${smtp.port}`,
      LECTERN_MAIL_FROM: 'Lectern tests <no-reply@lectern.test>',
      ...(database.url ? { DATABASE_URL: database.url } : { DATABASE_URL: '', LECTERN_DATA_DIR: resolve(database.pgliteDir!, '..') }),
    })
    browser = await chromium.launchServer({ executablePath: findChromium(), args: CHROMIUM_ARGS, headless: true })
  }
  catch (error) {
    await server?.stop()
    await smtp.stop()
    await database.dispose()
    throw error
  }

  // A server that dies mid-run turns every later test into 'fetch failed'; say so once, with
  // how it ended and what it printed last, where the run's output shows it.
  let stopping = false
  const running = server
  running.process.once('exit', (code, signal) => {
    if (!stopping) console.error(`[tests] the test server exited during the run (code ${code}, signal ${signal}); its last output:\n${running.output().slice(-4000)}`)
  })

  const provided: Provided = {
    baseURL: server.url,
    databaseUrl: database.url ?? null,
    databaseKind: database.kind,
    redisUrl,
    redisNamespace: RUN_REDIS_NAMESPACE,
    internalToken,
    sessionPassword,
    presenceHeartbeatMs,
    storageDir: join(scratch, 'uploads'),
    browserWsEndpoint: browser.wsEndpoint(),
    mailDir,
    smtpPort: smtp.port,
  }

  const stop = async () => {
    stopping = true
    await browser?.close()
    await server?.stop()
    await smtp.stop()
    if (process.env.LECTERN_TEST_SERVER_LOG) console.log(server?.output())
    await database.dispose()
    rmSync(scratch, { recursive: true, force: true })
  }
  return { provided, stop }
}
