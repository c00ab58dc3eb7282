import { beforeAll, describe, expect, it } from 'vitest'
import type { PerformanceInsights, StorageInsights, UploadsInsights, UsageInsights } from '../../shared/types/media-insights'
import { createCourse, createEnrollment, createOutline, createUser } from '../../prisma/seed/factories'
import { ApiClient, data, signedUp } from '../support/api-client'
import { describeWithDatabase, testDb } from '../support/database'
import { createLibraryFile, createProgress, dayOf } from '../support/media-insights-fixtures'
import { refreshInsights } from '../support/insights'

const ENDPOINTS = ['storage', 'usage', 'uploads', 'performance'] as const

describe('media insights refuse', () => {
  it('anonymous visitors (401) and students (403) on every endpoint', async () => {
    const student = await signedUp({ role: 'STUDENT' })
    for (const endpoint of ENDPOINTS) {
      expect((await new ApiClient().get(`/api/media/insights/${endpoint}`)).status).toBe(401)
      expect((await student.get(`/api/media/insights/${endpoint}`)).status).toBe(403)
    }
  })

  it('ranges that are backwards, in the future, longer than two years, incomplete or unknown (400 with the field)', async () => {
    const instructor = await signedUp()
    const bad: [string, string][] = [
      [`preset=custom&from=${dayOf(5)}&to=${dayOf(10)}`, 'to'],
      [`preset=custom&from=${dayOf(5)}&to=${dayOf(-3)}`, 'to'],
      [`preset=custom&from=${dayOf(800)}&to=${dayOf(0)}`, 'to'],
      [`preset=custom&to=${dayOf(0)}`, 'from'],
      [`preset=custom&from=2026-02-30&to=${dayOf(0)}`, 'from'],
      ['preset=5y', 'preset'],
    ]
    for (const endpoint of ENDPOINTS) {
      for (const [query, field] of bad) {
        const result = await instructor.get(`/api/media/insights/${endpoint}?${query}`)
        expect(result.status, `${endpoint}?${query}`).toBe(400)
        expect(result.body.success ? null : result.body.error.fields, `${endpoint}?${query}`).toHaveProperty(field)
      }
    }
    // Exactly two years (731 days, both ends included) is allowed.
    expect((await instructor.get(`/api/media/insights/storage?preset=custom&from=${dayOf(730)}&to=${dayOf(0)}`)).status).toBe(200)
  })
})

