// Bulk actions on the media library against the real built server and database: one result per
// file (a linked file failing under a plain trash while the others go), unlink-and-trash and
// restore with links, delete forever, tags (add, remove, filter, counts), linking many files to
// one place, unlinking everywhere, the bulk edit, the zip download, and who may do what (foreign
// ids fail per file, revealing nothing; bad bodies are 400 and change nothing).
import { existsSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, expect, inject, it } from 'vitest'
import { userChannel } from '../../shared/realtime/channels'
import type { ServerMessage } from '../../shared/realtime/protocol'
import type { Course } from '../../shared/types/course'
import type { Chapter, Lesson } from '../../shared/types/outline'
import type { MediaDetail, MediaItem, MediaPage, MediaTagCount, MediaTrashItem, MediaUsage } from '../../shared/types/media'
import type { MediaBulkAnswer, MediaBulkResult } from '../../shared/types/media-bulk'
import { MEDIA_BULK_MAX } from '../../shared/schemas/media-bulk'
import { createMediaFile } from '../../prisma/seed/media-factories'
import { createManyMediaFiles } from '../../prisma/seed/many-media-files'
import type { MediaFileData } from '../../prisma/seed/media-factories'
import { ApiClient, data, signedUp } from '../support/api-client'
import { describeWithDatabase, testDb } from '../support/database'
import { TestSocket } from '../support/socket-client'
import { readZip } from '../support/zip-reader'

const sockets: TestSocket[] = []
afterEach(() => {
  for (const socket of sockets.splice(0)) socket.close()
})

async function studio() {
  const owner = await signedUp({ name: 'Bo Bulk' })
  const course = data(await owner.post<Course>('/api/courses', { title: 'Colour grading', category: 'Design' }))
  const chapter = data(await owner.post<Chapter>(`/api/courses/${course.id}/chapters`, { title: 'Basics' }))
  const lessons = [
    data(await owner.post<Lesson>(`/api/chapters/${chapter.id}/lessons`, { title: 'Scopes' })),
    data(await owner.post<Lesson>(`/api/chapters/${chapter.id}/lessons`, { title: 'Curves' })),
  ]
  return { owner, ownerId: owner.user!.id, course, chapter, lessons }
}

const file = (ownerId: string, overrides: Partial<MediaFileData> & { store?: { root: string, bytes: Buffer } } = {}) => createMediaFile(testDb(), ownerId, overrides)
const bulk = (client: ApiClient, body: unknown) => client.post<MediaBulkAnswer>('/api/media/bulk', body)
const link = (client: ApiClient, id: string, body: { targetType: string, targetId: string, role: string }) => client.post<MediaUsage>(`/api/media/${id}/links`, body)
const detail = async (client: ApiClient, id: string) => data(await client.get<MediaDetail>(`/api/media/${id}`))
const list = async (client: ApiClient, query: string) => data(await client.get<MediaPage>(`/api/media?${query}`))
const byId = (answer: MediaBulkAnswer) => new Map(answer.results.map(result => [result.id, result]))
const auditActions = async (id: string) => (await testDb().mediaAudit.findMany({ where: { mediaFileId: id }, orderBy: [{ createdAt: 'asc' }, { id: 'asc' }] })).map(row => row.action)

/** The zip as the library page asks for it: a plain form post of `ids=a,b,c` (or one `ids=` per file, or JSON, as an API client). */
async function download(client: ApiClient, ids: string[], as: 'form' | 'repeated' | 'json' = 'form') {
  const headers: Record<string, string> = { 'content-type': as === 'json' ? 'application/json' : 'application/x-www-form-urlencoded' }
  const cookie = client.sessionCookies().map(c => `${c.name}=${c.value}`).join('; ')
  if (cookie) headers.cookie = cookie
  const body = as === 'json'
    ? JSON.stringify({ ids })
    : new URLSearchParams(as === 'form' ? [['ids', ids.join(',')]] : ids.map(id => ['ids', id])).toString()
  return fetch(`${inject('baseURL')}/api/media/zip`, { method: 'POST', headers, body })
}

