// The media library's API against the real built server and database: the list (search, kind,
// used/unused, every sort, keyset pages), usages (links and lesson videos, live and in the course
// trash), link/unlink, the trash with its delete protection and snapshot, restore, delete for
// good, the purge job, the audit trail, who may call what, and library uploads.
import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, expect, inject, it } from 'vitest'
import { courseChannel, userChannel } from '../../shared/realtime/channels'
import type { ServerMessage } from '../../shared/realtime/protocol'
import type { RealtimeEventOf, RealtimeEventType } from '../../shared/realtime/events'
import type { Course } from '../../shared/types/course'
import type { Chapter, Lesson } from '../../shared/types/outline'
import type { MediaAuditEntry, MediaDetail, MediaInUse, MediaItem, MediaPage, MediaTrashItem, MediaUsage, RestoreResult } from '../../shared/types/media'
import { createMediaFile, createMediaLink } from '../../prisma/seed/media-factories'
import type { MediaFileData } from '../../prisma/seed/media-factories'
import { demoPdf } from '../../prisma/seed/demo-attachments'
import { ApiClient, data, signedUp } from '../support/api-client'
import type { ApiResult } from '../support/api-client'
import { observerAccount } from '../support/conversation-fixtures'
import { describeWithDatabase, testDb } from '../support/database'
import { studio } from '../support/media-fixtures'
import { TestSocket } from '../support/socket-client'
import { createUpload, sendAll } from '../support/tus-client'
import { fileBytes, sampleVideo } from '../support/video-fixtures'

const sockets: TestSocket[] = []
afterEach(() => {
  for (const socket of sockets.splice(0)) socket.close()
})

const file = (ownerId: string, overrides: Partial<MediaFileData> & { store?: { root: string, bytes: Buffer } } = {}) => createMediaFile(testDb(), ownerId, overrides)
const readyVideo = (ownerId: string, name = 'Take 2.mp4') => file(ownerId, { name, mimeType: 'video/mp4', durationSeconds: 42, purpose: 'LIBRARY' })
const place = (targetType: 'COURSE' | 'CHAPTER' | 'LESSON', targetId: string, role: MediaUsage['role']) => ({ targetType, targetId, role })
const link = (client: ApiClient, id: string, body: ReturnType<typeof place>) => client.post<MediaUsage>(`/api/media/${id}/links`, body)
const unlink = (client: ApiClient, id: string, body: ReturnType<typeof place>) => client.post<{ removed: boolean }>(`/api/media/${id}/unlink`, body)
const list = async (client: ApiClient, query = '') => data(await client.get<MediaPage>(`/api/media${query ? `?${query}` : ''}`))
const detail = async (client: ApiClient, id: string) => data(await client.get<MediaDetail>(`/api/media/${id}`))
const history = async (client: ApiClient, id: string) => data(await client.get<MediaAuditEntry[]>(`/api/media/${id}/history`))
const lessonsOf = async (client: ApiClient, courseId: string) => data(await client.get<Chapter[]>(`/api/courses/${courseId}/chapters`)).flatMap(c => c.lessons)
const usagesOf = (result: ApiResult) => (result.body as unknown as { error: { details: MediaInUse } }).error.details.usages
const runJob = (kind: string, body?: unknown) => new ApiClient().request('POST', `/api/internal/jobs/${kind}`, body, { headers: { authorization: `Bearer ${inject('internalToken')}` } })
const storedFile = (storageKey: string) => join(inject('storageDir'), 'files', storageKey)

async function allPages(client: ApiClient, query: string, limit: number, from: string | null = null) {
  const ids: string[] = []
  let cursor: string | null = from
  let pages = 0
  do {
    const page: MediaPage = await list(client, `${query}&limit=${limit}${cursor ? `&cursor=${cursor}` : ''}`)
    ids.push(...page.items.map(item => item.id))
    cursor = page.nextCursor
    if (++pages > 50) throw new Error('too many pages')
  } while (cursor)
  return ids
}

async function liveSocket(client: ApiClient, channels: string[]) {
  const socket = await TestSocket.open(inject('baseURL'), client)
  sockets.push(socket)
  for (const channel of channels) expect(await socket.subscribe(channel)).toMatchObject({ op: 'subscribed' })
  return socket
}

function nextEvent<T extends RealtimeEventType>(socket: TestSocket, type: T, match: (event: RealtimeEventOf<T>) => boolean = () => true, timeoutMs = 5000) {
  return socket.next<Extract<ServerMessage, { op: 'event' }>>(m => m.op === 'event' && m.event.type === type && match(m.event as RealtimeEventOf<T>), timeoutMs)
    .then(m => m.event as RealtimeEventOf<T>)
}

