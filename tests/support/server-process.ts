// Starts the built server (.output/server/index.mjs) as its own process on a free port, the way
// it runs in production, and stops it cleanly (SIGTERM, so PGlite closes its directory).
import { spawn } from 'node:child_process'
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

export async function startServer(root: string, env: Record<string, string>): Promise<RunningServer> {
  const port = await freePort()
  const url = `http://127.0.0.1:${port}`
  let output = ''
  // EXTRA_SERVER_FLAGS: Node flags for a look inside while measuring (--cpu-prof, --trace-gc).
  const child = spawn(process.execPath, [...SERVER_NODE_FLAGS, ...(process.env.EXTRA_SERVER_FLAGS ?? '').split(' ').filter(Boolean), join(root, '.output/server/index.mjs')], {
    cwd: root,
    env: { ...process.env, NODE_ENV: 'production', HOST: '127.0.0.1', PORT: String(port), ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  const collect = (chunk: Buffer) => {
    output += chunk
  }
  child.stdout!.on('data', collect)
  child.stderr!.on('data', collect)
  const exited = new Promise<void>(resolve => child.once('exit', () => resolve()))

  // Ready when /api/health answers; polling with a deadline, since the port opens before the
  // database is.
  const deadline = Date.now() + 60_000
  for (;;) {
    if (child.exitCode !== null) throw new Error(`the server exited during start-up:\n${output}`)
    try {
      const response = await fetch(`${url}/api/health`)
      if (response.ok) break
    }
    catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      child.kill('SIGKILL')
      throw new Error(`the server did not become healthy within 60 s:\n${output}`)
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
