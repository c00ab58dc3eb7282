import { randomBytes } from 'node:crypto'
import { beforeAll, describe, expect, it } from 'vitest'
import type { CaptionTranscript, LessonCaption } from '../../shared/types/caption'
import type { CatalogPage, CourseOverview } from '../../shared/types/catalog'
import type { Course } from '../../shared/types/course'
import type { LearnCourse } from '../../shared/types/learning'
import type { Chapter, Lesson } from '../../shared/types/outline'
import type { ApiResult } from '../support/api-client'
import { ApiClient, data, signedUp } from '../support/api-client'
import { captionBody, sampleSrt, sampleVtt } from '../support/caption-fixtures'
import { describeWithDatabase, testDb } from '../support/database'

/** A published course of `owner` with two lessons (no videos: captions do not need one). */
async function course(owner: ApiClient, title = `Captioned ${randomBytes(3).toString('hex')}`) {
  const made = data(await owner.post<Course>('/api/courses', { title, category: 'Music' }))
  const chapter = data(await owner.post<Chapter>(`/api/courses/${made.id}/chapters`, { title: 'Part one' }))
  const first = data(await owner.post<Lesson>(`/api/chapters/${chapter.id}/lessons`, { title: 'Scales' }))
  const second = data(await owner.post<Lesson>(`/api/chapters/${chapter.id}/lessons`, { title: 'Chords' }))
  data(await owner.post(`/api/courses/${made.id}/publish`, {}))
  return { course: made, first, second }
}

const captionsOf = async (client: ApiClient, lessonId: string) => data(await client.get<LessonCaption[]>(`/api/lessons/${lessonId}/captions`))
const summary = (captions: LessonCaption[]) => captions.map(c => [c.language, c.label, c.isDefault, c.cueCount])

function expectRefusal(result: ApiResult, status: number, code: string) {
  expect(result.status).toBe(status)
  expect(result.body).toMatchObject({ success: false, error: { code } })
}

