// Starts the built server (.output/server/index.mjs) as its own process on a free port, the way
// it runs in production, and stops it cleanly (SIGTERM, so PGlite closes its directory).
import { spawn } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import type { ChildProcess } from 'node:child_process'
import { createServer } from 'node:net'
import { join } from 'node:path'

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer()
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number }
      server.close(() => resolve(port))
    })
  })
}

/**
 * The Node flags of `npm start` (package.json). A larger young generation makes scavenges rarer:
 * with 1000 sockets receiving 10 events/s it took the p99 delivery latency from ~45–65 ms to
 * ~30–40 ms (bench/ws.bench.ts).
 */
export const SERVER_NODE_FLAGS = ['--max-semi-space-size=64']

export interface RunningServer {
  url: string
  process: ChildProcess
  output: () => string
  stop: () => Promise<void>
}

/**
 * Every test client and benchmark comes from 127.0.0.1 and sends far faster than a person: the
 * per-address and per-user abuse limits would refuse the suite's hundreds of accounts and the
 * benchmarks' bursts, so servers started here lift them unless the caller sets them
 * (tests/server/limits.test.ts runs instances with small ones). The sign-in throttle per account
 * and per browser keeps its defaults: tests/server/auth.test.ts checks them on the shared server.
 */
export const LIMITS_LIFTED: Record<string, string> = {
  LECTERN_LIMIT_SIGN_UP: '1000000/1h',
  LECTERN_LIMIT_SIGN_IN_ADDRESS: '1000000/1h',
  LECTERN_LIMIT_PASSWORD_RESET: '1000000/1h',
  LECTERN_LIMIT_INVITATION: '1000000/1h',
  LECTERN_LIMIT_MESSAGES: '1000000/1h',
  LECTERN_LIMIT_UPLOADS: '1000000/1h',
  LECTERN_LIMIT_BULK: '1000000/1h',
  LECTERN_LIMIT_KEYED_WRITES: '1000000/1h',
}

/**
 * A built server makes HLS ladders by default: every transcode would take the runner's slots and
 * the machine's cores from the tests. Servers started here leave it off unless the caller turns it
 * on (the HLS tests' own server, tests/support/hls-server.ts).
 */
export const HLS_OFF: Record<string, string> = { LECTERN_HLS: '0' }

/**
 * `waitFor`: the address polled until it answers 200. Readiness (/api/ready: database, storage and
 * Redis answer) by default; liveness (/api/health) for a test of an instance that is not ready.
 */
/**
 * The Redis namespace (LECTERN_REDIS_NAMESPACE) of the servers this process starts unless the
 * caller sets one: their own, so another Lectern on the same Redis (a developer's, another test
 * run, a benchmark) is not heard: its write notices would drop this run's caches, its presence
 * and limit counters would mix with ours. A test run sets it once for all its workers
 * (tests/support/global-setup.ts), so instances started by test files share the suite server's.
 */
export const RUN_REDIS_NAMESPACE = process.env.LECTERN_REDIS_NAMESPACE || `lectern-run-${randomBytes(4).toString('hex')}`

export async function startServer(root: string, env: Record<string, string>, { waitFor = '/api/ready' }: { waitFor?: string } = {}): Promise<RunningServer> {
  const port = await freePort()
  const url = `http://127.0.0.1:${port}`
  let output = ''
  // EXTRA_SERVER_FLAGS: Node flags for a look inside while measuring (--cpu-prof, --trace-gc).
  const child = spawn(process.execPath, [...SERVER_NODE_FLAGS, ...(process.env.EXTRA_SERVER_FLAGS ?? '').split(' ').filter(Boolean), join(root, '.output/server/index.mjs')], {
    cwd: root,
    // The site's address as a deployment sets it (mail links need it whenever SMTP is set).
    env: { ...process.env, NODE_ENV: 'production', HOST: '127.0.0.1', PORT: String(port), NUXT_PUBLIC_SITE_URL: url, LECTERN_REDIS_NAMESPACE: RUN_REDIS_NAMESPACE, ...LIMITS_LIFTED, ...HLS_OFF, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  const collect = (chunk: Buffer) => {
    output += chunk
  }
  child.stdout!.on('data', collect)
  child.stderr!.on('data', collect)
  const exited = new Promise<void>(resolve => child.once('exit', () => resolve()))

  // Polling with a deadline, since the port opens before the database is.
  const deadline = Date.now() + 60_000
  for (;;) {
    if (child.exitCode !== null) throw new Error(`the server exited during start-up:\n${output}`)
    try {
      const response = await fetch(`${url}${waitFor}`)
      if (response.ok) break
    }
    catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      child.kill('SIGKILL')
      throw new Error(`the server did not answer ${waitFor} within 60 s:\n${output}`)
    }
    await new Promise(resolve => setTimeout(resolve, 100))
  }

  return {
    url,
    process: child,
    output: () => output,
    stop: async () => {
      if (child.exitCode !== null) return
      child.kill('SIGTERM')
      const timer = setTimeout(() => child.kill('SIGKILL'), 10_000)
      await exited
      clearTimeout(timer)
    },
  }
}
