// Debian's nginx in front of test instances, configured from deploy/nginx.conf itself so the
// test proxy and the deployed one say the same (WebSocket upgrade on /_ws, unbuffered upload
// bodies, body size, forwarded headers, round robin without sticky sessions). Only what ties the
// file to containers changes: the upstream servers become the instances' ports, it listens on a
// free loopback port, and it runs in the foreground with its pid, logs and temporary files in a
// directory of its own. One addition, for tests only: a socket handshake carrying the cookie
// `lectern_test_upstream=N` goes to the Nth upstream, so a test can put two tabs' sockets on
// different instances at once instead of opening tabs until round robin obliges.
import { spawn } from 'node:child_process'
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { findNginx } from './debian-packages'

export interface RunningNginx {
  url: string
  /** The access log: one line per request, with the upstream that answered. */
  accessLog: () => string
  stop: () => Promise<void>
}

const deployed = resolve(import.meta.dirname, '../../deploy/nginx.conf')

/** The cookie that pins a socket handshake to one upstream (its index in `upstreams`). */
export const PIN_COOKIE = 'lectern_test_upstream'

/** deploy/nginx.conf with the test's upstreams, port and paths. */
export function nginxConfig(dir: string, port: number, upstreams: string[], { workerConnections = 512 } = {}): string {
  const source = readFileSync(deployed, 'utf8')
  const servers = upstreams.map(address => `    server ${address} max_fails=1 fail_timeout=5s;`).join('\n')
  // One single-server upstream per instance, and a map from the pin cookie to it; without the
  // cookie the socket goes to the round-robin group as deployed.
  const pins = [
    ...upstreams.map((address, index) => `  upstream lectern_pin_${index} { server ${address}; }`),
    `  map $cookie_${PIN_COOKIE} $socket_upstream {`,
    '    default lectern;',
    ...upstreams.map((_, index) => `    ${index} lectern_pin_${index};`),
    '  }',
  ].join('\n')
  const config = source
    .replace(/^worker_processes .*;$/m, [
      'worker_processes 1;',
      // Each proxied socket holds two descriptors (client and upstream).
      `worker_rlimit_nofile ${workerConnections * 2 + 64};`,
      'daemon off;',
      `pid ${join(dir, 'nginx.pid')};`,
      `error_log ${join(dir, 'error.log')} warn;`,
      // As root, workers would run as nobody and could not write the temporary directories here.
      ...(process.getuid?.() === 0 ? ['user root;'] : []),
    ].join('\n'))
    .replace(/^events \{.*\}$/m, `events { worker_connections ${workerConnections}; }`)
    .replace(/(upstream lectern \{\n)(?:\s*server .*\n)+/, `$1${servers}\n`)
    .replace(/^(\s*)listen 80;$/m, `$1listen 127.0.0.1:${port};`)
    .replace(/^http \{$/m, [
      'http {',
      `  access_log ${join(dir, 'access.log')} upstreaming;`,
      `  client_body_temp_path ${join(dir, 'body')};`,
      `  proxy_temp_path ${join(dir, 'proxy')};`,
      pins,
    ].join('\n'))
    .replace(/(location = \/_ws \{\n\s*proxy_pass )http:\/\/lectern;/, '$1http://$socket_upstream;')
  // The access log's format must be declared before it is used.
  return config.replace('  access_log', '  log_format upstreaming \'$request_method $uri $status $upstream_addr $upstream_status\';\n  access_log')
}

/** nginx on 127.0.0.1:`port` (from freePort()) in front of `upstreams` (host:port each). */
export async function startNginx(dir: string, port: number, upstreams: string[], options: { workerConnections?: number } = {}): Promise<RunningNginx> {
  mkdirSync(dir, { recursive: true })
  const configPath = join(dir, 'nginx.conf')
  writeFileSync(configPath, nginxConfig(dir, port, upstreams, options))
  let output = ''
  const child = spawn(findNginx(), ['-p', dir, '-e', join(dir, 'error.log'), '-c', configPath], { stdio: ['ignore', 'pipe', 'pipe'] })
  child.stdout!.on('data', (chunk: Buffer) => (output += chunk))
  child.stderr!.on('data', (chunk: Buffer) => (output += chunk))
  const exited = new Promise<void>(resolve => child.once('exit', () => resolve()))
  const url = `http://127.0.0.1:${port}`
  const errorLog = () => {
    try {
      return readFileSync(join(dir, 'error.log'), 'utf8')
    }
    catch {
      return ''
    }
  }
  const deadline = Date.now() + 20_000
  for (;;) {
    if (child.exitCode !== null) throw new Error(`nginx exited during start-up:\n${output}\n${errorLog()}`)
    const answered = await fetch(`${url}/api/health`).then(response => response.ok, () => false)
    if (answered) break
    if (Date.now() > deadline) {
      child.kill('SIGKILL')
      throw new Error(`nginx did not pass /api/health on within 20 s:\n${output}\n${errorLog()}`)
    }
    await new Promise(resolve => setTimeout(resolve, 100))
  }
  return {
    url,
    accessLog: () => readFileSync(join(dir, 'access.log'), 'utf8'),
    stop: async () => {
      if (child.exitCode !== null || child.signalCode !== null) return
      // SIGQUIT: finish the requests in flight, then exit.
      child.kill('SIGQUIT')
      const timer = setTimeout(() => child.kill('SIGKILL'), 5000)
      await exited
      clearTimeout(timer)
    },
  }
}
