// One run for every suite: tests/unit (pure), tests/server (HTTP against the built server and
// a real database) and tests/e2e (Chromium against the same server). tests/support/global-setup.ts
// builds once (or reuses a matching .output), starts one server and one browser, and shares them.
import { fileURLToPath } from 'node:url'
import { defineConfig } from 'vitest/config'

const root = fileURLToPath(new URL('.', import.meta.url))

export default defineConfig({
  resolve: {
    alias: {
      '#shared': `${root}shared`,
      '~~': root.replace(/\/$/, ''),
      '~': root.replace(/\/$/, ''),
    },
  },
  test: {
    include: ['tests/**/*.test.ts'],
    environment: 'node',
    globalSetup: ['tests/support/global-setup.ts'],
    reporters: ['default', './tests/support/summary-reporter.ts'],
    // A ceiling for a hung test, not a speed check: the browser flows take 5–20 s on a quiet
    // two-core box and twice that when the machine is shared (durations are in the report).
    testTimeout: 60_000,
    hookTimeout: 60_000,
    // Two cores: two test files at a time keeps the server and Chromium responsive.
    maxWorkers: 2,
  },
})
