import { describe, expect, it, inject } from 'vitest'
import { createCourse, createUser } from '../../prisma/seed/factories'
import { ApiClient } from '../support/api-client'
import { describeWithDatabase, testDb } from '../support/database'

const DAY = 86_400_000
const runPurge = (token: string) => new ApiClient().request('POST', '/api/internal/jobs/courses:purge', undefined, { headers: { authorization: `Bearer ${token}` } })

describe('internal job endpoint', () => {
  it('refuses a missing or wrong token with 401', async () => {
    expect((await new ApiClient().post('/api/internal/jobs/courses:purge')).status).toBe(401)
    const wrong = await runPurge('x'.repeat(inject('internalToken').length))
    expect(wrong.status).toBe(401)
    expect(wrong.body).toMatchObject({ success: false, error: { code: 'UNAUTHENTICATED' } })
  })

  it('refuses an unknown job with 400', async () => {
    const result = await new ApiClient().request('POST', '/api/internal/jobs/drop-everything', undefined, { headers: { authorization: `Bearer ${inject('internalToken')}` } })
    expect(result.status).toBe(400)
  })
})

describeWithDatabase('purging Recently deleted', () => {
  it('removes courses deleted more than 30 days ago and keeps newer ones and live ones', async () => {
    const db = testDb()
    const owner = await createUser(db)
    const now = Date.now()
    const expired = await createCourse(db, owner.id, { deletedAt: new Date(now - 31 * DAY) })
    const recent = await createCourse(db, owner.id, { deletedAt: new Date(now - 29 * DAY) })
    const live = await createCourse(db, owner.id)

    const result = await runPurge(inject('internalToken'))
    expect(result.status).toBe(200)
    expect(result.body).toMatchObject({ success: true, data: { kind: 'courses:purge', ran: true } })

    const remaining = await db.course.findMany({ where: { ownerId: owner.id }, select: { id: true } })
    expect(remaining.map(c => c.id).sort()).toEqual([recent.id, live.id].sort())
    expect(remaining.map(c => c.id)).not.toContain(expired.id)
  })
})
