// The workers (server/workers/*.mjs) ship as server assets (nuxt.config: nitro.serverAssets); they
// are written out together once per process (a worker imports report.mjs beside it) so Node can
// run each as a file, with the server's PATH (ffmpeg), the internal token to report with, and its
// own settings as variables.
import { spawn } from 'node:child_process'
import { mkdir, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { dataDir } from '../../database/connection'
import { lecternConfig } from '../../utils/config'

let written: Promise<Set<string>> | undefined

async function workerFile(name: string): Promise<string> {
  const dir = join(dataDir(), 'workers')
  written ??= (async () => {
    // Nitro's server-asset storage, not the upload storage.
    const assets = useStorage('assets:workers')
    await mkdir(dir, { recursive: true })
    const names = new Set(await assets.getKeys())
    for (const asset of names) {
      const source = await assets.getItemRaw(asset)
      await writeFile(join(dir, asset), typeof source === 'string' ? source : Buffer.from(source as ArrayBuffer))
    }
    return names
  })()
  if (!(await written).has(name)) throw new Error(`worker ${name} is missing from the server assets`)
  return join(dir, name)
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
