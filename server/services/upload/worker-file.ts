// The workers (server/workers/*.mjs) ship as server assets (nuxt.config: nitro.serverAssets); each
// is written out once per process so Node can run it as a file, with the server's PATH (ffmpeg),
// the internal token to report with, and its own settings as variables.
import { spawn } from 'node:child_process'
import { mkdir, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { dataDir } from '../../database/connection'
import { lecternConfig } from '../../utils/config'

const written = new Map<string, Promise<string>>()

function workerFile(name: string): Promise<string> {
  let path = written.get(name)
  if (!path) {
    path = (async () => {
      // Nitro's server-asset storage, not the upload storage.
      const source = await useStorage('assets:workers').getItemRaw(name)
      if (!source) throw new Error(`worker ${name} is missing from the server assets`)
      const dir = join(dataDir(), 'workers')
      await mkdir(dir, { recursive: true })
      const file = join(dir, name)
      await writeFile(file, typeof source === 'string' ? source : Buffer.from(source as ArrayBuffer))
      return file
    })()
    written.set(name, path)
  }
  return path
}

/** Runs a worker to its end; a non-zero exit rejects with the end of what it printed. */
export async function runWorker(name: string, env: Record<string, string>): Promise<void> {
  const file = await workerFile(name)
  await new Promise<void>((resolve, reject) => {
    const child = spawn(process.execPath, [file], {
      stdio: ['ignore', 'inherit', 'pipe'],
      env: { PATH: lecternConfig().processPath, LECTERN_WORKER_TOKEN: lecternConfig().internalToken, ...env },
    })
    let stderr = ''
    child.stderr!.on('data', (chunk) => {
      stderr = (stderr + chunk).slice(-2000)
    })
    child.once('error', reject)
    child.once('exit', code => (code === 0 ? resolve() : reject(new Error(`worker exited with ${code}: ${stderr.trim()}`))))
  })
}
