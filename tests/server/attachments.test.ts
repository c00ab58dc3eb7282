import { afterEach, beforeAll, describe, expect, inject, it } from 'vitest'
import { conversationChannel } from '../../shared/realtime/channels'
import type { MessagePage, PendingAttachment } from '../../shared/types/conversation'
import type { ConversationInsights } from '../../shared/types/insights'
import { ApiClient, data, signedUp } from '../support/api-client'
import { describeWithDatabase } from '../support/database'
import { TestSocket } from '../support/socket-client'
import { conversationPair, linkedObserver, observerAccount, sendMessage } from '../support/conversation-fixtures'
import { pngBytes, samplePdf, uploadAttachment } from '../support/attachment-fixtures'
import { createUpload, patchChunk } from '../support/tus-client'
import { describeEachStore } from '../support/stores-under-test'
import { refreshInsights } from '../support/insights'

const sockets: TestSocket[] = []
afterEach(() => {
  for (const socket of sockets.splice(0)) socket.close()
})

const unsent = async (client: ApiClient, conversationId: string) => data(await client.get<PendingAttachment[]>(`/api/conversations/${conversationId}/attachments`))
const newest = async (client: ApiClient, conversationId: string) => data(await client.get<MessagePage>(`/api/conversations/${conversationId}/messages`)).messages
/** The file's bytes (a protocol answer, not our JSON envelope), with the client's session. */
const rawGet = (client: ApiClient, path: string, headers: Record<string, string> = {}) =>
  fetch(`${client.baseURL}${path}`, { headers: { cookie: client.sessionCookies().map(c => `${c.name}=${c.value}`).join('; '), ...headers } })
const content = (client: ApiClient, attachmentId: string, headers: Record<string, string> = {}) => rawGet(client, `/api/attachments/${attachmentId}/content`, headers)
const keyOf = (uploadUrl: string) => uploadUrl.split('/').pop()!
const png = () => ({ name: 'whiteboard.png', type: 'image/png', bytes: pngBytes('64x48') })

async function readyAttachment(client: ApiClient, conversationId: string, attachmentId: string) {
  await expect.poll(async () => (await unsent(client, conversationId)).find(a => a.id === attachmentId)?.status, { timeout: 30_000 }).toBe('READY')
  return (await unsent(client, conversationId)).find(a => a.id === attachmentId)!
}

