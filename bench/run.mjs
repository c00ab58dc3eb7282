// Runs every bench/*.bench.ts in turn; `--smoke` (or BENCH_SMOKE=1) runs each at a tiny size.
import { execFileSync } from 'node:child_process'
import { readdirSync } from 'node:fs'
import { join } from 'node:path'

const smoke = process.argv.includes('--smoke') || process.env.BENCH_SMOKE === '1'
const dir = join(import.meta.dirname)
const benches = readdirSync(dir).filter(f => f.endsWith('.bench.ts')).sort()
// Each one's time is printed, so the slowest stands out when CI's time has to come down.
for (const bench of benches) {
  console.log(`\n== ${bench}${smoke ? ' (smoke)' : ''}`)
  const started = Date.now()
  execFileSync('tsx', [join(dir, bench), ...(smoke ? ['--smoke'] : [])], { stdio: 'inherit' })
  console.log(`== ${bench}: ${Math.round((Date.now() - started) / 1000)} s`)
}
console.log(`\n${benches.length} benchmark(s) ran`)