describeWithDatabase('media insights', () => {
  // The range the tests read: 20 to 10 days ago, 11 day buckets.
  const RANGE = `preset=custom&from=${dayOf(20)}&to=${dayOf(10)}`
  let owner: ApiClient
  const ids: Record<string, string> = {}

  beforeAll(async () => {
    const db = testDb()
    owner = await signedUp()
    const ownerId = owner.user!.id
    const live = await createCourse(db, ownerId, { title: 'Insight Course', status: 'PUBLISHED' })
    const trashed = await createCourse(db, ownerId, { title: 'Old Course', deletedAt: new Date() })
    const [chapter] = await createOutline(db, live.id, [['One', ['L1', 'L2', 'L4']]])
    const [oldChapter] = await createOutline(db, trashed.id, [['Old', ['L3']]])
    const [l1, l2, l4] = chapter!.videos
    const l3 = oldChapter!.videos[0]!

    const file = async (key: string, options: Parameters<typeof createLibraryFile>[2]) => {
      ids[key] = (await createLibraryFile(db, ownerId, options)).id
    }
    await file('lecture', { name: 'lecture.mp4', size: 1000, daysAgo: 15, mimeType: 'video/mp4' })
    await file('slides', { name: 'Deck.PPTX', size: 300, daysAgo: 12 })
    await file('notes', { name: 'notes.pdf', size: 200, daysAgo: 12 })
    await file('photo', { name: 'photo', size: 50, daysAgo: 30, mimeType: 'image/png' })
    await file('old', { name: 'old.zip', size: 70, daysAgo: 25, deletedDaysAgo: 11 })
    await file('data', { name: 'data.bin', size: 5, daysAgo: 5 })
    await file('clip', { name: 'clip.webm', size: 400, daysAgo: 14 })
    await file('draft', { name: 'draft.mov', size: 60, daysAgo: 13, deletedDaysAgo: 12 })
    await file('welcome', { name: 'welcome.mp4', size: 10, daysAgo: 30, purpose: 'LESSON' })
    // Not library files: a message attachment and an unfinished upload.
    await file('attachment', { name: 'att.pdf', size: 9999, daysAgo: 14, purpose: 'ATTACHMENT' })
    await file('partial', { name: 'partial.mp4', size: 8888, daysAgo: 14, status: 'UPLOADING' })

    await db.video.update({ where: { id: l1!.id }, data: { mediaFileId: ids.lecture } })
    await db.video.update({ where: { id: l2!.id }, data: { mediaFileId: ids.lecture } })
    await db.video.update({ where: { id: l4!.id }, data: { mediaFileId: ids.welcome } })
    await db.video.update({ where: { id: l3.id }, data: { mediaFileId: ids.clip } })
    await db.mediaLink.createMany({
      data: [
        { mediaFileId: ids.lecture!, ownerId, targetType: 'COURSE', targetId: live.id, role: 'RESOURCE', courseId: live.id },
        { mediaFileId: ids.slides!, ownerId, targetType: 'CHAPTER', targetId: chapter!.id, role: 'RESOURCE', courseId: live.id, chapterId: chapter!.id },
        { mediaFileId: ids.slides!, ownerId, targetType: 'COURSE', targetId: trashed.id, role: 'RESOURCE', courseId: trashed.id },
      ],
    })

    const [s1, s2, s3] = await Promise.all([1, 2, 3].map(() => createUser(db, { role: 'STUDENT' })))
    const [e1, e2, e3] = await Promise.all([s1, s2, s3].map(s => createEnrollment(db, live.id, s!.id)))
    await createProgress(db, e1!.id, l1!.id, { savedDaysAgo: 14, completedDaysAgo: 14 })
    await createProgress(db, e2!.id, l1!.id, { savedDaysAgo: 13 })
    await createProgress(db, e3!.id, l2!.id, { savedDaysAgo: 12, completedDaysAgo: 12 })
    await createProgress(db, e1!.id, l2!.id, { savedDaysAgo: 5, completedDaysAgo: 18 }) // completed in the range, rewatched after
    await createProgress(db, e2!.id, l2!.id, { savedDaysAgo: 25 }) // before the range
    await createProgress(db, e1!.id, l4!.id, { savedDaysAgo: 11 })

    // Another instructor's file inside the same range must not leak into the owner's figures.
    const other = await createUser(db)
    await createLibraryFile(db, other.id, { name: 'foreign.mp4', size: 123456, daysAgo: 15 })
    await refreshInsights()
  })

  it('storage: bytes and files per kind now (trash apart, attachments and unfinished uploads left out), and bytes stored at the end of each day', async () => {
    const storage = data(await owner.get<StorageInsights>(`/api/media/insights/storage?${RANGE}`))
    expect(storage.range).toMatchObject({ preset: 'custom', from: dayOf(20), to: dayOf(10), bucket: 'day' })
    expect(storage.byKind).toEqual([
      { kind: 'video', files: 3, bytes: 1410 },
      { kind: 'slides', files: 1, bytes: 300 },
      { kind: 'pdf', files: 1, bytes: 200 },
      { kind: 'image', files: 1, bytes: 50 },
      { kind: 'other', files: 1, bytes: 5 },
    ])
    expect(storage.total).toEqual({ files: 7, bytes: 1965 })
    expect(storage.trash).toEqual({ files: 2, bytes: 130 })
    expect(storage.overTime.map(b => b.bucket)).toEqual(Array.from({ length: 11 }, (_, i) => dayOf(20 - i)))
    expect(storage.overTime.map(b => b.bytes)).toEqual([130, 130, 130, 130, 130, 1130, 1530, 1590, 2030, 1960, 1960])
    expect(storage.overTime.at(-1)!.byKind).toEqual({ video: 1410, slides: 300, pdf: 200, image: 50 })
  })

  it('usage: files uploaded in the range, most used first (trashed courses apart), and never-used files with the bytes they would free', async () => {
    const usage = data(await owner.get<UsageInsights>(`/api/media/insights/usage?${RANGE}`))
    expect(usage.uploadedInRange).toEqual({ files: 4, bytes: 1900 })
    expect(usage.mostUsed.map(f => [f.name, f.usageCount, f.trashedUsageCount])).toEqual([['lecture.mp4', 3, 0], ['Deck.PPTX', 1, 1]])
    expect(usage.mostUsed[0]).toMatchObject({ id: ids.lecture, kind: 'video', sizeBytes: 1000, createdAt: expect.stringMatching(new RegExp(`^${dayOf(15)}T`)) })
    // clip.webm is only used by a lesson of a trashed course: a cleanup candidate, its place shown.
    expect(usage.unused.largest.map(f => [f.name, f.sizeBytes, f.usageCount, f.trashedUsageCount])).toEqual([['clip.webm', 400, 0, 1], ['notes.pdf', 200, 0, 0]])
    expect(usage.unused.inRange).toEqual({ files: 2, bytes: 600 })
    expect(usage.unused.allTime).toEqual({ files: 4, bytes: 655 })
  })

  it('uploads: per day and kind inside the range only, trashed uploads included', async () => {
    const uploads = data(await owner.get<UploadsInsights>(`/api/media/insights/uploads?${RANGE}`))
    expect(uploads.buckets).toHaveLength(11)
    const nonEmpty = uploads.buckets.filter(b => b.files).map(b => [b.bucket, b.files, b.bytes, b.byKind])
    expect(nonEmpty).toEqual([
      [dayOf(15), 1, 1000, { video: 1 }],
      [dayOf(14), 1, 400, { video: 1 }],
      [dayOf(13), 1, 60, { video: 1 }],
      [dayOf(12), 2, 500, { slides: 1, pdf: 1 }],
    ])
    expect(uploads.total).toEqual({ files: 5, bytes: 1960 })

    const lastWeek = data(await owner.get<UploadsInsights>('/api/media/insights/uploads?preset=7d'))
    expect(lastWeek.range).toMatchObject({ from: dayOf(6), to: dayOf(0), bucket: 'day' })
    expect(lastWeek.total).toEqual({ files: 1, bytes: 5 })
    const year = data(await owner.get<UploadsInsights>('/api/media/insights/uploads?preset=12m'))
    expect(year.range.bucket).toBe('month')
    expect(year.buckets).toHaveLength(12)
    expect(year.total).toEqual({ files: 9, bytes: 2095 })
  })

  it('performance: views and completions in the range for the lessons (in live courses) using each video file', async () => {
    const performance = data(await owner.get<PerformanceInsights>(`/api/media/insights/performance?${RANGE}`))
    expect(performance.videos).toEqual([
      { id: ids.lecture, name: 'lecture.mp4', durationSeconds: null, lessonCount: 2, lessons: ['Insight Course › L1', 'Insight Course › L2'], views: 4, completions: 3, completionRate: 0.75 },
      { id: ids.welcome, name: 'welcome.mp4', durationSeconds: null, lessonCount: 1, lessons: ['Insight Course › L4'], views: 1, completions: 0, completionRate: 0 },
    ])
    expect(performance.totals).toEqual({ videos: 2, lessons: 3, views: 5, completions: 3 })

    const lastWeek = data(await owner.get<PerformanceInsights>('/api/media/insights/performance?preset=7d'))
    expect(lastWeek.videos.map(v => [v.name, v.views, v.completions, v.completionRate])).toEqual([['lecture.mp4', 1, 0, 0], ['welcome.mp4', 0, 0, null]])
  })

  it('another instructor sees only their own library', async () => {
    const other = await signedUp()
    await createLibraryFile(testDb(), other.user!.id, { name: 'mine.pdf', size: 42, daysAgo: 15 })
    await refreshInsights()
    const storage = data(await other.get<StorageInsights>(`/api/media/insights/storage?${RANGE}`))
    expect(storage.byKind).toEqual([{ kind: 'pdf', files: 1, bytes: 42 }])
    expect(storage.trash).toEqual({ files: 0, bytes: 0 })
    const usage = data(await other.get<UsageInsights>(`/api/media/insights/usage?${RANGE}`))
    expect(usage.mostUsed).toEqual([])
    expect(usage.unused.largest.map(f => f.name)).toEqual(['mine.pdf'])
    expect(data(await other.get<UploadsInsights>(`/api/media/insights/uploads?${RANGE}`)).total).toEqual({ files: 1, bytes: 42 })
    expect(data(await other.get<PerformanceInsights>(`/api/media/insights/performance?${RANGE}`)).totals).toEqual({ videos: 0, lessons: 0, views: 0, completions: 0 })
  })

  it('come from the summaries: a new link moves nothing until the job runs again, and a run with nothing new rewrites no row', async () => {
    const db = testDb()
    const other = await signedUp()
    const ownerId = other.user!.id
    const course = await createCourse(db, ownerId, { title: 'Summary Course', status: 'PUBLISHED' })
    const file = await createLibraryFile(db, ownerId, { name: 'sheet.pdf', size: 77, daysAgo: 15 })
    await refreshInsights()
    const usage = async () => data(await other.get<UsageInsights>(`/api/media/insights/usage?${RANGE}`))
    const figureRows = () => db.$queryRaw<{ xmin: string, usageCount: number }[]>`
      SELECT xmin::text AS xmin, "usageCount" FROM "MediaFileFigure" WHERE "ownerId" = ${ownerId}`

    // Holding the job's lock, so no run (scheduled, or another test file's) lands in between.
    const before = await db.$transaction(async (tx) => {
      await tx.$queryRaw`SELECT kind FROM "InsightsRefresh" WHERE kind = 'media' FOR UPDATE`
      const before = await usage()
      await db.mediaLink.create({ data: { mediaFileId: file.id, ownerId, targetType: 'COURSE', targetId: course.id, role: 'RESOURCE', courseId: course.id } })
      expect(await usage()).toEqual(before)
      return before
    }, { timeout: 30_000 })
    expect(before.unused.largest.map(f => f.name)).toEqual(['sheet.pdf'])
    expect(before.computedAt).toEqual(expect.any(String))

    await refreshInsights()
    const after = await usage()
    expect(after.mostUsed.map(f => [f.name, f.usageCount])).toEqual([['sheet.pdf', 1]])
    expect(after.unused.largest).toEqual([])

    const rows = await figureRows()
    await refreshInsights()
    expect(await figureRows()).toEqual(rows)
    expect(await usage()).toMatchObject({ mostUsed: after.mostUsed, unused: after.unused })
  })
})
