// The events the server broadcasts, one discriminated union for the server, the HTTP bridge
// (validated with this schema) and the client's observer. Each carries just what the caches need
// to update without a refetch.
import { z } from 'zod'
import { COURSE_CATEGORIES, COURSE_LANGUAGES, COURSE_LEVELS, COURSE_STATUSES } from '../schemas/course'
import { LESSON_STATUSES } from '../schemas/lesson-status'
import { PRESENCE_STATUSES } from '../schemas/presence'
import { MEDIA_KINDS } from '../media/kinds'

const id = z.string().min(1).max(64)
const isoDate = z.string().datetime()

const CourseSnapshot = z.object({
  id,
  title: z.string(),
  slug: z.string(),
  description: z.string(),
  category: z.enum(COURSE_CATEGORIES),
  level: z.enum(COURSE_LEVELS),
  language: z.enum(Object.keys(COURSE_LANGUAGES) as [keyof typeof COURSE_LANGUAGES]),
  priceCents: z.number().int().nullable(),
  currency: z.string(),
  coverImageUrl: z.string().nullable(),
  status: z.enum(COURSE_STATUSES),
  createdAt: isoDate,
  updatedAt: isoDate,
  deletedAt: isoDate.nullable(),
})

const LessonSnapshot = z.object({
  id,
  chapterId: id,
  title: z.string(),
  position: z.number().int().nonnegative(),
  status: z.enum(LESSON_STATUSES),
  durationSeconds: z.number().int().nullable(),
  freePreview: z.boolean(),
  failureReason: z.string().nullable(),
  hasThumbnail: z.boolean(),
  updatedAt: isoDate,
  // The video on its way to replace the current one (shared/types/outline.ts).
  replacement: z.object({
    status: z.enum(['UPLOADING', 'PROCESSING', 'FAILED']),
    fileName: z.string(),
    failureReason: z.string().nullable(),
  }).nullable().optional(),
})

const ChapterSnapshot = z.object({
  id,
  courseId: id,
  title: z.string(),
  position: z.number().int().nonnegative(),
  updatedAt: isoDate,
})

// One row of the instructor's students page (published on `course:<id>`, owner only).
const StudentSnapshot = z.object({
  userId: id,
  name: z.string(),
  email: z.string(),
  enrolledAt: isoDate,
  source: z.enum(['SELF', 'INSTRUCTOR']),
  lastActiveAt: isoDate,
  completedAt: isoDate.nullable(),
  percentComplete: z.number().min(0).max(100),
  completedLessonIds: z.array(id),
})

// A file sent with a message (metadata only).
const AttachmentSnapshot = z.object({
  id,
  name: z.string(),
  mimeType: z.string(),
  sizeBytes: z.number().int().nonnegative(),
  width: z.number().int().nullable(),
  height: z.number().int().nullable(),
  status: z.enum(['UPLOADING', 'PROCESSING', 'READY', 'FAILED']),
  hasThumbnail: z.boolean(),
})

// A conversation's message (published on `conversation:<id>`, to those who may read it).
const MessageSnapshot = z.object({
  id,
  conversationId: id,
  type: z.enum(['DAILY_NOTE', 'INSTRUCTOR_RESPONSE', 'ACTIVITY_LOG', 'MILESTONE']),
  body: z.string(),
  targetDate: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  createdAt: isoDate,
  sender: z.object({ id, name: z.string(), role: z.enum(['INSTRUCTOR', 'STUDENT', 'OBSERVER']) }).nullable(),
  courseId: id.nullable(),
  payload: z.record(z.unknown()),
  access: z.enum(['PARTICIPANTS', 'OBSERVERS']),
  clientKey: z.string().nullable(),
  attachments: z.array(AttachmentSnapshot),
  reference: z.object({ messageId: id.nullable(), attachment: AttachmentSnapshot.nullable() }).nullable(),
  // Only in what goes to the conversation's instructor.
  grantedTo: z.array(id).optional(),
})

// A file of the instructor's media library (shared/types/media.ts MediaItem).
const MediaItemSnapshot = z.object({
  id,
  name: z.string(),
  mimeType: z.string(),
  kind: z.enum(MEDIA_KINDS).nullable(),
  sizeBytes: z.number().int().nonnegative(),
  status: z.enum(['UPLOADING', 'PROCESSING', 'READY', 'FAILED']),
  createdAt: isoDate,
  updatedAt: isoDate,
  durationSeconds: z.number().int().nullable(),
  width: z.number().int().nullable(),
  height: z.number().int().nullable(),
  hasThumbnail: z.boolean(),
  altText: z.string().nullable(),
  tags: z.array(z.string()),
  usageCount: z.number().int().nonnegative(),
  trashedUsageCount: z.number().int().nonnegative(),
})

