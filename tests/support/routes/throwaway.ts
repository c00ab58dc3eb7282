// Objects of the owner world made for one route only: the destructive routes (delete, discard,
// accept an invitation…) consume these, so their owner controls leave the shared world intact.
import { createHmac } from 'node:crypto'
import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { buildUser } from '../../../prisma/seed/factories'
import { createMediaFile, createMediaLink } from '../../../prisma/seed/media-factories'
import type { Course } from '../../../shared/types/course'
import type { Chapter, Lesson } from '../../../shared/types/outline'
import { data } from '../api-client'
import { pngBytes, samplePdf, uploadAttachment } from '../attachment-fixtures'
import { clientKey } from '../conversation-fixtures'
import { createUpload } from '../tus-client'
import type { OwnerWorld } from './owner-world'

async function until(what: string, probe: () => Promise<boolean>, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs
  while (!(await probe())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`)
    await new Promise(done => setTimeout(done, 100))
  }
}

/** A draft course of the owner with one chapter and one lesson. */
export async function draftCourse(world: OwnerWorld) {
  const { instructor } = world
  const course = data(await instructor.post<Course>('/api/courses', { title: `Draft ${clientKey()}`, category: 'Design' }))
  const chapter = data(await instructor.post<Chapter>(`/api/courses/${course.id}/chapters`, { title: 'Part' }))
  const lesson = data(await instructor.post<Lesson>(`/api/chapters/${chapter.id}/lessons`, { title: 'Intro' }))
  return { course, chapter, lesson }
}

export async function publishedDraft(world: OwnerWorld) {
  const made = await draftCourse(world)
  data(await world.instructor.post(`/api/courses/${made.course.id}/publish`, {}))
  return made
}

export async function deletedCourse(world: OwnerWorld) {
  const { course } = await draftCourse(world)
  data(await world.instructor.delete(`/api/courses/${course.id}`))
  return course
}

/** A stored library PDF of the owner; `trashed` puts it in the trash, `linked` links it to the course. */
export async function libraryFile(world: OwnerWorld, options: { trashed?: boolean, linked?: boolean, status?: 'PROCESSING' | 'READY' } = {}) {
  const { db, storageDir } = world.lectern
  const file = await createMediaFile(db, world.instructor.user.id, {
    name: `Handout ${clientKey()}.pdf`,
    status: options.status ?? 'READY',
    store: { root: storageDir, bytes: samplePdf() },
    ...(options.trashed ? { deletedAt: new Date(), deletedById: world.instructor.user.id, deletedUsages: [] } : {}),
  })
  if (options.linked) await createMediaLink(db, { mediaFileId: file.id, ownerId: world.instructor.user.id, place: { targetType: 'COURSE', courseId: world.course.id, role: 'RESOURCE' } })
  return file
}

/** An unfinished library upload of the owner (no bytes yet): its tus address and media id. */
export async function unfinishedUpload(world: OwnerWorld) {
  const created = await createUpload(world.instructor, { size: samplePdf().length, metadata: { filename: `notes-${clientKey()}.pdf`, filetype: 'application/pdf', target: 'library' } })
  if (created.status !== 201) throw new Error(`upload creation answered ${created.status}: ${created.body}`)
  return { url: new URL(created.url!).pathname, mediaId: created.mediaId! }
}

/** A PNG the student attached in the composer and has not sent, processed (so nothing changes later). */
export async function unsentAttachment(world: OwnerWorld) {
  const { attachmentId } = await uploadAttachment(world.student, world.conversationId, { name: `sketch-${clientKey()}.png`, type: 'image/png', bytes: pngBytes() })
  await settledAttachment(world, attachmentId)
  return attachmentId
}

export async function settledAttachment(world: OwnerWorld, attachmentId: string) {
  await until('the attachment to be processed', async () => {
    const row = await world.lectern.db.attachment.findUnique({ where: { id: attachmentId }, select: { mediaFile: { select: { status: true } } } })
    return !row || row.mediaFile.status === 'READY' || row.mediaFile.status === 'FAILED'
  })
}

/** A lesson of a fresh draft course whose processing failed (its bytes stored), for "retry". */
export async function failedLesson(world: OwnerWorld) {
  const { lesson } = await draftCourse(world)
  const { db, storageDir } = world.lectern
  const file = await createMediaFile(db, world.instructor.user.id, { name: 'broken.mp4', mimeType: 'video/mp4', status: 'FAILED', purpose: 'LESSON', store: { root: storageDir, bytes: Buffer.from('not a video') } })
  await db.video.update({ where: { id: lesson.id }, data: { mediaFileId: file.id, status: 'FAILED' } })
  return { lessonId: lesson.id, mediaId: file.id }
}

/** A ready lesson of the owner with a replacement video whose processing failed (the lesson plays on). */
export async function failedReplacement(world: OwnerWorld) {
  const { lesson } = await draftCourse(world)
  const { db, storageDir } = world.lectern
  const ownerId = world.instructor.user.id
  const current = await createMediaFile(db, ownerId, { name: 'current.mp4', mimeType: 'video/mp4', status: 'READY', purpose: 'LESSON', store: { root: storageDir, bytes: Buffer.from('current video') } })
  const failed = await createMediaFile(db, ownerId, { name: 'broken.mp4', mimeType: 'video/mp4', status: 'FAILED', purpose: 'LESSON', store: { root: storageDir, bytes: Buffer.from('not a video') } })
  await db.video.update({ where: { id: lesson.id }, data: { mediaFileId: current.id, status: 'READY', durationSeconds: 5, replacementMediaFileId: failed.id } })
  return { lessonId: lesson.id, mediaId: failed.id }
}

/**
 * Waits until nothing is being processed (a retry's job ran): the job writes the file's row, then
 * its lesson's, so both must have left PROCESSING.
 */
export async function processingSettled(world: OwnerWorld) {
  const { db } = world.lectern
  await until('processing to settle', async () => (await db.mediaFile.count({ where: { status: 'PROCESSING' } })) + (await db.video.count({ where: { status: 'PROCESSING' } })) === 0, 60_000)
}

/**
 * Waits until an upload's row is finished and has stopped changing: the server records received
 * bytes without holding up the PATCH (server/uploads/liveness.ts), so that write can land just
 * after the answer, and a later "nothing was written" check must not see it.
 */
export async function uploadSettled(world: OwnerWorld, mediaId: string) {
  let last = ''
  let steady = 0
  await until('the upload row to settle', async () => {
    const row = await world.lectern.db.mediaFile.findUnique({ where: { id: mediaId }, select: { status: true, receivedBytes: true, updatedAt: true } })
    const now = JSON.stringify(row, (_key, value: unknown) => (typeof value === 'bigint' ? String(value) : value))
    steady = now === last && row?.status !== 'UPLOADING' && row?.status !== 'PROCESSING' ? steady + 1 : 0
    last = now
    return steady >= 3
  })
}

/** An open invitation of the owner for the student (a new email), with its mailed token. */
export async function invitation(world: OwnerWorld) {
  const email = buildUser().email
  const made = data(await world.instructor.post<{ id: string }>(`/api/students/${world.student.user.id}/observers`, { email }))
  return { id: made.id, email, token: await world.waitForToken(email, '/invitation') }
}

/** A reset token mailed to a fresh account (completing it changes only that account). */
export async function resetToken(world: OwnerWorld) {
  const account = await world.account('STUDENT')
  const asked = await world.anonymous().post('/api/auth/password-reset/request', { email: account.user.email })
  if (asked.status !== 202) throw new Error(`reset request answered ${asked.status}`)
  return world.waitForToken(account.user.email, '/reset-password')
}

/** An observer account linked to the student by the owner. */
export async function linkedObserver(world: OwnerWorld) {
  const observer = await world.account('OBSERVER')
  data(await world.instructor.post(`/api/students/${world.student.user.id}/observers`, { email: observer.user.email }))
  return observer
}

/** A fresh student added to the open course by the owner. */
export async function addedStudent(world: OwnerWorld) {
  const student = await world.account('STUDENT')
  data(await world.instructor.post(`/api/courses/${world.openCourse.id}/students`, { email: student.user.email }))
  return student
}

export { until }

/**
 * The owner world's lesson with an HLS ladder of one rendition, as the transcode job leaves it (a
 * ready row; its playlist and one segment in the disk store's hls/ folder): the attack servers
 * make no ladders themselves. Answers the rendition playlist's key, signed for an hour.
 */
export async function lessonLadder(world: OwnerWorld) {
  const { db, storageDir, hlsSecret } = world.lectern
  const { mediaFile } = await db.video.findUniqueOrThrow({ where: { id: world.lesson.id }, select: { mediaFile: { select: { id: true, storageKey: true } } } })
  await db.mediaRendition.upsert({
    where: { mediaFileId_height: { mediaFileId: mediaFile!.id, height: 240 } },
    create: { mediaFileId: mediaFile!.id, height: 240, width: 320, bandwidth: 200_000, status: 'READY' },
    update: {},
  })
  const key = `${mediaFile!.storageKey}.hls.240.m3u8`
  const folder = join(storageDir, 'hls', mediaFile!.storageKey)
  mkdirSync(folder, { recursive: true })
  writeFileSync(join(folder, `${mediaFile!.storageKey}.hls.240.00000.ts`), Buffer.alloc(188, 0x47))
  writeFileSync(join(folder, key), `#EXTM3U\n#EXT-X-TARGETDURATION:4\n#EXTINF:4.0,\n${mediaFile!.storageKey}.hls.240.00000.ts\n#EXT-X-ENDLIST\n`)
  const expires = Math.floor(Date.now() / 1000) + 3600
  const signature = createHmac('sha256', hlsSecret).update(`${key}\n${expires}`).digest('base64url')
  return { key, expires, signature }
}
