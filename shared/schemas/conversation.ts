// Conversations: message types, their versioned payloads, and what the composer sends. The
// server validates with these; the composer's form uses SendMessageInput.
import { z } from 'zod'

export const MESSAGE_TYPES = ['DAILY_NOTE', 'INSTRUCTOR_RESPONSE', 'ACTIVITY_LOG', 'MILESTONE'] as const
export type MessageType = typeof MESSAGE_TYPES[number]
export const MESSAGE_TYPE_LABELS: Record<MessageType, string> = {
  DAILY_NOTE: 'Daily note',
  INSTRUCTOR_RESPONSE: 'Response',
  ACTIVITY_LOG: 'Activity',
  MILESTONE: 'Milestone',
}
export const MESSAGE_ACCESS = ['PARTICIPANTS', 'OBSERVERS'] as const
export type MessageAccess = typeof MESSAGE_ACCESS[number]

/** A calendar day, `YYYY-MM-DD` (the day a message is about, in the writer's time zone). */
export const calendarDay = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'Use a date like 2026-11-26')
  .refine(day => !Number.isNaN(Date.parse(`${day}T00:00:00Z`)) && new Date(`${day}T00:00:00Z`).toISOString().startsWith(day), 'Not a real date')

/**
 * The latest day anyone on Earth can be living right now: today in the earliest time zone
 * (UTC+14). A message is about the writer's day, so a later one is about a day that has not
 * begun anywhere (and would stay pinned under every newer message).
 */
export function latestDayAnywhere(now = Date.now()): string {
  return new Date(now + 14 * 60 * 60 * 1000).toISOString().slice(0, 10)
}
/** A day a message may be about: a real day, no later than today anywhere on Earth. */
export const messageDay = calendarDay.refine(day => day <= latestDayAnywhere(), 'A message can’t be about a day after today')

/** Each type's extra data, by version. Reading an old version upgrades it here. */
export const MessagePayloads = {
  DAILY_NOTE: z.object({ v: z.literal(1), mood: z.enum(['great', 'good', 'ok', 'hard']).optional() }),
  INSTRUCTOR_RESPONSE: z.object({ v: z.literal(1), replyToId: z.string().max(64).optional() }),
  ACTIVITY_LOG: z.object({
    v: z.literal(1),
    event: z.enum(['enrolled', 'lesson-completed', 'course-completed', 'access-requested']),
    courseTitle: z.string().max(200),
    lessonTitle: z.string().max(200).optional(),
    /** access-requested: who asked, and the account email the instructor's one-click enrolment uses. */
    studentName: z.string().max(200).optional(),
    studentEmail: z.string().max(320).optional(),
  }),
  MILESTONE: z.object({ v: z.literal(1), kind: z.enum(['course-completed', 'custom']), courseTitle: z.string().max(200).optional() }),
} satisfies Record<MessageType, z.ZodTypeAny>
export type MessagePayload<T extends MessageType> = z.infer<typeof MessagePayloads[T]>

export const messageBody = z.string().trim().max(10_000, 'Keep a message under 10 000 characters')

const recordId = z.string().min(1).max(64).regex(/^[\w-]+$/, 'Not an id')
export const MAX_ATTACHMENTS_PER_MESSAGE = 10

/** The fields of a send; SendMessageInput adds the rule that a message says or carries something. */
export const SendMessageFields = z.object({
  /** What the sender may choose: students write daily notes; instructors responses or milestones. */
  type: z.enum(['DAILY_NOTE', 'INSTRUCTOR_RESPONSE', 'MILESTONE']),
  body: messageBody,
  targetDate: messageDay,
  access: z.enum(MESSAGE_ACCESS).optional(),
  /** The sender's idempotency key (a retry sends the same one). */
  clientKey: z.string().min(8).max(64).regex(/^[\w-]+$/),
  courseId: z.string().max(64).optional(),
  /** My uploaded, not yet sent attachments in this conversation. */
  attachmentIds: z.array(recordId).max(MAX_ATTACHMENTS_PER_MESSAGE, `Attach at most ${MAX_ATTACHMENTS_PER_MESSAGE} files to one message`).default([])
    .refine(ids => new Set(ids).size === ids.length, 'An attachment is listed twice'),
  /** An attachment of an earlier message in this conversation. */
  referenceAttachmentId: recordId.optional(),
})
export const SendMessageInput = SendMessageFields.refine(
  input => input.body.length > 0 || input.attachmentIds.length > 0 || !!input.referenceAttachmentId,
  { message: 'Write something or attach a file', path: ['body'] },
)
export type SendMessageInput = z.input<typeof SendMessageInput>
/** A send as the server has it after validation (defaults filled). */
export type SendMessageData = z.output<typeof SendMessageInput>

export const AttachmentIdParams = z.object({ id: recordId })

export const MESSAGE_PAGE_SIZE = 30

/** An opaque page cursor (a message's key, base64url); the service decodes and checks it. */
const pageCursor = z.string().max(200).regex(/^[\w-]+$/, 'Not a cursor from this conversation')

/**
 * Which page of a stream: the newest (no position), older than a cursor (`before`), newer than a
 * cursor (`after`), or around a day (`around`: that day onward plus the messages just before).
 */
export const MessagePageQuery = z.object({
  /** Opaque cursor from a page's `olderCursor`. */
  before: pageCursor.optional(),
  /** Opaque cursor from a page's `newerCursor`. */
  after: pageCursor.optional(),
  /** A calendar day to jump to. */
  around: calendarDay.optional(),
  limit: z.coerce.number().int().min(1).max(100).default(MESSAGE_PAGE_SIZE),
}).refine(q => [q.before, q.after, q.around].filter(v => v !== undefined).length <= 1, { message: 'Ask for one of before, after or around', path: ['around'] })
export type MessagePageQuery = z.infer<typeof MessagePageQuery>

/** "Jump to date" in a conversation: the day to show. */
export const JumpToDateInput = z.object({ day: calendarDay })
export type JumpToDateInput = z.infer<typeof JumpToDateInput>

export const ConversationIdParams = z.object({ id: z.string().min(1).max(64).regex(/^[\w-]+$/, 'Not an id') })

/**
 * Downloading a conversation (GET /api/conversations/:id/export): `tz` is the reader's IANA time
 * zone (the browser's), for the readable times of the transcript; UTC without it. The service
 * refuses a zone Intl does not know.
 */
export const ExportConversationQuery = z.object({
  tz: z.string().min(1).max(64).regex(/^[A-Za-z][\w+\-/]*$/, 'Not a time zone').optional(),
})
export type ExportConversationQuery = z.infer<typeof ExportConversationQuery>
