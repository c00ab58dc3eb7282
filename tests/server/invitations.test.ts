// Observers by invitation: an instructor links an email with no account, Lectern mails an
// invitation (through the test run's real SMTP server), the invited person sets a name and
// password through the link and becomes an observer of that pair, reading shared messages only.
import { randomBytes } from 'node:crypto'
import { expect, it } from 'vitest'
import type { MessagePage } from '../../shared/types/conversation'
import type { AcceptedInvitation, InvitationPreview, InvitationRow, StudentObservers } from '../../shared/types/observer'
import { ApiClient, data, signedUp } from '../support/api-client'
import { conversationPair, sendMessage } from '../support/conversation-fixtures'
import { describeWithDatabase, testDb } from '../support/database'
import { mailsTo, tokenIn, waitForMail } from '../support/mailbox'

const PAGE = '/invitation'
const newEmail = () => `parent-${randomBytes(4).toString('hex')}@example.test`
const invite = (instructor: ApiClient, studentId: string, email: string) => instructor.post<InvitationRow>(`/api/students/${studentId}/observers`, { email })
const invitationsOf = (studentId: string) => `/api/students/${studentId}/invitations`
const accept = (client: ApiClient, token: string, name = 'Pat Parent', password = 'parent-password') =>
  client.post<AcceptedInvitation>('/api/invitations/accept', { token, name, password })

