// Every HTTP route of Lectern (server/api/** and server/routes/**), keyed by its file: who may call
// it, and a request aimed at the owner world (tests/support/routes/owner-world.ts) that its owner
// may send. tests/server/authorisation-matrix.test.ts sends each request as strangers (refused,
// nothing written) and as the owner (succeeds); tests/server/bad-input.test.ts sends it with
// arbitrary input. A route file without an entry here fails the first of those tests.
import type { ZodTypeAny } from 'zod'
import { z } from 'zod'
import { UpdateAccountInput, ChangePasswordInput, SignOutAllInput } from '../../shared/schemas/account'
import { SignInInput, SignUpInput } from '../../shared/schemas/auth'
import { CaptionAddInput, CaptionReplaceInput, CaptionUpdateInput } from '../../shared/schemas/caption'
import { CatalogQuery } from '../../shared/schemas/catalog'
import { ExportConversationQuery, MessagePageQuery, SendMessageInput } from '../../shared/schemas/conversation'
import { CourseInput, CourseUpdateInput } from '../../shared/schemas/course'
import { InsightsQuery } from '../../shared/schemas/insights'
import { AcceptInvitationInput, InvitationTokenInput } from '../../shared/schemas/invitation'
import { AddStudentInput, ProgressInput } from '../../shared/schemas/learning'
import { MediaBulkInput, MediaZipInput } from '../../shared/schemas/media-bulk'
import { MediaInsightsRangeInput } from '../../shared/schemas/media-insights'
import { MediaLinkInput, MediaListQuery, RenameMediaInput, RestoreMediaInput, TrashMediaInput } from '../../shared/schemas/media'
import { AddObserverInput, SetMessageVisibilityInput } from '../../shared/schemas/observer'
import { ChapterInput, LessonInput, LessonUpdateInput, OutlineDeleteInput, OutlineOrderInput } from '../../shared/schemas/outline'
import { RequestPasswordResetInput, ResetPasswordInput, PasswordResetTokenInput } from '../../shared/schemas/password-reset'
import { TwoStepCodeInput, TwoStepConfirmInput, TwoStepPasswordInput } from '../../shared/schemas/two-step'
import { buildUser } from '../../prisma/seed/factories'
import type { Chapter } from '../../shared/types/outline'
import type { TwoStepSetup } from '../../shared/types/two-step'
import { data } from './api-client'
import { samplePdf } from './attachment-fixtures'
import { captionBody } from './caption-fixtures'
import { clientKey } from './conversation-fixtures'
import type { Account, OwnerWorld } from './routes/owner-world'
import type { Protocol, RouteRequest } from './routes/send'
import * as throwaway from './routes/throwaway'
import { appCode, withTwoStep } from './two-step-fixtures'

/**
 * Who may call a route:
 * - public: anyone (the entry's reason says why); strangers are not expected to be refused.
 * - signed-in: any signed-in person, about their own account or library; strangers may get a 2xx
 *   about themselves, which must not carry anything of the owner world.
 * - instructor-owner: the instructor who owns the course, chapter, lesson, file or student link.
 * - student-participant: the student side of the owner's conversation or enrolment.
 * - internal: workers and scripts with the bearer token (never a session cookie).
 */
export type Access = 'public' | 'signed-in' | 'instructor-owner' | 'student-participant' | 'internal'

/** Who sends the owner control. */
export type OwnerRole = 'instructor' | 'student' | 'anonymous' | 'internal'

export interface Fixture extends RouteRequest {
  /** The owner control runs as this account instead of the world's (a fresh session or account). */
  as?: Account
  /** Waits for what the owner control set off in the background (a processing job). */
  settle?: () => Promise<void>
}

export interface RouteEntry {
  method: string
  /** The path with its parameters in brackets, as in the file name. */
  pattern: string
  access: Access
  owner: OwnerRole
  /** api (JSON envelope), file (bytes or an envelope refusal), tus, socket, sitemap (the sitemap module's JSON). */
  protocol?: Protocol
  body?: ZodTypeAny
  query?: ZodTypeAny
  /** Why a route is public, or what a signed-in stranger's 2xx is about. */
  reason?: string
  /** A signed-in stranger's call may change rows of their own (those mentioning their id): why. */
  writesOwnRows?: string
  /** The call changes the caller (ends their session, enrols them): strangers use new accounts. */
  freshCallers?: string
  /** Also sent by another student of the same course (routes about one student's conversation). */
  classmate?: boolean
  /** Also sent by the student's linked observer, who may read the conversation but not do this. */
  observerRefused?: boolean
  /** More requests to the same file that strangers send too, each refused (its other methods, other channels). */
  strangersAlso?: (world: OwnerWorld, request: Fixture) => RouteRequest[]
  /** The owner control's status when it is not a 2xx (the catch-all). */
  ownerStatus?: number
  fixture: (world: OwnerWorld) => Fixture | Promise<Fixture>
}

const today = () => new Date().toISOString().slice(0, 10)
const post = (path: string, body?: unknown): Fixture => ({ method: 'POST', path, body })
const get = (path: string): Fixture => ({ method: 'GET', path })
const INSIGHTS = { method: 'GET', pattern: '', access: 'signed-in', owner: 'instructor', query: MediaInsightsRangeInput, reason: 'the caller\'s own library insights' } as const

