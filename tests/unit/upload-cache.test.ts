import { beforeEach, describe, expect, it } from 'vitest'
import { QueryClient } from '@tanstack/vue-query'
import type { Chapter, Lesson } from '../../shared/types/outline'
import { chapterKeys, lessonKeys } from '../../composables/queries/outline/keys'
import { applyWaitingProgress, uploadProgressed } from '../../composables/queries/upload/cache'

const lesson = (status: Lesson['status'] = 'UPLOADING'): Lesson => ({
  id: 'v1', chapterId: 'ch1', title: 'Intro', position: 0, status, durationSeconds: null, freePreview: false,
  failureReason: null, hasThumbnail: false, updatedAt: '2026-11-01T00:00:00.000Z',
})
const event = (bytes: number, operationId = 'op1') => ({
  type: 'upload-progress' as const, courseId: 'c1', chapterId: 'ch1', lessonId: 'v1', operationId,
  data: { progress: bytes / 10, bytes, total: 1000 },
})

describe('upload progress in the caches', () => {
  let client: QueryClient
  const fromChapters = () => client.getQueryData<Chapter[]>(chapterKeys.list('c1'))![0]!.lessons[0]!
  const fromLessonList = () => client.getQueryData<Lesson[]>(lessonKeys.list('ch1'))![0]!

  beforeEach(() => {
    client = new QueryClient()
    client.setQueryData(chapterKeys.list('c1'), [{ id: 'ch1', courseId: 'c1', title: 'One', position: 0, updatedAt: '', lessons: [lesson()] }])
    client.setQueryData(lessonKeys.list('ch1'), [lesson()])
  })

  it('writes the bytes into both the outline and the chapter\'s lesson list', () => {
    uploadProgressed(client, event(250), 1000)
    expect(fromChapters().upload).toMatchObject({ bytes: 250, total: 1000, progress: 25 })
    expect(fromLessonList().upload).toMatchObject({ bytes: 250, total: 1000 })
  })

  it('never moves a bar backwards: a lower byte count (late event, client echo) is ignored', () => {
    uploadProgressed(client, event(600), 1000)
    uploadProgressed(client, event(400), 1100)
    expect(fromChapters().upload!.bytes).toBe(600)
    expect(fromLessonList().upload!.bytes).toBe(600)
  })

  it('estimates the speed from successive events', () => {
    uploadProgressed(client, event(100), 1000)
    uploadProgressed(client, event(300), 2000) // 200 bytes in 1 s
    expect(fromChapters().upload!.bytesPerSecond).toBe(200)
    uploadProgressed(client, event(700), 3000) // 400 bytes in 1 s, smoothed
    expect(fromChapters().upload!.bytesPerSecond).toBeCloseTo(260)
  })

  it('prefers the server\'s reading times for the speed, so a burst of late events does not read as a spike', () => {
    const at = (bytes: number, serverAt: number) => ({ ...event(bytes), data: { ...event(bytes).data, at: serverAt } })
    uploadProgressed(client, at(100, 50_000), 1000)
    uploadProgressed(client, at(300, 51_000), 1010) // arrived 10 ms apart, read 1 s apart
    expect(fromChapters().upload!.bytesPerSecond).toBe(200)
    uploadProgressed(client, event(500), 2010) // an event without a reading time: arrival times
    expect(fromChapters().upload!.bytesPerSecond).toBeCloseTo(200 * 0.7 + 200 * 0.3)
  })

  it('keeps progress that arrives before the lesson row, and applies it when the outline loads', () => {
    const other = { ...event(500), lessonId: 'v2' }
    uploadProgressed(client, other, 1000)
    client.setQueryData(chapterKeys.list('c1'), [{ id: 'ch1', courseId: 'c1', title: 'One', position: 0, updatedAt: '', lessons: [lesson(), { ...lesson(), id: 'v2', position: 1 }] }])
    applyWaitingProgress(client, 'c1')
    expect(client.getQueryData<Chapter[]>(chapterKeys.list('c1'))![0]!.lessons[1]!.upload).toMatchObject({ bytes: 500 })
  })

  it('keeps progress that arrived while an outline fetch was under way: the fetch does not move the bar back', () => {
    client.setQueryData(chapterKeys.list('c1'), [{ id: 'ch1', courseId: 'c1', title: 'One', position: 0, updatedAt: '', lessons: [lesson()] }])
    uploadProgressed(client, event(500), 1000)
    // The refetch ran before those bytes arrived: its row has no live progress.
    client.setQueryData(chapterKeys.list('c1'), [{ id: 'ch1', courseId: 'c1', title: 'One', position: 0, updatedAt: '', lessons: [lesson()] }])
    applyWaitingProgress(client, 'c1')
    expect(fromChapters().upload).toMatchObject({ bytes: 500 })
  })

  it('does not bring back the progress of a cancelled upload when the outline is fetched again', () => {
    client.setQueryData(chapterKeys.list('c1'), [{ id: 'ch1', courseId: 'c1', title: 'One', position: 0, updatedAt: '', lessons: [lesson()] }])
    uploadProgressed(client, event(500), 1000)
    client.setQueryData(chapterKeys.list('c1'), [{ id: 'ch1', courseId: 'c1', title: 'One', position: 0, updatedAt: '', lessons: [lesson('DRAFT')] }])
    applyWaitingProgress(client, 'c1')
    expect(fromChapters().upload).toBeUndefined()
    expect(fromChapters().status).toBe('DRAFT')
  })

  it('ignores stragglers once the lesson is processing or ready', () => {
    client.setQueryData(chapterKeys.list('c1'), [{ id: 'ch1', courseId: 'c1', title: 'One', position: 0, updatedAt: '', lessons: [lesson('PROCESSING')] }])
    uploadProgressed(client, event(900), 1000)
    expect(fromChapters().upload).toBeUndefined()
    expect(fromChapters().status).toBe('PROCESSING')
  })

  describe('a replacement video\'s progress', () => {
    const ready = (): Lesson => ({ ...lesson('READY'), durationSeconds: 3, hasThumbnail: true })
    const replacing = (bytes: number) => ({ ...event(bytes, 'op2'), replacement: true as const })
    beforeEach(() => {
      client.setQueryData(chapterKeys.list('c1'), [{ id: 'ch1', courseId: 'c1', title: 'One', position: 0, updatedAt: '', lessons: [ready()] }])
      client.setQueryData(lessonKeys.list('ch1'), [ready()])
    })

    it('goes to the lesson\'s replacement in both caches; the lesson stays ready with its current video', () => {
      uploadProgressed(client, replacing(250), 1000)
      for (const row of [fromChapters(), fromLessonList()]) {
        expect(row).toMatchObject({ status: 'READY', durationSeconds: 3, hasThumbnail: true, replacement: { status: 'UPLOADING', upload: { bytes: 250, total: 1000 } } })
        expect(row.upload).toBeUndefined()
      }
    })

    it('is ignored once the replacement is processing, and when it already swapped in', () => {
      client.setQueryData(chapterKeys.list('c1'), [{ id: 'ch1', courseId: 'c1', title: 'One', position: 0, updatedAt: '', lessons: [{ ...ready(), replacement: { status: 'PROCESSING', fileName: 'new.mp4', failureReason: null } }] }])
      uploadProgressed(client, replacing(900), 1000)
      expect(fromChapters().replacement).toEqual({ status: 'PROCESSING', fileName: 'new.mp4', failureReason: null })
      client.setQueryData(chapterKeys.list('c1'), [{ id: 'ch1', courseId: 'c1', title: 'One', position: 0, updatedAt: '', lessons: [{ ...ready(), replacement: null }] }])
      uploadProgressed(client, replacing(1000), 1100)
      expect(fromChapters()).toMatchObject({ status: 'READY', replacement: null })
    })
  })
})