describe('captions: the instructor adds, replaces, removes and picks the default', () => {
  let owner: ApiClient
  let made: Awaited<ReturnType<typeof course>>
  beforeAll(async () => {
    owner = await signedUp()
    made = await course(owner)
  })

  it('adds several languages, the first as default, SRT converted to WebVTT', async () => {
    const path = `/api/lessons/${made.first.id}/captions`
    const english = await owner.post<LessonCaption>(path, captionBody())
    expect(english.status).toBe(201)
    expect(data(english)).toMatchObject({ language: 'en', label: 'English', isDefault: true, cueCount: 3 })
    const french = data(await owner.post<LessonCaption>(path, captionBody({ language: 'fr', label: 'Français', fileName: 'fr.srt', text: sampleSrt(['Bonjour.', 'Deuxième.']) })))
    expect(french).toMatchObject({ isDefault: false, cueCount: 2 })
    expect(summary(await captionsOf(owner, made.first.id))).toEqual([['en', 'English', true, 3], ['fr', 'Français', false, 2]])

    const track = await fetch(`${owner.baseURL}${path}/${french.id}/track.vtt`, { headers: { cookie: owner.sessionCookies().map(c => `${c.name}=${c.value}`).join('; ') } })
    expect(track.status).toBe(200)
    expect(track.headers.get('content-type')).toBe('text/vtt; charset=utf-8')
    expect(await track.text()).toBe('WEBVTT\n\n00:00:00.000 --> 00:00:00.900\nBonjour.\n\n00:00:01.000 --> 00:00:01.900\nDeuxième.\n')
    expect(data(await owner.get<CaptionTranscript>(`${path}/${french.id}`)).cues).toEqual([{ start: 0, end: 0.9, text: 'Bonjour.' }, { start: 1, end: 1.9, text: 'Deuxième.' }])
  })

  it('makes another language the default (exactly one), replaces a file, and a removed default passes to the next', async () => {
    const path = `/api/lessons/${made.second.id}/captions`
    const english = data(await owner.post<LessonCaption>(path, captionBody()))
    const german = data(await owner.post<LessonCaption>(path, captionBody({ language: 'de', label: 'Deutsch' })))
    expect(data(await owner.patch<LessonCaption>(`${path}/${german.id}`, { isDefault: true })).isDefault).toBe(true)
    expect(summary(await captionsOf(owner, made.second.id))).toEqual([['de', 'Deutsch', true, 3], ['en', 'English', false, 3]])

    const replaced = data(await owner.request<LessonCaption>('PUT', `${path}/${english.id}`, captionBody({ label: 'English (corrected)', text: sampleVtt(['Only one cue now']) })))
    expect(replaced).toMatchObject({ label: 'English (corrected)', cueCount: 1, language: 'en' })

    expect(data(await owner.delete(`${path}/${german.id}`))).toEqual({ id: german.id })
    expect(summary(await captionsOf(owner, made.second.id))).toEqual([['en', 'English (corrected)', true, 1]])
  })

  it('refuses a bad file with the line that is wrong, a file over the limit, an unknown language and a second file in one language — adding nothing', async () => {
    const { second: lesson } = await course(owner)
    const path = `/api/lessons/${lesson.id}/captions`
    const bad = await owner.post(path, captionBody({ fileName: 'bad.srt', text: '1\n00:00:01,000 --> 00:00:02,000\nfine\n\n2\n00:00:04,000 -> 00:00:05,500\nbroken\n' }))
    expectRefusal(bad, 400, 'VALIDATION')
    expect(bad.body).toMatchObject({ error: { message: expect.stringMatching(/^Line 6: expected a cue timing/), details: { line: 6 } } })
    const tooLarge = await owner.post(path, captionBody({ text: sampleVtt(['x'.repeat(600 * 1024)]) }))
    expect([400, 413]).toContain(tooLarge.status)
    expect(tooLarge.body.success).toBe(false)
    const unknown = await owner.post(path, captionBody({ language: 'xx' }))
    expectRefusal(unknown, 400, 'VALIDATION')
    expect(unknown.body).toMatchObject({ error: { fields: { language: [expect.stringMatching(/Unknown language/)] } } })
    expectRefusal(await owner.post(path, { ...captionBody(), content: 'not base64!' }), 400, 'VALIDATION')
    expect(await captionsOf(owner, lesson.id)).toEqual([])

    data(await owner.post(path, captionBody()))
    expectRefusal(await owner.post(path, captionBody({ label: 'Again' })), 409, 'CONFLICT')
    expect(summary(await captionsOf(owner, lesson.id))).toEqual([['en', 'English', true, 3]])
  })

  it('refuses another instructor, a student and a visitor every write (404/403/401), changing nothing', async () => {
    const { first: lesson } = await course(owner)
    const path = `/api/lessons/${lesson.id}/captions`
    const caption = data(await owner.post<LessonCaption>(path, captionBody()))
    const student = await signedUp({ role: 'STUDENT' })
    const before = await captionsOf(owner, lesson.id)
    for (const [client, status] of [[await signedUp(), 404], [student, 403], [new ApiClient(), 401]] as const) {
      expect((await client.post(path, captionBody({ language: 'es', label: 'Español' }))).status).toBe(status)
      expect((await client.request('PUT', `${path}/${caption.id}`, captionBody({ label: 'Hijacked' }))).status).toBe(status)
      expect((await client.patch(`${path}/${caption.id}`, { label: 'Hijacked' })).status).toBe(status)
      expect((await client.delete(`${path}/${caption.id}`)).status).toBe(status)
    }
    expect(await captionsOf(owner, lesson.id)).toEqual(before)
    // A caption id of another lesson answers as missing.
    const other = await course(owner)
    expectRefusal(await owner.patch(`/api/lessons/${other.first.id}/captions/${caption.id}`, { isDefault: true }), 404, 'NOT_FOUND')
  })
})

