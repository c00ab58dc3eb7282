// Builds the app once per change: the hash of every input of the build is stored next to the
// output, and a run whose sources match reuses .output instead of spending a minute rebuilding.
import { createHash } from 'node:crypto'
import { execFileSync } from 'node:child_process'
import { existsSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs'
import { join, relative } from 'node:path'

const INPUTS = ['app.vue', 'error.vue', 'nuxt.config.ts', 'package-lock.json', 'assets', 'components', 'composables', 'layouts', 'middleware', 'pages', 'plugins', 'public', 'server', 'shared', 'stores', 'utils', 'prisma/schema.prisma']
const SKIP = new Set(['node_modules', 'generated', '.DS_Store'])

function walk(path: string, files: string[]) {
  if (!existsSync(path)) return
  if (statSync(path).isDirectory()) {
    for (const entry of readdirSync(path).sort()) if (!SKIP.has(entry)) walk(join(path, entry), files)
  }
  else {
    files.push(path)
  }
}

export function sourceHash(root: string): string {
  const files: string[] = []
  for (const input of INPUTS) walk(join(root, input), files)
  const hash = createHash('sha256')
  for (const file of files) hash.update(relative(root, file)).update('\0').update(readFileSync(file)).update('\0')
  return hash.digest('hex')
}

export function ensureBuilt(root: string): void {
  const marker = join(root, '.output', '.lectern-source-hash')
  const hash = sourceHash(root)
  if (existsSync(join(root, '.output/server/index.mjs')) && existsSync(marker) && readFileSync(marker, 'utf8') === hash) {
    console.log('[tests] reusing .output (sources unchanged since it was built)')
    return
  }
  console.log('[tests] building the app (nuxt build)…')
  const started = Date.now()
  execFileSync('nuxt', ['build'], { cwd: root, stdio: ['ignore', 'ignore', 'inherit'], env: { ...process.env, NODE_ENV: 'production' } })
  writeFileSync(marker, hash)
  console.log(`[tests] built in ${Math.round((Date.now() - started) / 1000)} s`)
}
