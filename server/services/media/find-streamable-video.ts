// Who may watch a lesson's video: the course's owner; students enrolled in the course while it
// is published; and anyone for a free-preview lesson of a published course. Everyone else: 404.
import type { User } from '#auth-utils'
import { notFound } from '../../utils/errors'
import { useDb } from '../../database/db'

export interface StreamableVideo {
  storageKey: string
  mimeType: string
  sizeBytes: number
  thumbnailKey: string | null
}

export async function findStreamableVideo({ lessonId, user }: { lessonId: string, user: User | null }): Promise<StreamableVideo> {
  const lesson = await useDb().video.findUnique({
    where: { id: lessonId },
    select: {
      freePreview: true,
      chapter: { select: { course: { select: { id: true, ownerId: true, status: true, deletedAt: true } } } },
      mediaFile: { select: { storageKey: true, mimeType: true, sizeBytes: true, thumbnailKey: true, status: true } },
    },
  })
  const course = lesson?.chapter.course
  const media = lesson?.mediaFile
  if (!lesson || !course || course.deletedAt || !media || media.status !== 'READY') throw notFound('Video')
  if (!(await mayWatchLesson({ course, freePreview: lesson.freePreview, user }))) throw notFound('Video')
  return { storageKey: media.storageKey, mimeType: media.mimeType, sizeBytes: Number(media.sizeBytes), thumbnailKey: media.thumbnailKey }
}

/** The rule above, for anything served with a lesson (its captions too). */
export async function mayWatchLesson({ course, freePreview, user }: { course: { id: string, ownerId: string, status: string }, freePreview: boolean, user: User | null }): Promise<boolean> {
  if (user?.id === course.ownerId) return true
  if (freePreview && course.status === 'PUBLISHED') return true
  return isEnrolled(course, user)
}

async function isEnrolled(course: { id: string, status: string }, user: User | null): Promise<boolean> {
  if (!user || course.status !== 'PUBLISHED') return false
  const enrollment = await useDb().enrollment.findUnique({ where: { courseId_userId: { courseId: course.id, userId: user.id } }, select: { id: true } })
  return !!enrollment
}