describe('captions: who may read them', () => {
  it('gives the list, transcript and .vtt to the owner and enrolled students only (a free preview to anyone), and puts them on the watch page', async () => {
    const owner = await signedUp()
    const made = await course(owner)
    const caption = data(await owner.post<LessonCaption>(`/api/lessons/${made.second.id}/captions`, captionBody()))
    const vtt = (client: ApiClient, lessonId: string, id: string) => fetch(`${client.baseURL}/api/lessons/${lessonId}/captions/${id}/track.vtt`, { headers: { cookie: client.sessionCookies().map(c => `${c.name}=${c.value}`).join('; ') } })

    for (const outsider of [new ApiClient(), await signedUp({ role: 'STUDENT' }), await signedUp()]) {
      expectRefusal(await outsider.get(`/api/lessons/${made.second.id}/captions`), 404, 'NOT_FOUND')
      expectRefusal(await outsider.get(`/api/lessons/${made.second.id}/captions/${caption.id}`), 404, 'NOT_FOUND')
      const refused = await vtt(outsider, made.second.id, caption.id)
      expect(refused.status).toBe(404)
      expect(await refused.json()).toMatchObject({ success: false, error: { code: 'NOT_FOUND' } })
    }

    const student = await signedUp({ role: 'STUDENT' })
    data(await student.post(`/api/catalog/${made.course.slug}/enrol`))
    expect((await captionsOf(student, made.second.id)).map(c => c.id)).toEqual([caption.id])
    expect((await vtt(student, made.second.id, caption.id)).status).toBe(200)
    const watch = data(await student.get<LearnCourse>(`/api/learn/${made.course.slug}`))
    expect(watch.chapters[0]!.lessons.map(l => l.captions)).toEqual([[], [{ id: caption.id, language: 'en', label: 'English', isDefault: true }]])

    // A free preview's captions are as open as its video.
    data(await owner.patch(`/api/lessons/${made.second.id}`, { freePreview: true }))
    expect((await vtt(new ApiClient(), made.second.id, caption.id)).status).toBe(200)
    // Unpublished: students lose them with the lesson; the owner keeps them.
    data(await owner.post(`/api/courses/${made.course.id}/unpublish`, {}))
    expectRefusal(await student.get(`/api/lessons/${made.second.id}/captions`), 404, 'NOT_FOUND')
    expect(await captionsOf(owner, made.second.id)).toHaveLength(1)
  })
})

describe('captions in the catalog', () => {
  it('finds a course by what its lessons say, marks captioned lessons on the course page, and forgets removed captions', async () => {
    const owner = await signedUp()
    const word = `quux${randomBytes(4).toString('hex')}`
    const made = await course(owner)
    const search = async () => data(await new ApiClient().get<CatalogPage>(`/api/catalog?q=${word.toUpperCase()}`)).items.map(c => c.id)
    expect(await search()).toEqual([])

    const caption = data(await owner.post<LessonCaption>(`/api/lessons/${made.first.id}/captions`, captionBody({ text: sampleVtt([`The ${word} interval sounds bright.`]) })))
    expect(await search()).toEqual([made.course.id])
    const overview = data(await new ApiClient().get<CourseOverview>(`/api/catalog/${made.course.slug}`))
    expect(overview.chapters[0]!.lessons.map(l => l.captionLanguages)).toEqual([['en'], []])

    // An unpublished course is not found by its captions either.
    data(await owner.post(`/api/courses/${made.course.id}/unpublish`, {}))
    expect(await search()).toEqual([])
    data(await owner.post(`/api/courses/${made.course.id}/publish`, {}))
    data(await owner.delete(`/api/lessons/${made.first.id}/captions/${caption.id}`))
    expect(await search()).toEqual([])
  })
})

describeWithDatabase('captions in the catalog: the index', () => {
  it('answers a search of caption text from the trigram index, as the title and description are', async () => {
    // With few rows PostgreSQL prefers a scan; forbidding it shows the index can answer the catalog's ILIKE.
    const plan = await testDb().$transaction(async (tx) => {
      await tx.$executeRawUnsafe('SET LOCAL enable_seqscan = off')
      return tx.$queryRawUnsafe<{ 'QUERY PLAN': string }[]>(`EXPLAIN SELECT "lessonId" FROM "Caption" WHERE "text" ILIKE '%interval sounds%'`)
    })
    expect(plan.map(row => row['QUERY PLAN']).join('\n')).toContain('Caption_text_idx')
  })
})