describeWithDatabase('media library: list', () => {
  it('lists only the owner\'s lesson videos and library files, and pages through every sort without gaps or repeats', async () => {
    const { owner, ownerId, course } = await studio()
    const base = Date.now() - 3_600_000
    const names = ['alpha notes.pdf', 'Bravo.PNG', 'charlie.mp4', 'delta.zip', 'echo.docx', 'foxtrot.mp3', 'golf.pptx', 'hotel.pdf', 'india.jpg', 'juliet.mov', 'kilo.txt']
    const files = []
    for (const [i, name] of names.entries()) {
      // Sizes and upload times repeat, so ties are broken by id.
      files.push(await file(ownerId, { name, sizeBytes: (i % 5 + 1) * 1000, createdAt: new Date(base + (i % 4) * 1000), purpose: name === 'charlie.mp4' ? 'LESSON' : 'LIBRARY' }))
    }
    // Not in the library: an attachment, a trashed file, another instructor's file.
    await file(ownerId, { name: 'chat photo.png', purpose: 'ATTACHMENT' })
    await file(ownerId, { name: 'old.pdf', deletedAt: new Date(), deletedById: ownerId })
    await file((await signedUp()).user!.id, { name: 'theirs.pdf' })
    // Usage: golf twice, delta once.
    data(await link(owner, files[6]!.id, place('COURSE', course.id, 'RESOURCE')))
    data(await link(owner, files[6]!.id, place('COURSE', course.id, 'COVER')))
    data(await link(owner, files[3]!.id, place('COURSE', course.id, 'RESOURCE')))

    for (const sort of ['newest', 'oldest', 'name', 'size', 'usage'] as const) {
      const whole = await list(owner, `sort=${sort}&limit=500`)
      expect(whole.total).toBe(names.length)
      expect(whole.nextCursor).toBeNull()
      expect(new Set(whole.items.map(i => i.id))).toEqual(new Set(files.map(f => f.id)))
      // Pages of 3 visit exactly the same files in the same order.
      expect(await allPages(owner, `sort=${sort}`, 3)).toEqual(whole.items.map(i => i.id))
      if (sort === 'name') {
        // The names are in alphabetical order ignoring case (Bravo.PNG after alpha notes.pdf).
        expect(whole.items.map(i => i.name)).toEqual(names)
        continue
      }
      const keys = whole.items.map(i => ({ newest: -Date.parse(i.createdAt), oldest: Date.parse(i.createdAt), size: -i.sizeBytes, usage: -i.usageCount }[sort]))
      expect(keys, sort).toEqual([...keys].sort((a, b) => a - b))
    }
    const byUsage = await list(owner, 'sort=usage&limit=2')
    expect(byUsage.items.map(i => [i.name, i.usageCount])).toEqual([['golf.pptx', 2], ['delta.zip', 1]])
    const byName = await list(owner, 'sort=name&limit=3')
    expect(byName.items.map(i => i.name)).toEqual(['alpha notes.pdf', 'Bravo.PNG', 'charlie.mp4'])
    expect(byName.items[1]).toMatchObject({ kind: 'image', mimeType: 'application/pdf', status: 'READY', usageCount: 0, trashedUsageCount: 0, hasThumbnail: false })

    // A file uploaded while paging does not shift the pages still to read (keyset, not offset).
    const before = (await list(owner, 'sort=newest&limit=500')).items.map(i => i.id)
    const first = await list(owner, 'sort=newest&limit=4')
    await file(ownerId, { name: 'brand new.pdf' })
    const rest = await allPages(owner, 'sort=newest', 4, first.nextCursor)
    expect([...first.items.map(i => i.id), ...rest]).toEqual(before)

    // A cursor of another sort, or a made-up one, is refused.
    expect((await owner.get(`/api/media?sort=size&cursor=${first.nextCursor}`)).status).toBe(400)
    expect((await owner.get('/api/media?cursor=bm90LWpzb24')).status).toBe(400)
  })

  it('searches any part of the name, filters by kind and by whether a file is used', async () => {
    const { owner, ownerId, course } = await studio()
    const names = ['Week 1 handout.PDF', 'handout-draft.docx', 'cover.jpg', 'diagram.svg', 'intro.mp4', 'outro.webm', 'slides.key', 'archive.tar.gz', '100% done.txt', 'snake_case.md']
    const byName = new Map<string, string>()
    for (const name of names) byName.set(name, (await file(ownerId, { name })).id)
    // No extension: the type decides (videos and images).
    byName.set('scan', (await file(ownerId, { name: 'scan', mimeType: 'image/png' })).id)
    data(await link(owner, byName.get('cover.jpg')!, place('COURSE', course.id, 'COVER')))
    data(await link(owner, byName.get('Week 1 handout.PDF')!, place('COURSE', course.id, 'RESOURCE')))

    const names_ = async (query: string) => (await list(owner, `${query}&sort=name&limit=500`)).items.map(i => i.name)
    expect(await names_('q=HANDOUT')).toEqual(['handout-draft.docx', 'Week 1 handout.PDF'].sort((a, b) => a.localeCompare(b)))
    expect(await names_('q=100%25')).toEqual(['100% done.txt'])
    expect(await names_('q=_')).toEqual(['snake_case.md'])
    expect(await names_('q=nothing-like-this')).toEqual([])
    expect(new Set(await names_('kind=image'))).toEqual(new Set(['cover.jpg', 'diagram.svg', 'scan']))
    expect(new Set(await names_('kind=video'))).toEqual(new Set(['intro.mp4', 'outro.webm']))
    expect(await names_('kind=pdf')).toEqual(['Week 1 handout.PDF'])
    expect(await names_('kind=slides')).toEqual(['slides.key'])
    expect(await names_('kind=archive')).toEqual(['archive.tar.gz'])
    expect(new Set(await names_('usage=used'))).toEqual(new Set(['cover.jpg', 'Week 1 handout.PDF']))
    const unused = await list(owner, 'usage=unused&limit=2')
    expect(unused.total).toBe(names.length + 1 - 2)
    expect(unused.items.every(i => i.usageCount === 0)).toBe(true)
    const combined = await list(owner, 'usage=used&kind=image&q=cov')
    expect(combined).toMatchObject({ total: 1, items: [{ name: 'cover.jpg', kind: 'image', usageCount: 1 }] })
    expect((await owner.get('/api/media?kind=spreadsheet')).status).toBe(400)
  })
})

