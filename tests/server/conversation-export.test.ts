// Downloading a conversation as an archive (GET /api/conversations/:id/export): the zip a
// participant gets holds the transcripts in stream order, the machine-readable messages and the
// files byte for byte, under safe names; an observer's holds only what is shared with them; anyone
// else is refused with the envelope. Against each object store: the files stream from disk and S3.
import { describe, expect, it } from 'vitest'
import type { ChatMessage, MessagePage, PendingAttachment } from '../../shared/types/conversation'
import type { ConversationArchive } from '../../shared/types/conversation-archive'
import { ApiClient, data, signedUp } from '../support/api-client'
import { describeWithDatabase } from '../support/database'
import { conversationPair, linkedObserver, observerAccount, sendMessage } from '../support/conversation-fixtures'
import { pngBytes, samplePdf, uploadAttachment } from '../support/attachment-fixtures'
import { describeEachStore } from '../support/stores-under-test'
import { readZip } from '../support/zip-reader'
import type { ZipEntry } from '../support/zip-reader'

const exportOf = (client: ApiClient, conversationId: string, query = '') => {
  const cookie = client.sessionCookies().map(c => `${c.name}=${c.value}`).join('; ')
  return fetch(`${client.baseURL}/api/conversations/${conversationId}/export${query}`, { headers: cookie ? { cookie } : {} })
}

async function archiveOf(client: ApiClient, conversationId: string, query = '') {
  const response = await exportOf(client, conversationId, query)
  expect(response.status, response.status === 200 ? '' : await response.text()).toBe(200)
  const entries = readZip(Buffer.from(await response.arrayBuffer()))
  const entry = (name: string) => entries.find(e => e.name === name)
  const text = (name: string) => entry(name)!.data.toString('utf8')
  return { response, entries, entry, html: text('transcript.html'), txt: text('transcript.txt'), json: JSON.parse(text('messages.json')) as ConversationArchive }
}

async function readyAttachment(client: ApiClient, conversationId: string, attachmentId: string) {
  const find = async () => data(await client.get<PendingAttachment[]>(`/api/conversations/${conversationId}/attachments`)).find(a => a.id === attachmentId)
  await expect.poll(async () => (await find())?.status, { timeout: 30_000 }).toBe('READY')
}

const stream = async (client: ApiClient, conversationId: string) =>
  data(await client.get<MessagePage>(`/api/conversations/${conversationId}/messages?limit=100`)).messages

/** Each text appears, in this order. */
function expectInOrder(haystack: string, needles: string[]) {
  const positions = needles.map(needle => haystack.indexOf(needle))
  expect(positions.every(p => p >= 0), `missing one of ${JSON.stringify(needles)}`).toBe(true)
  expect([...positions].sort((a, b) => a - b)).toEqual(positions)
}

const names = (entries: ZipEntry[]) => entries.map(e => e.name).sort()