describeWithDatabase('media bulk: trash, unlink and trash, restore, delete forever', () => {
  it('moves unused files to the trash and fails a linked one per file with its usage count, in one request', async () => {
    const { owner, ownerId, course, lessons } = await studio()
    const [a, b, linked] = [await file(ownerId, { name: 'a.pdf' }), await file(ownerId, { name: 'b.pdf' }), await file(ownerId, { name: 'linked.pdf' })]
    data(await link(owner, linked.id, { targetType: 'COURSE', targetId: course.id, role: 'RESOURCE' }))
    data(await link(owner, linked.id, { targetType: 'LESSON', targetId: lessons[0]!.id, role: 'HANDOUT' }))
    const theirs = await file((await signedUp()).user!.id, { name: 'theirs.pdf' })
    const socket = await TestSocket.open(inject('baseURL'), owner)
    sockets.push(socket)
    expect(await socket.subscribe(userChannel(ownerId))).toMatchObject({ op: 'subscribed' })
    const removed = new Set<string>()
    const bothRemoved = socket.next<ServerMessage>((m) => {
      if (m.op === 'event' && m.event.type === 'media-removed') removed.add(m.event.mediaId)
      return removed.has(a.id) && removed.has(b.id)
    })

    const result = await bulk(owner, { action: 'trash', ids: [a.id, linked.id, theirs.id, 'no-such-file', b.id] })
    expect(result.status).toBe(200)
    const answer = data(result)
    expect(answer.results.map(r => [r.id, r.ok])).toEqual([[a.id, true], [linked.id, false], [theirs.id, false], ['no-such-file', false], [b.id, true]])
    const results = byId(answer)
    expect(results.get(linked.id)).toMatchObject({ ok: false, code: 'LINKED', usageCount: 2, reason: expect.stringContaining('Used in 2 places') })
    // Another instructor's file answers exactly like a file that does not exist.
    const { id: _theirs, ...foreign } = results.get(theirs.id) as Extract<MediaBulkResult, { ok: false }>
    const { id: _missing, ...missing } = results.get('no-such-file') as Extract<MediaBulkResult, { ok: false }>
    expect(foreign).toEqual(missing)
    expect(foreign).toMatchObject({ code: 'NOT_FOUND' })
    expect(results.get(a.id)).toMatchObject({ ok: true, file: { id: a.id, name: 'a.pdf' } })
    expect(answer.summary).toEqual({ requested: 5, succeeded: 2, failed: 3, failures: { LINKED: 1, NOT_FOUND: 2 } })

    await bothRemoved
    const rows = await testDb().mediaFile.findMany({ where: { id: { in: [a.id, b.id, linked.id, theirs.id] } }, select: { id: true, deletedAt: true, deletedById: true } })
    expect(Object.fromEntries(rows.map(r => [r.id, !!r.deletedAt]))).toEqual({ [a.id]: true, [b.id]: true, [linked.id]: false, [theirs.id]: false })
    expect(await auditActions(a.id)).toEqual(['DELETE'])
    expect(await auditActions(linked.id)).toEqual(['LINK', 'LINK'])
    expect((await detail(owner, linked.id)).usageCount).toBe(2)
    expect(data(await owner.get<MediaTrashItem[]>('/api/media/trash')).map(i => i.id).sort()).toEqual([a.id, b.id].sort())
  })

  it('unlinks and trashes linked files (keeping where they were used), then restores them with their links', async () => {
    const { owner, ownerId, course, lessons } = await studio()
    const video = await file(ownerId, { name: 'Scopes take.mp4', mimeType: 'video/mp4', durationSeconds: 30 })
    const handout = await file(ownerId, { name: 'Handout.pdf' })
    data(await link(owner, video.id, { targetType: 'LESSON', targetId: lessons[0]!.id, role: 'VIDEO' }))
    data(await link(owner, handout.id, { targetType: 'COURSE', targetId: course.id, role: 'RESOURCE' }))
    data(await link(owner, handout.id, { targetType: 'LESSON', targetId: lessons[1]!.id, role: 'ATTACHMENT' }))

    const trashed = data(await bulk(owner, { action: 'unlinkAndTrash', ids: [video.id, handout.id] }))
    expect(trashed.summary).toMatchObject({ succeeded: 2, failed: 0 })
    expect(await testDb().mediaLink.count({ where: { mediaFileId: { in: [video.id, handout.id] } } })).toBe(0)
    expect(await testDb().video.findUniqueOrThrow({ where: { id: lessons[0]!.id } })).toMatchObject({ mediaFileId: null, status: 'DRAFT' })
    const trash = data(await owner.get<MediaTrashItem[]>('/api/media/trash'))
    expect(trash.find(i => i.id === handout.id)!.usagesAtDeletion.map(u => u.role).sort()).toEqual(['ATTACHMENT', 'RESOURCE'])
    expect(await auditActions(handout.id)).toEqual(['LINK', 'LINK', 'UNLINK', 'UNLINK', 'DELETE'])

    // The second lesson goes away: its link cannot come back, and the restore says so.
    expect((await owner.post(`/api/courses/${course.id}/outline/delete`, { lessonIds: [lessons[1]!.id] })).status).toBe(200)
    const live = await file(ownerId, { name: 'never trashed.pdf' })
    const restored = data(await bulk(owner, { action: 'restore', ids: [video.id, handout.id, live.id], relink: true }))
    expect(restored.results.every(r => r.ok)).toBe(true)
    const handoutResult = byId(restored).get(handout.id) as Extract<MediaBulkResult, { ok: true }>
    expect(handoutResult.file).toMatchObject({ id: handout.id, usageCount: 1 })
    expect(handoutResult.notes).toEqual([expect.stringMatching(/^Not re-linked to .*Curves: The lesson was deleted$/)])
    expect(byId(restored).get(video.id)).toMatchObject({ ok: true, file: { usageCount: 1 } })
    expect(await testDb().video.findUniqueOrThrow({ where: { id: lessons[0]!.id } })).toMatchObject({ mediaFileId: video.id, status: 'READY' })
    // Restoring a live file is a no-op that succeeds.
    expect(byId(restored).get(live.id)).toMatchObject({ ok: true })
    expect(await auditActions(live.id)).toEqual([])
    expect(data(await owner.get<MediaTrashItem[]>('/api/media/trash'))).toEqual([])
  })

  it('deletes for good only files in the trash, with their bytes, and fails live ones', async () => {
    const { owner, ownerId } = await studio()
    const root = inject('storageDir')
    const binned = await file(ownerId, { name: 'binned.pdf', deletedAt: new Date(), deletedById: ownerId, store: { root, bytes: Buffer.from('%PDF-1.4 binned') } })
    const live = await file(ownerId, { name: 'live.pdf', store: { root, bytes: Buffer.from('%PDF-1.4 live') } })
    const answer = data(await bulk(owner, { action: 'deleteForever', ids: [binned.id, live.id] }))
    expect(answer.results).toEqual([{ id: binned.id, ok: true }, { id: live.id, ok: false, code: 'CONFLICT', reason: expect.stringContaining('trash first') }])
    expect(await testDb().mediaFile.findUnique({ where: { id: binned.id } })).toBeNull()
    expect(existsSync(join(root, 'files', binned.storageKey))).toBe(false)
    expect(existsSync(join(root, 'files', live.storageKey))).toBe(true)
    expect(await auditActions(binned.id)).toEqual(['PURGE'])
  })
})

