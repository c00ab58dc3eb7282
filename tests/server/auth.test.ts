import { describe, expect, it } from 'vitest'
import { buildUser } from '../../prisma/seed/factories'
import { DEMO_ACCOUNTS, DEMO_PASSWORD, seedDemoData } from '../../prisma/seed/demo'
import type { StudentRow } from '../../shared/types/student'
import { ApiClient, data, signedUp } from '../support/api-client'
import { describeWithDatabase, testDb } from '../support/database'

describe('sign up', () => {
  it('creates an instructor account and signs it in', async () => {
    const client = new ApiClient()
    const user = buildUser({ email: `New.Person.${Date.now()}@Example.test` })
    const result = await client.post<{ user: { email: string, role: string } }>('/api/auth/sign-up', { ...user, role: 'INSTRUCTOR' })
    expect(result.status).toBe(201)
    expect(data(result).user).toMatchObject({ email: user.email.toLowerCase(), role: 'INSTRUCTOR' })
    const me = await client.get<{ user: { email: string } }>('/api/auth/me')
    expect(data(me).user.email).toBe(user.email.toLowerCase())
  })

  it('creates a student account', async () => {
    const client = await signedUp({ role: 'STUDENT' })
    expect(data(await client.get<{ user: { role: string } }>('/api/auth/me')).user.role).toBe('STUDENT')
  })

  it('refuses an email that already has an account, with a field error', async () => {
    const first = await signedUp()
    const again = await new ApiClient().post('/api/auth/sign-up', { name: 'Copy', email: first.user!.email, password: 'another-password', role: 'STUDENT' })
    expect(again.status).toBe(409)
    expect(again.body).toMatchObject({ success: false, error: { code: 'CONFLICT', fields: { email: [expect.any(String)] } } })
  })

  it('refuses bad input with 400 and per-field errors, creating nothing', async () => {
    const client = new ApiClient()
    const email = buildUser().email
    const result = await client.post('/api/auth/sign-up', { name: '', email, password: 'short', role: 'OBSERVER' })
    expect(result.status).toBe(400)
    expect(result.body).toMatchObject({ success: false, error: { code: 'VALIDATION' } })
    const fields = (result.body as { error: { fields: Record<string, string[]> } }).error.fields
    expect(Object.keys(fields).sort()).toEqual(['name', 'password', 'role'])
    const signIn = await client.post('/api/auth/sign-in', { email, password: 'short' })
    expect(signIn.status).toBe(401)
  })
})

describe('sign in and out', () => {
  it('signs in with the right password and out again', async () => {
    const owner = await signedUp()
    const client = new ApiClient()
    const result = await client.post('/api/auth/sign-in', { email: owner.user!.email, password: owner.user!.password })
    expect(result.status).toBe(200)
    expect((await client.get('/api/auth/me')).status).toBe(200)
    expect((await client.post('/api/auth/sign-out')).status).toBe(200)
    const after = await client.get('/api/auth/me')
    expect(after.status).toBe(401)
    expect(after.body).toMatchObject({ success: false, error: { code: 'UNAUTHENTICATED' } })
  })

  it('gives the same answer for a wrong password and an unknown email', async () => {
    const owner = await signedUp()
    const wrongPassword = await new ApiClient().post('/api/auth/sign-in', { email: owner.user!.email, password: 'not-the-password' })
    const unknownEmail = await new ApiClient().post('/api/auth/sign-in', { email: buildUser().email, password: 'not-the-password' })
    expect(wrongPassword.status).toBe(401)
    expect(unknownEmail.status).toBe(401)
    expect((wrongPassword.body as { error: unknown }).error).toEqual((unknownEmail.body as { error: unknown }).error)
  })

  it('answers 429 with a retry time after 10 failed tries for one email, even for the right password', async () => {
    const owner = await signedUp()
    const client = new ApiClient()
    for (let attempt = 1; attempt <= 10; attempt++) {
      const result = await client.post('/api/auth/sign-in', { email: owner.user!.email, password: `wrong-${attempt}` })
      expect(result.status, `attempt ${attempt}`).toBe(401)
    }
    const blocked = await client.post('/api/auth/sign-in', { email: owner.user!.email, password: owner.user!.password })
    expect(blocked.status).toBe(429)
    expect(blocked.body).toMatchObject({ success: false, error: { code: 'RATE_LIMITED', details: { retryAfter: expect.any(Number) } } })
    const retryAfter = Number(blocked.headers.get('retry-after'))
    expect(retryAfter).toBeGreaterThan(500)
    expect(retryAfter).toBeLessThanOrEqual(600)
    // Another email is unaffected.
    const other = await signedUp()
    expect((await new ApiClient().post('/api/auth/sign-in', { email: other.user!.email, password: other.user!.password })).status).toBe(200)
  })

  it('treats a tampered session cookie as signed out, not as an error', async () => {
    const result = await new ApiClient().request('GET', '/api/auth/me', undefined, { headers: { cookie: 'lectern-session=Fe26.2**garbage' } })
    expect(result.status).toBe(401)
  })
})

describeWithDatabase('demo accounts', () => {
  it('seeds the three demo accounts with the documented password', async () => {
    await seedDemoData(testDb())
    for (const account of DEMO_ACCOUNTS) {
      const client = new ApiClient()
      const result = await client.post<{ user: { role: string } }>('/api/auth/sign-in', { email: account.email, password: DEMO_PASSWORD })
      expect(data(result).user.role).toBe(account.role)
    }
    expect(await seedDemoData(testDb())).toBe(false) // a second run changes nothing
    // The whole demo (thousands of rows, clips and images made by ffmpeg) takes ~15 s on a quiet
    // two-core box and more while other suites share it: a generous limit, not a speed target.
  }, 120_000)

  it('gives the demo instructor a student in a free and a priced course, one lesson done', async () => {
    // Runs after the test above has seeded (tests in a file run in order).
    const instructor = new ApiClient()
    data(await instructor.post('/api/auth/sign-in', { email: DEMO_ACCOUNTS[0].email, password: DEMO_PASSWORD }))
    const courses = data(await instructor.get<{ id: string, title: string }[]>('/api/courses'))
    const studentsOf = async (title: string) => data(await instructor.get<StudentRow[]>(`/api/courses/${courses.find(c => c.title === title)!.id}/students`))
    expect(await studentsOf('Data Visualisation with D3')).toEqual([
      expect.objectContaining({ email: DEMO_ACCOUNTS[1].email, source: 'SELF', percentComplete: 25, completedLessonIds: [expect.any(String)] }),
    ])
    expect(await studentsOf('Modern JavaScript from First Principles')).toEqual([
      expect.objectContaining({ email: DEMO_ACCOUNTS[1].email, source: 'INSTRUCTOR', percentComplete: 0 }),
    ])
  })
})
