import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import { startServer } from '../support/server-process'

const root = resolve(import.meta.dirname, '../..')

describe('production start-up', () => {
  it('refuses to start without a session password, saying how to set one', async () => {
    const scratch = mkdtempSync(join(tmpdir(), 'lectern-startup-'))
    try {
      const attempt = startServer(root, { NUXT_SESSION_PASSWORD: '', DATABASE_URL: '', LECTERN_DATA_DIR: scratch })
      await expect(attempt).rejects.toThrow(/NUXT_SESSION_PASSWORD must be set to at least 32 random characters/)
    }
    finally {
      rmSync(scratch, { recursive: true, force: true })
    }
  })

  it('refuses a malformed setting instead of running with it', async () => {
    const scratch = mkdtempSync(join(tmpdir(), 'lectern-startup-'))
    try {
      const attempt = startServer(root, { NUXT_SESSION_PASSWORD: 'x'.repeat(40), DATABASE_URL: '', LECTERN_DATA_DIR: scratch, LECTERN_COURSE_RETENTION_DAYS: 'soon' })
      await expect(attempt).rejects.toThrow(/LECTERN_COURSE_RETENTION_DAYS must be a positive number/)
    }
    finally {
      rmSync(scratch, { recursive: true, force: true })
    }
  })

  it('refuses to send mail without the site\'s address, on which every mailed link is built', async () => {
    const scratch = mkdtempSync(join(tmpdir(), 'lectern-startup-'))
    try {
      const attempt = startServer(root, { NUXT_SESSION_PASSWORD: 'x'.repeat(40), DATABASE_URL: '', LECTERN_DATA_DIR: scratch, LECTERN_SMTP_URL: 'smtp://127.0.0.1:2525', NUXT_PUBLIC_SITE_URL: '' })
      await expect(attempt).rejects.toThrow(/NUXT_PUBLIC_SITE_URL must be set when mail is sent/)
    }
    finally {
      rmSync(scratch, { recursive: true, force: true })
    }
  })
})
