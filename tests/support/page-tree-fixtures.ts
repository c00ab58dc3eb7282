// Data for the page-tree and accessibility pass: one instructor whose studio has something on
// every page (a published course with very long unbroken text, a student, a conversation, library
// files with long names, one linked, one in the trash, a deleted course), the student enrolled,
// and, with PostgreSQL, an observer linked to that student. Made through the API, as people do.
import { expect } from 'vitest'
import type { Course } from '../../shared/types/course'
import type { Chapter, Lesson } from '../../shared/types/outline'
import type { ConversationSummary } from '../../shared/types/conversation'
import type { ApiClient } from './api-client'
import { data, signedUp } from './api-client'
import { pngBytes, samplePdf } from './attachment-fixtures'
import { observerAccount, sendMessage } from './conversation-fixtures'
import { databaseUrl, testDb } from './database'
import { createUpload, sendAll } from './tus-client'

/** Text with no break opportunity, the worst case for a layout. */
export const unbroken = (length: number, word = 'Watercolour') => word.repeat(Math.ceil(length / word.length)).slice(0, length)

async function libraryFile(owner: ApiClient, file: { name: string, type: string, bytes: Buffer }): Promise<string> {
  const created = await createUpload(owner, { size: file.bytes.length, metadata: { filename: file.name, filetype: file.type, target: 'library' } })
  expect(created.status, created.body).toBe(201)
  expect((await sendAll(owner, created.url!, file.bytes, 64 * 1024)).status).toBe(204)
  return created.mediaId!
}

export interface PageTreeWorld {
  instructor: ApiClient
  student: ApiClient
  /** Null on PGlite: an observer account needs the shared database (see tests/support/database.ts). */
  observer: ApiClient | null
  course: Course
  lesson: Lesson
  conversationId: string
}

export async function pageTreeWorld(): Promise<PageTreeWorld> {
  const instructor = await signedUp({ role: 'INSTRUCTOR', name: 'Iris Longname-Instructor' })
  const course = data(await instructor.post<Course>('/api/courses', {
    title: unbroken(120, 'Brushwork'),
    description: unbroken(5000),
    category: 'Design',
  }))
  const chapter = data(await instructor.post<Chapter>(`/api/courses/${course.id}/chapters`, { title: unbroken(200, 'Chapter') }))
  const lesson = data(await instructor.post<Lesson>(`/api/chapters/${chapter.id}/lessons`, { title: unbroken(200, 'Lesson') }))
  await instructor.post(`/api/chapters/${chapter.id}/lessons`, { title: 'A short lesson' })
  expect((await instructor.patch(`/api/lessons/${lesson.id}`, { freePreview: true })).status).toBe(200)
  expect((await instructor.post(`/api/courses/${course.id}/publish`, {})).status).toBe(200)

  const student = await signedUp({ role: 'STUDENT', name: 'Sol Student' })
  expect((await student.post(`/api/catalog/${course.slug}/enrol`)).status).toBe(200)
  const [conversation] = data(await student.get<ConversationSummary[]>('/api/conversations'))
  const conversationId = conversation!.id
  expect((await sendMessage(student, conversationId, { type: 'DAILY_NOTE', body: `Today I practised ${unbroken(600)}` })).status).toBe(201)
  expect((await sendMessage(instructor, conversationId, { type: 'INSTRUCTOR_RESPONSE', body: 'Lovely work: keep the brush wetter.' })).status).toBe(201)

  // The library: an image with a long name linked to the lesson, a PDF, and a file in the trash.
  const image = await libraryFile(instructor, { name: `${unbroken(150, 'palette')}.png`, type: 'image/png', bytes: pngBytes('320x240') })
  await libraryFile(instructor, { name: 'Colour wheel handout.pdf', type: 'application/pdf', bytes: samplePdf() })
  const trashed = await libraryFile(instructor, { name: 'Old sketch.pdf', type: 'application/pdf', bytes: samplePdf() })
  // Processing runs as a job (beforeAll cannot use expect.poll).
  const ready = async () => data(await instructor.get<{ items: { status: string }[] }>('/api/media')).items.every(item => item.status === 'READY')
  for (const started = Date.now(); !(await ready());) {
    if (Date.now() - started > 30_000) throw new Error('library files not ready')
    await new Promise(done => setTimeout(done, 100))
  }
  expect((await instructor.post(`/api/media/${image}/links`, { targetType: 'LESSON', targetId: lesson.id, role: 'ATTACHMENT' })).status).toBe(201)
  expect((await instructor.post(`/api/media/${trashed}/trash`, {})).status).toBe(200)

  // "Recently deleted" has a course in it.
  const deleted = data(await instructor.post<Course>('/api/courses', { title: 'An abandoned draft', category: 'Design' }))
  expect((await instructor.delete(`/api/courses/${deleted.id}`)).status).toBe(200)

  let observer: ApiClient | null = null
  if (databaseUrl) {
    observer = await observerAccount('Opal Observer')
    await testDb().observerLink.create({ data: { observerId: observer.user!.id, studentId: student.user!.id, instructorId: instructor.user!.id } })
  }
  return { instructor, student, observer, course: data(await instructor.get<Course>(`/api/courses/${course.id}`)), lesson, conversationId }
}
