// One run, four projects (`npx vitest run --project NAME` picks some):
// - unit: pure functions, stores and schemas in Node; nothing started.
// - nuxt: components and composables mounted in the Nuxt environment (happy-dom); no built server,
//   no database: tests stub the network at its edge.
// - server: HTTP against the built server and a real database; e2e: Chromium against the same
//   server. Both name tests/support/global-setup.ts, which builds once (or reuses a matching
//   .output), starts one server and one browser, and shares them between the two projects.
// Vitest runs a project's global setup only when that project has files in the run, so
// `--project unit` and `--project nuxt` build and start nothing.
import { fileURLToPath } from 'node:url'
import { defineVitestProject } from '@nuxt/test-utils/config'
import { defineConfig } from 'vitest/config'

const root = fileURLToPath(new URL('.', import.meta.url)).replace(/\/$/, '')
const alias = { '#shared': `${root}/shared`, '~~': root, '~': root }
const serverSuite = {
  globalSetup: ['tests/support/global-setup.ts'],
  // A ceiling for a hung test, not a speed check: the browser flows take 5–20 s on a quiet
  // two-core box and twice that when the machine is shared (durations are in the report).
  testTimeout: 60_000,
  hookTimeout: 60_000,
  // The same for a condition awaited with expect.poll (vitest's default is one second): a save
  // awaited through the API took longer than that on a loaded machine.
  expect: { poll: { timeout: 10_000 } },
}

export default defineConfig({
  test: {
    reporters: ['default', './tests/support/summary-reporter.ts'],
    // Two cores: two test files at a time keeps the server and Chromium responsive.
    maxWorkers: 2,
    projects: [
      { resolve: { alias }, test: { name: 'unit', include: ['tests/unit/**/*.test.ts'], environment: 'node' } },
      defineVitestProject({ test: { name: 'nuxt', include: ['tests/nuxt/**/*.test.ts'] } }),
      { resolve: { alias }, test: { name: 'server', include: ['tests/server/**/*.test.ts'], environment: 'node', ...serverSuite } },
      { resolve: { alias }, test: { name: 'e2e', include: ['tests/e2e/**/*.test.ts'], environment: 'node', ...serverSuite } },
    ],
  },
})