describeWithDatabase('media bulk: tags, links, edits', () => {
  it('adds and removes tags per instructor, lists them with counts and filters the library by tag', async () => {
    const { owner, ownerId } = await studio()
    const files = [await file(ownerId, { name: 'w1 slides.pptx' }), await file(ownerId, { name: 'w1 notes.pdf' }), await file(ownerId, { name: 'w2 notes.pdf' })]
    const ids = files.map(f => f.id)
    const added = data(await bulk(owner, { action: 'addTags', ids: ids.slice(0, 2), tags: ['  Week  1 ', 'notes'] }))
    expect(added.results.map(r => r.ok && r.file?.tags)).toEqual([['notes', 'week 1'], ['notes', 'week 1']])
    data(await bulk(owner, { action: 'addTags', ids: [ids[2]], tags: ['notes', 'week 2'] }))
    // Adding a tag a file has already changes nothing and writes no history.
    data(await bulk(owner, { action: 'addTags', ids: [ids[2]], tags: ['notes'] }))
    expect(await auditActions(ids[2]!)).toEqual(['TAG'])

    // Another instructor's tag of the same name is theirs alone.
    const other = await signedUp()
    const theirs = await file(other.user!.id, { name: 'their notes.pdf' })
    data(await bulk(other, { action: 'addTags', ids: [theirs.id], tags: ['notes'] }))

    expect(data(await owner.get<MediaTagCount[]>('/api/media/tags'))).toEqual([{ name: 'notes', count: 3 }, { name: 'week 1', count: 2 }, { name: 'week 2', count: 1 }])
    const names = async (query: string) => (await list(owner, `${query}&sort=name`)).items.map(i => i.name)
    expect(await names('tag=week%201')).toEqual(['w1 notes.pdf', 'w1 slides.pptx'])
    expect(await names('tag=NOTES')).toEqual(['w1 notes.pdf', 'w1 slides.pptx', 'w2 notes.pdf'])
    expect(await names('tag=nothing')).toEqual([])

    const removed = data(await bulk(owner, { action: 'removeTags', ids, tags: ['week 1'] }))
    expect(removed.results.map(r => r.ok && r.file?.tags)).toEqual([['notes'], ['notes'], ['notes', 'week 2']])
    expect(await names('tag=week%201')).toEqual([])
    expect(data(await owner.get<MediaTagCount[]>('/api/media/tags'))).toEqual([{ name: 'notes', count: 3 }, { name: 'week 2', count: 1 }])
    const tagEntry = await testDb().mediaAudit.findFirstOrThrow({ where: { mediaFileId: ids[0], action: 'TAG' }, orderBy: { createdAt: 'desc' } })
    expect(tagEntry.after).toEqual({ added: [], removed: ['week 1'] })
    // A trashed file's tags are not counted, and it cannot be tagged.
    data(await bulk(owner, { action: 'trash', ids: [ids[2]] }))
    expect(data(await owner.get<MediaTagCount[]>('/api/media/tags'))).toEqual([{ name: 'notes', count: 2 }])
    expect(byId(data(await bulk(owner, { action: 'addTags', ids: [ids[2]], tags: ['x'] }))).get(ids[2]!)).toMatchObject({ ok: false, code: 'CONFLICT' })
  })

  it('links many files to one lesson idempotently, unlinks them everywhere, and refuses one lesson video for several files', async () => {
    const { owner, ownerId, course, lessons } = await studio()
    const files = [await file(ownerId, { name: 'one.pdf' }), await file(ownerId, { name: 'two.pdf' }), await file(ownerId, { name: 'old.pdf', deletedAt: new Date(), deletedById: ownerId })]
    const target = { targetType: 'LESSON', targetId: lessons[0]!.id, role: 'HANDOUT' }
    const first = data(await bulk(owner, { action: 'link', ids: files.map(f => f.id), target }))
    expect(first.results.map(r => (r.ok ? r.file?.usageCount : r.code))).toEqual([1, 1, 'CONFLICT'])
    const again = data(await bulk(owner, { action: 'link', ids: files.slice(0, 2).map(f => f.id), target }))
    expect(again.summary).toMatchObject({ succeeded: 2, failed: 0 })
    expect(await testDb().mediaLink.count({ where: { targetId: lessons[0]!.id } })).toBe(2)
    expect(await auditActions(files[0]!.id)).toEqual(['LINK'])

    // A place of another instructor fails for every file, like a missing one.
    const foreign = await studio()
    const refused = data(await bulk(owner, { action: 'link', ids: [files[0]!.id], target: { ...target, targetId: foreign.lessons[0]!.id } }))
    expect(refused.results[0]).toMatchObject({ ok: false, code: 'NOT_FOUND', reason: 'Lesson not found' })

    const twoVideos = await bulk(owner, { action: 'link', ids: files.slice(0, 2).map(f => f.id), target: { ...target, role: 'VIDEO' } })
    expect(twoVideos.status).toBe(400)
    expect(twoVideos.body).toMatchObject({ success: false, error: { code: 'VALIDATION', fields: { 'target.role': [expect.stringContaining('single video')] } } })

    // Unlink everywhere: the link rows and a lesson's video.
    const clip = await file(ownerId, { name: 'clip.mp4', mimeType: 'video/mp4', durationSeconds: 12 })
    data(await link(owner, clip.id, { targetType: 'LESSON', targetId: lessons[1]!.id, role: 'VIDEO' }))
    data(await link(owner, files[0]!.id, { targetType: 'COURSE', targetId: course.id, role: 'RESOURCE' }))
    const unlinked = data(await bulk(owner, { action: 'unlinkAll', ids: [files[0]!.id, clip.id, files[1]!.id] }))
    expect(unlinked.results.map(r => r.ok && [r.file?.usageCount, r.file?.trashedUsageCount])).toEqual([[0, 0], [0, 0], [0, 0]])
    expect(await testDb().mediaLink.count({ where: { mediaFileId: { in: [files[0]!.id, files[1]!.id] } } })).toBe(0)
    expect(await testDb().video.findUniqueOrThrow({ where: { id: lessons[1]!.id } })).toMatchObject({ mediaFileId: null, status: 'DRAFT' })
    expect(await auditActions(files[0]!.id)).toEqual(['LINK', 'LINK', 'UNLINK', 'UNLINK'])
    expect(await auditActions(clip.id)).toEqual(['LINK', 'UNLINK'])
    // Nothing left to unlink: still a success, no history.
    expect(data(await bulk(owner, { action: 'unlinkAll', ids: [clip.id] })).summary.succeeded).toBe(1)
    expect(await auditActions(clip.id)).toEqual(['LINK', 'UNLINK'])
  })

  it('edits alt text of images only and tags of any file, sending each file its own result', async () => {
    const { owner, ownerId } = await studio()
    const photo = await file(ownerId, { name: 'photo.jpg', mimeType: 'image/jpeg' })
    const chart = await file(ownerId, { name: 'chart.png', mimeType: 'image/png' })
    const pdf = await file(ownerId, { name: 'doc.pdf' })
    const answer = data(await bulk(owner, { action: 'edit', ids: [photo.id, chart.id, pdf.id], changes: { altText: '  A graded shot ', addTags: ['Stills'] } }))
    expect(answer.results.map(r => (r.ok ? [r.file?.altText, r.file?.tags] : r.code))).toEqual([['A graded shot', ['stills']], ['A graded shot', ['stills']], 'UNPROCESSABLE'])
    // The failing file changed nothing at all (its tags neither): one transaction per file.
    expect((await detail(owner, pdf.id)).tags).toEqual([])
    expect(await auditActions(photo.id)).toEqual(['EDIT', 'TAG'])
    const edit = await testDb().mediaAudit.findFirstOrThrow({ where: { mediaFileId: photo.id, action: 'EDIT' } })
    expect([edit.before, edit.after]).toEqual([{ altText: null }, { altText: 'A graded shot' }])
    // An empty alt text clears it.
    const cleared = data(await bulk(owner, { action: 'edit', ids: [photo.id], changes: { altText: '' } }))
    expect(cleared.results[0]).toMatchObject({ ok: true, file: { altText: null, tags: ['stills'] } })
    expect((await list(owner, 'q=photo')).items[0]).toMatchObject({ altText: null, tags: ['stills'] })
  })
})

