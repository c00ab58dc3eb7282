// Who may watch a lesson's video: the course's owner, and anyone for a free-preview lesson of a
// published course. (The portal issue adds enrolled students here.) Everyone else gets 404.
import type { User } from '#auth-utils'
import { notFound } from '../../utils/errors'
import { useDb } from '../../utils/db'

export interface StreamableVideo {
  storageKey: string
  mimeType: string
  sizeBytes: number
  thumbnailKey: string | null
}

export async function findStreamableVideo({ videoId, user }: { videoId: string, user: User | null }): Promise<StreamableVideo> {
  const video = await useDb().video.findUnique({
    where: { id: videoId },
    select: {
      freePreview: true,
      chapter: { select: { course: { select: { ownerId: true, status: true, deletedAt: true } } } },
      mediaFile: { select: { storageKey: true, mimeType: true, sizeBytes: true, thumbnailKey: true, status: true } },
    },
  })
  const course = video?.chapter.course
  const media = video?.mediaFile
  if (!video || !course || course.deletedAt || !media || media.status !== 'READY') throw notFound('Video')
  const isOwner = user?.id === course.ownerId
  const isPublicPreview = video.freePreview && course.status === 'PUBLISHED'
  if (!isOwner && !isPublicPreview) throw notFound('Video')
  return { storageKey: media.storageKey, mimeType: media.mimeType, sizeBytes: Number(media.sizeBytes), thumbnailKey: media.thumbnailKey }
}