describeWithDatabase('media library: links and usages', () => {
  it('links and unlinks idempotently, counts usages and says where they are', async () => {
    const { owner, ownerId, course, chapter, lessons } = await studio()
    const handout = await file(ownerId, { name: 'Handout.pdf' })
    const socket = await liveSocket(owner, [userChannel(ownerId)])
    const first = await link(owner, handout.id, place('LESSON', lessons[0]!.id, 'HANDOUT'))
    expect(first.status).toBe(201)
    expect(data(first)).toMatchObject({
      targetType: 'LESSON', targetId: lessons[0]!.id, role: 'HANDOUT', courseId: course.id,
      courseTitle: 'Lighting basics', chapterTitle: 'Setup', lessonTitle: 'Key light',
      label: 'Lighting basics › Setup › Key light', href: `/studio/courses/${course.id}`, inTrash: false,
    })
    expect(data(first).linkId).toEqual(expect.any(String))
    const updated = await nextEvent(socket, 'media-updated', e => e.item.id === handout.id)
    expect(updated.item).toMatchObject({ usageCount: 1, name: 'Handout.pdf' })
    const again = await link(owner, handout.id, place('LESSON', lessons[0]!.id, 'HANDOUT'))
    expect(again.status).toBe(200)
    expect(data(again)).toEqual(data(first))
    data(await link(owner, handout.id, place('CHAPTER', chapter.id, 'RESOURCE')))
    data(await link(owner, handout.id, place('COURSE', course.id, 'RESOURCE')))
    expect(await testDb().mediaLink.count({ where: { mediaFileId: handout.id } })).toBe(3)

    const shown = await detail(owner, handout.id)
    expect(shown).toMatchObject({ id: handout.id, usageCount: 3, trashedUsageCount: 0 })
    expect(shown.usages.map(u => u.label)).toEqual(['Lighting basics', 'Lighting basics › Setup', 'Lighting basics › Setup › Key light'])

    expect(data(await unlink(owner, handout.id, place('LESSON', lessons[0]!.id, 'HANDOUT')))).toEqual({ removed: true })
    expect(data(await unlink(owner, handout.id, place('LESSON', lessons[0]!.id, 'HANDOUT')))).toEqual({ removed: false })
    expect((await detail(owner, handout.id)).usageCount).toBe(2)
    // A role that does not fit the place is refused before anything happens.
    expect((await link(owner, handout.id, place('COURSE', course.id, 'HANDOUT'))).status).toBe(400)

    const actions = (await history(owner, handout.id)).map(e => e.action)
    expect(actions).toEqual(['UNLINK', 'LINK', 'LINK', 'LINK'])
  })

  it('makes a ready video a lesson\'s own video, counts it as a usage, and takes it back to "no video"', async () => {
    const { owner, ownerId, course, lessons } = await studio()
    const video = await readyVideo(ownerId)
    const socket = await liveSocket(owner, [courseChannel(course.id), userChannel(ownerId)])
    const usage = await link(owner, video.id, place('LESSON', lessons[1]!.id, 'VIDEO'))
    expect(usage.status).toBe(201)
    expect(data(usage)).toMatchObject({ linkId: null, role: 'VIDEO', label: 'Lighting basics › Setup › Fill light' })
    const saved = await nextEvent(socket, 'lesson-saved', e => e.lesson.id === lessons[1]!.id)
    expect(saved.lesson).toMatchObject({ status: 'READY', durationSeconds: 42 })
    expect((await lessonsOf(owner, course.id))[1]).toMatchObject({ status: 'READY', durationSeconds: 42 })
    expect((await link(owner, video.id, place('LESSON', lessons[1]!.id, 'VIDEO'))).status).toBe(200)
    // The same file as another lesson's video and as a handout: three usages, no link row for the videos.
    data(await link(owner, video.id, place('LESSON', lessons[0]!.id, 'VIDEO')))
    data(await link(owner, video.id, place('LESSON', lessons[0]!.id, 'HANDOUT')))
    expect(await testDb().mediaLink.count({ where: { mediaFileId: video.id } })).toBe(1)
    const item = (await list(owner, 'limit=500')).items.find(i => i.id === video.id)
    expect(item).toMatchObject({ usageCount: 3, trashedUsageCount: 0, kind: 'video' })
    expect((await detail(owner, video.id)).usages.map(u => [u.lessonTitle, u.role, u.linkId === null])).toEqual([['Key light', 'HANDOUT', false], ['Key light', 'VIDEO', true], ['Fill light', 'VIDEO', true]])

    // Not a video (422), not ready (409).
    const pdf = await file(ownerId, { name: 'notes.pdf' })
    expect((await link(owner, pdf.id, place('LESSON', lessons[0]!.id, 'VIDEO')))).toMatchObject({ status: 422, body: { error: { code: 'UNPROCESSABLE' } } })
    const processing = await file(ownerId, { name: 'raw.mp4', mimeType: 'video/mp4', status: 'PROCESSING' })
    expect((await link(owner, processing.id, place('LESSON', lessons[0]!.id, 'VIDEO'))).status).toBe(409)

    // Another file replaces it as the lesson's video: the first one loses that usage.
    const other = await readyVideo(ownerId, 'Take 3.mp4')
    data(await link(owner, other.id, place('LESSON', lessons[1]!.id, 'VIDEO')))
    expect((await detail(owner, video.id)).usageCount).toBe(2)
    expect((await history(owner, video.id))[0]).toMatchObject({ action: 'UNLINK', target: { targetId: lessons[1]!.id, role: 'VIDEO' }, after: { replacedBy: other.id } })

    expect(data(await unlink(owner, other.id, place('LESSON', lessons[1]!.id, 'VIDEO')))).toEqual({ removed: true })
    expect((await lessonsOf(owner, course.id))[1]).toMatchObject({ status: 'DRAFT', durationSeconds: null })
    expect(data(await unlink(owner, other.id, place('LESSON', lessons[1]!.id, 'VIDEO')))).toEqual({ removed: false })
    await nextEvent(socket, 'lesson-saved', e => e.lesson.id === lessons[1]!.id && e.lesson.status === 'DRAFT')
  })

  it('answers 404 for another instructor\'s file or place, and for attachments', async () => {
    const mine = await studio()
    const theirs = await studio('Their course')
    const myFile = await file(mine.ownerId, { name: 'mine.pdf' })
    const theirFile = await file(theirs.ownerId, { name: 'theirs.pdf' })
    const attachment = await file(mine.ownerId, { name: 'chat.pdf', purpose: 'ATTACHMENT' })

    for (const target of [place('COURSE', theirs.course.id, 'RESOURCE'), place('CHAPTER', theirs.chapter.id, 'RESOURCE'), place('LESSON', theirs.lessons[0]!.id, 'HANDOUT')]) {
      const refused = await link(mine.owner, myFile.id, target)
      expect(refused).toMatchObject({ status: 404, body: { success: false, error: { code: 'NOT_FOUND' } } })
      expect((await unlink(mine.owner, myFile.id, target)).status).toBe(404)
    }
    for (const id of [theirFile.id, attachment.id, 'no-such-file']) {
      expect((await mine.owner.get(`/api/media/${id}`)).status).toBe(404)
      expect((await mine.owner.get(`/api/media/${id}/history`)).status).toBe(404)
      expect((await mine.owner.patch(`/api/media/${id}`, { name: 'x.pdf' })).status).toBe(404)
      expect((await link(mine.owner, id, place('COURSE', mine.course.id, 'RESOURCE'))).status).toBe(404)
      expect((await unlink(mine.owner, id, place('COURSE', mine.course.id, 'RESOURCE'))).status).toBe(404)
      expect((await mine.owner.post(`/api/media/${id}/trash`, { unlinkAll: true })).status).toBe(404)
      expect((await mine.owner.post(`/api/media/${id}/restore`, {})).status).toBe(404)
      expect((await mine.owner.delete(`/api/media/${id}`)).status).toBe(404)
    }
    expect(await testDb().mediaLink.count({ where: { OR: [{ mediaFileId: myFile.id }, { mediaFileId: theirFile.id }] } })).toBe(0)
    expect(await testDb().mediaFile.count({ where: { id: { in: [theirFile.id, attachment.id] }, deletedAt: null } })).toBe(2)
  })
})

