import { randomBytes } from 'node:crypto'
import http from 'node:http'
import { afterEach, describe, expect, inject, it } from 'vitest'
import { courseChannel } from '../../shared/realtime/channels'
import type { ServerMessage } from '../../shared/realtime/protocol'
import type { Course } from '../../shared/types/course'
import type { Chapter } from '../../shared/types/outline'
import { ApiClient, data, signedUp } from '../support/api-client'
import { backdateUpload, describeWithDatabase, testDb } from '../support/database'
import { TestSocket } from '../support/socket-client'
import { createUpload, headOffset, patchChunk, sendAll, tusHeaders } from '../support/tus-client'
import { fileBytes, sampleVideo, sha256 } from '../support/video-fixtures'
import { describeEachStore } from '../support/stores-under-test'

const url = (created: { url: string | null }) => created.url!.split('/').pop()!
const keyOf = (uploadUrl: string) => uploadUrl.split('/').pop()!
const sockets: TestSocket[] = []
afterEach(() => {
  for (const socket of sockets.splice(0)) socket.close()
})

async function courseWithChapter(owner: ApiClient) {
  const course = data(await owner.post<Course>('/api/courses', { title: 'Upload course', category: 'Design' }))
  const chapter = data(await owner.post<Chapter>(`/api/courses/${course.id}/chapters`, { title: 'Videos' }))
  return { course, chapter }
}

const lessonsOf = async (owner: ApiClient, courseId: string) => data(await owner.get<Chapter[]>(`/api/courses/${courseId}/chapters`))[0]!.lessons

const videoMeta = (chapterId: string, filename = 'Intro to lighting.mp4', filetype = 'video/mp4') => ({ filename, filetype, target: 'lesson', chapterId })

