// Two instances on one database and one Redis, as behind a load balancer: what one instance's
// caches copied is dropped when the other writes. The caches are kept ten minutes here, so only
// the notice over Redis (not their expiry) can make the change show within the test's wait.
import { randomBytes } from 'node:crypto'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import type { Course } from '../../shared/types/course'
import type { Chapter } from '../../shared/types/outline'
import { ApiClient, data, signedUp } from '../support/api-client'
import { startServer } from '../support/server-process'
import type { RunningServer } from '../support/server-process'

const root = resolve(import.meta.dirname, '../..')
const [databaseUrl, redisUrl] = [inject('databaseUrl'), inject('redisUrl')]
const twoInstances = !!databaseUrl && !!redisUrl
let scratch: string
const namespace = `lectern-instances-${randomBytes(4).toString('hex')}`
let first: RunningServer
let second: RunningServer

describe.skipIf(!twoInstances)(`two instances sharing Redis${twoInstances ? '' : ' [skipped: needs PostgreSQL and Redis on this machine]'}`, () => {
  beforeAll(async () => {
    scratch = mkdtempSync(join(tmpdir(), 'lectern-instances-'))
    const env = (name: string) => ({
      NUXT_SESSION_PASSWORD: inject('sessionPassword'),
      DATABASE_URL: databaseUrl!,
      REDIS_URL: redisUrl!,
      LECTERN_DATA_DIR: join(scratch, name),
      LECTERN_STORAGE_DIR: join(scratch, 'uploads'),
      LECTERN_INTERNAL_TOKEN: randomBytes(8).toString('hex'),
      LECTERN_CATALOG_CACHE_TTL_MS: '600000',
      // Their own Redis channel and keys: the suite's other servers write all the time.
      LECTERN_REDIS_NAMESPACE: namespace,
    })
    ;[first, second] = await Promise.all([startServer(root, env('a')), startServer(root, env('b'))])
  })
  afterAll(async () => {
    await Promise.all([first?.stop(), second?.stop()])
    rmSync(scratch, { recursive: true, force: true })
  })

  it('drops the catalog and the anonymous pages of one instance when a course changes through the other', async () => {
    const instructor = await signedUp({}, Object.assign(new ApiClient(), { baseURL: first.url }))
    const word = `zebra${randomBytes(4).toString('hex')}`
    const course = data(await instructor.post<Course>('/api/courses', { title: `Painting ${word}`, category: 'Design' }))
    const chapter = data(await instructor.post<Chapter>(`/api/courses/${course.id}/chapters`, { title: 'One' }))
    data(await instructor.post(`/api/chapters/${chapter.id}/lessons`, { title: 'Welcome' }))
    data(await instructor.post(`/api/courses/${course.id}/publish`, {}))

    // An anonymous visitor of the second instance: the page and the catalog answer are cached there.
    const page = () => fetch(`${second.url}/courses?q=${word}`)
    const catalog = async () => (await (await fetch(`${second.url}/api/catalog?q=${word}`)).json()) as { data: { items: { title: string }[] } }
    expect((await page()).headers.get('x-lectern-page-cache')).toBe('miss')
    const cached = await page()
    expect(cached.headers.get('x-lectern-page-cache')).toBe('hit')
    expect(await cached.text()).toContain(`Painting ${word}`)
    expect((await catalog()).data.items.map(c => c.title)).toEqual([`Painting ${word}`])

    data(await instructor.patch(`/api/courses/${course.id}`, { title: `Sculpture ${word}` }))
    await expect.poll(async () => (await catalog()).data.items.map(c => c.title), { timeout: 10_000 }).toEqual([`Sculpture ${word}`])
    await expect.poll(async () => (await page()).text(), { timeout: 10_000 }).toContain(`Sculpture ${word}`)
  }, 60_000)
})