export const RealtimeEvent = z.discriminatedUnion('type', [
  z.object({ type: z.literal('course-created'), course: CourseSnapshot }),
  z.object({ type: z.literal('course-updated'), course: CourseSnapshot }),
  z.object({ type: z.literal('course-deleted'), course: CourseSnapshot.extend({ deletedAt: isoDate, purgeAt: isoDate }) }),
  z.object({ type: z.literal('course-restored'), course: CourseSnapshot }),
  // The outline of one course (published on `course:<id>`).
  z.object({ type: z.literal('chapter-saved'), courseId: id, chapter: ChapterSnapshot }),
  z.object({ type: z.literal('lesson-saved'), courseId: id, lesson: LessonSnapshot }),
  z.object({ type: z.literal('outline-deleted'), courseId: id, chapterIds: z.array(id), lessonIds: z.array(id) }),
  z.object({
    type: z.literal('outline-reordered'),
    courseId: id,
    order: z.object({ chapters: z.array(z.object({ id, lessonIds: z.array(id) })) }),
  }),
  // Bytes the server has received for an upload (~270 bytes on the wire). `at` is when the server
  // had read those bytes (ms since epoch, its clock): speed comes from these deltas, untouched by
  // delivery jitter. The uploader's own events (socket down) leave it out.
  z.object({
    type: z.literal('upload-progress'),
    courseId: id,
    chapterId: id,
    lessonId: id,
    operationId: id,
    // The bytes are the lesson's replacement video's, not its current one's.
    replacement: z.literal(true).optional(),
    data: z.object({
      progress: z.number().min(0).max(100),
      bytes: z.number().int().nonnegative(),
      total: z.number().int().nonnegative(),
      at: z.number().int().positive().optional(),
    }),
  }),
  // How far a lesson video's HLS ladder is (percent of the whole ladder, from ffmpeg's progress),
  // about once a second; 100 when the last rendition is stored.
  z.object({ type: z.literal('transcode-progress'), courseId: id, chapterId: id, lessonId: id, percent: z.number().int().min(0).max(100) }),
  // Enrolments and completion in one course, for its instructor's students page.
  z.object({ type: z.literal('student-updated'), courseId: id, student: StudentSnapshot }),
  z.object({ type: z.literal('student-removed'), courseId: id, userId: id }),
  // Conversations: a new message in the stream; and, on each participant's `user:<id>`, that one
  // of their conversations moved (the list re-sorts and counts unread).
  z.object({ type: z.literal('message-created'), conversationId: id, message: MessageSnapshot }),
  z.object({ type: z.literal('conversation-touched'), conversationId: id, at: isoDate }),
  // Bytes the server has received for one of my attachments not yet sent (on
  // `conversation:<id>`, to the uploader only); `at` as for upload-progress.
  z.object({
    type: z.literal('attachment-progress'),
    conversationId: id,
    attachmentId: id,
    operationId: id,
    data: z.object({ bytes: z.number().int().nonnegative(), total: z.number().int().nonnegative(), at: z.number().int().positive().optional() }),
  }),
  // An attachment moved on (uploaded, processed: dimensions and thumbnail known). Sent to its
  // uploader while it is not yet sent (messageId null), else to those who may read its message.
  z.object({ type: z.literal('attachment-updated'), conversationId: id, messageId: id.nullable(), attachment: AttachmentSnapshot }),
  // A message's visibility changed (on `conversation:<id>`, only to those who may read it now):
  // the participants see its new access; an observer it became visible to gets it in their
  // stream. `message-hidden` goes to the observers who may no longer read it.
  z.object({ type: z.literal('message-access-changed'), conversationId: id, message: MessageSnapshot }),
  z.object({ type: z.literal('message-hidden'), conversationId: id, messageId: id }),
  // An instructor linked or unlinked an observer of this student (on the instructor's
  // `user:<id>`): their other tabs refetch the observers panel and visibility dialogs.
  z.object({ type: z.literal('observers-changed'), studentId: id }),
  // A participant read the conversation up to `lastReadAt` (on `conversation:<id>`, participants
  // only): the other side's "Seen" moves without a refetch.
  z.object({ type: z.literal('conversation-read'), conversationId: id, userId: id, lastReadAt: isoDate }),
  // The other participant is typing (on `conversation:<id>`, to the other participant only). No
  // "stopped" event: the signal repeats while they type and the receiver lets it expire.
  z.object({ type: z.literal('typing'), conversationId: id, userId: id, name: z.string().max(200) }),
  // Someone who shares a conversation with the receiver came online, went away (every tab
  // hidden) or offline (no tab connected). Sent to those people's `user:<id>` only.
  z.object({ type: z.literal('presence-changed'), userId: id, status: z.enum(PRESENCE_STATUSES) }),
  // The media library, on the owner's `user:<id>`: a file was uploaded, processed, renamed,
  // linked, unlinked or restored (its row as the list shows it, counts included) …
  z.object({ type: z.literal('media-updated'), item: MediaItemSnapshot }),
  // … or left the library (moved to the trash, or deleted for good).
  z.object({ type: z.literal('media-removed'), mediaId: id }),
  // Bytes the server has received for a library upload (on the owner's `user:<id>`); `at` as
  // for upload-progress.
  z.object({
    type: z.literal('library-upload-progress'),
    mediaId: id,
    operationId: id,
    data: z.object({ bytes: z.number().int().nonnegative(), total: z.number().int().nonnegative(), at: z.number().int().positive().optional() }),
  }),
])
export type RealtimeEvent = z.infer<typeof RealtimeEvent>
export type RealtimeEventType = RealtimeEvent['type']
export type RealtimeEventOf<T extends RealtimeEventType> = Extract<RealtimeEvent, { type: T }>
