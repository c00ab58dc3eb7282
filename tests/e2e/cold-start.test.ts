// The first pages a server renders after it starts are its slowest: Nitro loads the render's code
// then. A read the render did not wait for could answer during that slow render, after its
// loading state was drawn and before the payload was written, and the browser hydrated data the
// HTML did not show (the media library did, on every fresh start). The shared test server is warm
// by the time most tests run, so this one starts its own and opens its pages first; the browser
// tests fail on the mismatch Vue reports in the console (support/browser.ts).
import { randomBytes } from 'node:crypto'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import { newPage, visit } from '../support/browser'
import { conversationPair } from '../support/conversation-fixtures'
import { startServer } from '../support/server-process'
import type { RunningServer } from '../support/server-process'

const databaseUrl = inject('databaseUrl')

describe.skipIf(!databaseUrl)(`a server's first renders after a start${databaseUrl ? '' : ' [skipped: a second server needs PostgreSQL on this machine]'}`, () => {
  let scratch: string
  let cold: RunningServer
  let pair: Awaited<ReturnType<typeof conversationPair>>
  beforeAll(async () => {
    pair = await conversationPair()
    scratch = mkdtempSync(join(tmpdir(), 'lectern-cold-'))
    cold = await startServer(resolve(import.meta.dirname, '../..'), {
      NUXT_SESSION_PASSWORD: inject('sessionPassword'),
      DATABASE_URL: databaseUrl!,
      REDIS_URL: inject('redisUrl') ?? '',
      LECTERN_DATA_DIR: join(scratch, 'data'),
      LECTERN_STORAGE_DIR: join(scratch, 'uploads'),
      LECTERN_INTERNAL_TOKEN: randomBytes(8).toString('hex'),
    })
  })
  afterAll(async () => {
    await cold?.stop()
    if (scratch) rmSync(scratch, { recursive: true, force: true })
  })

  it('hydrates the media library and a conversation without a mismatch', async () => {
    const page = await newPage(pair.instructor, { baseURL: cold.url })
    const mismatches: string[] = []
    page.on('console', message => void (/hydration/i.test(message.text()) && mismatches.push(message.text())))
    await visit(page, '/studio/media')
    await page.getByRole('heading', { name: 'Media library' }).waitFor()
    await visit(page, `/messages/${pair.conversationId}`)
    await page.getByLabel('Message', { exact: true }).waitFor()
    expect(mismatches).toEqual([])
  })
})