describeWithDatabase('media library: trash, restore, delete for good', () => {
  it('refuses to trash a used file with its usages (409) and changes nothing', async () => {
    const { owner, ownerId, course, lessons } = await studio()
    const video = await readyVideo(ownerId)
    data(await link(owner, video.id, place('LESSON', lessons[0]!.id, 'VIDEO')))
    data(await link(owner, video.id, place('COURSE', course.id, 'RESOURCE')))
    const auditBefore = await testDb().mediaAudit.count({ where: { mediaFileId: video.id } })
    for (const body of [{}, { unlinkAll: false }, undefined]) {
      const refused = await owner.post<never>(`/api/media/${video.id}/trash`, body)
      expect(refused.status).toBe(409)
      expect(refused.body).toMatchObject({ success: false, error: { code: 'CONFLICT' } })
      expect(usagesOf(refused).map(u => [u.role, u.label])).toEqual([['RESOURCE', 'Lighting basics'], ['VIDEO', 'Lighting basics › Setup › Key light']])
    }
    expect(await testDb().mediaFile.findUniqueOrThrow({ where: { id: video.id } })).toMatchObject({ deletedAt: null, deletedUsages: null })
    expect(await testDb().mediaLink.count({ where: { mediaFileId: video.id } })).toBe(1)
    expect((await lessonsOf(owner, course.id))[0]).toMatchObject({ status: 'READY' })
    expect(await testDb().mediaAudit.count({ where: { mediaFileId: video.id } })).toBe(auditBefore)
    // An unused file goes straight to the trash.
    const unused = await file(ownerId, { name: 'spare.zip' })
    expect(data(await owner.post<MediaTrashItem>(`/api/media/${unused.id}/trash`))).toMatchObject({ id: unused.id, usagesAtDeletion: [] })
  })

  it('unlinks everywhere and moves to the trash in one step, keeping a snapshot of the usages', async () => {
    const { owner, ownerId, course, chapter, lessons } = await studio()
    const video = await readyVideo(ownerId)
    data(await link(owner, video.id, place('LESSON', lessons[0]!.id, 'VIDEO')))
    data(await link(owner, video.id, place('CHAPTER', chapter.id, 'RESOURCE')))
    const socket = await liveSocket(owner, [userChannel(ownerId), courseChannel(course.id)])
    const trashed = data(await owner.post<MediaTrashItem>(`/api/media/${video.id}/trash`, { unlinkAll: true }))
    expect(trashed).toMatchObject({ id: video.id, usageCount: 0, deletedBy: { id: ownerId, name: 'Mina Media' } })
    expect(Date.parse(trashed.purgeAt) - Date.parse(trashed.deletedAt)).toBe(30 * 86_400_000)
    expect(trashed.usagesAtDeletion.map(u => [u.role, u.label])).toEqual([['RESOURCE', 'Lighting basics › Setup'], ['VIDEO', 'Lighting basics › Setup › Key light']])
    await nextEvent(socket, 'media-removed', e => e.mediaId === video.id)
    await nextEvent(socket, 'lesson-saved', e => e.lesson.id === lessons[0]!.id && e.lesson.status === 'DRAFT')

    expect(await testDb().mediaLink.count({ where: { mediaFileId: video.id } })).toBe(0)
    expect((await lessonsOf(owner, course.id))[0]).toMatchObject({ status: 'DRAFT', durationSeconds: null })
    expect((await list(owner, 'limit=500')).items.map(i => i.id)).not.toContain(video.id)
    expect((await owner.get(`/api/media/${video.id}`)).status).toBe(404)
    expect(data(await owner.get<MediaTrashItem[]>('/api/media/trash'))).toEqual([trashed])
    // A trashed file cannot be linked; trashing it again answers the same.
    expect((await link(owner, video.id, place('COURSE', course.id, 'RESOURCE'))).status).toBe(409)
    expect(data(await owner.post<MediaTrashItem>(`/api/media/${video.id}/trash`, { unlinkAll: true }))).toEqual(trashed)

    const entries = await history(owner, video.id)
    expect(entries.slice(0, 3).map(e => e.action)).toEqual(['DELETE', 'UNLINK', 'UNLINK'])
    expect(entries[0]).toMatchObject({ actor: { id: ownerId, name: 'Mina Media' }, before: { usages: trashed.usagesAtDeletion }, after: { deletedAt: trashed.deletedAt } })
    expect(entries.slice(1, 3).map(e => e.target?.role).sort()).toEqual(['RESOURCE', 'VIDEO'])
  })

  it('restores with its links where their places still exist, and says why the others could not be', async () => {
    const { owner, ownerId, course, chapter, lessons } = await studio()
    const second = data(await owner.post<Course>('/api/courses', { title: 'Second course', category: 'Design' }))
    const video = await readyVideo(ownerId)
    const extra = data(await owner.post<Lesson>(`/api/chapters/${chapter.id}/lessons`, { title: 'Back light' }))
    data(await link(owner, video.id, place('LESSON', lessons[0]!.id, 'VIDEO')))
    data(await link(owner, video.id, place('LESSON', lessons[1]!.id, 'HANDOUT')))
    data(await link(owner, video.id, place('LESSON', extra.id, 'VIDEO')))
    data(await link(owner, video.id, place('COURSE', second.id, 'COVER')))
    data(await link(owner, video.id, place('CHAPTER', chapter.id, 'RESOURCE')))
    data(await owner.post(`/api/media/${video.id}/trash`, { unlinkAll: true }))

    // Meanwhile: one lesson is deleted, one course goes to the course trash, one lesson gets another video.
    expect((await owner.post(`/api/courses/${course.id}/outline/delete`, { lessonIds: [lessons[1]!.id] })).status).toBe(200)
    expect((await owner.delete(`/api/courses/${second.id}`)).status).toBe(200)
    data(await link(owner, (await readyVideo(ownerId, 'Replacement.mp4')).id, place('LESSON', extra.id, 'VIDEO')))

    const result = data(await owner.post<RestoreResult>(`/api/media/${video.id}/restore`, { relink: true }))
    // In outline order, as they were listed when the file was deleted.
    expect(result.restored.map(u => [u.role, u.label])).toEqual([['RESOURCE', 'Lighting basics › Setup'], ['VIDEO', 'Lighting basics › Setup › Key light']])
    expect(result.restored.every(u => !u.inTrash)).toBe(true)
    expect(result.notRestored.map(n => [n.usage.role, n.usage.label, n.reason])).toEqual([
      ['HANDOUT', 'Lighting basics › Setup › Fill light', 'The lesson was deleted'],
      ['VIDEO', 'Lighting basics › Setup › Back light', 'The lesson has another video now'],
      ['COVER', 'Second course', 'The course is in the trash'],
    ])
    expect(result.item).toMatchObject({ id: video.id, usageCount: 2 })
    expect((await lessonsOf(owner, course.id)).find(v => v.id === lessons[0]!.id)).toMatchObject({ status: 'READY', durationSeconds: 42 })
    expect(data(await owner.get<MediaTrashItem[]>('/api/media/trash'))).toEqual([])
    expect((await history(owner, video.id)).slice(0, 3).map(e => e.action)).toEqual(['LINK', 'LINK', 'RESTORE'])

    // Restoring a live file: nothing to do, same shape.
    expect(data(await owner.post<RestoreResult>(`/api/media/${video.id}/restore`, { relink: true }))).toMatchObject({ item: { id: video.id }, restored: [], notRestored: [] })
    // Without relink: back in the library, used nowhere.
    const plain = await file(ownerId, { name: 'plain.pdf' })
    data(await link(owner, plain.id, place('COURSE', course.id, 'RESOURCE')))
    data(await owner.post(`/api/media/${plain.id}/trash`, { unlinkAll: true }))
    expect(data(await owner.post<RestoreResult>(`/api/media/${plain.id}/restore`))).toMatchObject({ item: { usageCount: 0 }, restored: [], notRestored: [] })
  })

  it('keeps links to content in the course trash, counted apart, until the course is purged', async () => {
    const { owner, ownerId, course, lessons } = await studio()
    const pdf = await file(ownerId, { name: 'Kept.pdf' })
    const video = await readyVideo(ownerId)
    data(await link(owner, pdf.id, place('LESSON', lessons[0]!.id, 'HANDOUT')))
    data(await link(owner, video.id, place('LESSON', lessons[1]!.id, 'VIDEO')))
    // The owner's open library hears the counts move, both ways.
    const socket = await liveSocket(owner, [userChannel(ownerId)])
    const toTrash = nextEvent(socket, 'media-updated', event => event.item.id === pdf.id && event.item.trashedUsageCount === 1)
    expect((await owner.delete(`/api/courses/${course.id}`)).status).toBe(200)
    expect((await toTrash).item).toMatchObject({ usageCount: 0, trashedUsageCount: 1 })

    const items = (await list(owner, 'limit=500')).items
    expect(items.find(i => i.id === pdf.id)).toMatchObject({ usageCount: 0, trashedUsageCount: 1 })
    expect(items.find(i => i.id === video.id)).toMatchObject({ usageCount: 0, trashedUsageCount: 1 })
    expect((await detail(owner, pdf.id)).usages).toMatchObject([{ label: 'Lighting basics › Setup › Key light', inTrash: true }])
    expect((await list(owner, 'usage=used&limit=500')).items.map(i => i.id)).not.toContain(pdf.id)
    expect((await list(owner, 'usage=unused&limit=500')).items.map(i => i.id)).toContain(pdf.id)
    // Still a usage: a plain trash is refused.
    expect((await owner.post(`/api/media/${pdf.id}/trash`, {})).status).toBe(409)
    // Restoring the course brings the counts back.
    const back = nextEvent(socket, 'media-updated', event => event.item.id === video.id && event.item.usageCount === 1)
    expect((await owner.post(`/api/courses/${course.id}/restore`)).status).toBe(200)
    expect((await back).item).toMatchObject({ usageCount: 1, trashedUsageCount: 0 })
    expect((await detail(owner, pdf.id))).toMatchObject({ usageCount: 1, trashedUsageCount: 0 })

    // The course is deleted again and purged: its links go with it (foreign keys), the files stay.
    expect((await owner.delete(`/api/courses/${course.id}`)).status).toBe(200)
    await testDb().course.update({ where: { id: course.id }, data: { deletedAt: new Date(Date.now() - 31 * 86_400_000) } })
    expect((await runJob('courses:purge')).status).toBe(200)
    expect(await testDb().mediaLink.count({ where: { mediaFileId: pdf.id } })).toBe(0)
    expect(await detail(owner, pdf.id)).toMatchObject({ usageCount: 0, trashedUsageCount: 0, usages: [] })
    expect(await detail(owner, video.id)).toMatchObject({ usageCount: 0, trashedUsageCount: 0, usages: [] })
    // Each file's history says where it stopped being used and why, by Lectern itself.
    expect((await history(owner, pdf.id))[0]).toMatchObject({ action: 'UNLINK', actor: null, target: { label: 'Lighting basics › Setup › Key light', role: 'HANDOUT' }, after: { reason: 'course-purged' } })
    expect((await history(owner, video.id))[0]).toMatchObject({ action: 'UNLINK', actor: null, target: { label: 'Lighting basics › Setup › Fill light', role: 'VIDEO' }, after: { reason: 'course-purged' } })
  })

  it('records the usages that go when the editor deletes a lesson or a chapter, and tells the library live', async () => {
    const { owner, ownerId, chapter, lessons } = await studio()
    const pdf = await file(ownerId, { name: 'Lesson sheet.pdf' })
    const map = await file(ownerId, { name: 'Chapter map.pdf' })
    const video = await readyVideo(ownerId)
    data(await link(owner, pdf.id, place('LESSON', lessons[0]!.id, 'HANDOUT')))
    data(await link(owner, map.id, place('CHAPTER', chapter.id, 'RESOURCE')))
    data(await link(owner, video.id, place('LESSON', lessons[1]!.id, 'VIDEO')))
    const socket = await liveSocket(owner, [userChannel(ownerId)])

    const updated = nextEvent(socket, 'media-updated', event => event.item.id === pdf.id)
    data(await owner.delete(`/api/lessons/${lessons[0]!.id}`))
    expect((await updated).item).toMatchObject({ usageCount: 0 })
    expect((await history(owner, pdf.id))[0]).toMatchObject({ action: 'UNLINK', actor: { id: ownerId }, target: { lessonTitle: 'Key light' }, after: { reason: 'lesson-deleted' } })

    // The chapter takes its own resource and its remaining lesson's video with it.
    data(await owner.delete(`/api/chapters/${chapter.id}`))
    expect((await history(owner, map.id))[0]).toMatchObject({ action: 'UNLINK', target: { targetType: 'CHAPTER', chapterTitle: 'Setup' }, after: { reason: 'chapter-deleted' } })
    expect((await history(owner, video.id))[0]).toMatchObject({ action: 'UNLINK', target: { role: 'VIDEO', lessonTitle: 'Fill light' }, after: { reason: 'chapter-deleted' } })
    expect(await detail(owner, video.id)).toMatchObject({ usageCount: 0, usages: [] })
    expect(await detail(owner, map.id)).toMatchObject({ usageCount: 0, usages: [] })
  })

  it('deletes for good only from the trash and only when nothing uses it, removing the bytes', async () => {
    const { owner, ownerId, course } = await studio()
    const root = inject('storageDir')
    const pdf = await file(ownerId, { name: 'Gone.pdf', store: { root, bytes: demoPdf().bytes } })
    expect(existsSync(storedFile(pdf.storageKey))).toBe(true)
    const live = await owner.delete(`/api/media/${pdf.id}`)
    expect(live).toMatchObject({ status: 409, body: { error: { code: 'CONFLICT', message: expect.stringContaining('Move it to the trash first') } } })
    data(await owner.post(`/api/media/${pdf.id}/trash`, {}))

    // Defence in depth: a trashed file that somehow still has a link is not deleted.
    const linkRow = await createMediaLink(testDb(), { mediaFileId: pdf.id, ownerId, place: { targetType: 'COURSE', courseId: course.id, role: 'RESOURCE' } })
    const refused = await owner.delete<never>(`/api/media/${pdf.id}`)
    expect(refused.status).toBe(409)
    expect(usagesOf(refused)).toMatchObject([{ linkId: linkRow.id, label: 'Lighting basics' }])
    expect(existsSync(storedFile(pdf.storageKey))).toBe(true)
    await testDb().mediaLink.delete({ where: { id: linkRow.id } })

    expect(data(await owner.delete(`/api/media/${pdf.id}`))).toEqual({ id: pdf.id, deleted: true })
    expect(await testDb().mediaFile.findUnique({ where: { id: pdf.id } })).toBeNull()
    expect(existsSync(storedFile(pdf.storageKey))).toBe(false)
    expect((await owner.delete(`/api/media/${pdf.id}`)).status).toBe(404)
    // The history outlives the file.
    expect((await history(owner, pdf.id))[0]).toMatchObject({ action: 'PURGE', actor: { id: ownerId }, before: { name: 'Gone.pdf', sizeBytes: demoPdf().bytes.length } })
  })

  it('purges files trashed longer than the retention with the media:purge job', async () => {
    const { owner, ownerId } = await studio()
    const root = inject('storageDir')
    const old = await file(ownerId, { name: 'old.pdf', store: { root, bytes: demoPdf().bytes } })
    const recent = await file(ownerId, { name: 'recent.pdf' })
    for (const f of [old, recent]) data(await owner.post(`/api/media/${f.id}/trash`, {}))
    await testDb().mediaFile.update({ where: { id: old.id }, data: { deletedAt: new Date(Date.now() - 120_000) } })

    expect((await runJob('media:purge', { retentionSeconds: 60 }))).toMatchObject({ status: 200, body: { data: { kind: 'media:purge', ran: true } } })
    expect(await testDb().mediaFile.findUnique({ where: { id: old.id } })).toBeNull()
    expect(existsSync(storedFile(old.storageKey))).toBe(false)
    expect(await testDb().mediaFile.findUnique({ where: { id: recent.id } })).not.toBeNull()
    expect((await history(owner, old.id))[0]).toMatchObject({ action: 'PURGE', actor: null })
    expect(data(await owner.get<MediaTrashItem[]>('/api/media/trash')).map(i => i.id)).toEqual([recent.id])
    // Without an override the configured retention (30 days) applies: nothing else goes.
    expect((await runJob('media:purge')).status).toBe(200)
    expect(await testDb().mediaFile.findUnique({ where: { id: recent.id } })).not.toBeNull()
    expect((await runJob('media:purge', { retentionSeconds: -1 })).status).toBe(400)
  })
})

