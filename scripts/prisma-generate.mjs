// Runs `prisma generate` without the schema engine download, which these machines cannot reach:
// generating the client needs no engine, but the CLI insists on finding one, so point it at an
// empty executable (see STACK-NOTES).
import { execFileSync } from 'node:child_process'
import { chmodSync, existsSync, mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'

const dir = join(process.cwd(), 'node_modules', '.cache', 'lectern')
const fakeEngine = join(dir, 'no-schema-engine')
if (!existsSync(fakeEngine)) {
  mkdirSync(dir, { recursive: true })
  writeFileSync(fakeEngine, '#!/bin/sh\nexit 1\n')
  chmodSync(fakeEngine, 0o755)
}
execFileSync('prisma', ['generate'], {
  stdio: 'inherit',
  env: { ...process.env, PRISMA_SCHEMA_ENGINE_BINARY: fakeEngine, PRISMA_HIDE_UPDATE_MESSAGE: '1', CHECKPOINT_DISABLE: '1' },
})
