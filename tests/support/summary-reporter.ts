// Prints the one plain summary line the README promises (`N passed, N failed`) after every suite
// has run. Skipped tests are listed with their reasons; under CI (any value but empty, `false` or
// `0`: services set CI=1, CI=yes…) a skip counts as a failure, because CI always has PostgreSQL
// and Chromium and nothing there has a reason to skip.
import type { Reporter, TestModule } from 'vitest/node'

export const underCi = (value: string | undefined) => !!value && !['false', '0'].includes(value.toLowerCase())

export default class SummaryReporter implements Reporter {
  onTestRunEnd(testModules: ReadonlyArray<TestModule>, unhandledErrors: ReadonlyArray<unknown>) {
    let passed = 0
    let failed = 0
    const skipped: string[] = []
    for (const module of testModules) {
      if (module.state() === 'failed' && !module.children.size) failed++ // a file that failed to load
      for (const test of module.children.allTests()) {
        const result = test.result()
        if (result.state === 'passed') passed++
        else if (result.state === 'failed') failed++
        else if (result.state === 'skipped') skipped.push(`${test.fullName}${result.note ? ` (${result.note})` : ''}`)
      }
    }
    failed += unhandledErrors.length
    if (skipped.length) {
      console.log(`\n${skipped.length} skipped:`)
      for (const name of skipped) console.log(`  - ${name}`)
      if (underCi(process.env.CI)) {
        console.log(`Skipped tests fail the run under CI (CI=${process.env.CI}).`)
        failed += skipped.length
        process.exitCode = 1
      }
    }
    console.log(`\n${passed} passed, ${failed} failed`)
  }
}