describeEachStore(() => {
  describe('conversation export', () => {
    it('gives a participant the whole conversation: transcripts in stream order, messages.json, and the files byte for byte under safe names', async () => {
      const { student, instructor, conversationId } = await conversationPair({ instructorName: 'Iris Instructor' })
      const image = { name: 'whiteboard.png', type: 'image/png', bytes: pngBytes('64x48') }
      const hostile = { name: '../../etc/pass\u0001wd\n\u202Efdp.exe.pdf', type: 'application/pdf', bytes: samplePdf() }
      const [png, pdf] = [await uploadAttachment(student, conversationId, image), await uploadAttachment(student, conversationId, hostile)]
      await readyAttachment(student, conversationId, png.attachmentId)
      await readyAttachment(student, conversationId, pdf.attachmentId)
      const first = data(await sendMessage(student, conversationId, { type: 'DAILY_NOTE', body: 'First note\nsecond line', attachmentIds: [png.attachmentId, pdf.attachmentId] }))
      const reply = data(await sendMessage(instructor, conversationId, { type: 'INSTRUCTOR_RESPONSE', body: 'Second: nice sketch', referenceAttachmentId: png.attachmentId }))
      const third = data(await sendMessage(student, conversationId, { type: 'DAILY_NOTE', body: 'Third <script>alert(1)</script> & <b>more</b>' }))
      const shown = await stream(student, conversationId)
      expect(shown[0]!.type).toBe('ACTIVITY_LOG') // the enrolment that opened the conversation

      const { response, entries, entry, html, txt, json } = await archiveOf(student, conversationId, '?tz=Europe%2FParis')
      expect(response.headers.get('content-type')).toBe('application/zip')
      expect(response.headers.get('content-disposition')).toMatch(/^attachment; filename="conversation-iris-instructor-\d{4}-\d{2}-\d{2}\.zip"$/)
      expect(response.headers.get('cache-control')).toBe('private, no-store')

      // The files: one entry each, under files/<id>-<safe name>, the uploaded bytes exactly.
      const pngPath = `files/${png.attachmentId}-whiteboard.png`
      const pdfPath = entries.find(e => e.name.startsWith(`files/${pdf.attachmentId}-`))!.name
      expect(names(entries)).toEqual(['messages.json', pngPath, pdfPath, 'transcript.html', 'transcript.txt'].sort())
      expect(pdfPath).toBe(`files/${pdf.attachmentId}-_.._etc_pass_wd__fdp.exe.pdf`)
      expect(pdfPath.split('/')).toHaveLength(2)
      expect([...pdfPath].every(c => c.charCodeAt(0) >= 32 && c !== '\u202E')).toBe(true)
      expect(entry(pngPath)!.data).toEqual(image.bytes)
      expect(entry(pdfPath)!.data).toEqual(hostile.bytes)

      // messages.json: the version, the pair, every message of the stream in its order.
      expect(json).toMatchObject({ format: 'lectern-conversation-archive', version: 1, exportedBy: { id: student.user!.id, readerRole: 'participant' } })
      expect(json.conversation).toMatchObject({ id: conversationId, student: { id: student.user!.id, role: 'STUDENT' }, instructor: { id: instructor.user!.id, role: 'INSTRUCTOR' } })
      expect(json.participants.map(p => p.id)).toEqual([student.user!.id, instructor.user!.id])
      expect(json.messages.map(m => m.id)).toEqual(shown.map(m => m.id))
      expect(json.messages.find(m => m.id === first.id)).toMatchObject({
        senderId: student.user!.id, body: 'First note\nsecond line', type: 'DAILY_NOTE', createdAt: first.createdAt,
        attachments: [{ id: png.attachmentId, name: 'whiteboard.png', path: pngPath, status: 'READY' }, { id: pdf.attachmentId, name: hostile.name, path: pdfPath }],
      })
      expect(json.messages.find(m => m.id === reply.id)!.reference).toEqual({ messageId: first.id, attachmentId: png.attachmentId, path: pngPath })
      expect(json.messages[0]).toMatchObject({ type: 'ACTIVITY_LOG', senderId: null, typeLabel: 'Activity' })

      // transcript.html: the messages in order, text escaped, files linked and the image inline by
      // relative path, nothing loaded from elsewhere.
      expectInOrder(html, [shown[0]!.body, 'First note\nsecond line', 'Second: nice sketch', 'Third &lt;script&gt;alert(1)&lt;/script&gt; &amp; &lt;b&gt;more&lt;/b&gt;'])
      expect(html).not.toContain('<script')
      expect(html).not.toContain('<b>more')
      expect(html).toContain(`<img src="${pngPath}"`)
      expect(html).toContain(`<a href="files/${encodeURIComponent(pdfPath.slice('files/'.length))}">`)
      expect(html).toContain(`<time datetime="${third.createdAt}">`)
      expect(html).toMatch(/Sol Student \(Student\)/)
      expect(html).toMatch(/Iris Instructor \(Instructor\)/)
      expect(html).toContain('Times are in Europe/Paris')
      expect(html).not.toMatch(/(src|href)="(https?:)?\/\//)
      expect(html).not.toMatch(/<link|@import|url\(/)

      // transcript.txt: the same order, ISO times, files by their archive path.
      expectInOrder(txt, [shown[0]!.body, 'First note', 'Second: nice sketch', 'Third <script>'])
      expect(txt).toContain(`[${first.createdAt} · `)
      expect(txt).toContain(pngPath)
      expect(txt).toContain('Refers to whiteboard.png')

      // The instructor's is the same conversation, named after the student.
      const theirs = await exportOf(instructor, conversationId)
      expect(theirs.headers.get('content-disposition')).toMatch(/filename="conversation-sol-student-/)
      expect(readZip(Buffer.from(await theirs.arrayBuffer())).map(e => e.name).sort()).toEqual(names(entries))
    })
  })
})

describeWithDatabase('conversation export: observers and everyone else', () => {
  it('gives a linked observer only what is shared or granted to them, with only those files', async () => {
    const pair = await conversationPair({ studentName: 'Sol Student', instructorName: 'Iris Instructor' })
    const { student, instructor, conversationId } = pair
    const observer = await linkedObserver(pair)
    const privateFile = await uploadAttachment(student, conversationId, { name: 'diary.png', type: 'image/png', bytes: pngBytes('64x48') })
    const sharedFile = await uploadAttachment(instructor, conversationId, { name: 'Certificate.pdf', type: 'application/pdf', bytes: samplePdf() })
    await readyAttachment(student, conversationId, privateFile.attachmentId)
    await readyAttachment(instructor, conversationId, sharedFile.attachmentId)
    const hidden = data(await sendMessage(student, conversationId, { type: 'DAILY_NOTE', body: 'Just for you', attachmentIds: [privateFile.attachmentId] }))
    const shared = data(await sendMessage(instructor, conversationId, { type: 'MILESTONE', body: 'Certified!', access: 'OBSERVERS', attachmentIds: [sharedFile.attachmentId] }))
    const granted = data(await sendMessage(instructor, conversationId, { type: 'INSTRUCTOR_RESPONSE', body: 'Granted to the parent' }))
    expect((await instructor.request('PUT', `/api/messages/${granted.id}/visibility`, { access: 'PARTICIPANTS', grantedTo: [observer.user!.id] })).status).toBe(200)
    const pointer = data(await sendMessage(instructor, conversationId, { type: 'INSTRUCTOR_RESPONSE', body: 'About your diary', referenceAttachmentId: privateFile.attachmentId }))
    expect((await instructor.request('PUT', `/api/messages/${pointer.id}/visibility`, { access: 'PARTICIPANTS', grantedTo: [observer.user!.id] })).status).toBe(200)

    const { response, entries, html, txt, json } = await archiveOf(observer, conversationId)
    expect(response.headers.get('content-disposition')).toMatch(/filename="conversation-sol-student-iris-instructor-\d{4}-\d{2}-\d{2}\.zip"/)
    const seen = (await stream(observer, conversationId)).map((m: ChatMessage) => m.id)
    expect(json.messages.map(m => m.id)).toEqual(seen)
    expect(seen).toEqual(expect.arrayContaining([shared.id, granted.id, pointer.id]))
    expect(seen).not.toContain(hidden.id)
    expect(json.exportedBy).toMatchObject({ id: observer.user!.id, role: 'OBSERVER', readerRole: 'observer' })
    expect(names(entries)).toEqual(['messages.json', `files/${sharedFile.attachmentId}-Certificate.pdf`, 'transcript.html', 'transcript.txt'].sort())
    // The granted message points at a file the observer may not open: said so, never linked.
    expect(json.messages.find(m => m.id === pointer.id)!.reference).toEqual({ messageId: null, attachmentId: null, path: null })
    for (const transcript of [html, txt]) {
      expect(transcript).toContain('Certified!')
      expect(transcript).toContain('Granted to the parent')
      expect(transcript).toContain('Refers to a file that is not shared with you')
      expect(transcript).not.toContain('Just for you')
      expect(transcript).not.toContain('diary.png')
      expect(transcript).not.toContain(privateFile.attachmentId)
    }
    expect(html).toContain('Only the messages shared with Opal Observer (observer) are included.')

    // The participants' archives hold the private message and file.
    const studentsArchive = await archiveOf(student, conversationId)
    expect(studentsArchive.json.messages.map(m => m.id)).toContain(hidden.id)
    expect(studentsArchive.entry(`files/${privateFile.attachmentId}-diary.png`)).toBeTruthy()
  })

  it('refuses everyone else with the envelope (signed out 401; a stranger student, another instructor, an unlinked observer 404), and a bad time zone 400', async () => {
    const pair = await conversationPair()
    await sendMessage(pair.student, pair.conversationId, { type: 'DAILY_NOTE', body: 'Private to us' })
    const callers: [string, ApiClient, number][] = [
      ['nobody', new ApiClient(), 401],
      ['a stranger student', await signedUp({ role: 'STUDENT' }), 404],
      ['another instructor', await signedUp({ role: 'INSTRUCTOR' }), 404],
      ['an unlinked observer', await observerAccount('Una Unlinked'), 404],
    ]
    for (const [who, caller, status] of callers) {
      const response = await exportOf(caller, pair.conversationId)
      expect(response.status, who).toBe(status)
      expect(response.headers.get('content-type'), who).toMatch(/^application\/json/)
      expect(response.headers.get('content-disposition'), who).toBeNull()
      const body = await response.json() as { success: boolean, error: { code: string } }
      expect(body, who).toMatchObject({ success: false, error: { code: status === 401 ? 'UNAUTHENTICATED' : 'NOT_FOUND' } })
      expect(JSON.stringify(body), who).not.toContain('Private to us')
    }
    // A conversation that does not exist answers the same as one of other people.
    expect((await exportOf(pair.student, 'no-such-conversation')).status).toBe(404)
    for (const tz of ['Not/AZone', '../etc', 'x'.repeat(65)]) {
      const response = await exportOf(pair.student, pair.conversationId, `?tz=${encodeURIComponent(tz)}`)
      expect(response.status, tz).toBe(400)
      expect(await response.json(), tz).toMatchObject({ success: false, error: { code: 'VALIDATION' } })
    }
  })
})
