// Replacing the video of a lesson students already watch: the current video plays on (same file,
// status and duration) while the new one uploads and processes, then the two swap at once; a
// cancelled, refused or failed replacement leaves the lesson exactly as it was. The old file
// stays in the library, no longer used by the lesson.
import { beforeAll, describe, expect, it } from 'vitest'
import type { LearnCourse } from '../../shared/types/learning'
import type { MediaDetail } from '../../shared/types/media'
import type { Chapter, Lesson } from '../../shared/types/outline'
import { data, signedUp } from '../support/api-client'
import type { ApiClient } from '../support/api-client'
import { publishedCourse } from '../support/catalog-fixtures'
import type { PublishedCourse } from '../support/catalog-fixtures'
import { backdateUpload, describeWithDatabase, testDb } from '../support/database'
import { createUpload, patchChunk, sendAll, tusHeaders } from '../support/tus-client'
import { fileBytes, sampleVideo, sha256 } from '../support/video-fixtures'

const keyOf = (uploadUrl: string) => uploadUrl.split('/').pop()!

describeWithDatabase('replacing a lesson\'s video', () => {
  let owner: ApiClient
  let student: ApiClient
  let course: PublishedCourse
  let lessonId: string
  const oldBytes = () => fileBytes(sampleVideo(3))

  beforeAll(async () => {
    owner = await signedUp()
    course = await publishedCourse(owner, { lessons: 1, seconds: 3 })
    lessonId = course.lessons[0]!.id
    student = await signedUp({ role: 'STUDENT' })
    expect((await student.post(`/api/catalog/${course.course.slug}/enrol`)).status).toBe(200)
  }, 120_000)

  const lessonRow = () => testDb().video.findUniqueOrThrow({ where: { id: lessonId }, select: { mediaFileId: true, replacementMediaFileId: true, status: true, durationSeconds: true } })
  const inOutline = async (): Promise<Lesson> => data(await owner.get<Chapter[]>(`/api/courses/${course.course.id}/chapters`))[0]!.lessons[0]!
  const watched = async () => data(await student.get<LearnCourse>(`/api/learn/${course.course.slug}`)).chapters[0]!.lessons[0]!
  /** What the student's player receives from the lesson's stream, whole. */
  async function streamed(): Promise<string> {
    const response = await fetch(`${student.baseURL}/api/lessons/${lessonId}/stream`, { headers: { cookie: student.sessionCookies().map(c => `${c.name}=${c.value}`).join('; ') } })
    expect(response.status).toBe(200)
    return sha256(Buffer.from(await response.arrayBuffer()))
  }
  const streamWith = (headers: Record<string, string>) => fetch(`${student.baseURL}/api/lessons/${lessonId}/stream`, { headers: { ...headers, cookie: student.sessionCookies().map(c => `${c.name}=${c.value}`).join('; ') } })
  const replacementMeta = (filename: string) => ({ filename, filetype: 'video/mp4', target: 'lesson', chapterId: course.lessons[0]!.chapterId, lessonId })

  it('keeps the current video playing for students while the new one uploads; a cancel leaves the lesson exactly as it was', async () => {
    const before = await lessonRow()
    expect(before).toMatchObject({ status: 'READY', durationSeconds: 3, replacementMediaFileId: null })
    const bytes = fileBytes(sampleVideo(5))
    const created = await createUpload(owner, { size: bytes.length, metadata: replacementMeta('Better take.mp4') })
    expect(created.status).toBe(201)
    expect((await patchChunk(owner, created.url!, 0, bytes.subarray(0, 8192))).offset).toBe(8192)

    // The editor shows the new video on its way beside the current one.
    expect(await inOutline()).toMatchObject({ status: 'READY', durationSeconds: 3, replacement: { status: 'UPLOADING', fileName: 'Better take.mp4', received: { bytes: 8192, total: bytes.length } } })
    // Students: the same lesson, the same video, byte for byte.
    expect(await watched()).toMatchObject({ hasVideo: true, durationSeconds: 3 })
    expect(await streamed()).toBe(sha256(oldBytes()))
    const during = await lessonRow()
    expect(during).toMatchObject({ mediaFileId: before.mediaFileId, status: 'READY', durationSeconds: 3 })
    const replacement = await testDb().mediaFile.findUniqueOrThrow({ where: { storageKey: keyOf(created.url!) }, select: { id: true } })
    expect(during.replacementMediaFileId).toBe(replacement.id)

    // Cancel (the protocol's DELETE, as the upload client sends it).
    expect((await fetch(created.url!, { method: 'DELETE', headers: tusHeaders(owner) })).status).toBe(204)
    await expect.poll(() => testDb().mediaFile.count({ where: { id: replacement.id } })).toBe(0)
    expect(await lessonRow()).toEqual(before)
    expect(await inOutline()).toMatchObject({ status: 'READY', durationSeconds: 3, replacement: null })
    expect(await streamed()).toBe(sha256(oldBytes()))
  })

  it('refuses a replacement from another instructor (404) and writes nothing', async () => {
    const before = await lessonRow()
    const stranger = await signedUp()
    const bytes = fileBytes(sampleVideo(5))
    const created = await createUpload(stranger, { size: bytes.length, metadata: replacementMeta('Not yours.mp4') })
    expect(created.status).toBe(404)
    expect(await testDb().mediaFile.count({ where: { ownerId: stranger.user!.id } })).toBe(0)
    expect((await stranger.delete(`/api/lessons/${lessonId}/replacement`)).status).toBe(404)
    expect(await lessonRow()).toEqual(before)
  })

  it('one replacement at a time: a second is refused (409) while the first is sent; one nobody sends any more gives way', async () => {
    const before = await lessonRow()
    const bytes = fileBytes(sampleVideo(5))
    const first = await createUpload(owner, { size: bytes.length, metadata: replacementMeta('First try.mp4') })
    expect((await patchChunk(owner, first.url!, 0, bytes.subarray(0, 4096))).offset).toBe(4096)
    const refused = await createUpload(owner, { size: bytes.length, metadata: replacementMeta('Second try.mp4') })
    expect(refused.status).toBe(409)
    expect(await testDb().mediaFile.count({ where: { originalName: 'Second try.mp4' } })).toBe(0)

    // The first one's tab went away a while ago.
    await backdateUpload(keyOf(first.url!), 4096, 60_000)
    const second = await createUpload(owner, { size: bytes.length, metadata: replacementMeta('Second try.mp4') })
    expect(second.status).toBe(201)
    expect(await testDb().mediaFile.count({ where: { storageKey: keyOf(first.url!) } })).toBe(0)
    expect(await inOutline()).toMatchObject({ status: 'READY', durationSeconds: 3, replacement: { status: 'UPLOADING', fileName: 'Second try.mp4' } })
    expect((await fetch(second.url!, { method: 'DELETE', headers: tusHeaders(owner) })).status).toBe(204)
    await expect.poll(async () => (await lessonRow()).replacementMediaFileId).toBeNull()
    expect(await lessonRow()).toEqual(before)
  })

  it('a replacement that is not a video is refused at its first bytes; the lesson keeps its video', async () => {
    const before = await lessonRow()
    const fake = Buffer.from('%PDF-1.7 not a video at all'.repeat(100))
    const created = await createUpload(owner, { size: fake.length, metadata: replacementMeta('renamed.mp4') })
    expect((await patchChunk(owner, created.url!, 0, fake.subarray(0, 1024))).status).toBe(415)
    expect(await testDb().mediaFile.count({ where: { storageKey: keyOf(created.url!) } })).toBe(0)
    expect(await lessonRow()).toEqual(before)
    expect(await inOutline()).toMatchObject({ id: lessonId, status: 'READY', durationSeconds: 3, replacement: null })
  })

  it('a replacement whose processing fails leaves the lesson playing its video, says why, and can be discarded', async () => {
    const before = await lessonRow()
    // A real MP4 header then noise: past the first-bytes check, unreadable by ffprobe.
    const broken = Buffer.concat([oldBytes().subarray(0, 64), Buffer.alloc(20_000, 7)])
    const created = await createUpload(owner, { size: broken.length, metadata: replacementMeta('broken.mp4') })
    expect((await sendAll(owner, created.url!, broken, 8192)).status).toBe(204)
    await expect.poll(async () => (await inOutline()).replacement?.status, { timeout: 30_000 }).toBe('FAILED')
    expect(await inOutline()).toMatchObject({ status: 'READY', durationSeconds: 3, replacement: { fileName: 'broken.mp4', failureReason: expect.any(String) } })
    expect(await lessonRow()).toMatchObject({ mediaFileId: before.mediaFileId, status: 'READY', durationSeconds: 3 })
    expect(await streamed()).toBe(sha256(oldBytes()))

    const discarded = await owner.delete<Lesson>(`/api/lessons/${lessonId}/replacement`)
    expect(discarded.status).toBe(200)
    expect(data(discarded)).toMatchObject({ status: 'READY', replacement: null })
    expect(await testDb().mediaFile.count({ where: { storageKey: keyOf(created.url!) } })).toBe(0)
    expect(await lessonRow()).toEqual(before)
  })

  it('a failed replacement moved to the library\'s trash is no longer the lesson\'s replacement; the lesson is untouched', async () => {
    const before = await lessonRow()
    const broken = Buffer.concat([oldBytes().subarray(0, 64), Buffer.alloc(20_000, 7)])
    const created = await createUpload(owner, { size: broken.length, metadata: replacementMeta('broken again.mp4') })
    expect((await sendAll(owner, created.url!, broken, 8192)).status).toBe(204)
    await expect.poll(async () => (await inOutline()).replacement?.status, { timeout: 30_000 }).toBe('FAILED')
    const failed = await testDb().mediaFile.findUniqueOrThrow({ where: { storageKey: keyOf(created.url!) }, select: { id: true } })
    expect((await owner.post(`/api/media/${failed.id}/trash`, {})).status).toBe(200)
    expect(await lessonRow()).toEqual(before)
    expect(await inOutline()).toMatchObject({ status: 'READY', durationSeconds: 3, replacement: null })
  })

  it('swaps the new video in once it is processed; the old file stays in the library, used nowhere', async () => {
    const before = await lessonRow()
    // The browser's copy of the old video: revalidated on every use, never kept for an hour.
    const old = await streamWith({ range: 'bytes=0-99' })
    expect(old.status).toBe(206)
    expect(old.headers.get('cache-control')).toBe('private, no-cache')
    const oldTag = old.headers.get('etag')!
    expect((await streamWith({ 'if-none-match': oldTag })).status).toBe(304)
    const bytes = fileBytes(sampleVideo(5))
    const created = await createUpload(owner, { size: bytes.length, metadata: replacementMeta('Better take.mp4') })
    expect((await sendAll(owner, created.url!, bytes, 64 * 1024)).status).toBe(204)
    const replacement = await testDb().mediaFile.findUniqueOrThrow({ where: { storageKey: keyOf(created.url!) }, select: { id: true } })

    await expect.poll(async () => (await lessonRow()).mediaFileId, { timeout: 30_000 }).toBe(replacement.id)
    expect(await lessonRow()).toEqual({ mediaFileId: replacement.id, replacementMediaFileId: null, status: 'READY', durationSeconds: 5 })
    expect(await inOutline()).toMatchObject({ status: 'READY', durationSeconds: 5, replacement: null })
    expect(await watched()).toMatchObject({ hasVideo: true, durationSeconds: 5 })
    expect(await streamed()).toBe(sha256(bytes))
    // The old copy is not valid any more, and a range asked of it gets the whole new file instead.
    const revalidated = await streamWith({ 'if-none-match': oldTag })
    expect(revalidated.status).toBe(200)
    expect(revalidated.headers.get('etag')).not.toBe(oldTag)
    expect(sha256(Buffer.from(await revalidated.arrayBuffer()))).toBe(sha256(bytes))
    expect((await streamWith({ 'range': 'bytes=100-199', 'if-range': oldTag })).status).toBe(200)

    // The old file: kept, no longer the lesson's (its usage count dropped), the new one is.
    const oldFile = data(await owner.get<MediaDetail>(`/api/media/${before.mediaFileId}`))
    expect(oldFile).toMatchObject({ status: 'READY', usageCount: 0, usages: [] })
    expect(await testDb().mediaFile.findUniqueOrThrow({ where: { id: before.mediaFileId! }, select: { deletedAt: true } })).toEqual({ deletedAt: null })
    expect(data(await owner.get<MediaDetail>(`/api/media/${replacement.id}`))).toMatchObject({ usageCount: 1, usages: [{ role: 'VIDEO', targetId: lessonId }] })
    // Its history says what happened.
    const history = data(await owner.get<{ action: string }[]>(`/api/media/${before.mediaFileId}/history`))
    expect(history.map(e => e.action)).toContain('UNLINK')
  })
})