describeWithDatabase('media library: audit trail and access', () => {
  it('records who did what, where, with before and after, for every action', async () => {
    const { owner, ownerId, course } = await studio()
    const pdf = await file(ownerId, { name: 'Draft.pdf', store: { root: inject('storageDir'), bytes: demoPdf().bytes } })
    const renamed = data(await owner.patch<MediaItem>(`/api/media/${pdf.id}`, { name: '  Final handout.pdf ' }))
    expect(renamed).toMatchObject({ id: pdf.id, name: 'Final handout.pdf', kind: 'pdf' })
    // Same name again: nothing to record.
    data(await owner.patch(`/api/media/${pdf.id}`, { name: 'Final handout.pdf' }))
    expect((await owner.patch(`/api/media/${pdf.id}`, { name: 'a/b.pdf' })).status).toBe(400)
    const usage = data(await link(owner, pdf.id, place('COURSE', course.id, 'RESOURCE')))
    data(await unlink(owner, pdf.id, place('COURSE', course.id, 'RESOURCE')))
    data(await owner.post(`/api/media/${pdf.id}/trash`, {}))
    data(await owner.post(`/api/media/${pdf.id}/restore`, { relink: true }))
    data(await owner.post(`/api/media/${pdf.id}/trash`, {}))
    data(await owner.delete(`/api/media/${pdf.id}`))

    const entries = await history(owner, pdf.id)
    expect(entries.map(e => e.action)).toEqual(['PURGE', 'DELETE', 'RESTORE', 'DELETE', 'UNLINK', 'LINK', 'RENAME'])
    const actor = { id: ownerId, name: 'Mina Media' }
    expect(entries.every(e => e.mediaFileId === pdf.id && e.actor?.id === actor.id)).toBe(true)
    const [purge, , restore, , unlinked, linked, rename] = entries
    expect(rename).toMatchObject({ actor, target: null, before: { name: 'Draft.pdf' }, after: { name: 'Final handout.pdf' } })
    const { inTrash: _inTrash, ...where } = usage
    expect(linked).toMatchObject({ target: where, after: { linkId: usage.linkId, role: 'RESOURCE' } })
    expect(unlinked).toMatchObject({ target: where, before: { linkId: usage.linkId, role: 'RESOURCE' } })
    expect(restore).toMatchObject({ after: { relink: true, restored: 0, notRestored: [] } })
    expect(purge).toMatchObject({ before: { name: 'Final handout.pdf', mimeType: 'application/pdf' } })
    const times = entries.map(e => Date.parse(e.createdAt))
    expect(times).toEqual([...times].sort((a, b) => b - a))
  })

  it('lets only the owning instructor use every route: students and observers 403, anonymous 401, other instructors 404', async () => {
    const { owner, ownerId, course } = await studio()
    const pdf = await file(ownerId, { name: 'private.pdf' })
    const trashed = await file(ownerId, { name: 'binned.pdf', deletedAt: new Date(), deletedById: ownerId })
    const target = place('COURSE', course.id, 'RESOURCE')
    const routes: [string, string, unknown?][] = [
      ['GET', '/api/media'],
      ['GET', '/api/media/trash'],
      ['GET', `/api/media/${pdf.id}`],
      ['PATCH', `/api/media/${pdf.id}`, { name: 'mine now.pdf' }],
      ['GET', `/api/media/${pdf.id}/history`],
      ['POST', `/api/media/${pdf.id}/links`, target],
      ['POST', `/api/media/${pdf.id}/unlink`, target],
      ['POST', `/api/media/${pdf.id}/trash`, { unlinkAll: true }],
      ['POST', `/api/media/${trashed.id}/restore`, { relink: true }],
      ['DELETE', `/api/media/${trashed.id}`],
    ]
    const callers: [string, ApiClient, number][] = [
      ['anonymous', new ApiClient(), 401],
      ['student', await signedUp({ role: 'STUDENT' }), 403],
      ['observer', await observerAccount(), 403],
      ['other instructor', await signedUp(), 404],
    ]
    for (const [who, client, status] of callers) {
      for (const [method, path, body] of routes) {
        const result: ApiResult = await client.request(method, path, body)
        // The lists are the caller's own (empty) for another instructor.
        const expected = status === 404 && (path === '/api/media' || path === '/api/media/trash') ? 200 : status
        expect({ who, method, path, status: result.status }).toEqual({ who, method, path, status: expected })
        if (expected === 200) expect(result.body).toMatchObject({ success: true, data: path === '/api/media' ? { items: [], total: 0 } : [] })
        else expect(result.body).toMatchObject({ success: false })
      }
    }
    // Nothing changed for the owner.
    expect(await detail(owner, pdf.id)).toMatchObject({ name: 'private.pdf', usageCount: 0 })
    expect(data(await owner.get<MediaTrashItem[]>('/api/media/trash')).map(i => i.id)).toEqual([trashed.id])
    expect(await testDb().mediaAudit.count({ where: { mediaFileId: { in: [pdf.id, trashed.id] } } })).toBe(0)
  })
})

