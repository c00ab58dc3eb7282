// A write sent again with its Idempotency-Key (a browser's retry after the answer was lost on the
// line) gets the first answer and does nothing more; the key is the sender's own, is refused
// for a different request or when malformed, and a refused first request lets go of it.
import { randomUUID } from 'node:crypto'
import { expect, it } from 'vitest'
import type { Course } from '../../shared/types/course'
import type { Chapter } from '../../shared/types/outline'
import { ApiClient, data, signedUp } from '../support/api-client'
import { describeWithDatabase, testDb } from '../support/database'

async function course(owner: ApiClient) {
  return data(await owner.post<Course>('/api/courses', { title: 'Keyed course', category: 'Design' }))
}

const chapterTitles = async (owner: ApiClient, courseId: string) =>
  data(await owner.get<Chapter[]>(`/api/courses/${courseId}/chapters`)).map(c => c.title)

const keyed = (key: string) => ({ headers: { 'idempotency-key': key } })

describeWithDatabase('idempotency keys on creates', () => {
  it('answers the same request sent again with the first answer, and creates once', async () => {
    const owner = await signedUp()
    const { id } = await course(owner)
    const key = randomUUID()
    const first = await owner.request<Chapter>('POST', `/api/courses/${id}/chapters`, { title: 'Week one' }, keyed(key))
    const again = await owner.request<Chapter>('POST', `/api/courses/${id}/chapters`, { title: 'Week one' }, keyed(key))
    expect(first.status).toBe(201)
    expect(again.status).toBe(201)
    expect(again.headers.get('idempotent-replayed')).toBe('true')
    expect(data(again).id).toBe(data(first).id)
    expect(await chapterTitles(owner, id)).toEqual(['Week one'])
  })

  it('answers a DELETE sent again with the first answer, where without its key it would be 404', async () => {
    const owner = await signedUp()
    const { id } = await course(owner)
    const key = randomUUID()
    const first = await owner.request('DELETE', `/api/courses/${id}`, undefined, keyed(key))
    const again = await owner.request('DELETE', `/api/courses/${id}`, undefined, keyed(key))
    expect(first.status).toBe(200)
    expect(again.status).toBe(200)
    expect(again.headers.get('idempotent-replayed')).toBe('true')
    expect(again.body).toEqual(first.body)
    expect((await owner.request('DELETE', `/api/courses/${id}`)).status).toBe(404)
  })

  it('creates once when the same request arrives twice at the same moment', async () => {
    const owner = await signedUp()
    const { id } = await course(owner)
    const key = randomUUID()
    const send = () => owner.request<Chapter>('POST', `/api/courses/${id}/chapters`, { title: 'Only once' }, keyed(key))
    const answers = await Promise.all([send(), send(), send()])
    // Each is the first answer, replayed, or "still being handled, try again" (503).
    for (const answer of answers) expect([201, 503]).toContain(answer.status)
    expect(answers.filter(a => a.status === 201).length).toBeGreaterThan(0)
    expect(await chapterTitles(owner, id)).toEqual(['Only once'])
  })

  it('refuses the key with a different request (422) and a malformed key (400), creating nothing', async () => {
    const owner = await signedUp()
    const { id } = await course(owner)
    const key = randomUUID()
    expect((await owner.request('POST', `/api/courses/${id}/chapters`, { title: 'First' }, keyed(key))).status).toBe(201)
    const other = await owner.request('POST', `/api/courses/${id}/chapters`, { title: 'Second' }, keyed(key))
    expect(other.status).toBe(422)
    expect(other.body).toMatchObject({ success: false, error: { code: 'UNPROCESSABLE' } })
    for (const bad of ['short', 'x'.repeat(101), 'has spaces in it here', 'a;b=c-d-e-f-g-h-i-j']) {
      const refused = await owner.request('POST', `/api/courses/${id}/chapters`, { title: 'Bad key' }, keyed(bad))
      expect(refused.status, bad).toBe(400)
      expect(refused.body).toMatchObject({ success: false, error: { code: 'VALIDATION' } })
    }
    expect(await chapterTitles(owner, id)).toEqual(['First'])
  })

  it('keeps each user\'s keys apart: the same key from someone else is their own request', async () => {
    const owner = await signedUp()
    const other = await signedUp()
    const [mine, theirs] = [await course(owner), await course(other)]
    const key = randomUUID()
    expect((await owner.request('POST', `/api/courses/${mine.id}/chapters`, { title: 'Mine' }, keyed(key))).status).toBe(201)
    // The very same request from a stranger is not the owner's answer replayed: the route refuses it.
    expect((await other.request('POST', `/api/courses/${mine.id}/chapters`, { title: 'Mine' }, keyed(key))).status).toBe(404)
    const answer = await other.request<Chapter>('POST', `/api/courses/${theirs.id}/chapters`, { title: 'Theirs' }, keyed(key))
    expect(answer.status).toBe(201)
    expect(answer.headers.get('idempotent-replayed')).toBeNull()
    expect(await chapterTitles(owner, mine.id)).toEqual(['Mine'])
    expect(await chapterTitles(other, theirs.id)).toEqual(['Theirs'])
  })

  it('lets go of the key when the first request is refused, so the corrected one runs', async () => {
    const owner = await signedUp()
    const { id } = await course(owner)
    const key = randomUUID()
    expect((await owner.request('POST', `/api/courses/${id}/chapters`, { title: '' }, keyed(key))).status).toBe(400)
    expect(await testDb().idempotentRequest.count({ where: { key } })).toBe(0)
    expect((await owner.request('POST', `/api/courses/${id}/chapters`, { title: 'Corrected' }, keyed(key))).status).toBe(201)
    expect(await chapterTitles(owner, id)).toEqual(['Corrected'])
  })

  it('leaves a signed-out request to the route: 401, nothing kept', async () => {
    const owner = await signedUp()
    const { id } = await course(owner)
    const key = randomUUID()
    const answer = await new ApiClient().request('POST', `/api/courses/${id}/chapters`, { title: 'Nobody' }, keyed(key))
    expect(answer.status).toBe(401)
    expect(await testDb().idempotentRequest.count({ where: { key } })).toBe(0)
  })
})