describeWithDatabase('media bulk: zip download', () => {
  it('streams the owner\'s files as one zip with de-duplicated names and the stored bytes', async () => {
    const { owner, ownerId } = await studio()
    const root = inject('storageDir')
    const notes = Buffer.from('notes '.repeat(500))
    const image = Buffer.from([0x89, 0x50, 0x4E, 0x47, 1, 2, 3, 4, 5])
    const a = await file(ownerId, { name: 'Notes.txt', mimeType: 'text/plain', store: { root, bytes: notes } })
    const b = await file(ownerId, { name: 'notes.txt', mimeType: 'text/plain', store: { root, bytes: Buffer.from('second') } })
    const c = await file(ownerId, { name: 'cover.png', mimeType: 'image/png', store: { root, bytes: image } })
    const response = await download(owner, [a.id, b.id, c.id])
    expect(response.status).toBe(200)
    expect(response.headers.get('content-type')).toBe('application/zip')
    expect(response.headers.get('content-disposition')).toMatch(/^attachment; filename="lectern-files-\d{4}-\d{2}-\d{2}\.zip"$/)
    const entries = readZip(Buffer.from(await response.arrayBuffer()))
    expect(entries.map(e => e.name)).toEqual(['Notes.txt', 'notes (2).txt', 'cover.png'])
    expect(entries[0]!.data.equals(notes)).toBe(true)
    expect(entries[0]!.method).toBe(8) // text is deflated…
    expect(entries[1]!.data.toString()).toBe('second')
    expect(entries[2]).toMatchObject({ method: 0 }) // …an image is stored as is
    expect(entries[2]!.data.equals(image)).toBe(true)
    // The same files as one form field per file.
    const repeated = await download(owner, [a.id, c.id], 'repeated')
    expect(readZip(Buffer.from(await repeated.arrayBuffer())).map(e => e.name)).toEqual(['Notes.txt', 'cover.png'])
  })

  it('takes a whole selection of 500 files, whose ids would not fit in an address, as a form or as JSON', async () => {
    const { owner, ownerId } = await studio()
    await createManyMediaFiles(testDb(), ownerId, MEDIA_BULK_MAX, { name: i => `Sheet ${i}.txt` })
    const rows = await testDb().mediaFile.findMany({ where: { ownerId }, select: { id: true, storageKey: true } })
    const root = inject('storageDir')
    for (const row of rows) writeFileSync(join(root, 'files', row.storageKey), row.id)
    const ids = rows.map(row => row.id)
    expect(ids.join(',').length).toBeGreaterThan(8 * 1024)
    for (const as of ['form', 'json'] as const) {
      const response = await download(owner, ids, as)
      expect(response.status).toBe(200)
      const entries = readZip(Buffer.from(await response.arrayBuffer()))
      expect(entries).toHaveLength(MEDIA_BULK_MAX)
      expect(new Set(entries.map(e => e.data.toString()))).toEqual(new Set(ids))
    }
    expect((await download(owner, [...ids, ids[0]!.replace(/.$/, 'x')])).status).toBe(400)
  })

  it('refuses anyone but the owner, unknown and unfinished files, and bad lists', async () => {
    const { owner, ownerId } = await studio()
    const mine = await file(ownerId, { name: 'mine.pdf', store: { root: inject('storageDir'), bytes: Buffer.from('%PDF mine') } })
    const uploading = await file(ownerId, { name: 'half.pdf', status: 'UPLOADING' })
    const theirs = await file((await signedUp()).user!.id, { name: 'theirs.pdf' })
    const cases: [string, ApiClient, string[], number][] = [
      ['anonymous', new ApiClient(), [mine.id], 401],
      ['student', await signedUp({ role: 'STUDENT' }), [mine.id], 403],
      ['other instructor', await signedUp(), [mine.id], 404],
      ['owner with a foreign id', owner, [mine.id, theirs.id], 404],
      ['owner with an unknown id', owner, [mine.id, 'nope'], 404],
      ['owner with an unfinished file', owner, [uploading.id], 409],
      ['owner with a file whose bytes are gone', owner, [mine.id, (await file(ownerId, { name: 'lost.pdf' })).id], 404],
      ['owner with no ids', owner, [], 400],
      ['owner with a bad id', owner, ['../etc'], 400],
    ]
    for (const [who, client, ids, status] of cases) {
      const response = await download(client, ids)
      expect({ who, status: response.status }).toEqual({ who, status })
      expect(await response.json()).toMatchObject({ success: false, error: { code: expect.any(String) } })
    }
  })
})