describeEachStore((store) => {
  describe('resumable lesson uploads', () => {
    it('creates a lesson at once, stores the exact bytes sent in chunks, then processes it to ready with duration and thumbnail', async () => {
      const owner = await signedUp()
      const { course, chapter } = await courseWithChapter(owner)
      const bytes = fileBytes(sampleVideo())
      const created = await createUpload(owner, { size: bytes.length, metadata: videoMeta(chapter.id) })
      expect(created.status).toBe(201)
      expect(await lessonsOf(owner, course.id)).toMatchObject([{ title: 'Intro to lighting', status: 'UPLOADING' }])

      const done = await sendAll(owner, created.url!, bytes, 16 * 1024)
      expect(done).toMatchObject({ status: 204, offset: bytes.length })
      expect(sha256((await store().bytes(keyOf(created.url!)))!)).toBe(sha256(bytes))
      // Processing runs as a job in a worker process: ffprobe's duration, an ffmpeg thumbnail.
      await expect.poll(async () => (await lessonsOf(owner, course.id))[0], { timeout: 30_000 }).toMatchObject({ status: 'READY', durationSeconds: 3 })
      expect((await store().bytes(`${url(created)}.jpg`))!.subarray(0, 2)).toEqual(Buffer.from([0xFF, 0xD8])) // a JPEG
    })

    it('marks a video that cannot be read as failed, with the reason', async () => {
      const owner = await signedUp()
      const { course, chapter } = await courseWithChapter(owner)
      // A real MP4 header followed by noise: it passes the first-bytes check, but no player could read it.
      const real = fileBytes(sampleVideo())
      const broken = Buffer.concat([real.subarray(0, 64), Buffer.alloc(20_000, 7)])
      const { url: uploadUrl } = await createUpload(owner, { size: broken.length, metadata: videoMeta(chapter.id, 'broken.mp4') })
      expect((await sendAll(owner, uploadUrl!, broken, 8192)).status).toBe(204)
      await expect.poll(async () => (await lessonsOf(owner, course.id))[0]!.status, { timeout: 30_000 }).toBe('FAILED')
    })

    it('resumes from the server\'s offset after an interruption', async () => {
      const owner = await signedUp()
      const { chapter } = await courseWithChapter(owner)
      const bytes = fileBytes(sampleVideo())
      const { url } = await createUpload(owner, { size: bytes.length, metadata: videoMeta(chapter.id) })
      const half = Math.floor(bytes.length / 2)
      expect((await patchChunk(owner, url!, 0, bytes.subarray(0, half))).offset).toBe(half)
      // A new session of the same user (a reload) asks where to carry on.
      const again = new ApiClient()
      data(await again.post('/api/auth/sign-in', { email: owner.user!.email, password: owner.user!.password }))
      const { offset } = await headOffset(again, url!)
      expect(offset).toBe(half)
      // A chunk from the wrong offset is refused by the protocol and changes nothing.
      expect((await patchChunk(again, url!, 0, bytes.subarray(0, 10))).status).toBe(409)
      expect((await sendAll(again, url!, bytes, 64 * 1024, offset)).offset).toBe(bytes.length)
      expect(sha256((await store().bytes(keyOf(url!)))!)).toBe(sha256(bytes))
    })

    it('broadcasts the server-side byte count on the course channel, small and never going backwards', async () => {
      const owner = await signedUp()
      const { course, chapter } = await courseWithChapter(owner)
      const socket = await TestSocket.open(owner.baseURL, owner)
      sockets.push(socket)
      await socket.subscribe(courseChannel(course.id))
      const bytes = fileBytes(sampleVideo())
      const { url } = await createUpload(owner, { size: bytes.length, metadata: videoMeta(chapter.id) })
      await sendAll(owner, url!, bytes, Math.ceil(bytes.length / 4))
      const isProgress = (m: ServerMessage) => m.op === 'event' && m.event.type === 'upload-progress'
      const last = await socket.next<Extract<ServerMessage, { op: 'event' }>>(m => isProgress(m) && (m as { event: { data: { bytes: number } } }).event.data.bytes === bytes.length)
      expect(last.event).toMatchObject({ courseId: course.id, chapterId: chapter.id, operationId: url!.split('/').pop(), data: { progress: 100, total: bytes.length } })
      const all = socket.messages.filter(isProgress) as Extract<ServerMessage, { op: 'event' }>[]
      const counts = all.map(m => (m.event as { data: { bytes: number } }).data.bytes)
      expect(counts).toEqual([...counts].sort((a, b) => a - b))
      for (const message of all) expect(Buffer.byteLength(JSON.stringify(message))).toBeLessThan(300)
    })

    it('cancels: the bytes and the media row go, the lesson goes back to "no video yet"', async () => {
      const owner = await signedUp()
      const { course, chapter } = await courseWithChapter(owner)
      const bytes = fileBytes(sampleVideo())
      const { url } = await createUpload(owner, { size: bytes.length, metadata: videoMeta(chapter.id) })
      await patchChunk(owner, url!, 0, bytes.subarray(0, 4096))
      const response = await fetch(url!, { method: 'DELETE', headers: tusHeaders(owner) })
      expect(response.status).toBe(204)
      await expect.poll(async () => (await lessonsOf(owner, course.id))[0]!.status).toBe('DRAFT')
      expect(await store().owned(keyOf(url!))).toEqual([])
    })
  })

  /** A PATCH whose body is written by hand: part of it now, the rest (or nothing) later. */
  function openPatch(client: ApiClient, uploadUrl: string, offset: number, length: number) {
    const request = http.request(uploadUrl, {
      method: 'PATCH',
      headers: tusHeaders(client, { 'upload-offset': String(offset), 'content-type': 'application/offset+octet-stream', 'content-length': String(length) }),
    })
    const answered = new Promise<{ status: number, offset: number }>((resolve, reject) => {
      request.once('response', (response) => {
        response.resume()
        resolve({ status: response.statusCode!, offset: Number(response.headers['upload-offset']) })
      })
      request.once('error', reject)
    })
    answered.catch(() => {})
    return { request, answered, write: (bytes: Buffer) => new Promise<void>(done => request.write(bytes, () => done())) }
  }

  describe('upload bodies stream to the store as they arrive', () => {
    // A video head followed by 4 MiB, so a PATCH can stop halfway with bytes on both sides.
    const bigVideo = () => Buffer.concat([fileBytes(sampleVideo()), randomBytes(4 * 1024 ** 2)])
    const receivedCount = (bytes: number) => (m: ServerMessage) => m.op === 'event' && m.event.type === 'upload-progress' && m.event.data.bytes === bytes

    async function uploadWithListener() {
      const owner = await signedUp()
      const { course, chapter } = await courseWithChapter(owner)
      const socket = await TestSocket.open(owner.baseURL, owner)
      sockets.push(socket)
      await socket.subscribe(courseChannel(course.id))
      const bytes = bigVideo()
      const { url } = await createUpload(owner, { size: bytes.length, metadata: videoMeta(chapter.id, 'long take.mp4') })
      return { owner, socket, bytes, url: url! }
    }

    /** An upload whose first PATCH (for the whole file) sent `sent` bytes, which the server read (it reported them), and then nothing more. */
    async function uploadStoppedAt(sent: number) {
      const upload = await uploadWithListener()
      const patch = openPatch(upload.owner, upload.url, 0, upload.bytes.length)
      await patch.write(upload.bytes.subarray(0, sent))
      await upload.socket.next(receivedCount(sent), 10_000)
      return { ...upload, patch }
    }

    it('keeps the bytes of a PATCH whose connection drops, and the upload resumes from them', async () => {
      const sent = 1024 * 1024
      const { owner, bytes, url, patch } = await uploadStoppedAt(sent)
      patch.request.destroy()
      await expect.poll(async () => (await headOffset(owner, url)).offset).toBe(sent)
      expect(sha256((await store().held(keyOf(url)))!)).toBe(sha256(bytes.subarray(0, sent)))
      expect((await sendAll(owner, url, bytes, 1024 * 1024, sent)).offset).toBe(bytes.length)
      expect(sha256((await store().bytes(keyOf(url)))!)).toBe(sha256(bytes))
    })

    it('hands an upload over from a PATCH that stalls to the client that asks for the offset again', async () => {
      const sent = 1536 * 1024
      const { owner, bytes, url, patch } = await uploadStoppedAt(sent)
      // A reconnected client asks where to carry on while the old request still hangs: tus takes
      // the upload from it, and what it had received is the offset.
      expect(await headOffset(owner, url)).toEqual({ status: 200, offset: sent })
      expect(await patch.answered).toEqual({ status: 204, offset: sent })
      expect((await sendAll(owner, url, bytes, 1024 * 1024, sent)).offset).toBe(bytes.length)
      expect(sha256((await store().bytes(keyOf(url)))!)).toBe(sha256(bytes))
    })

    it('sends a PATCH\'s last count at once, under 100 ms after the one before, so the next PATCH does not swallow it', async () => {
      const { owner, socket, bytes, url } = await uploadWithListener()
      const first = 256 * 1024
      const end = 1024 * 1024
      const patch = openPatch(owner, url, 0, end)
      await patch.write(bytes.subarray(0, first))
      await socket.next(receivedCount(first), 10_000)
      patch.request.end(bytes.subarray(first, end))
      expect(await patch.answered).toEqual({ status: 204, offset: end })
      // The next PATCH starts at once: a count held for the interval would be overtaken by its
      // first bytes and never sent, and the bar would skip the end of every chunk.
      expect((await sendAll(owner, url, bytes, bytes.length, end)).offset).toBe(bytes.length)
      await socket.next(receivedCount(end), 5000)
    })

    it('takes a body without a length (chunked) too', async () => {
      const { owner, bytes, url } = await uploadWithListener()
      const parts = [bytes.subarray(0, 300_000), bytes.subarray(300_000)]
      const body = new ReadableStream<Uint8Array>({
        pull(controller) {
          const part = parts.shift()
          if (part) controller.enqueue(new Uint8Array(part))
          else controller.close()
        },
      })
      const response = await fetch(url, {
        method: 'PATCH',
        headers: tusHeaders(owner, { 'upload-offset': '0', 'content-type': 'application/offset+octet-stream' }),
        body,
        duplex: 'half',
      } as RequestInit)
      expect(response.status).toBe(204)
      expect(Number(response.headers.get('upload-offset'))).toBe(bytes.length)
      expect(sha256((await store().bytes(keyOf(url)))!)).toBe(sha256(bytes))
    })
  })

  describe('uploads refuse early', () => {
    it('without a session (401), for a student (403), for another instructor\'s chapter (404)', async () => {
      const owner = await signedUp()
      const { course, chapter } = await courseWithChapter(owner)
      expect((await createUpload(new ApiClient(), { size: 1000, metadata: videoMeta(chapter.id) })).status).toBe(401)
      expect((await createUpload(await signedUp({ role: 'STUDENT' }), { size: 1000, metadata: videoMeta(chapter.id) })).status).toBe(403)
      const stranger = await createUpload(await signedUp(), { size: 1000, metadata: videoMeta(chapter.id) })
      expect(stranger.status).toBe(404)
      expect(JSON.parse(stranger.body)).toMatchObject({ success: false, error: { code: 'NOT_FOUND' } })
      expect(await lessonsOf(owner, course.id)).toEqual([])
    })

    it('a declared type that is not video (415) and a size over the limit (413), creating nothing', async () => {
      const owner = await signedUp()
      const { course, chapter } = await courseWithChapter(owner)
      const pdf = await createUpload(owner, { size: 1000, metadata: videoMeta(chapter.id, 'slides.pdf', 'application/pdf') })
      expect(pdf.status).toBe(415)
      expect(JSON.parse(pdf.body).error.message).toContain('Only video files')
      expect((await createUpload(owner, { size: 1000, metadata: videoMeta(chapter.id, 'movie.exe', 'video/mp4') })).status).toBe(415)
      expect((await createUpload(owner, { size: 3 * 1024 ** 3, metadata: videoMeta(chapter.id) })).status).toBe(413)
      expect(await lessonsOf(owner, course.id)).toEqual([])
    })

    it('bytes that are not a video container at the first chunk: deleted, 415, and the lesson made for the file goes too', async () => {
      const owner = await signedUp()
      const { course, chapter } = await courseWithChapter(owner)
      const kept = data(await owner.post<{ id: string }>(`/api/chapters/${chapter.id}/lessons`, { title: 'Already here' }))
      const socket = await TestSocket.open(owner.baseURL, owner)
      sockets.push(socket)
      await socket.subscribe(courseChannel(course.id))
      const fake = Buffer.from('%PDF-1.7 this is not a video at all, whatever its name says'.repeat(50))
      const { url } = await createUpload(owner, { size: fake.length, metadata: videoMeta(chapter.id, 'renamed.mp4') })
      const made = (await lessonsOf(owner, course.id)).find(l => l.title === 'renamed')!
      const first = await patchChunk(owner, url!, 0, fake.subarray(0, 1024))
      expect(first.status).toBe(415)
      expect(JSON.parse(first.body).error.message).toContain('not a video')
      expect(await store().owned(keyOf(url!))).toEqual([])
      // Nothing empty left behind, and every open editor is told the lesson went.
      expect((await lessonsOf(owner, course.id)).map(l => [l.id, l.position])).toEqual([[kept.id, 0]])
      await socket.next(m => m.op === 'event' && m.event.type === 'outline-deleted' && m.event.lessonIds.includes(made.id))
      expect((await headOffset(owner, url!)).status).toBe(404)
    })

    it('bytes that are not a video, past a first PATCH too short to judge: refused when the last byte arrives, before any processing', async () => {
      const owner = await signedUp()
      const { course, chapter } = await courseWithChapter(owner)
      const fake = Buffer.from('%PDF-1.7 this is not a video at all, whatever its name says'.repeat(50))
      const { url } = await createUpload(owner, { size: fake.length, metadata: videoMeta(chapter.id, 'renamed.mp4') })
      // Eight bytes say nothing yet; the next PATCH starts past them, where no first-bytes check runs.
      expect(await patchChunk(owner, url!, 0, fake.subarray(0, 8))).toMatchObject({ status: 204, offset: 8 })
      expect(await patchChunk(owner, url!, 8, fake.subarray(8, 1024))).toMatchObject({ status: 204, offset: 1024 })
      const last = await sendAll(owner, url!, fake, 1024, 1024)
      expect(last.status).toBe(415)
      expect(JSON.parse(last.body).error.message).toContain('not a video')
      expect(await lessonsOf(owner, course.id)).toEqual([])
      expect(await store().owned(keyOf(url!))).toEqual([])
      expect((await headOffset(owner, url!)).status).toBe(404)
    })

    it('an empty file claiming to be a video is refused at its creation, with nothing left behind', async () => {
      const owner = await signedUp()
      const { course, chapter } = await courseWithChapter(owner)
      const empty = await createUpload(owner, { size: 0, metadata: videoMeta(chapter.id, 'empty.mp4') })
      expect(empty.status).toBe(415)
      expect(JSON.parse(empty.body).error.message).toContain('not a video')
      expect(await lessonsOf(owner, course.id)).toEqual([])
    })

    it('a real video whose first PATCH carries only a few bytes is not refused for it', async () => {
      const owner = await signedUp()
      const { course, chapter } = await courseWithChapter(owner)
      const bytes = fileBytes(sampleVideo())
      const { url } = await createUpload(owner, { size: bytes.length, metadata: videoMeta(chapter.id) })
      expect(await patchChunk(owner, url!, 0, bytes.subarray(0, 8))).toMatchObject({ status: 204, offset: 8 })
      expect(await sendAll(owner, url!, bytes, 16 * 1024, 8)).toMatchObject({ status: 204, offset: bytes.length })
      await expect.poll(async () => (await lessonsOf(owner, course.id))[0]?.status, { timeout: 30_000 }).toBe('READY')
    })

    it('a refused replacement leaves the lesson that existed before, back to "no video yet"', async () => {
      const owner = await signedUp()
      const { course, chapter } = await courseWithChapter(owner)
      const lesson = data(await owner.post<{ id: string }>(`/api/chapters/${chapter.id}/lessons`, { title: 'Keeps its place' }))
      const fake = Buffer.from('not a video'.repeat(200))
      // The client's metadata cannot pass itself off as a lesson made for the file.
      const { url } = await createUpload(owner, { size: fake.length, metadata: { filename: 'fake.mp4', filetype: 'video/mp4', target: 'lesson', chapterId: chapter.id, lessonId: lesson.id, lessonCreated: 'true' } })
      expect((await patchChunk(owner, url!, 0, fake.subarray(0, 1024))).status).toBe(415)
      expect(await lessonsOf(owner, course.id)).toMatchObject([{ id: lesson.id, title: 'Keeps its place', status: 'DRAFT' }])
    })

    it('someone else\'s upload: 404 for its offset, its bytes and its cancel', async () => {
      const owner = await signedUp()
      const { chapter } = await courseWithChapter(owner)
      const bytes = fileBytes(sampleVideo())
      const { url } = await createUpload(owner, { size: bytes.length, metadata: videoMeta(chapter.id) })
      const stranger = await signedUp()
      expect((await headOffset(stranger, url!)).status).toBe(404)
      expect((await patchChunk(stranger, url!, 0, bytes.subarray(0, 100))).status).toBe(404)
      expect((await fetch(url!, { method: 'DELETE', headers: tusHeaders(stranger) })).status).toBe(404)
      expect((await headOffset(new ApiClient(), url!)).status).toBe(401)
      expect((await headOffset(owner, url!)).offset).toBe(0)
    })
  })

  describe('upload chunks right after the owner\'s', () => {
    // The owner's verdict is kept for a few seconds (server/uploads/ownership-cache.ts): it must be
    // theirs alone, so every other sender is checked in full even while the owner's chunks flow.
    it('are still refused to another user (404), to a signed-out client (401) and to a forged session (401)', async () => {
      const owner = await signedUp()
      const { chapter } = await courseWithChapter(owner)
      const bytes = fileBytes(sampleVideo())
      const { url } = await createUpload(owner, { size: bytes.length, metadata: videoMeta(chapter.id) })
      expect((await patchChunk(owner, url!, 0, bytes.subarray(0, 4096))).offset).toBe(4096)

      const stranger = await signedUp()
      const fromStranger = await patchChunk(stranger, url!, 4096, bytes.subarray(4096, 8192))
      expect(fromStranger.status).toBe(404)
      expect(JSON.parse(fromStranger.body)).toMatchObject({ success: false, error: { code: 'NOT_FOUND' } })
      expect((await patchChunk(new ApiClient(), url!, 4096, bytes.subarray(4096, 8192))).status).toBe(401)
      const [session] = owner.sessionCookies().filter(c => c.name === 'lectern-session')
      const forged = await fetch(url!, {
        method: 'PATCH',
        headers: { 'tus-resumable': '1.0.0', 'cookie': `lectern-session=${session!.value.slice(0, -4)}AAAA`, 'upload-offset': '4096', 'content-type': 'application/offset+octet-stream' },
        body: new Uint8Array(bytes.subarray(4096, 8192)),
      })
      expect(forged.status).toBe(401)
      expect((await fetch(url!, { method: 'DELETE', headers: tusHeaders(stranger) })).status).toBe(404)

      // None of them moved the upload; the owner carries on from where they were.
      expect((await headOffset(owner, url!)).offset).toBe(4096)
      expect((await sendAll(owner, url!, bytes, 64 * 1024, 4096))).toMatchObject({ status: 204, offset: bytes.length })
      expect(sha256((await store().bytes(keyOf(url!)))!)).toBe(sha256(bytes))
    })
  })

  describeWithDatabase('abandoned uploads', () => {
    it('are removed by the cleanup job: bytes, media row, and the lesson back to draft', async () => {
      const owner = await signedUp()
      const { course, chapter } = await courseWithChapter(owner)
      const bytes = fileBytes(sampleVideo())
      const { url: uploadUrl } = await createUpload(owner, { size: bytes.length, metadata: videoMeta(chapter.id) })
      await patchChunk(owner, uploadUrl!, 0, bytes.subarray(0, 4096))
      const key = uploadUrl!.split('/').pop()!
      await backdateUpload(key, 4096, 2 * 86_400_000)
      const run = await new ApiClient().request('POST', '/api/internal/jobs/uploads:cleanup', undefined, { headers: { authorization: `Bearer ${inject('internalToken')}` } })
      expect(run.status).toBe(200)
      expect(await testDb().mediaFile.count({ where: { storageKey: key } })).toBe(0)
      expect(await store().owned(keyOf(uploadUrl!))).toEqual([])
      expect((await lessonsOf(owner, course.id))[0]).toMatchObject({ status: 'DRAFT' })
    })
  })

  describe('the processing worker\'s report endpoint', () => {
    it('refuses a missing token (401) and a malformed report (400)', async () => {
      const path = `/api/internal/media/${'a'.repeat(32)}/processed`
      expect((await new ApiClient().post(path, { durationSeconds: 3 })).status).toBe(401)
      const auth = { authorization: `Bearer ${inject('internalToken')}` }
      expect((await new ApiClient().request('POST', path, { durationSeconds: -1 }, { headers: auth })).status).toBe(400)
      expect((await new ApiClient().request('POST', '/api/internal/media/not-an-id/processed', { failure: 'x' }, { headers: auth })).status).toBe(400)
      expect((await new ApiClient().request('POST', path, { failure: 'x' }, { headers: auth })).status).toBe(404)
    })
  })

  describe('streaming a lesson\'s video', () => {
    async function readyLesson() {
      const owner = await signedUp()
      const { course, chapter } = await courseWithChapter(owner)
      const bytes = fileBytes(sampleVideo())
      const { url: uploadUrl } = await createUpload(owner, { size: bytes.length, metadata: videoMeta(chapter.id) })
      await sendAll(owner, uploadUrl!, bytes, 64 * 1024)
      await expect.poll(async () => (await lessonsOf(owner, course.id))[0]!.status, { timeout: 30_000 }).toBe('READY')
      const lesson = (await lessonsOf(owner, course.id))[0]!
      return { owner, course, lesson, bytes }
    }
    const get = (client: ApiClient, path: string, headers: Record<string, string> = {}) =>
      fetch(`${client.baseURL}${path}`, { headers: { ...headers, cookie: client.sessionCookies().map(c => `${c.name}=${c.value}`).join('; ') } })

    it('answers Range requests with 206 and the exact bytes, the whole file with 200, and 416 outside it', async () => {
      const { owner, lesson, bytes } = await readyLesson()
      const path = `/api/lessons/${lesson.id}/stream`
      const whole = await get(owner, path)
      expect(whole.status).toBe(200)
      expect(whole.headers.get('accept-ranges')).toBe('bytes')
      expect(sha256(Buffer.from(await whole.arrayBuffer()))).toBe(sha256(bytes))

      const middle = await get(owner, path, { range: 'bytes=100-199' })
      expect(middle.status).toBe(206)
      expect(middle.headers.get('content-range')).toBe(`bytes 100-199/${bytes.length}`)
      expect(Buffer.from(await middle.arrayBuffer())).toEqual(bytes.subarray(100, 200))

      const tail = await get(owner, path, { range: 'bytes=-10' })
      expect(Buffer.from(await tail.arrayBuffer())).toEqual(bytes.subarray(bytes.length - 10))
      const open = await get(owner, path, { range: `bytes=${bytes.length - 5}-` })
      expect(open.headers.get('content-range')).toBe(`bytes ${bytes.length - 5}-${bytes.length - 1}/${bytes.length}`)

      const beyond = await get(owner, path, { range: `bytes=${bytes.length}-` })
      expect(beyond.status).toBe(416)
      expect(beyond.headers.get('content-range')).toBe(`bytes */${bytes.length}`)

      const thumbnail = await get(owner, `/api/lessons/${lesson.id}/thumbnail`)
      expect(thumbnail.headers.get('content-type')).toBe('image/jpeg')
    })

    it('streams to the owner, and to anyone only for a free-preview lesson of a published course', async () => {
      const { owner, course, lesson } = await readyLesson()
      const path = `/api/lessons/${lesson.id}/stream`
      const anonymous = new ApiClient()
      const stranger = await signedUp()
      expect((await get(anonymous, path)).status).toBe(404)
      expect((await get(stranger, path)).status).toBe(404)
      data(await owner.patch(`/api/lessons/${lesson.id}`, { freePreview: true }))
      expect((await get(anonymous, path)).status).toBe(404) // a draft course is not public yet
      data(await owner.post(`/api/courses/${course.id}/publish`))
      expect((await get(anonymous, path, { range: 'bytes=0-9' })).status).toBe(206)
      data(await owner.patch(`/api/lessons/${lesson.id}`, { freePreview: false }))
      const refused = await get(stranger, path)
      expect(refused.status).toBe(404)
      expect(await refused.json()).toMatchObject({ success: false, error: { code: 'NOT_FOUND' } })
    })
  })

  describe('unfinished uploads: the server\'s offset, discard', () => {
    const libraryMeta = (filename: string) => ({ filename, filetype: 'application/pdf', target: 'library' })

    it('lists my unfinished library files and lesson videos with the bytes the server holds, and a lesson shows them too', async () => {
      const owner = await signedUp()
      const { course, chapter } = await courseWithChapter(owner)
      const pdf = Buffer.concat([Buffer.from('%PDF-1.7\n'), randomBytes(40_000)])
      const library = await createUpload(owner, { size: pdf.length, metadata: libraryMeta('Handout.pdf') })
      expect((await patchChunk(owner, library.url!, 0, pdf.subarray(0, 10_000))).status).toBe(204)
      const video = fileBytes(sampleVideo())
      const lesson = await createUpload(owner, { size: video.length, metadata: videoMeta(chapter.id, 'Half done.mp4') })
      expect((await patchChunk(owner, lesson.url!, 0, video.subarray(0, 4096))).status).toBe(204)

      const unfinished = data(await owner.get<{ mediaId: string, name: string, receivedBytes: number, sizeBytes: number, live: boolean, lesson: unknown }[]>('/api/media/uploads'))
      expect(unfinished).toMatchObject([
        { mediaId: library.mediaId, name: 'Handout.pdf', receivedBytes: 10_000, sizeBytes: pdf.length, live: true, lesson: null },
        { name: 'Half done.mp4', receivedBytes: 4096, sizeBytes: video.length, live: true, lesson: { courseId: course.id, chapterId: chapter.id } },
      ])
      // A reloaded outline shows the real percentage, not an empty bar.
      expect((await lessonsOf(owner, course.id))[0]).toMatchObject({ status: 'UPLOADING', received: { bytes: 4096, total: video.length, live: true } })
      // Someone else sees none of mine.
      expect(data(await (await signedUp()).get('/api/media/uploads'))).toEqual([])
    })

    it('discards an interrupted upload: its bytes and file go, a lesson goes back to "no video yet"; refusals write nothing', async () => {
      const owner = await signedUp()
      const { course, chapter } = await courseWithChapter(owner)
      const pdf = Buffer.concat([Buffer.from('%PDF-1.7\n'), randomBytes(20_000)])
      const library = await createUpload(owner, { size: pdf.length, metadata: libraryMeta('Stopped.pdf') })
      await patchChunk(owner, library.url!, 0, pdf.subarray(0, 5_000))
      const video = fileBytes(sampleVideo())
      await createUpload(owner, { size: video.length, metadata: videoMeta(chapter.id, 'Stopped video.mp4') })
      const [, lessonUpload] = data(await owner.get<{ mediaId: string }[]>('/api/media/uploads'))

      const stranger = await signedUp({ role: 'INSTRUCTOR' })
      const foreign = await stranger.delete(`/api/media/${library.mediaId}/upload`)
      expect(foreign.status).toBe(404)
      expect(foreign.body).toMatchObject({ success: false, error: { code: 'NOT_FOUND' } })
      expect((await owner.delete('/api/media/no-such-file/upload')).status).toBe(404)

      expect(data(await owner.delete(`/api/media/${library.mediaId}/upload`))).toEqual({ mediaId: library.mediaId })
      expect(await store().owned(keyOf(library.url!))).toEqual([])
      expect((await headOffset(owner, library.url!)).status).toBe(404)
      expect((await owner.get(`/api/media/${library.mediaId}`)).status).toBe(404)
      expect(data(await owner.delete(`/api/media/${lessonUpload!.mediaId}/upload`))).toEqual({ mediaId: lessonUpload!.mediaId })
      expect((await lessonsOf(owner, course.id))[0]).toMatchObject({ title: 'Stopped video', status: 'DRAFT', received: null })
      expect(data(await owner.get('/api/media/uploads'))).toEqual([])
      // Already gone: nothing more to discard.
      expect((await owner.delete(`/api/media/${library.mediaId}/upload`)).status).toBe(404)
    })
  })
})
