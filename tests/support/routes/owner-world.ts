// The "owner world" every catalogue entry aims at: an instructor with courses, a chapter, lessons
// with real processed videos, library files and links; a student enrolled with a conversation,
// messages and an attachment; an observer linked to that student; an open invitation. Made through
// the API where the test fixtures already do, and with the seed factories where the API cannot
// (an observer account, a stored library file). Plus the strangers who try to reach it.
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { expect } from 'vitest'
import { buildUser } from '../../../prisma/seed/factories'
import type { Role } from '../../../prisma/seed/factories'
import { createMediaFile, createMediaLink } from '../../../prisma/seed/media-factories'
import type { LessonCaption } from '../../../shared/types/caption'
import type { ChatMessage, ConversationSummary } from '../../../shared/types/conversation'
import type { Course } from '../../../shared/types/course'
import type { Chapter, Lesson } from '../../../shared/types/outline'
import { ApiClient, data, signedUp } from '../api-client'
import { pngBytes, samplePdf, uploadAttachment } from '../attachment-fixtures'
import { captionBody, sampleVtt } from '../caption-fixtures'
import { publishedCourse } from '../catalog-fixtures'
import { clientKey, sendMessage } from '../conversation-fixtures'
import type { StoredMail } from '../smtp-sink'
import { createUpload } from '../tus-client'
import type { IsolatedLectern } from './harness'

export type Account = ApiClient & { user: NonNullable<ApiClient['user']> }

export interface OwnerWorld {
  lectern: IsolatedLectern
  /** The instructor who owns the courses, the library and the conversation's instructor side. */
  instructor: Account
  /** Enrolled in `course`; the conversation's student side. */
  student: Account
  /** Linked to `student` by `instructor`. */
  observer: Account
  /** Published, free, one chapter with a processed lesson. */
  course: Course
  chapter: Chapter
  /** Not a free preview: only the owner and enrolled students may stream it. */
  lesson: Lesson
  /** English captions of `lesson`, its default. */
  caption: LessonCaption
  /** Published and free, nobody enrolled: the enrol route's target. */
  openCourse: Course
  /** Published with a price: the request-access route's target. */
  pricedCourse: Course
  /** A stored library PDF linked to the course as a resource. */
  document: { id: string, name: string }
  /** A stored library image with a preview. */
  image: { id: string, name: string }
  conversationId: string
  /** The student's daily note and the instructor's answer. */
  note: ChatMessage
  answer: ChatMessage
  /** A sent attachment (a PNG) on the student's note. */
  attachmentId: string
  invitation: { id: string, email: string, token: string }
  /** Strangers: a student not in the course, an observer not linked, another instructor. */
  strangers: { student: Account, observer: Account, instructor: Account }
  /** A student enrolled in the same course, with their own conversation: not this student. */
  classmate: Account
  /** Ids and texts that belong to the owner world and must never reach a stranger. */
  secrets: string[]
  /** A new account of a role, signed in on this server (observers set up as the seed does). */
  account: (role: Role) => Promise<Account>
  /** A visitor without a session on this server. */
  anonymous: () => ApiClient
  /** A new signed-in session of an existing account (for routes that end the session they use). */
  signIn: (account: Account) => Promise<Account>
  mailsTo: (address: string) => StoredMail[]
  waitForToken: (address: string, page: string) => Promise<string>
}

const client = (lectern: IsolatedLectern) => Object.assign(new ApiClient(), { baseURL: lectern.url })