export const routeCatalogue: Record<string, RouteEntry> = {
  'server/api/[...].ts': {
    method: 'GET', pattern: '/api/[...]', access: 'public', owner: 'anonymous', ownerStatus: 404,
    reason: 'the catch-all answers 404 for any /api path no route matched, to everyone',
    fixture: () => get('/api/no-such-route'),
  },
  'server/api/index.ts': {
    method: 'GET', pattern: '/api', access: 'public', owner: 'anonymous', ownerStatus: 404,
    reason: 'the bare /api address answers 404, to everyone, like the catch-all',
    fixture: () => get('/api/'),
  },

  // Account and sessions: the caller's own.
  'server/api/account/index.get.ts': {
    method: 'GET', pattern: '/api/account', access: 'signed-in', owner: 'instructor', reason: 'the caller\'s own account',
    fixture: () => get('/api/account'),
  },
  'server/api/account/index.patch.ts': {
    method: 'PATCH', pattern: '/api/account', access: 'signed-in', owner: 'instructor', body: UpdateAccountInput, reason: 'changes the caller\'s own account; the owner\'s email is taken for anyone else',
    fixture: w => ({ method: 'PATCH', path: '/api/account', body: { name: w.instructor.user.name, email: w.instructor.user.email } }),
  },
  'server/api/account/password.post.ts': {
    method: 'POST', pattern: '/api/account/password', access: 'signed-in', owner: 'instructor', body: ChangePasswordInput, reason: 'changes the caller\'s own password, given their current one',
    fixture: async (w) => {
      const owner = await w.account('INSTRUCTOR')
      return { ...post('/api/account/password', { currentPassword: owner.user.password, newPassword: `new-${clientKey()}` }), as: owner }
    },
  },
  'server/api/account/two-step/index.get.ts': {
    method: 'GET', pattern: '/api/account/two-step', access: 'signed-in', owner: 'instructor', reason: 'whether the caller\'s own account asks for a code',
    fixture: () => get('/api/account/two-step'),
  },
  'server/api/account/two-step/setup.post.ts': {
    method: 'POST', pattern: '/api/account/two-step/setup', access: 'signed-in', owner: 'instructor', reason: 'a new secret for the caller\'s own account',
    writesOwnRows: 'the caller\'s own pending secret',
    fixture: async w => ({ ...post('/api/account/two-step/setup'), as: await w.account('INSTRUCTOR') }),
  },
  'server/api/account/two-step/confirm.post.ts': {
    method: 'POST', pattern: '/api/account/two-step/confirm', access: 'signed-in', owner: 'instructor', body: TwoStepConfirmInput,
    reason: 'turns two-step verification on for the caller\'s own account, given their password and a code of their own secret',
    fixture: async (w) => {
      const owner = await w.account('INSTRUCTOR')
      const { secret } = data(await owner.post<TwoStepSetup>('/api/account/two-step/setup'))
      return { ...post('/api/account/two-step/confirm', { code: appCode(secret), currentPassword: owner.user.password }), as: owner }
    },
  },
  'server/api/account/two-step/turn-off.post.ts': {
    method: 'POST', pattern: '/api/account/two-step/turn-off', access: 'signed-in', owner: 'instructor', body: TwoStepPasswordInput,
    reason: 'turns two-step verification off for the caller\'s own account, given their password',
    fixture: async (w) => {
      const owner = await w.account('INSTRUCTOR')
      await withTwoStep(owner)
      return { ...post('/api/account/two-step/turn-off', { currentPassword: owner.user.password }), as: owner }
    },
  },
  'server/api/account/two-step/recovery-codes.post.ts': {
    method: 'POST', pattern: '/api/account/two-step/recovery-codes', access: 'signed-in', owner: 'instructor', body: TwoStepPasswordInput,
    reason: 'new recovery codes for the caller\'s own account, given their password',
    fixture: async (w) => {
      const owner = await w.account('INSTRUCTOR')
      await withTwoStep(owner)
      return { ...post('/api/account/two-step/recovery-codes', { currentPassword: owner.user.password }), as: owner }
    },
  },
  'server/api/account/sessions/[id].delete.ts': {
    method: 'DELETE', pattern: '/api/account/sessions/[id]', access: 'signed-in', owner: 'instructor', reason: 'signs out one of the caller\'s own devices',
    fixture: async (w) => {
      const device = await w.signIn(w.instructor)
      const { sessions } = data(await device.get<{ sessions: { id: string, current: boolean }[] }>('/api/account/sessions'))
      return { method: 'DELETE', path: `/api/account/sessions/${sessions.find(s => s.current)!.id}` }
    },
  },
  'server/api/account/sessions/index.get.ts': {
    method: 'GET', pattern: '/api/account/sessions', access: 'signed-in', owner: 'instructor', reason: 'the caller\'s own devices',
    fixture: () => get('/api/account/sessions'),
  },
  'server/api/account/sessions/sign-out-all.post.ts': {
    method: 'POST', pattern: '/api/account/sessions/sign-out-all', access: 'signed-in', owner: 'instructor', body: SignOutAllInput,
    reason: 'signs out the caller\'s own other devices', freshCallers: 'it ends the caller\'s other sessions',
    // The owner control as a new account: it would sign the world's instructor out everywhere else.
    fixture: async w => ({ ...post('/api/account/sessions/sign-out-all', { keepCurrent: true }), as: await w.account('INSTRUCTOR') }),
  },

  // Attachments: the conversation's readers; delete: the uploader, while unsent.
  'server/api/attachments/[id].delete.ts': {
    method: 'DELETE', pattern: '/api/attachments/[id]', access: 'student-participant', owner: 'student', classmate: true, observerRefused: true,
    fixture: async w => ({ method: 'DELETE', path: `/api/attachments/${await throwaway.unsentAttachment(w)}` }),
  },
  'server/api/attachments/[id]/content.get.ts': {
    method: 'GET', pattern: '/api/attachments/[id]/content', access: 'student-participant', owner: 'student', protocol: 'file', classmate: true,
    fixture: w => get(`/api/attachments/${w.attachmentId}/content`),
  },
  'server/api/attachments/[id]/thumbnail.get.ts': {
    method: 'GET', pattern: '/api/attachments/[id]/thumbnail', access: 'student-participant', owner: 'student', protocol: 'file', classmate: true,
    fixture: w => get(`/api/attachments/${w.attachmentId}/thumbnail`),
  },

  // Authentication: credentials or a mailed token are the authorisation.
  'server/api/auth/me.get.ts': {
    method: 'GET', pattern: '/api/auth/me', access: 'signed-in', owner: 'instructor', reason: 'the caller\'s own account',
    fixture: () => get('/api/auth/me'),
  },
  'server/api/auth/password-reset/check.post.ts': {
    method: 'POST', pattern: '/api/auth/password-reset/check', access: 'public', owner: 'anonymous', body: PasswordResetTokenInput,
    reason: 'the mailed single-use token is the authorisation',
    fixture: async w => post('/api/auth/password-reset/check', { token: await throwaway.resetToken(w) }),
  },
  'server/api/auth/password-reset/complete.post.ts': {
    method: 'POST', pattern: '/api/auth/password-reset/complete', access: 'public', owner: 'anonymous', body: ResetPasswordInput,
    reason: 'the mailed single-use token is the authorisation',
    fixture: async w => post('/api/auth/password-reset/complete', { token: await throwaway.resetToken(w), password: `reset-${clientKey()}` }),
  },
  'server/api/auth/password-reset/request.post.ts': {
    method: 'POST', pattern: '/api/auth/password-reset/request', access: 'public', owner: 'anonymous', body: RequestPasswordResetInput,
    reason: 'anyone may ask for a reset mail; the answer is the same whether or not the email has an account',
    fixture: w => post('/api/auth/password-reset/request', { email: w.instructor.user.email }),
  },
  'server/api/auth/sign-in.post.ts': {
    method: 'POST', pattern: '/api/auth/sign-in', access: 'public', owner: 'anonymous', body: SignInInput,
    reason: 'the email and password are the authorisation',
    fixture: w => post('/api/auth/sign-in', { email: w.instructor.user.email, password: w.instructor.user.password }),
  },
  'server/api/auth/two-step.post.ts': {
    method: 'POST', pattern: '/api/auth/two-step', access: 'public', owner: 'anonymous', body: TwoStepCodeInput,
    reason: 'the signed step cookie of a right password and a code of that account are the authorisation',
    fixture: async (w) => {
      const owner = await w.account('INSTRUCTOR')
      const { secret } = await withTwoStep(owner)
      // Another browser of the owner's: the right password, then the code.
      const browser = owner.copy() as typeof owner
      browser.dropCookie('lectern-session')
      await browser.post('/api/auth/sign-in', { email: owner.user.email, password: owner.user.password })
      return { ...post('/api/auth/two-step', { code: appCode(secret) }), as: browser }
    },
  },
  'server/api/auth/sign-out.post.ts': {
    method: 'POST', pattern: '/api/auth/sign-out', access: 'signed-in', owner: 'instructor', reason: 'ends the caller\'s own session',
    freshCallers: 'it ends the session it is sent with',
    fixture: async w => ({ ...post('/api/auth/sign-out'), as: await w.signIn(w.instructor) }),
  },
  'server/api/auth/sign-up.post.ts': {
    method: 'POST', pattern: '/api/auth/sign-up', access: 'public', owner: 'anonymous', body: SignUpInput,
    reason: 'anyone may make an account (limited per address)',
    fixture: () => post('/api/auth/sign-up', { ...buildUser(), role: 'STUDENT' }),
  },

  // The catalog: published courses are public; enrolling and asking for access are the caller's own.
  'server/api/catalog/[slug]/enrol.post.ts': {
    method: 'POST', pattern: '/api/catalog/[slug]/enrol', access: 'signed-in', owner: 'student',
    reason: 'anyone signed in may enrol themselves in a free published course',
    writesOwnRows: 'the caller\'s enrolment and their conversation with the instructor',
    freshCallers: 'an enrolment would make the stranger part of the course for the routes after it',
    fixture: async w => ({ ...post(`/api/catalog/${w.openCourse.slug}/enrol`), as: await w.account('STUDENT') }),
  },
  'server/api/catalog/[slug]/index.get.ts': {
    method: 'GET', pattern: '/api/catalog/[slug]', access: 'public', owner: 'anonymous', reason: 'a published course\'s public page',
    fixture: w => get(`/api/catalog/${w.course.slug}`),
  },
  'server/api/catalog/[slug]/request-access.post.ts': {
    method: 'POST', pattern: '/api/catalog/[slug]/request-access', access: 'signed-in', owner: 'student',
    reason: 'anyone signed in may ask the instructor of a priced course for access',
    writesOwnRows: 'the caller\'s conversation with the instructor and their request message in it',
    freshCallers: 'the request opens a conversation with the owner, which later routes would see',
    fixture: async w => ({ ...post(`/api/catalog/${w.pricedCourse.slug}/request-access`), as: await w.account('STUDENT') }),
  },
  'server/api/catalog/index.get.ts': {
    method: 'GET', pattern: '/api/catalog', access: 'public', owner: 'anonymous', query: CatalogQuery, reason: 'the public catalog of published courses',
    fixture: () => get('/api/catalog?q=course&sort=newest&page=1'),
  },

  // The outline: the course's instructor.
  'server/api/chapters/[id].delete.ts': {
    method: 'DELETE', pattern: '/api/chapters/[id]', access: 'instructor-owner', owner: 'instructor',
    fixture: async w => ({ method: 'DELETE', path: `/api/chapters/${(await throwaway.draftCourse(w)).chapter.id}` }),
  },
  'server/api/chapters/[id].patch.ts': {
    method: 'PATCH', pattern: '/api/chapters/[id]', access: 'instructor-owner', owner: 'instructor', body: ChapterInput,
    fixture: w => ({ method: 'PATCH', path: `/api/chapters/${w.chapter.id}`, body: { title: w.chapter.title } }),
  },
  'server/api/chapters/[id]/lessons.get.ts': {
    method: 'GET', pattern: '/api/chapters/[id]/lessons', access: 'instructor-owner', owner: 'instructor',
    fixture: w => get(`/api/chapters/${w.chapter.id}/lessons`),
  },
  'server/api/chapters/[id]/lessons.post.ts': {
    method: 'POST', pattern: '/api/chapters/[id]/lessons', access: 'instructor-owner', owner: 'instructor', body: LessonInput,
    fixture: async w => post(`/api/chapters/${(await throwaway.draftCourse(w)).chapter.id}/lessons`, { title: 'Extra', freePreview: false }),
  },

  // The conversation: its two participants (and the student's linked observers, who are not strangers).
  'server/api/conversations/[id]/attachments.get.ts': {
    method: 'GET', pattern: '/api/conversations/[id]/attachments', access: 'student-participant', owner: 'student', classmate: true,
    fixture: w => get(`/api/conversations/${w.conversationId}/attachments`),
  },
  'server/api/conversations/[id]/export.get.ts': {
    method: 'GET', pattern: '/api/conversations/[id]/export', access: 'student-participant', owner: 'student', protocol: 'file', query: ExportConversationQuery, classmate: true,
    fixture: w => get(`/api/conversations/${w.conversationId}/export?tz=Europe%2FParis`),
  },
  'server/api/conversations/[id]/messages.get.ts': {
    method: 'GET', pattern: '/api/conversations/[id]/messages', access: 'student-participant', owner: 'student', query: MessagePageQuery, classmate: true,
    fixture: w => get(`/api/conversations/${w.conversationId}/messages?limit=30`),
  },
  'server/api/conversations/[id]/messages.post.ts': {
    method: 'POST', pattern: '/api/conversations/[id]/messages', access: 'student-participant', owner: 'student', body: SendMessageInput, classmate: true, observerRefused: true,
    fixture: w => post(`/api/conversations/${w.conversationId}/messages`, { type: 'DAILY_NOTE', body: 'Practised again', targetDate: today(), clientKey: clientKey() }),
  },
  'server/api/conversations/[id]/read.post.ts': {
    method: 'POST', pattern: '/api/conversations/[id]/read', access: 'student-participant', owner: 'student', classmate: true,
    fixture: w => post(`/api/conversations/${w.conversationId}/read`),
  },
  'server/api/conversations/index.get.ts': {
    method: 'GET', pattern: '/api/conversations', access: 'signed-in', owner: 'student', reason: 'the caller\'s own conversations',
    fixture: () => get('/api/conversations'),
  },

  // Courses: their instructor.
  'server/api/courses/[id].delete.ts': {
    method: 'DELETE', pattern: '/api/courses/[id]', access: 'instructor-owner', owner: 'instructor',
    fixture: async w => ({ method: 'DELETE', path: `/api/courses/${(await throwaway.draftCourse(w)).course.id}` }),
  },
  'server/api/courses/[id].get.ts': {
    method: 'GET', pattern: '/api/courses/[id]', access: 'instructor-owner', owner: 'instructor',
    fixture: w => get(`/api/courses/${w.course.id}`),
  },
  'server/api/courses/[id].patch.ts': {
    method: 'PATCH', pattern: '/api/courses/[id]', access: 'instructor-owner', owner: 'instructor', body: CourseUpdateInput,
    fixture: w => ({ method: 'PATCH', path: `/api/courses/${w.course.id}`, body: { title: w.course.title, description: w.course.description } }),
  },
  'server/api/courses/[id]/chapters.get.ts': {
    method: 'GET', pattern: '/api/courses/[id]/chapters', access: 'instructor-owner', owner: 'instructor',
    fixture: w => get(`/api/courses/${w.course.id}/chapters`),
  },
  'server/api/courses/[id]/chapters.post.ts': {
    method: 'POST', pattern: '/api/courses/[id]/chapters', access: 'instructor-owner', owner: 'instructor', body: ChapterInput,
    fixture: async w => post(`/api/courses/${(await throwaway.draftCourse(w)).course.id}/chapters`, { title: 'Another part' }),
  },
  'server/api/courses/[id]/files.get.ts': {
    method: 'GET', pattern: '/api/courses/[id]/files', access: 'instructor-owner', owner: 'instructor',
    fixture: w => get(`/api/courses/${w.course.id}/files`),
  },
  'server/api/courses/[id]/outline/delete.post.ts': {
    method: 'POST', pattern: '/api/courses/[id]/outline/delete', access: 'instructor-owner', owner: 'instructor', body: OutlineDeleteInput,
    fixture: async (w) => {
      const { course, lesson } = await throwaway.draftCourse(w)
      return post(`/api/courses/${course.id}/outline/delete`, { chapterIds: [], lessonIds: [lesson.id] })
    },
  },
  'server/api/courses/[id]/outline/order.put.ts': {
    method: 'PUT', pattern: '/api/courses/[id]/outline/order', access: 'instructor-owner', owner: 'instructor', body: OutlineOrderInput,
    fixture: async (w) => {
      const chapters = data(await w.instructor.get<Chapter[]>(`/api/courses/${w.course.id}/chapters`))
      return { method: 'PUT', path: `/api/courses/${w.course.id}/outline/order`, body: { chapters: chapters.map(c => ({ id: c.id, lessonIds: c.lessons.map(l => l.id) })) } }
    },
  },
  'server/api/courses/[id]/publish.post.ts': {
    method: 'POST', pattern: '/api/courses/[id]/publish', access: 'instructor-owner', owner: 'instructor',
    fixture: async w => post(`/api/courses/${(await throwaway.draftCourse(w)).course.id}/publish`, {}),
  },
  'server/api/courses/[id]/restore.post.ts': {
    method: 'POST', pattern: '/api/courses/[id]/restore', access: 'instructor-owner', owner: 'instructor',
    fixture: async w => post(`/api/courses/${(await throwaway.deletedCourse(w)).id}/restore`),
  },
  'server/api/courses/[id]/students.get.ts': {
    method: 'GET', pattern: '/api/courses/[id]/students', access: 'instructor-owner', owner: 'instructor',
    fixture: w => get(`/api/courses/${w.course.id}/students`),
  },
  'server/api/courses/[id]/students.post.ts': {
    method: 'POST', pattern: '/api/courses/[id]/students', access: 'instructor-owner', owner: 'instructor', body: AddStudentInput,
    fixture: async w => post(`/api/courses/${w.openCourse.id}/students`, { email: (await w.account('STUDENT')).user.email }),
  },
  'server/api/courses/[id]/students/[userId].delete.ts': {
    method: 'DELETE', pattern: '/api/courses/[id]/students/[userId]', access: 'instructor-owner', owner: 'instructor',
    fixture: async w => ({ method: 'DELETE', path: `/api/courses/${w.openCourse.id}/students/${(await throwaway.addedStudent(w)).user.id}` }),
  },
  'server/api/courses/[id]/unpublish.post.ts': {
    method: 'POST', pattern: '/api/courses/[id]/unpublish', access: 'instructor-owner', owner: 'instructor',
    fixture: async w => post(`/api/courses/${(await throwaway.publishedDraft(w)).course.id}/unpublish`, {}),
  },
  'server/api/courses/deleted.get.ts': {
    method: 'GET', pattern: '/api/courses/deleted', access: 'signed-in', owner: 'instructor', reason: 'the caller\'s own deleted courses',
    fixture: () => get('/api/courses/deleted'),
  },
  'server/api/courses/index.get.ts': {
    method: 'GET', pattern: '/api/courses', access: 'signed-in', owner: 'instructor', reason: 'the caller\'s own courses',
    fixture: () => get('/api/courses'),
  },
  'server/api/courses/index.post.ts': {
    method: 'POST', pattern: '/api/courses', access: 'signed-in', owner: 'instructor', body: CourseInput,
    reason: 'an instructor makes a course of their own', writesOwnRows: 'the new course, owned by the caller',
    fixture: () => post('/api/courses', { title: `New ${clientKey()}`, category: 'Design' }),
  },

  'server/api/health.get.ts': {
    method: 'GET', pattern: '/api/health', access: 'public', owner: 'anonymous', reason: 'liveness: orchestrators ask it; anyone learns only alive',
    fixture: () => get('/api/health'),
  },
  'server/api/ready.get.ts': {
    method: 'GET', pattern: '/api/ready', access: 'public', owner: 'anonymous', reason: 'readiness: load balancers ask it; anyone learns only ready or not',
    fixture: () => get('/api/ready'),
  },
  'server/api/insights/conversations.get.ts': {
    method: 'GET', pattern: '/api/insights/conversations', access: 'signed-in', owner: 'instructor', query: InsightsQuery, reason: 'the caller\'s own conversation insights',
    fixture: () => get('/api/insights/conversations?weeks=4'),
  },

  // Internal: the bearer token only.
  'server/api/hls/[key].get.ts': {
    method: 'GET', pattern: '/api/hls/[key]', access: 'public', owner: 'anonymous', protocol: 'file',
    reason: 'the HMAC signature in the address is the authorisation (handed out only in an access-checked master playlist)',
    fixture: async (w) => {
      const { key, expires, signature } = await throwaway.lessonLadder(w)
      return get(`/api/hls/${key}?expires=${expires}&signature=${signature}`)
    },
  },
  'server/api/internal/broadcast.post.ts': {
    method: 'POST', pattern: '/api/internal/broadcast', access: 'internal', owner: 'internal',
    body: z.object({ channel: z.string(), event: z.object({ type: z.string() }).passthrough() }),
    fixture: w => post('/api/internal/broadcast', { channel: `conversation:${w.conversationId}`, event: { type: 'typing', conversationId: w.conversationId, userId: w.student.user.id, name: 'Someone' } }),
  },
  'server/api/internal/jobs/[kind].post.ts': {
    method: 'POST', pattern: '/api/internal/jobs/[kind]', access: 'internal', owner: 'internal',
    fixture: () => post('/api/internal/jobs/uploads:cleanup'),
  },
  'server/api/internal/media/[uploadId]/rendition.post.ts': {
    method: 'POST', pattern: '/api/internal/media/[uploadId]/rendition', access: 'internal', owner: 'internal',
    body: z.object({ height: z.number(), bandwidth: z.number(), audio: z.boolean() }),
    // No transcode runs on the attack server: the token passes, and a rendition nobody is making is a 404.
    ownerStatus: 404,
    fixture: async w => post(`/api/internal/media/${(await throwaway.libraryFile(w)).storageKey}/rendition`, { height: 360, bandwidth: 800_000, audio: true }),
  },
  'server/api/internal/media/[uploadId]/transcode-progress.post.ts': {
    method: 'POST', pattern: '/api/internal/media/[uploadId]/transcode-progress', access: 'internal', owner: 'internal',
    body: z.object({ percent: z.number() }),
    fixture: async w => post(`/api/internal/media/${(await throwaway.libraryFile(w)).storageKey}/transcode-progress`, { percent: 40 }),
  },
  'server/api/internal/media/[uploadId]/processed.post.ts': {
    method: 'POST', pattern: '/api/internal/media/[uploadId]/processed', access: 'internal', owner: 'internal',
    body: z.object({ failure: z.string() }),
    fixture: async w => post(`/api/internal/media/${(await throwaway.libraryFile(w, { status: 'PROCESSING' })).storageKey}/processed`, { failure: 'The worker could not read it.' }),
  },

  'server/api/invitations/accept.post.ts': {
    method: 'POST', pattern: '/api/invitations/accept', access: 'public', owner: 'anonymous', body: AcceptInvitationInput,
    reason: 'the mailed single-use token is the authorisation',
    fixture: async w => post('/api/invitations/accept', { token: (await throwaway.invitation(w)).token, name: 'Pat Parent', password: `parent-${clientKey()}` }),
  },
  'server/api/invitations/check.post.ts': {
    method: 'POST', pattern: '/api/invitations/check', access: 'public', owner: 'anonymous', body: InvitationTokenInput,
    reason: 'the mailed single-use token is the authorisation',
    fixture: w => post('/api/invitations/check', { token: w.invitation.token }),
  },

  // Learning: enrolled students.
  'server/api/learn/[slug].get.ts': {
    method: 'GET', pattern: '/api/learn/[slug]', access: 'student-participant', owner: 'student', observerRefused: true,
    fixture: w => get(`/api/learn/${w.course.slug}`),
  },
  'server/api/learn/index.get.ts': {
    method: 'GET', pattern: '/api/learn', access: 'signed-in', owner: 'student', reason: 'the caller\'s own enrolments',
    fixture: () => get('/api/learn'),
  },
  'server/api/learn/lessons/[id]/progress.post.ts': {
    method: 'POST', pattern: '/api/learn/lessons/[id]/progress', access: 'student-participant', owner: 'student', body: ProgressInput, observerRefused: true,
    fixture: w => post(`/api/learn/lessons/${w.lesson.id}/progress`, { positionSeconds: 1 }),
  },

  // Lessons: their instructor; the video and its poster also enrolled students (and anyone for a free preview).
  'server/api/lessons/[id].delete.ts': {
    method: 'DELETE', pattern: '/api/lessons/[id]', access: 'instructor-owner', owner: 'instructor',
    fixture: async w => ({ method: 'DELETE', path: `/api/lessons/${(await throwaway.draftCourse(w)).lesson.id}` }),
  },
  'server/api/lessons/[id].patch.ts': {
    method: 'PATCH', pattern: '/api/lessons/[id]', access: 'instructor-owner', owner: 'instructor', body: LessonUpdateInput,
    fixture: w => ({ method: 'PATCH', path: `/api/lessons/${w.lesson.id}`, body: { title: w.lesson.title, freePreview: false } }),
  },
  'server/api/lessons/[id]/captions/index.get.ts': {
    method: 'GET', pattern: '/api/lessons/[id]/captions', access: 'student-participant', owner: 'student',
    fixture: w => get(`/api/lessons/${w.lesson.id}/captions`),
  },
  'server/api/lessons/[id]/captions/index.post.ts': {
    method: 'POST', pattern: '/api/lessons/[id]/captions', access: 'instructor-owner', owner: 'instructor', body: CaptionAddInput,
    fixture: async w => post(`/api/lessons/${(await throwaway.draftCourse(w)).lesson.id}/captions`, captionBody()),
  },
  'server/api/lessons/[id]/captions/[captionId].get.ts': {
    method: 'GET', pattern: '/api/lessons/[id]/captions/[captionId]', access: 'student-participant', owner: 'student',
    fixture: w => get(`/api/lessons/${w.lesson.id}/captions/${w.caption.id}`),
  },
  'server/api/lessons/[id]/captions/[captionId].put.ts': {
    method: 'PUT', pattern: '/api/lessons/[id]/captions/[captionId]', access: 'instructor-owner', owner: 'instructor', body: CaptionReplaceInput,
    fixture: async (w) => {
      const { lesson } = await throwaway.draftCourse(w)
      const caption = data(await w.instructor.post<{ id: string }>(`/api/lessons/${lesson.id}/captions`, captionBody()))
      return { method: 'PUT', path: `/api/lessons/${lesson.id}/captions/${caption.id}`, body: captionBody({ label: 'English (corrected)' }) }
    },
  },
  'server/api/lessons/[id]/captions/[captionId].patch.ts': {
    method: 'PATCH', pattern: '/api/lessons/[id]/captions/[captionId]', access: 'instructor-owner', owner: 'instructor', body: CaptionUpdateInput,
    fixture: w => ({ method: 'PATCH', path: `/api/lessons/${w.lesson.id}/captions/${w.caption.id}`, body: { isDefault: true } }),
  },
  'server/api/lessons/[id]/captions/[captionId].delete.ts': {
    method: 'DELETE', pattern: '/api/lessons/[id]/captions/[captionId]', access: 'instructor-owner', owner: 'instructor',
    fixture: async (w) => {
      const { lesson } = await throwaway.draftCourse(w)
      const caption = data(await w.instructor.post<{ id: string }>(`/api/lessons/${lesson.id}/captions`, captionBody()))
      return { method: 'DELETE', path: `/api/lessons/${lesson.id}/captions/${caption.id}` }
    },
  },
  'server/api/lessons/[id]/captions/[captionId]/track.vtt.get.ts': {
    method: 'GET', pattern: '/api/lessons/[id]/captions/[captionId]/track.vtt', access: 'student-participant', owner: 'student', protocol: 'file',
    fixture: w => get(`/api/lessons/${w.lesson.id}/captions/${w.caption.id}/track.vtt`),
  },
  'server/api/lessons/[id]/retry-processing.post.ts': {
    method: 'POST', pattern: '/api/lessons/[id]/retry-processing', access: 'instructor-owner', owner: 'instructor',
    fixture: async w => ({ ...post(`/api/lessons/${(await throwaway.failedLesson(w)).lessonId}/retry-processing`), settle: () => throwaway.processingSettled(w) }),
  },
  'server/api/lessons/[id]/replacement.delete.ts': {
    method: 'DELETE', pattern: '/api/lessons/[id]/replacement', access: 'instructor-owner', owner: 'instructor',
    fixture: async w => ({ method: 'DELETE', path: `/api/lessons/${(await throwaway.failedReplacement(w)).lessonId}/replacement` }),
  },
  'server/api/lessons/[id]/hls.get.ts': {
    method: 'GET', pattern: '/api/lessons/[id]/hls', access: 'student-participant', owner: 'student', protocol: 'file',
    fixture: async (w) => {
      await throwaway.lessonLadder(w)
      return get(`/api/lessons/${w.lesson.id}/hls`)
    },
  },
  'server/api/lessons/[id]/stream.get.ts': {
    method: 'GET', pattern: '/api/lessons/[id]/stream', access: 'student-participant', owner: 'student', protocol: 'file',
    fixture: w => ({ ...get(`/api/lessons/${w.lesson.id}/stream`), headers: { range: 'bytes=0-1023' } }),
  },
  'server/api/lessons/[id]/thumbnail.get.ts': {
    method: 'GET', pattern: '/api/lessons/[id]/thumbnail', access: 'student-participant', owner: 'student', protocol: 'file',
    fixture: w => get(`/api/lessons/${w.lesson.id}/thumbnail`),
  },

  // The media library: its owner.
  'server/api/media/[id].delete.ts': {
    method: 'DELETE', pattern: '/api/media/[id]', access: 'instructor-owner', owner: 'instructor',
    fixture: async w => ({ method: 'DELETE', path: `/api/media/${(await throwaway.libraryFile(w, { trashed: true })).id}` }),
  },
  'server/api/media/[id].get.ts': {
    method: 'GET', pattern: '/api/media/[id]', access: 'instructor-owner', owner: 'instructor',
    fixture: w => get(`/api/media/${w.document.id}`),
  },
  'server/api/media/[id].patch.ts': {
    method: 'PATCH', pattern: '/api/media/[id]', access: 'instructor-owner', owner: 'instructor', body: RenameMediaInput,
    fixture: w => ({ method: 'PATCH', path: `/api/media/${w.document.id}`, body: { name: w.document.name } }),
  },
  'server/api/media/[id]/content.get.ts': {
    method: 'GET', pattern: '/api/media/[id]/content', access: 'instructor-owner', owner: 'instructor', protocol: 'file',
    fixture: w => get(`/api/media/${w.document.id}/content`),
  },
  'server/api/media/[id]/history.get.ts': {
    method: 'GET', pattern: '/api/media/[id]/history', access: 'instructor-owner', owner: 'instructor',
    fixture: w => get(`/api/media/${w.document.id}/history`),
  },
  'server/api/media/[id]/links.post.ts': {
    method: 'POST', pattern: '/api/media/[id]/links', access: 'instructor-owner', owner: 'instructor', body: MediaLinkInput,
    fixture: async w => post(`/api/media/${(await throwaway.libraryFile(w)).id}/links`, { targetType: 'COURSE', targetId: w.course.id, role: 'RESOURCE' }),
  },
  'server/api/media/[id]/restore.post.ts': {
    method: 'POST', pattern: '/api/media/[id]/restore', access: 'instructor-owner', owner: 'instructor', body: RestoreMediaInput,
    fixture: async w => post(`/api/media/${(await throwaway.libraryFile(w, { trashed: true })).id}/restore`, { relink: false }),
  },
  'server/api/media/[id]/thumbnail.get.ts': {
    method: 'GET', pattern: '/api/media/[id]/thumbnail', access: 'instructor-owner', owner: 'instructor', protocol: 'file',
    fixture: w => get(`/api/media/${w.image.id}/thumbnail`),
  },
  'server/api/media/[id]/trash.post.ts': {
    method: 'POST', pattern: '/api/media/[id]/trash', access: 'instructor-owner', owner: 'instructor', body: TrashMediaInput,
    fixture: async w => post(`/api/media/${(await throwaway.libraryFile(w, { linked: true })).id}/trash`, { unlinkAll: true }),
  },
  'server/api/media/[id]/unlink.post.ts': {
    method: 'POST', pattern: '/api/media/[id]/unlink', access: 'instructor-owner', owner: 'instructor', body: MediaLinkInput,
    fixture: async w => post(`/api/media/${(await throwaway.libraryFile(w, { linked: true })).id}/unlink`, { targetType: 'COURSE', targetId: w.course.id, role: 'RESOURCE' }),
  },
  'server/api/media/[id]/upload.delete.ts': {
    method: 'DELETE', pattern: '/api/media/[id]/upload', access: 'instructor-owner', owner: 'instructor',
    fixture: async w => ({ method: 'DELETE', path: `/api/media/${(await throwaway.unfinishedUpload(w)).mediaId}/upload` }),
  },
  'server/api/media/bulk.post.ts': {
    method: 'POST', pattern: '/api/media/bulk', access: 'signed-in', owner: 'instructor', body: MediaBulkInput,
    reason: 'acts on the caller\'s own files: an id that is not theirs gets its own "not found" inside a 200 answer',
    fixture: w => post('/api/media/bulk', { action: 'addTags', ids: [w.document.id], tags: ['syllabus'] }),
  },
  'server/api/media/index.get.ts': {
    method: 'GET', pattern: '/api/media', access: 'signed-in', owner: 'instructor', query: MediaListQuery, reason: 'the caller\'s own library',
    fixture: () => get('/api/media?sort=newest'),
  },
  'server/api/media/insights/performance.get.ts': { ...INSIGHTS, pattern: '/api/media/insights/performance', fixture: () => get('/api/media/insights/performance?preset=30d') },
  'server/api/media/insights/storage.get.ts': { ...INSIGHTS, pattern: '/api/media/insights/storage', fixture: () => get('/api/media/insights/storage?preset=30d') },
  'server/api/media/insights/uploads.get.ts': { ...INSIGHTS, pattern: '/api/media/insights/uploads', fixture: () => get('/api/media/insights/uploads?preset=30d') },
  'server/api/media/insights/usage.get.ts': { ...INSIGHTS, pattern: '/api/media/insights/usage', fixture: () => get('/api/media/insights/usage?preset=30d') },
  'server/api/media/tags.get.ts': {
    method: 'GET', pattern: '/api/media/tags', access: 'signed-in', owner: 'instructor', reason: 'the caller\'s own tags',
    fixture: () => get('/api/media/tags'),
  },
  'server/api/media/trash.get.ts': {
    method: 'GET', pattern: '/api/media/trash', access: 'signed-in', owner: 'instructor', reason: 'the caller\'s own trash',
    fixture: () => get('/api/media/trash'),
  },
  'server/api/media/uploads.get.ts': {
    method: 'GET', pattern: '/api/media/uploads', access: 'signed-in', owner: 'instructor', reason: 'the caller\'s own unfinished uploads',
    fixture: () => get('/api/media/uploads'),
  },
  'server/api/media/zip.post.ts': {
    method: 'POST', pattern: '/api/media/zip', access: 'instructor-owner', owner: 'instructor', protocol: 'file', body: MediaZipInput,
    fixture: w => post('/api/media/zip', { ids: [w.document.id] }),
  },

  // A message's visibility: the conversation's instructor.
  'server/api/messages/[id]/visibility.get.ts': {
    method: 'GET', pattern: '/api/messages/[id]/visibility', access: 'instructor-owner', owner: 'instructor', classmate: true, observerRefused: true,
    fixture: w => get(`/api/messages/${w.note.id}/visibility`),
  },
  'server/api/messages/[id]/visibility.put.ts': {
    method: 'PUT', pattern: '/api/messages/[id]/visibility', access: 'instructor-owner', owner: 'instructor', body: SetMessageVisibilityInput, classmate: true, observerRefused: true,
    fixture: async (w) => {
      const now = data(await w.instructor.get<{ access: string, grantedTo: { id: string }[] }>(`/api/messages/${w.note.id}/visibility`))
      return { method: 'PUT', path: `/api/messages/${w.note.id}/visibility`, body: { access: now.access, grantedTo: now.grantedTo.map(g => g.id) } }
    },
  },

  'server/api/presence.get.ts': {
    method: 'GET', pattern: '/api/presence', access: 'signed-in', owner: 'student', reason: 'the presence of the caller\'s own counterparts',
    fixture: () => get('/api/presence'),
  },

  // A student's observers and invitations: the instructors of that student who made them.
  'server/api/students/[id]/invitations.get.ts': {
    method: 'GET', pattern: '/api/students/[id]/invitations', access: 'instructor-owner', owner: 'instructor',
    fixture: w => get(`/api/students/${w.student.user.id}/invitations`),
  },
  'server/api/students/[id]/invitations/[invitationId].delete.ts': {
    method: 'DELETE', pattern: '/api/students/[id]/invitations/[invitationId]', access: 'instructor-owner', owner: 'instructor',
    fixture: async w => ({ method: 'DELETE', path: `/api/students/${w.student.user.id}/invitations/${(await throwaway.invitation(w)).id}` }),
  },
  'server/api/students/[id]/invitations/[invitationId]/resend.post.ts': {
    method: 'POST', pattern: '/api/students/[id]/invitations/[invitationId]/resend', access: 'instructor-owner', owner: 'instructor',
    fixture: async w => post(`/api/students/${w.student.user.id}/invitations/${(await throwaway.invitation(w)).id}/resend`),
  },
  'server/api/students/[id]/observers.get.ts': {
    method: 'GET', pattern: '/api/students/[id]/observers', access: 'instructor-owner', owner: 'instructor',
    fixture: w => get(`/api/students/${w.student.user.id}/observers`),
  },
  'server/api/students/[id]/observers.post.ts': {
    method: 'POST', pattern: '/api/students/[id]/observers', access: 'instructor-owner', owner: 'instructor', body: AddObserverInput,
    fixture: w => post(`/api/students/${w.student.user.id}/observers`, { email: w.observer.user.email }),
  },
  'server/api/students/[id]/observers/[observerId].delete.ts': {
    method: 'DELETE', pattern: '/api/students/[id]/observers/[observerId]', access: 'instructor-owner', owner: 'instructor',
    fixture: async w => ({ method: 'DELETE', path: `/api/students/${w.student.user.id}/observers/${(await throwaway.linkedObserver(w)).user.id}` }),
  },

  // server/routes: the sitemap source, the socket and the upload protocol.
  'server/routes/__sitemap__/courses.ts': {
    method: 'GET', pattern: '/__sitemap__/courses', access: 'public', owner: 'anonymous', protocol: 'sitemap',
    reason: 'the sitemap lists published courses, which are public',
    fixture: () => get('/__sitemap__/courses'),
  },
  'server/routes/_ws.ts': {
    method: 'GET', pattern: '/_ws', access: 'student-participant', owner: 'student', protocol: 'socket', classmate: true,
    fixture: w => ({ method: 'GET', path: '/_ws', channel: `conversation:${w.conversationId}` }),
    // The owner's other live channels: the course editor's and each participant's own stream.
    strangersAlso: (w, request) => [`course:${w.course.id}`, `user:${w.student.user.id}`, `user:${w.instructor.user.id}`].map(channel => ({ ...request, channel })),
  },
  'server/routes/api/uploads/[...].ts': {
    method: 'PATCH', pattern: '/api/uploads/[...]', access: 'instructor-owner', owner: 'instructor', protocol: 'tus',
    fixture: async (w) => {
      const { url, mediaId } = await throwaway.unfinishedUpload(w)
      return { method: 'PATCH', path: url, headers: { 'upload-offset': '0' }, bytes: samplePdf(), settle: () => throwaway.uploadSettled(w, mediaId) }
    },
    // The protocol's other methods on the owner's upload: its offset, and cancelling it.
    strangersAlso: (_w, request) => [{ method: 'HEAD', path: request.path }, { method: 'DELETE', path: request.path }],
  },
  'server/routes/api/uploads/index.ts': {
    method: 'POST', pattern: '/api/uploads', access: 'instructor-owner', owner: 'instructor', protocol: 'tus',
    fixture: async (w) => {
      const { chapter } = await throwaway.draftCourse(w)
      const b64 = (value: string) => Buffer.from(value).toString('base64')
      return { method: 'POST', path: '/api/uploads', headers: { 'upload-length': '1000', 'upload-metadata': `filename ${b64('lesson.mp4')},filetype ${b64('video/mp4')},target ${b64('lesson')},chapterId ${b64(chapter.id)}` } }
    },
  },
}

/** The method a route file answers, from its name (`x.post.ts`), or null for the multi-method files of server/routes. */
export function methodOfFile(file: string): string | null {
  const match = file.match(/\.(get|post|put|patch|delete|head)\.ts$/)
  return match ? match[1]!.toUpperCase() : null
}

/** The path pattern a route file serves, from its place in the tree. */
export function patternOfFile(file: string): string {
  const path = file.replace(/^server\/(api|routes)\//, (_, dir) => (dir === 'api' ? '/api/' : '/'))
    .replace(/\.(get|post|put|patch|delete|head)\.ts$/, '')
    .replace(/\.ts$/, '')
    .replace(/\/index$/, '')
  return path === '' ? '/' : path
}
