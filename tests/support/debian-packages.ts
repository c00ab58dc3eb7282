// Finds the Debian packages the tests drive: Chromium (CHROMIUM_PATH or /usr/bin/chromium) and
// ffmpeg/ffprobe, installing them when missing and we are root; otherwise one line says what to
// install.
import { execFileSync } from 'node:child_process'
import { existsSync } from 'node:fs'

export const CHROMIUM_ARGS = [
  '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
  '--disable-dev-shm-usage',
]

export function findChromium(): string {
  const path = process.env.CHROMIUM_PATH || '/usr/bin/chromium'
  if (existsSync(path)) return path
  if (process.getuid?.() === 0 && !process.env.CHROMIUM_PATH) {
    console.log('[tests] installing Debian chromium for the browser tests…')
    execFileSync('apt-get', ['install', '-y', '-qq', 'chromium'], { stdio: 'inherit', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } })
    if (existsSync(path)) return path
  }
  throw new Error(`Chromium not found at ${path}: install it (Debian: sudo apt-get install chromium) or set CHROMIUM_PATH.`)
}

export function ensureFfmpeg(): void {
  const present = () => ['ffmpeg', 'ffprobe'].every((tool) => {
    try {
      execFileSync(tool, ['-version'], { stdio: 'ignore' })
      return true
    }
    catch {
      return false
    }
  })
  if (present()) return
  if (process.getuid?.() === 0) {
    console.log('[tests] installing Debian ffmpeg for the upload tests…')
    execFileSync('apt-get', ['install', '-y', '-qq', 'ffmpeg'], { stdio: 'inherit', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } })
    if (present()) return
  }
  throw new Error('ffmpeg and ffprobe are needed (video fixtures and processing): install them (Debian: sudo apt-get install ffmpeg).')
}

/** Debian's nginx, the reverse proxy of the cluster test (tests/server/cluster.test.ts). */
export function findNginx(): string {
  const path = '/usr/sbin/nginx'
  if (existsSync(path)) return path
  if (process.getuid?.() === 0) {
    console.log('[tests] installing Debian nginx-light for the cluster test…')
    execFileSync('apt-get', ['install', '-y', '-qq', 'nginx-light'], { stdio: 'inherit', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } })
    if (existsSync(path)) return path
  }
  throw new Error(`nginx not found at ${path}: install it (Debian: sudo apt-get install nginx-light).`)
}