async function waitFor<T>(what: string, probe: () => Promise<T | null | undefined>, timeoutMs = 30_000): Promise<T> {
  const deadline = Date.now() + timeoutMs
  for (;;) {
    const found = await probe()
    if (found) return found
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`)
    await new Promise(done => setTimeout(done, 100))
  }
}

export async function buildOwnerWorld(lectern: IsolatedLectern): Promise<OwnerWorld> {
  const { db } = lectern
  const account = async (role: Role): Promise<Account> => {
    // Observers are invited, not self-registered: a student account gets the role as the seed
    // gives it, then signs in again (a changed role ends the sessions granted for the old one).
    const made = await signedUp({ role: role === 'OBSERVER' ? 'STUDENT' : role }, client(lectern)) as Account
    if (role === 'OBSERVER') {
      await db.user.update({ where: { id: made.user.id }, data: { role: 'OBSERVER' } })
      made.user.role = 'OBSERVER'
      data(await made.post('/api/auth/sign-in', { email: made.user.email, password: made.user.password }))
    }
    return made
  }
  const signIn = async (existing: Account): Promise<Account> => {
    const fresh = Object.assign(client(lectern), { user: existing.user }) as Account
    data(await fresh.post('/api/auth/sign-in', { email: existing.user.email, password: existing.user.password }))
    return fresh
  }
  // The SMTP sink made the folder when it started.
  const mailsTo = (address: string): StoredMail[] =>
    readdirSync(lectern.mailDir).filter(name => name.endsWith('.json')).sort().map(name => JSON.parse(readFileSync(join(lectern.mailDir, name), 'utf8')) as StoredMail).filter(mail => mail.to.includes(address.toLowerCase()))
  const waitForToken = async (address: string, page: string) => {
    return waitFor(`a ${page} mail to ${address}`, async () => {
      const mail = mailsTo(address).at(-1)
      const link = mail?.text.match(/https?:\/\/\S+/g)?.map(l => new URL(l)).find(url => url.pathname === page)
      return link?.searchParams.get('token')
    })
  }

  const instructor = await account('INSTRUCTOR')
  // The accounts are independent of the courses (and processing the videos takes the longest).
  const people = Promise.all([account('STUDENT'), account('OBSERVER'), account('STUDENT'), account('OBSERVER'), account('INSTRUCTOR'), account('STUDENT')])
  const { course, lessons: [published] } = await publishedCourse(instructor, { lessons: 1, seconds: 2 })
  const [student, observer, strangerStudent, strangerObserver, strangerInstructor, classmate] = await people
  const chapter = data(await instructor.get<Chapter[]>(`/api/courses/${course.id}/chapters`))[0]!
  // The fixture makes the first lesson a free preview (open to anyone): this one is for the enrolled.
  const lesson = data(await instructor.patch<Lesson>(`/api/lessons/${published!.id}`, { title: published!.title, freePreview: false }))
  const caption = data(await instructor.post<LessonCaption>(`/api/lessons/${lesson.id}/captions`, captionBody({ text: sampleVtt([`Only enrolled students hear this ${clientKey()}`]) })))

  const outlined = async (options: { priceCents?: number }) => {
    const made = data(await instructor.post<Course>('/api/courses', { title: `${options.priceCents ? 'Priced' : 'Open'} ${clientKey()}`, category: 'Design' }))
    if (options.priceCents) data(await instructor.patch(`/api/courses/${made.id}`, { priceCents: options.priceCents }))
    const part = data(await instructor.post<Chapter>(`/api/courses/${made.id}/chapters`, { title: 'Part' }))
    data(await instructor.post(`/api/chapters/${part.id}/lessons`, { title: 'Intro' }))
    data(await instructor.post(`/api/courses/${made.id}/publish`, {}))
    return data(await instructor.get<Course>(`/api/courses/${made.id}`))
  }
  const [openCourse, pricedCourse] = await Promise.all([outlined({}), outlined({ priceCents: 4900 })])

  data(await student.post(`/api/catalog/${course.slug}/enrol`))
  const [conversation] = data(await student.get<ConversationSummary[]>('/api/conversations'))
  const conversationId = conversation!.id

  const png = pngBytes()
  const { attachmentId } = await uploadAttachment(student, conversationId, { name: 'homework.png', type: 'image/png', bytes: png })
  // Images get a preview from the processing worker; the thumbnail route needs it.
  await waitFor('the attachment preview', () => db.attachment.findUnique({ where: { id: attachmentId }, select: { mediaFile: { select: { thumbnailKey: true, status: true } } } }).then(a => a?.mediaFile.status === 'READY' && a.mediaFile.thumbnailKey))
  const note = data(await sendMessage(student, conversationId, { type: 'DAILY_NOTE', body: `Practised scales ${clientKey()}`, attachmentIds: [attachmentId] }))
  const answer = data(await sendMessage(instructor, conversationId, { type: 'INSTRUCTOR_RESPONSE', body: `Well done ${clientKey()}` }))

  expect((await instructor.post(`/api/students/${student.user.id}/observers`, { email: observer.user.email })).status).toBe(201)

  const invitedEmail = buildUser().email
  const invited = data(await instructor.post<{ id: string }>(`/api/students/${student.user.id}/observers`, { email: invitedEmail }))
  const invitation = { id: invited.id, email: invitedEmail, token: await waitForToken(invitedEmail, '/invitation') }

  const pdf = samplePdf()
  const documentRow = await createMediaFile(db, instructor.user.id, { name: `Syllabus ${clientKey()}.pdf`, mimeType: 'application/pdf', store: { root: lectern.storageDir, bytes: pdf } })
  await createMediaLink(db, { mediaFileId: documentRow.id, ownerId: instructor.user.id, place: { targetType: 'COURSE', courseId: course.id, role: 'RESOURCE' } })
  const imageRow = await createMediaFile(db, instructor.user.id, { name: `Diagram ${clientKey()}.png`, mimeType: 'image/png', width: 64, height: 48, store: { root: lectern.storageDir, bytes: png, thumbnail: png } })
  // An unfinished library upload, so the instructor's upload lists have something of theirs.
  expect((await createUpload(instructor, { size: pdf.length, metadata: { filename: 'draft.pdf', filetype: 'application/pdf', target: 'library' } })).status).toBe(201)

  const strangers = { student: strangerStudent, observer: strangerObserver, instructor: strangerInstructor }
  data(await classmate.post(`/api/catalog/${course.slug}/enrol`))

  const secrets = [
    instructor.user.email,
    student.user.id, student.user.email, student.user.name,
    observer.user.id, observer.user.email,
    course.id,
    chapter.id, lesson.id, caption.id,
    documentRow.id, documentRow.originalName, imageRow.id, imageRow.originalName,
    conversationId, note.id, note.body, answer.id, answer.body,
    attachmentId,
    invitation.id, invitation.email,
  ]
  return {
    lectern, instructor, student, observer, course, chapter, lesson, caption, openCourse, pricedCourse,
    document: { id: documentRow.id, name: documentRow.originalName },
    image: { id: imageRow.id, name: imageRow.originalName },
    conversationId, note, answer, attachmentId, invitation, strangers, classmate, secrets,
    account, signIn, mailsTo, waitForToken, anonymous: () => client(lectern),
  }
}