describeWithDatabase('media library: uploads', () => {
  it('uploads a file into the library with live progress on the owner\'s channel and an UPLOAD audit entry', async () => {
    const owner = await signedUp({ name: 'Ula Upload' })
    const ownerId = owner.user!.id
    const socket = await liveSocket(owner, [userChannel(ownerId)])
    const pdf = demoPdf().bytes
    const created = await createUpload(owner, { size: pdf.length, metadata: { filename: 'Scales.pdf', filetype: 'application/pdf', target: 'library' } })
    expect(created.status).toBe(201)
    const mediaId = created.mediaId!
    expect(mediaId).toEqual(expect.any(String))
    expect((await nextEvent(socket, 'media-updated', e => e.item.id === mediaId)).item).toMatchObject({ status: 'UPLOADING', name: 'Scales.pdf', kind: 'pdf' })
    expect((await list(owner)).items).toMatchObject([{ id: mediaId, status: 'UPLOADING' }])

    expect((await sendAll(owner, created.url!, pdf, Math.ceil(pdf.length / 3))).status).toBe(204)
    const progress = await nextEvent(socket, 'library-upload-progress', e => e.data.bytes === pdf.length)
    expect(progress).toMatchObject({ mediaId, operationId: created.url!.split('/').pop(), data: { total: pdf.length } })
    await nextEvent(socket, 'media-updated', e => e.item.id === mediaId && e.item.status === 'READY', 15_000)
    expect(await history(owner, mediaId)).toMatchObject([{ action: 'UPLOAD', actor: { id: ownerId, name: 'Ula Upload' }, after: { name: 'Scales.pdf', mimeType: 'application/pdf', sizeBytes: pdf.length, purpose: 'LIBRARY' } }])
    expect(await testDb().mediaFile.findUniqueOrThrow({ where: { id: mediaId } })).toMatchObject({ purpose: 'LIBRARY', status: 'READY' })
  })

  it('processes a library video, which can then be a lesson\'s video; lesson uploads are audited too', async () => {
    const { owner, ownerId, course, chapter, lessons } = await studio()
    const bytes = fileBytes(sampleVideo())
    const created = await createUpload(owner, { size: bytes.length, metadata: { filename: 'B-roll.mp4', filetype: 'video/mp4', target: 'library' } })
    expect((await sendAll(owner, created.url!, bytes, 64 * 1024)).status).toBe(204)
    await expect.poll(async () => (await detail(owner, created.mediaId!)).status, { timeout: 30_000 }).toBe('READY')
    expect(await detail(owner, created.mediaId!)).toMatchObject({ kind: 'video', durationSeconds: 3, width: 320, height: 240, hasThumbnail: true })
    data(await link(owner, created.mediaId!, place('LESSON', lessons[0]!.id, 'VIDEO')))
    expect((await lessonsOf(owner, course.id))[0]).toMatchObject({ status: 'READY', durationSeconds: 3 })

    const lessonUpload = await createUpload(owner, { size: bytes.length, metadata: { filename: 'Intro.mp4', filetype: 'video/mp4', target: 'lesson', chapterId: chapter.id } })
    expect(lessonUpload.status).toBe(201)
    const lessonFile = await testDb().mediaFile.findUniqueOrThrow({ where: { storageKey: lessonUpload.url!.split('/').pop()! } })
    expect(await history(owner, lessonFile.id)).toMatchObject([{ action: 'UPLOAD', actor: { id: ownerId }, after: { name: 'Intro.mp4', purpose: 'LESSON' } }])
    expect((await list(owner, 'kind=video&limit=500')).items.map(i => i.id)).toContain(lessonFile.id)
  })

  it('refuses library uploads from students (403), of unknown kinds (415) and with content that is not what it claims (415)', async () => {
    const owner = await signedUp()
    const meta = { filename: 'notes.pdf', filetype: 'application/pdf', target: 'library' }
    expect((await createUpload(await signedUp({ role: 'STUDENT' }), { size: 100, metadata: meta })).status).toBe(403)
    expect((await createUpload(new ApiClient(), { size: 100, metadata: meta })).status).toBe(401)
    expect((await createUpload(owner, { size: 100, metadata: { ...meta, filename: 'setup.exe', filetype: 'application/octet-stream' } })).status).toBe(415)
    const fake = Buffer.alloc(4096, 1)
    const created = await createUpload(owner, { size: fake.length, metadata: meta })
    expect(created.status).toBe(201)
    expect((await sendAll(owner, created.url!, fake, 1024)).status).toBe(415)
    expect(await testDb().mediaFile.findUnique({ where: { id: created.mediaId! } })).toBeNull()
  })
})