describe('a lesson with no video yet', () => {
  it('still shows the upload on the lesson itself (no replacement)', async () => {
    const owner = await signedUp()
    const course = data(await owner.post<{ id: string }>('/api/courses', { title: 'Fresh', category: 'Design' }))
    const chapter = data(await owner.post<Chapter>(`/api/courses/${course.id}/chapters`, { title: 'One' }))
    const lesson = data(await owner.post<Lesson>(`/api/chapters/${chapter.id}/lessons`, { title: 'Empty' }))
    const bytes = fileBytes(sampleVideo(3))
    const created = await createUpload(owner, { size: bytes.length, metadata: { filename: 'first.mp4', filetype: 'video/mp4', target: 'lesson', chapterId: chapter.id, lessonId: lesson.id } })
    expect(created.status).toBe(201)
    const [row] = data(await owner.get<Chapter[]>(`/api/courses/${course.id}/chapters`))[0]!.lessons
    expect(row).toMatchObject({ id: lesson.id, status: 'UPLOADING', replacement: null })
    expect((await fetch(created.url!, { method: 'DELETE', headers: tusHeaders(owner) })).status).toBe(204)
    await expect.poll(async () => data(await owner.get<Chapter[]>(`/api/courses/${course.id}/chapters`))[0]!.lessons[0]!.status).toBe('DRAFT')
  })
})
