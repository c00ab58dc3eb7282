import { randomBytes } from 'node:crypto'
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { expect, inject, it } from 'vitest'
import type { Course } from '../../shared/types/course'
import type { Chapter } from '../../shared/types/outline'
import { ApiClient, data } from '../support/api-client'
import { buildUser } from '../../prisma/seed/factories'
import { describeWithDatabase, databaseUrl } from '../support/database'
import { startServer } from '../support/server-process'
import { createUpload, headOffset, patchChunk, sendAll } from '../support/tus-client'
import { fileBytes, sampleVideo, sha256 } from '../support/video-fixtures'

const root = resolve(import.meta.dirname, '../..')

describeWithDatabase('an upload across a server crash', () => {
  it('resumes after SIGKILL and a restart, storing the exact bytes, and the lesson ends ready', async () => {
    const scratch = mkdtempSync(join(tmpdir(), 'lectern-crash-'))
    const env = {
      NUXT_SESSION_PASSWORD: inject('sessionPassword'),
      DATABASE_URL: databaseUrl!,
      LECTERN_DATA_DIR: join(scratch, 'data'),
      LECTERN_STORAGE_DIR: join(scratch, 'storage'),
      LECTERN_INTERNAL_TOKEN: randomBytes(16).toString('hex'),
      REDIS_URL: '',
    }
    let server = await startServer(root, env)
    try {
      // The client talks to this instance only; its cookie stays valid across the restart.
      const owner = new ApiClient()
      owner.baseURL = server.url
      const user = buildUser()
      data(await owner.post('/api/auth/sign-up', { ...user, role: 'INSTRUCTOR' }))
      const course = data(await owner.post<Course>('/api/courses', { title: 'Crash course', category: 'Design' }))
      const chapter = data(await owner.post<Chapter>(`/api/courses/${course.id}/chapters`, { title: 'Only' }))
      const bytes = fileBytes(sampleVideo(4))
      const created = await createUpload(owner, { size: bytes.length, metadata: { filename: 'crash.mp4', filetype: 'video/mp4', target: 'lesson', chapterId: chapter.id } })
      const path = new URL(created.url!).pathname
      const half = Math.floor(bytes.length / 2)
      expect((await patchChunk(owner, created.url!, 0, bytes.subarray(0, half))).offset).toBe(half)

      server.process.kill('SIGKILL')
      await new Promise(done => server.process.once('exit', done))
      server = await startServer(root, env)
      owner.baseURL = server.url
      const url = `${server.url}${path}`

      const { offset } = await headOffset(owner, url)
      expect(offset).toBe(half)
      expect((await sendAll(owner, url, bytes, 32 * 1024, offset)).offset).toBe(bytes.length)
      expect(sha256(readFileSync(join(scratch, 'storage', 'files', path.split('/').pop()!)))).toBe(sha256(bytes))
      await expect.poll(async () => data(await owner.get<Chapter[]>(`/api/courses/${course.id}/chapters`))[0]!.lessons[0], { timeout: 30_000 })
        .toMatchObject({ title: 'crash', status: 'READY', durationSeconds: 4 })
    }
    finally {
      await server.stop()
      rmSync(scratch, { recursive: true, force: true })
    }
  }, 90_000)
})
