// Published courses with real, processed lesson videos, made the way an instructor makes them:
// create, add a chapter, upload videos (tus), wait for processing, mark a free preview, publish.
import { expect } from 'vitest'
import { buildCourse } from '../../prisma/seed/factories'
import type { Course } from '../../shared/types/course'
import type { Chapter, Lesson } from '../../shared/types/outline'
import type { ApiClient } from './api-client'
import { data } from './api-client'
import { createUpload, sendAll } from './tus-client'
import { fileBytes, sampleVideo } from './video-fixtures'

export interface PublishedCourse {
  course: Course
  lessons: Lesson[]
}

export async function publishedCourse(owner: ApiClient, options: { lessons?: number, seconds?: number, video?: string, priceCents?: number | null, title?: string, publish?: boolean, category?: string, level?: string } = {}): Promise<PublishedCourse> {
  const { lessons: count = 2, seconds = 20, priceCents = null, publish = true } = options
  const { title, description, category } = buildCourse({ ...(options.title ? { title: options.title } : {}), ...(options.category ? { category: options.category as never } : {}) })
  const course = data(await owner.post<Course>('/api/courses', { title, description, category }))
  if (options.level || priceCents !== null) expect((await owner.patch(`/api/courses/${course.id}`, { ...(options.level ? { level: options.level } : {}), ...(priceCents !== null ? { priceCents } : {}) })).status).toBe(200)
  const chapter = data(await owner.post<Chapter>(`/api/courses/${course.id}/chapters`, { title: 'Getting started' }))
  const bytes = fileBytes(options.video ?? sampleVideo(seconds))
  for (let i = 0; i < count; i++) {
    const { url } = await createUpload(owner, { size: bytes.length, metadata: { filename: `Lesson ${i + 1}.mp4`, filetype: 'video/mp4', target: 'lesson', chapterId: chapter.id } })
    await sendAll(owner, url!, bytes, 256 * 1024)
  }
  const outline = async () => data(await owner.get<Chapter[]>(`/api/courses/${course.id}/chapters`))[0]!.lessons
  // Processing runs as a job in a worker process (beforeAll cannot use expect.poll).
  for (const started = Date.now(); !(await outline()).every(v => v.status === 'READY');) {
    if (Date.now() - started > 60_000) throw new Error(`lessons not ready: ${(await outline()).map(v => v.status).join(', ')}`)
    await new Promise(done => setTimeout(done, 100))
  }
  const first = (await outline())[0]!
  expect((await owner.patch(`/api/lessons/${first.id}`, { freePreview: true })).status).toBe(200)
  if (publish) expect((await owner.post(`/api/courses/${course.id}/publish`, {})).status).toBe(200)
  return { course: data(await owner.get<Course>(`/api/courses/${course.id}`)), lessons: await outline() }
}