describeWithDatabase('observer invitations', () => {
  it('invites an email with no account, mails the link, and the accepted invitation makes a signed-in observer of the pair who reads shared messages only', async () => {
    const { instructor, student, conversationId } = await conversationPair({ instructorName: 'Ines Instructor', studentName: 'Sami Student' })
    const studentId = student.user!.id
    data(await sendMessage(instructor, conversationId, { type: 'INSTRUCTOR_RESPONSE', body: 'shared with observers', access: 'OBSERVERS' }))
    data(await sendMessage(instructor, conversationId, { type: 'INSTRUCTOR_RESPONSE', body: 'between us two' }))
    const email = newEmail()

    const invited = await invite(instructor, studentId, email.toUpperCase())
    expect(invited.status).toBe(202)
    const row = data(invited)
    expect(row).toMatchObject({ email, expired: false })
    expect(data(await instructor.get<InvitationRow[]>(invitationsOf(studentId)))).toEqual([row])
    expect(data(await instructor.get<StudentObservers>(`/api/students/${studentId}/observers`)).observers).toEqual([])

    const mail = await waitForMail(email)
    expect(mail.subject).toBe('Ines Instructor invited you to Lectern')
    expect(mail.text).toContain('Sami Student')
    const token = tokenIn(mail, PAGE)
    expect(data(await new ApiClient().post<InvitationPreview>('/api/invitations/check', { token }))).toMatchObject({ email, instructorName: 'Ines Instructor', studentName: 'Sami Student' })

    const parent = new ApiClient()
    const accepted = await accept(parent, token)
    expect(accepted.status).toBe(201)
    expect(data(accepted)).toMatchObject({ user: { email, name: 'Pat Parent', role: 'OBSERVER' }, conversationId })
    expect(data(await parent.get<{ user: { email: string } }>('/api/auth/me')).user.email).toBe(email)
    const page = data(await parent.get<MessagePage>(`/api/conversations/${conversationId}/messages?limit=100`))
    const bodies = page.messages.map(m => m.body)
    expect(bodies).toContain('shared with observers')
    expect(bodies).not.toContain('between us two')

    // The invitation is used up: the panel lists the observer, no longer the invitation.
    expect(data(await instructor.get<InvitationRow[]>(invitationsOf(studentId)))).toEqual([])
    expect(data(await instructor.get<StudentObservers>(`/api/students/${studentId}/observers`)).observers).toMatchObject([{ email, name: 'Pat Parent' }])
    expect((await new ApiClient().post('/api/auth/sign-in', { email, password: 'parent-password' })).status).toBe(200)

    // Used once: the link opens nothing more.
    const again = await accept(new ApiClient(), token, 'Someone Else', 'other-password')
    expect(again.status).toBe(422)
    expect(again.body).toMatchObject({ success: false, error: { details: { reason: 'used' } } })
    expect(await testDb().user.count({ where: { email } })).toBe(1)
  })

  it('refuses an expired link, and a resend replaces the link with one that works', async () => {
    const { instructor, student } = await conversationPair()
    const email = newEmail()
    const row = data(await invite(instructor, student.user!.id, email))
    const first = tokenIn(await waitForMail(email), PAGE)
    await testDb().observerInvitation.update({ where: { id: row.id }, data: { expiresAt: new Date(Date.now() - 1000) } })
    expect(data(await instructor.get<InvitationRow[]>(invitationsOf(student.user!.id)))).toMatchObject([{ id: row.id, expired: true }])

    const expired = await accept(new ApiClient(), first)
    expect(expired.status).toBe(422)
    expect(expired.body).toMatchObject({ success: false, error: { details: { reason: 'expired' } } })
    expect(await testDb().user.count({ where: { email } })).toBe(0)

    const resent = await instructor.post<InvitationRow>(`${invitationsOf(student.user!.id)}/${row.id}/resend`)
    expect(data(resent)).toMatchObject({ id: row.id, expired: false })
    const second = tokenIn(await waitForMail(email, { count: 2 }), PAGE)
    expect((await accept(new ApiClient(), first)).status).toBe(404)
    expect((await accept(new ApiClient(), second)).status).toBe(201)
  })

  it('keeps invitations to their instructor: another instructor can neither see, cancel nor resend them; the owner cancels and the link dies', async () => {
    const { instructor, student } = await conversationPair()
    const studentId = student.user!.id
    const email = newEmail()
    const row = data(await invite(instructor, studentId, email))
    const token = tokenIn(await waitForMail(email), PAGE)
    const other = await signedUp()
    const callers: [string, ApiClient, number][] = [['another instructor', other, 404], ['the student', student, 403], ['anonymous', new ApiClient(), 401]]
    for (const [who, client, status] of callers) {
      expect((await client.get(invitationsOf(studentId))).status, `${who} lists`).toBe(status)
      expect((await client.delete(`${invitationsOf(studentId)}/${row.id}`)).status, `${who} cancels`).toBe(status)
      expect((await client.post(`${invitationsOf(studentId)}/${row.id}/resend`)).status, `${who} resends`).toBe(status)
    }
    // Another instructor's own student in the address does not reach it either.
    const theirs = await conversationPair()
    expect((await theirs.instructor.delete(`${invitationsOf(theirs.student.user!.id)}/${row.id}`)).status).toBe(404)
    expect(await testDb().observerInvitation.count({ where: { id: row.id } })).toBe(1)
    expect(mailsTo(email)).toHaveLength(1)

    expect(data(await instructor.delete(`${invitationsOf(studentId)}/${row.id}`))).toEqual({ cancelled: true })
    expect(data(await instructor.get<InvitationRow[]>(invitationsOf(studentId)))).toEqual([])
    expect((await accept(new ApiClient(), token)).status).toBe(404)
    expect((await instructor.delete(`${invitationsOf(studentId)}/${row.id}`)).status).toBe(404)
  })

  it('refuses to accept for an email that meanwhile got a student account, and links existing observer accounts directly', async () => {
    const { instructor, student } = await conversationPair()
    const studentId = student.user!.id
    const email = newEmail()
    data(await invite(instructor, studentId, email))
    const token = tokenIn(await waitForMail(email), PAGE)
    await signedUp({ email, role: 'STUDENT' })

    expect((await new ApiClient().post('/api/invitations/check', { token })).status).toBe(409)
    const refused = await accept(new ApiClient(), token)
    expect(refused.status).toBe(409)
    expect(refused.body).toMatchObject({ success: false, error: { details: { reason: 'account-exists' } } })
    expect(await testDb().observerLink.count({ where: { studentId } })).toBe(0)

    // That email now belongs to a student: linking it is refused, and no invitation is sent.
    const asStudent = await invite(instructor, studentId, email)
    expect(asStudent.status).toBe(422)
    expect(mailsTo(email)).toHaveLength(1)
  })

  it('refuses bad input with 400', async () => {
    const { instructor, student } = await conversationPair()
    const email = newEmail()
    data(await invite(instructor, student.user!.id, email))
    const token = tokenIn(await waitForMail(email), PAGE)
    const bad: [string, unknown][] = [
      ['/api/invitations/check', { token: 'short' }],
      ['/api/invitations/accept', { token, name: '', password: 'parent-password' }],
      ['/api/invitations/accept', { token, name: 'Pat\u202EParent', password: 'parent-password' }],
      ['/api/invitations/accept', { token, name: 'Pat Parent', password: 'short' }],
      ['/api/invitations/accept', { name: 'Pat Parent', password: 'parent-password' }],
    ]
    for (const [path, body] of bad) expect((await new ApiClient().post(path, body)).status, JSON.stringify(body)).toBe(400)
    expect((await instructor.post(`/api/students/${student.user!.id}/observers`, { email: 'nope' })).status).toBe(400)
    expect(await testDb().user.count({ where: { email } })).toBe(0)
  })
})