describeEachStore((store) => {
  describe('attachments', () => {
    let pair: Awaited<ReturnType<typeof conversationPair>>
    beforeAll(async () => {
      pair = await conversationPair()
    })

    it('uploads an image through the resumable pipeline with live progress to the uploader only, then reads its size and makes a thumbnail', async () => {
      const { student, instructor, conversationId } = pair
      const [mine, theirs] = await Promise.all([TestSocket.open(student.baseURL, student), TestSocket.open(instructor.baseURL, instructor)])
      sockets.push(mine, theirs)
      for (const socket of [mine, theirs]) expect(await socket.subscribe(conversationChannel(conversationId))).toMatchObject({ op: 'subscribed' })

      const file = png()
      const created = await createUpload(student, { size: file.bytes.length, metadata: { filename: file.name, filetype: file.type, target: 'attachment', conversationId } })
      expect(created.status, created.body).toBe(201)
      const attachmentId = created.attachmentId!
      expect(attachmentId).toBeTruthy()
      // The composer's list has it at once, still uploading; nobody else's does.
      expect(await unsent(student, conversationId)).toMatchObject([{ id: attachmentId, name: 'whiteboard.png', status: 'UPLOADING', receivedBytes: 0, sizeBytes: file.bytes.length }])
      expect(await unsent(instructor, conversationId)).toEqual([])

      const half = Math.floor(file.bytes.length / 2)
      expect((await patchChunk(student, created.url!, 0, file.bytes.subarray(0, half))).status).toBe(204)
      await mine.next(m => m.op === 'event' && m.event.type === 'attachment-progress' && m.event.attachmentId === attachmentId && m.event.data.bytes === half)
      expect((await patchChunk(student, created.url!, half, file.bytes.subarray(half))).status).toBe(204)

      const ready = await readyAttachment(student, conversationId, attachmentId)
      expect(ready).toMatchObject({ width: 64, height: 48, hasThumbnail: true, receivedBytes: file.bytes.length })
      await mine.next(m => m.op === 'event' && m.event.type === 'attachment-updated' && m.event.attachment.id === attachmentId && m.event.attachment.status === 'READY')
      // The other participant never hears of a file that is not sent yet.
      expect(theirs.messages.some(m => m.op === 'event' && (m.event.type === 'attachment-progress' || m.event.type === 'attachment-updated'))).toBe(false)
      const thumbnail = await rawGet(student, `/api/attachments/${attachmentId}/thumbnail`)
      expect(thumbnail.status).toBe(200)
      expect(thumbnail.headers.get('content-type')).toBe('image/jpeg')
      // The worker's thumbnail is an object in the store, and that is what is served.
      const stored = (await store().bytes(`${keyOf(created.url!)}.jpg`))!
      expect(stored.subarray(0, 2)).toEqual(Buffer.from([0xFF, 0xD8]))
      expect(Buffer.from(await thumbnail.arrayBuffer())).toEqual(stored)
      expect(await store().bytes(keyOf(created.url!))).toEqual(file.bytes)
    })

    it('refuses uploads from outsiders, of the wrong type or size, and content that is not what it claims', async () => {
      const { student, conversationId } = pair
      const file = png()
      const meta = { filename: file.name, filetype: file.type, target: 'attachment', conversationId }
      const cases: [ApiClient, Record<string, string>, number, number?][] = [
        [new ApiClient(), meta, 401],
        [await signedUp({ role: 'STUDENT' }), meta, 404],
        [await signedUp(), meta, 404],
        [student, { ...meta, conversationId: 'nope' }, 404],
        [student, { ...meta, conversationId: '' }, 400],
        [student, { ...meta, filename: 'setup.exe', filetype: 'application/x-msdownload' }, 415],
        [student, meta, 413, 101 * 1024 ** 2],
      ]
      const before = await unsent(student, conversationId)
      for (const [client, metadata, status, size] of cases) {
        const created = await createUpload(client, { size: size ?? file.bytes.length, metadata })
        expect(created.status, `${JSON.stringify(metadata)}: ${created.body}`).toBe(status)
        expect(JSON.parse(created.body)).toMatchObject({ success: false, error: { message: expect.any(String) } })
      }
      // A text file named like an image is refused on its first bytes, and leaves nothing behind.
      const fake = Buffer.from('just some text pretending to be a picture, long enough for a signature')
      const created = await createUpload(student, { size: fake.length, metadata: { ...meta, filename: 'fake.png' } })
      expect(created.status).toBe(201)
      const refused = await patchChunk(student, created.url!, 0, fake)
      expect(refused.status).toBe(415)
      expect(await unsent(student, conversationId)).toEqual(before)
    })

    it('sends files with a message once: metadata in the message, the composer emptied, a retry answered with the same message', async () => {
      const { student, instructor, conversationId } = pair
      const image = await uploadAttachment(student, conversationId, png())
      const pdf = await uploadAttachment(student, conversationId, { name: 'Week 3 notes.pdf', type: 'application/pdf', bytes: samplePdf() })
      await readyAttachment(student, conversationId, image.attachmentId)
      await readyAttachment(student, conversationId, pdf.attachmentId)
      const theirs = await TestSocket.open(instructor.baseURL, instructor)
      sockets.push(theirs)
      await theirs.subscribe(conversationChannel(conversationId))

      const clientKey = `k-files-${Date.now()}`
      const body = { type: 'DAILY_NOTE' as const, body: '', attachmentIds: [image.attachmentId, pdf.attachmentId], clientKey }
      const sent = await sendMessage(student, conversationId, body)
      expect(sent.status, JSON.stringify(sent.body)).toBe(201)
      const message = data(sent)
      expect(message.attachments).toMatchObject([
        { id: image.attachmentId, name: 'whiteboard.png', mimeType: 'image/png', width: 64, height: 48, hasThumbnail: true, status: 'READY' },
        { id: pdf.attachmentId, name: 'Week 3 notes.pdf', mimeType: 'application/pdf', hasThumbnail: false, status: 'READY' },
      ])
      expect((await unsent(student, conversationId)).map(a => a.id)).not.toEqual(expect.arrayContaining([image.attachmentId]))
      expect((await unsent(student, conversationId)).map(a => a.id)).not.toContain(pdf.attachmentId)
      // Live to the other participant with the metadata: no refetch needed.
      const event = await theirs.next(m => m.op === 'event' && m.event.type === 'message-created' && m.event.message.id === message.id)
      expect(event.op === 'event' && event.event.type === 'message-created' && event.event.message.attachments.map(a => a.name)).toEqual(['whiteboard.png', 'Week 3 notes.pdf'])

      const again = await sendMessage(student, conversationId, body)
      expect(again.status).toBe(200)
      expect(data(again).id).toBe(message.id)
      // The same files in another message: refused, nothing stored.
      expect((await sendMessage(student, conversationId, { ...body, clientKey: `k-other-${Date.now()}` })).status).toBe(409)
      // Someone else's file, and a file still uploading: refused.
      const instructorFile = await uploadAttachment(instructor, conversationId, png())
      expect((await sendMessage(student, conversationId, { type: 'DAILY_NOTE', body: 'x', attachmentIds: [instructorFile.attachmentId] })).status).toBe(400)
      const partial = await createUpload(student, { size: 1000, metadata: { filename: 'big.pdf', filetype: 'application/pdf', target: 'attachment', conversationId } })
      expect((await sendMessage(student, conversationId, { type: 'DAILY_NOTE', body: 'x', attachmentIds: [partial.attachmentId!] })).status).toBe(409)
      expect((await sendMessage(student, conversationId, { type: 'DAILY_NOTE', body: '', attachmentIds: [] })).status).toBe(400)

      // The page carries the metadata, still in one SQL statement.
      const page = await newest(instructor, conversationId)
      expect(page.find(m => m.id === message.id)?.attachments).toHaveLength(2)
      const counted = await instructor.request('GET', `/api/conversations/${conversationId}/messages`, undefined, { headers: { 'x-lectern-count-queries': '1', 'authorization': `Bearer ${inject('internalToken')}` } })
      expect(Number(counted.headers.get('x-lectern-query-count'))).toBe(1)
    })

    it('lets only the pair open a private file, in full or by range; an unsent file only its uploader; removing an unsent file deletes it', async () => {
      const { student, instructor, conversationId } = pair
      const file = png()
      const sentFile = await uploadAttachment(student, conversationId, file)
      await readyAttachment(student, conversationId, sentFile.attachmentId)
      expect((await sendMessage(student, conversationId, { type: 'DAILY_NOTE', body: 'Look', attachmentIds: [sentFile.attachmentId] })).status).toBe(201)

      for (const reader of [student, instructor]) {
        const whole = await content(reader, sentFile.attachmentId)
        expect(whole.status).toBe(200)
        expect(whole.headers.get('content-type')).toBe('image/png')
        expect(whole.headers.get('content-disposition')).toContain('inline')
        expect(whole.headers.get('x-content-type-options')).toBe('nosniff')
        expect(Buffer.from(await whole.arrayBuffer())).toEqual(file.bytes)
      }
      const range = await content(instructor, sentFile.attachmentId, { range: 'bytes=0-7' })
      expect(range.status).toBe(206)
      expect(range.headers.get('content-range')).toBe(`bytes 0-7/${file.bytes.length}`)
      for (const outsider of [await signedUp({ role: 'STUDENT' }), await signedUp()]) {
        expect((await content(outsider, sentFile.attachmentId)).status).toBe(404)
        expect((await rawGet(outsider, `/api/attachments/${sentFile.attachmentId}/thumbnail`)).status).toBe(404)
      }
      expect((await content(new ApiClient(), sentFile.attachmentId)).status).toBe(401)

      const draft = await uploadAttachment(student, conversationId, { name: 'draft.pdf', type: 'application/pdf', bytes: samplePdf() })
      expect((await content(instructor, draft.attachmentId)).status).toBe(404)
      expect((await instructor.delete(`/api/attachments/${draft.attachmentId}`)).status).toBe(404)
      expect((await student.delete(`/api/attachments/${sentFile.attachmentId}`)).status).toBe(409)
      expect(await store().bytes(keyOf(draft.url))).not.toBeNull()
      expect((await student.delete(`/api/attachments/${draft.attachmentId}`)).status).toBe(200)
      expect(await store().owned(keyOf(draft.url))).toEqual([])
      expect((await unsent(student, conversationId)).map(a => a.id)).not.toContain(draft.attachmentId)
      expect((await content(student, draft.attachmentId)).status).toBe(404)
      expect((await student.delete(`/api/attachments/${draft.attachmentId}`)).status).toBe(404)
    })

    it('sends a document to download, never to run, whatever type it was declared as', async () => {
      const { instructor, conversationId } = pair
      const doc = await uploadAttachment(instructor, conversationId, { name: 'Rubric.docx', type: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', bytes: Buffer.from('PK\u0003\u0004 pretend docx') })
      await readyAttachment(instructor, conversationId, doc.attachmentId)
      const message = data(await sendMessage(instructor, conversationId, { type: 'INSTRUCTOR_RESPONSE', body: 'The rubric', attachmentIds: [doc.attachmentId] }))
      expect(message.attachments[0]).toMatchObject({ name: 'Rubric.docx', hasThumbnail: false, width: null })
      const download = await content(instructor, doc.attachmentId)
      expect(download.headers.get('content-type')).toBe('application/octet-stream')
      expect(download.headers.get('content-disposition')).toBe('attachment; filename="Rubric.docx"; filename*=UTF-8\'\'Rubric.docx')
    })

    it('refers to an earlier file: the reference comes with the message; a shared message may not point at a private file', async () => {
      const { student, instructor, conversationId } = pair
      const file = await uploadAttachment(student, conversationId, png())
      await readyAttachment(student, conversationId, file.attachmentId)
      const original = data(await sendMessage(student, conversationId, { type: 'DAILY_NOTE', body: 'My sketch', attachmentIds: [file.attachmentId] }))
      const reply = await sendMessage(instructor, conversationId, { type: 'INSTRUCTOR_RESPONSE', body: 'Nice sketch', referenceAttachmentId: file.attachmentId })
      expect(reply.status, JSON.stringify(reply.body)).toBe(201)
      expect(data(reply).reference).toMatchObject({ messageId: original.id, attachment: { id: file.attachmentId, name: 'whiteboard.png' } })
      expect((await newest(student, conversationId)).find(m => m.id === data(reply).id)?.reference).toMatchObject({ messageId: original.id, attachment: { id: file.attachmentId } })
      const shared = await sendMessage(instructor, conversationId, { type: 'INSTRUCTOR_RESPONSE', body: 'For your parents', access: 'OBSERVERS', referenceAttachmentId: file.attachmentId })
      expect(shared.status).toBe(400)
      const elsewhere = await conversationPair({ studentName: 'Other Student' })
      expect((await sendMessage(elsewhere.instructor, elsewhere.conversationId, { type: 'INSTRUCTOR_RESPONSE', body: 'x', referenceAttachmentId: file.attachmentId })).status).toBe(400)
    })
  })

  describeWithDatabase('attachments and observers', () => {
    it('shows an observer the files of shared messages only, and counts files in the instructor\'s insights', async () => {
      const pair = await conversationPair()
      const { student, instructor, conversationId } = pair
      const observer = await linkedObserver(pair)
      const socket = await TestSocket.open(observer.baseURL, observer)
      sockets.push(socket)
      expect(await socket.subscribe(conversationChannel(conversationId))).toMatchObject({ op: 'subscribed' })

      const privateFile = await uploadAttachment(student, conversationId, png())
      await readyAttachment(student, conversationId, privateFile.attachmentId)
      const privateMessage = data(await sendMessage(student, conversationId, { type: 'DAILY_NOTE', body: 'Just for you', attachmentIds: [privateFile.attachmentId] }))
      const sharedFile = await uploadAttachment(instructor, conversationId, { name: 'Certificate.pdf', type: 'application/pdf', bytes: samplePdf() })
      await readyAttachment(instructor, conversationId, sharedFile.attachmentId)
      const shared = data(await sendMessage(instructor, conversationId, { type: 'MILESTONE', body: 'Certified!', access: 'OBSERVERS', attachmentIds: [sharedFile.attachmentId] }))
      const pointer = data(await sendMessage(instructor, conversationId, { type: 'INSTRUCTOR_RESPONSE', body: 'See the certificate', access: 'OBSERVERS', referenceAttachmentId: sharedFile.attachmentId }))

      const seen = await newest(observer, conversationId)
      expect(seen.map(m => m.id)).not.toContain(privateMessage.id)
      expect(seen.find(m => m.id === shared.id)?.attachments).toMatchObject([{ id: sharedFile.attachmentId, name: 'Certificate.pdf' }])
      expect(seen.find(m => m.id === pointer.id)?.reference).toMatchObject({ attachment: { id: sharedFile.attachmentId } })
      expect((await content(observer, sharedFile.attachmentId)).status).toBe(200)
      expect((await content(observer, privateFile.attachmentId)).status).toBe(404)
      // An observer of no one reads none of it.
      const stranger = await observerAccount()
      expect((await content(stranger, sharedFile.attachmentId)).status).toBe(404)
      expect((await rawGet(stranger, `/api/attachments/${sharedFile.attachmentId}/thumbnail`)).status).toBe(404)
      // Observers read; they never upload into the conversation (refused for the role, before any lookup).
      const upload = await createUpload(observer, { size: 10, metadata: { filename: 'a.pdf', filetype: 'application/pdf', target: 'attachment', conversationId } })
      expect(upload.status).toBe(403)
      await socket.next(m => m.op === 'event' && m.event.type === 'message-created' && m.event.message.id === pointer.id)
      expect(socket.messages.some(m => m.op === 'event' && m.event.type === 'message-created' && m.event.message.id === privateMessage.id)).toBe(false)
      expect(socket.messages.some(m => m.op === 'event' && m.event.type.startsWith('attachment-'))).toBe(false)

      await refreshInsights()
      const insights = data(await instructor.get<ConversationInsights>('/api/insights/conversations'))
      expect(insights.students.find(s => s.conversationId === conversationId)?.totals.attachments).toBe(2)
      expect(insights.overall.reduce((sum, week) => sum + week.attachments, 0)).toBe(2)
    })
  })
})
