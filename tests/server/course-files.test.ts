// A course's Files tab from the server's side: GET /api/courses/:id/files lists every library file
// used in the course by place (the course, its chapters, its lessons, lesson videos), follows
// links and unlinks made from either side, and answers only the course's owner.
import { expect, it } from 'vitest'
import type { CourseFileEntry, MediaUsage } from '../../shared/types/media'
import { createMediaFile } from '../../prisma/seed/media-factories'
import { ApiClient, data, signedUp } from '../support/api-client'
import { describeWithDatabase, testDb } from '../support/database'
import { studio } from '../support/media-fixtures'

const courseFiles = async (client: ApiClient, courseId: string) => data(await client.get<CourseFileEntry[]>(`/api/courses/${courseId}/files`))
const summary = (entries: CourseFileEntry[]) => entries.map(e => `${e.targetType}:${e.targetId}:${e.role}:${e.file.name}`).sort()

describeWithDatabase('course files (GET /api/courses/:id/files)', () => {
  it('lists the files of the course, its chapters and lessons by place, lesson videos included, and follows links and unlinks', async () => {
    const { owner, ownerId, course, chapter, lessons } = await studio('Files course')
    const [lesson1, lesson2] = lessons as [typeof lessons[0], typeof lessons[0]]
    const cover = await createMediaFile(testDb(), ownerId, { name: 'cover.png', mimeType: 'image/png', purpose: 'LIBRARY' })
    const sheet = await createMediaFile(testDb(), ownerId, { name: 'sheet.pdf', mimeType: 'application/pdf', purpose: 'LIBRARY' })
    const take = await createMediaFile(testDb(), ownerId, { name: 'take.mp4', mimeType: 'video/mp4', durationSeconds: 30, purpose: 'LIBRARY' })
    expect(await courseFiles(owner, course.id)).toEqual([])

    const link = (id: string, body: Pick<MediaUsage, 'targetType' | 'targetId' | 'role'>) => owner.post<MediaUsage>(`/api/media/${id}/links`, body)
    data(await link(cover.id, { targetType: 'COURSE', targetId: course.id, role: 'COVER' }))
    data(await link(sheet.id, { targetType: 'CHAPTER', targetId: chapter.id, role: 'RESOURCE' }))
    data(await link(sheet.id, { targetType: 'LESSON', targetId: lesson1.id, role: 'HANDOUT' }))
    data(await link(take.id, { targetType: 'LESSON', targetId: lesson2.id, role: 'VIDEO' }))

    const entries = await courseFiles(owner, course.id)
    expect(summary(entries)).toEqual([
      `CHAPTER:${chapter.id}:RESOURCE:sheet.pdf`,
      `COURSE:${course.id}:COVER:cover.png`,
      `LESSON:${lesson1.id}:HANDOUT:sheet.pdf`,
      `LESSON:${lesson2.id}:VIDEO:take.mp4`,
    ].sort())
    // Each entry carries the file as the library shows it: the sheet is used in two places.
    expect(entries.find(e => e.role === 'HANDOUT')!.file).toMatchObject({ id: sheet.id, kind: 'pdf', usageCount: 2 })
    expect(entries.find(e => e.role === 'VIDEO')!.linkId).toBeNull()

    data(await owner.post(`/api/media/${sheet.id}/unlink`, { targetType: 'LESSON', targetId: lesson1.id, role: 'HANDOUT' }))
    data(await owner.post(`/api/media/${take.id}/unlink`, { targetType: 'LESSON', targetId: lesson2.id, role: 'VIDEO' }))
    expect(summary(await courseFiles(owner, course.id))).toEqual([
      `CHAPTER:${chapter.id}:RESOURCE:sheet.pdf`,
      `COURSE:${course.id}:COVER:cover.png`,
    ].sort())
  })

  it('leaves out other courses\' files and message attachments', async () => {
    const { owner, ownerId, course, lessons } = await studio('Mine')
    const other = await studio('Theirs')
    const mine = await createMediaFile(testDb(), ownerId, { name: 'mine.pdf', mimeType: 'application/pdf', purpose: 'LIBRARY' })
    const theirs = await createMediaFile(testDb(), other.ownerId, { name: 'theirs.pdf', mimeType: 'application/pdf', purpose: 'LIBRARY' })
    data(await owner.post(`/api/media/${mine.id}/links`, { targetType: 'LESSON', targetId: lessons[0]!.id, role: 'ATTACHMENT' }))
    data(await other.owner.post(`/api/media/${theirs.id}/links`, { targetType: 'COURSE', targetId: other.course.id, role: 'RESOURCE' }))
    expect((await courseFiles(owner, course.id)).map(e => e.file.name)).toEqual(['mine.pdf'])
    expect((await courseFiles(other.owner, other.course.id)).map(e => e.file.name)).toEqual(['theirs.pdf'])
  })

  it('answers only the owner: anonymous 401, students 403, other instructors and trashed or unknown courses 404, bad ids 400', async () => {
    const { owner, course } = await studio('Private files')
    const stranger = await signedUp({ name: 'Other Instructor' })
    const cases: [string, ApiClient, string, number][] = [
      ['anonymous', new ApiClient(), course.id, 401],
      ['student', await signedUp({ role: 'STUDENT' }), course.id, 403],
      ['other instructor', stranger, course.id, 404],
      ['unknown course', owner, 'no-such-course', 404],
      ['bad id', owner, 'bad%20id!', 400],
    ]
    for (const [who, client, id, status] of cases) {
      const result = await client.get(`/api/courses/${id}/files`)
      expect(result.status, who).toBe(status)
      expect(result.body, who).toMatchObject({ success: false, error: { code: expect.any(String) } })
    }
    data(await owner.delete(`/api/courses/${course.id}`))
    expect((await owner.get(`/api/courses/${course.id}/files`)).status).toBe(404)
  })
})
