import type { VideoUpdateInput } from '#shared/schemas/outline'
import type { Video } from '#shared/types/outline'
import { notFound } from '../../utils/errors'
import { useDb } from '../../database/db'
import { courseOfVideo } from './course-lock'
import { toVideo, videoSelect } from './outline-dto'
import { announceOutline } from './announce-outline'

/** Renames a lesson or switches its free preview. */
export async function updateVideo({ ownerId, videoId, input }: { ownerId: string, videoId: string, input: VideoUpdateInput }): Promise<Video> {
  const courseId = await courseOfVideo({ ownerId, videoId })
  const { count } = await useDb().video.updateMany({
    where: { id: videoId, chapter: { course: { ownerId, deletedAt: null } } },
    data: input,
  })
  if (count === 0) throw notFound('Lesson')
  const video = toVideo(await useDb().video.findUniqueOrThrow({ where: { id: videoId }, select: videoSelect }))
  await announceOutline({ type: 'video-saved', courseId, video })
  return video
}
