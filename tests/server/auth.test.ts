import { describe, expect, it } from 'vitest'
import { buildUser } from '../../prisma/seed/factories'
import { DEMO_ACCOUNTS, DEMO_PASSWORD, seedDemoData } from '../../prisma/seed/demo'
import type { LearnCourse } from '../../shared/types/learning'
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

  it('refuses a password of 11 characters and one that leaked lists show people use most, creating nothing', async () => {
    for (const password of ['eleven-char', 'qwerty123456', 'PASSWORD1234']) {
      const user = buildUser()
      const result = await new ApiClient().post('/api/auth/sign-up', { ...user, password, role: 'STUDENT' })
      expect(result.status, password).toBe(400)
      expect(result.body, password).toMatchObject({ success: false, error: { code: 'VALIDATION', fields: { password: [expect.stringMatching(/at least 12 characters|most used in leaked password lists/)] } } })
      expect(await testDb().user.count({ where: { email: user.email } }), password).toBe(0)
    }
  })
})

describe('display names', () => {
  it('refuses direction controls and zero-width characters, which would let one name pose as another', async () => {
    for (const name of ['Ann\u202Eevil', 'Bob\u200B', '\u2067Eve\u2069']) {
      const result = await new ApiClient().post('/api/auth/sign-up', { ...buildUser(), name, role: 'STUDENT' })
      expect(result.status, JSON.stringify(name)).toBe(400)
      expect(result.body).toMatchObject({ success: false, error: { fields: { name: [expect.stringContaining('invisible or text-direction')] } } })
    }
    expect((await new ApiClient().post('/api/auth/sign-up', { ...buildUser(), name: 'Zoë مريم 李', role: 'STUDENT' })).status).toBe(201)
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

  it('slows a stranger guessing one account (429, Retry-After, doubling) but never locks out the owner\'s browser', async () => {
    const owner = await signedUp() // signing up made this browser one the account trusts
    const stranger = new ApiClient()
    const signIn = (client: ApiClient, password: string) => client.post('/api/auth/sign-in', { email: owner.user!.email, password })
    for (let attempt = 1; attempt <= 5; attempt++) expect((await signIn(stranger, `wrong-${attempt}`)).status, `attempt ${attempt}`).toBe(401)
    // The sixth try waits, whatever the password: a right one during the wait is refused too.
    const blocked = await signIn(stranger, owner.user!.password)
    expect(blocked.status).toBe(429)
    expect(blocked.body).toMatchObject({ success: false, error: { code: 'RATE_LIMITED', details: { retryAfter: 1 } } })
    expect(blocked.headers.get('retry-after')).toBe('1')
    // The owner's browser gets in with the right password, during the stranger's wait.
    expect((await signIn(owner, owner.user!.password)).status).toBe(200)
    // The owner's own typo does not slow the account for others, and is not a lock-out either.
    expect((await signIn(owner, 'typo')).status).toBe(401)
    expect((await signIn(owner, owner.user!.password)).status).toBe(200)
    // Another email is unaffected.
    const other = await signedUp()
    expect((await new ApiClient().post('/api/auth/sign-in', { email: other.user!.email, password: other.user!.password })).status).toBe(200)
  })

  it('doubles the wait with each further failure from strangers', async () => {
    const owner = await signedUp()
    const stranger = new ApiClient()
    const waits: number[] = []
    for (let attempt = 1; waits.length < 3; attempt++) {
      const answer = await stranger.post('/api/auth/sign-in', { email: owner.user!.email, password: `wrong-${attempt}` })
      if (answer.status === 429) {
        const wait = Number(answer.headers.get('retry-after'))
        waits.push(wait)
        // What the wait would be after one more failure: wait it out, fail once more.
        await expect.poll(async () => (await stranger.post('/api/auth/sign-in', { email: owner.user!.email, password: `wrong-${attempt}-again` })).status, { timeout: (wait + 2) * 1000, interval: 250 }).toBe(401)
      }
      else expect(answer.status).toBe(401)
    }
    expect(waits).toEqual([1, 2, 4])
  })

  it('trusts only its own signed device cookie: an edited or copied-to-another-account one is a stranger\'s', async () => {
    const owner = await signedUp()
    const victim = await signedUp()
    const device = owner.sessionCookies().find(c => c.name === 'lectern-device')!.value
    const forged = new ApiClient()
    // The owner's browser cookie, with the victim's id written in: the signature no longer matches.
    const [id, , signature] = device.split('.')
    const withVictim = `${id}.${victim.user!.id}.${signature}`
    for (let attempt = 1; attempt <= 5; attempt++) await forged.request('POST', '/api/auth/sign-in', { email: victim.user!.email, password: `wrong-${attempt}` }, { headers: { cookie: `lectern-device=${withVictim}` } })
    const answer = await forged.request('POST', '/api/auth/sign-in', { email: victim.user!.email, password: victim.user!.password }, { headers: { cookie: `lectern-device=${withVictim}` } })
    expect(answer.status).toBe(429)
    // The owner's real cookie vouches for the owner only, not for the victim.
    const borrowed = await forged.request('POST', '/api/auth/sign-in', { email: victim.user!.email, password: victim.user!.password }, { headers: { cookie: `lectern-device=${device}` } })
    expect(borrowed.status).toBe(429)
  })

  it('reads a cookie seen before as the same user, and a changed copy of it as no one', async () => {
    const owner = await signedUp()
    const sealed = owner.sessionCookies().find(c => c.name === 'lectern-session')!.value
    const me = (value: string) => new ApiClient().request<{ user: { id: string } }>('GET', '/api/auth/me', undefined, { headers: { cookie: `lectern-session=${value}` } })
    for (let i = 0; i < 3; i++) expect(await me(sealed)).toMatchObject({ status: 200, body: { data: { user: { id: owner.user!.id } } } })
    // One character of the encrypted part changed: the seal no longer verifies.
    const parts = sealed.split('*')
    parts[4] = (parts[4]![0] === 'A' ? 'B' : 'A') + parts[4]!.slice(1)
    expect((await me(parts.join('*'))).status).toBe(401)
    expect((await me(sealed)).status).toBe(200)
  })

  it('treats a tampered session cookie as signed out, not as an error', async () => {
    const result = await new ApiClient().request('GET', '/api/auth/me', undefined, { headers: { cookie: 'lectern-session=Fe26.2**garbage' } })
    expect(result.status).toBe(401)
  })
})

describe('sign in with the form of the page sent without JavaScript', () => {
  const post = (fields: Record<string, string>, headers: Record<string, string> = {}) => fetch(`${new ApiClient().baseURL}/api/auth/sign-in`, {
    method: 'POST',
    redirect: 'manual',
    headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers },
    body: new URLSearchParams(fields).toString(),
  })
  const sessionOf = (response: Response) => response.headers.getSetCookie().find(cookie => cookie.startsWith('lectern-session=') && !/max-age=0/i.test(cookie))?.split(';')[0]

  it('signs in and goes to the page asked for, else home, and never to another site', async () => {
    const owner = (await signedUp()).user!
    const asked = await post({ email: owner.email, password: owner.password, next: '/courses?q=ink' })
    expect(asked.status).toBe(303)
    expect(asked.headers.get('location')).toBe('/courses?q=ink')
    const me = await fetch(`${new ApiClient().baseURL}/api/auth/me`, { headers: { cookie: sessionOf(asked)! } })
    expect(await me.json()).toMatchObject({ success: true, data: { user: { id: owner.id } } })
    for (const next of ['//evil.example/', '/\\evil.example', 'https://evil.example/'])
      expect((await post({ email: owner.email, password: owner.password, next })).headers.get('location'), next).toBe('/studio')
    expect((await post({ email: owner.email, password: owner.password })).headers.get('location')).toBe('/studio')
  })

  it('sends a refusal back to the form as a code, with the email and the page asked for, and signs no one in', async () => {
    const owner = (await signedUp({ role: 'STUDENT' })).user!
    const wrong = await post({ email: owner.email, password: 'not-the-password', next: '/learn' })
    expect(wrong.status).toBe(303)
    const back = new URL(wrong.headers.get('location')!, 'http://x')
    expect([back.pathname, Object.fromEntries(back.searchParams)]).toEqual(['/sign-in', { error: 'UNAUTHENTICATED', email: owner.email, next: '/learn' }])
    expect(sessionOf(wrong)).toBeUndefined()
    const empty = new URL((await post({ email: '', password: '' })).headers.get('location')!, 'http://x')
    expect(empty.searchParams.get('error')).toBe('VALIDATION')
  })

  it('refuses the form posted from another site\'s page, signing no one in', async () => {
    const owner = (await signedUp()).user!
    const forged = await post({ email: owner.email, password: owner.password }, { 'origin': 'https://evil.example', 'sec-fetch-site': 'cross-site' })
    expect(forged.status).toBe(403)
    expect(sessionOf(forged)).toBeUndefined()
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

  it('shows the demo instructor a student\'s access request for a priced course they are not in', async () => {
    const instructor = new ApiClient()
    data(await instructor.post('/api/auth/sign-in', { email: DEMO_ACCOUNTS[0].email, password: DEMO_PASSWORD }))
    const [conversation] = data(await instructor.get<{ id: string }[]>('/api/conversations'))
    const page = data(await instructor.get<{ messages: { payload: Record<string, unknown>, courseId: string | null }[] }>(`/api/conversations/${conversation!.id}/messages`))
    const request = page.messages.find(m => m.payload.event === 'access-requested')
    expect(request?.payload).toMatchObject({ courseTitle: 'Testing JavaScript Applications', studentName: DEMO_ACCOUNTS[1].name, studentEmail: DEMO_ACCOUNTS[1].email })
    expect(data(await instructor.get<StudentRow[]>(`/api/courses/${request!.courseId}/students`))).toEqual([])
  })

  it('gives the demo student captions on every lesson of their courses, in two languages on one', async () => {
    const student = new ApiClient()
    data(await student.post('/api/auth/sign-in', { email: DEMO_ACCOUNTS[1].email, password: DEMO_PASSWORD }))
    const course = data(await student.get<LearnCourse>('/api/learn/data-visualisation-with-d3'))
    const lessons = course.chapters.flatMap(c => c.lessons)
    expect(lessons.every(l => l.captions[0]?.language === 'en' && l.captions[0].isDefault)).toBe(true)
    expect(lessons.find(l => l.title === 'Why charts work')!.captions.map(c => c.label)).toEqual(['English', 'Español'])
  })
})