describeWithDatabase('media bulk: access and validation', () => {
  it('answers anonymous 401 and students 403; another instructor\'s ids fail per file and nothing changes', async () => {
    const { owner, ownerId, course } = await studio()
    const pdf = await file(ownerId, { name: 'private.pdf' })
    const body = { action: 'trash', ids: [pdf.id] }
    expect((await bulk(new ApiClient(), body)).status).toBe(401)
    expect((await bulk(await signedUp({ role: 'STUDENT' }), body)).status).toBe(403)
    const other = await signedUp()
    for (const attempt of [
      { action: 'trash', ids: [pdf.id] },
      { action: 'unlinkAndTrash', ids: [pdf.id] },
      { action: 'addTags', ids: [pdf.id], tags: ['mine now'] },
      { action: 'edit', ids: [pdf.id], changes: { addTags: ['x'] } },
      { action: 'link', ids: [pdf.id], target: { targetType: 'COURSE', targetId: course.id, role: 'RESOURCE' } },
      { action: 'unlinkAll', ids: [pdf.id] },
    ]) {
      const answer = data(await bulk(other, attempt))
      expect({ action: attempt.action, results: answer.results }).toEqual({ action: attempt.action, results: [{ id: pdf.id, ok: false, code: 'NOT_FOUND', reason: expect.any(String) }] })
    }
    expect(await detail(owner, pdf.id)).toMatchObject({ name: 'private.pdf', tags: [], usageCount: 0 })
    expect(await auditActions(pdf.id)).toEqual([])
  })

  it('refuses malformed bodies with 400 and field errors, changing nothing', async () => {
    const { owner, ownerId } = await studio()
    const pdf = await file(ownerId, { name: 'kept.pdf' })
    const tooMany = Array.from({ length: 501 }, (_, i) => `id-${i}`)
    const bodies: [string, unknown][] = [
      ['unknown action', { action: 'explode', ids: [pdf.id] }],
      ['no action', { ids: [pdf.id] }],
      ['no ids', { action: 'trash' }],
      ['empty ids', { action: 'trash', ids: [] }],
      ['too many ids', { action: 'trash', ids: tooMany }],
      ['a bad id', { action: 'trash', ids: ['a/b'] }],
      ['ids not a list', { action: 'trash', ids: pdf.id }],
      ['tags missing', { action: 'addTags', ids: [pdf.id] }],
      ['an empty tag', { action: 'addTags', ids: [pdf.id], tags: ['  '] }],
      ['a tag with a comma', { action: 'addTags', ids: [pdf.id], tags: ['a,b'] }],
      ['a parameter of another action', { action: 'trash', ids: [pdf.id], relink: true }],
      ['an edit changing nothing', { action: 'edit', ids: [pdf.id], changes: {} }],
      ['an edit adding and removing one tag', { action: 'edit', ids: [pdf.id], changes: { addTags: ['x'], removeTags: ['x'] } }],
      ['a link to a place that cannot take the role', { action: 'link', ids: [pdf.id], target: { targetType: 'CHAPTER', targetId: 'c1', role: 'COVER' } }],
      ['a list as the body', [pdf.id]],
    ]
    for (const [what, body] of bodies) {
      const result = await bulk(owner, body)
      expect({ what, status: result.status }).toEqual({ what, status: 400 })
      expect(result.body).toMatchObject({ success: false, error: { code: 'VALIDATION', fields: expect.any(Object) } })
    }
    const notJson = await owner.request('POST', '/api/media/bulk', undefined, { headers: { 'content-type': 'application/json' }, rawBody: '{"action":' })
    expect(notJson.status).toBe(400)
    expect(notJson.body).toMatchObject({ success: false })
    const notJsonType = await owner.request('POST', '/api/media/bulk', undefined, { headers: { 'content-type': 'text/plain' }, rawBody: 'trash everything' })
    expect(notJsonType.status).toBe(400)
    expect(await detail(owner, pdf.id)).toMatchObject({ name: 'kept.pdf', tags: [] })
    expect(await auditActions(pdf.id)).toEqual([])
    expect(await testDb().mediaTag.count({ where: { ownerId } })).toBe(0)
  })

  it('answers a list of MediaItem-shaped files with tags and alt text from the plain list route', async () => {
    const { owner, ownerId } = await studio()
    const pdf = await file(ownerId, { name: 'shape.pdf' })
    const item: MediaItem = (await list(owner, 'q=shape')).items[0]!
    expect(item).toMatchObject({ id: pdf.id, altText: null, tags: [] })
    expect((await owner.get('/api/media?tag=a,b')).status).toBe(400)
  })
})
