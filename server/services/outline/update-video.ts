import type { VideoUpdateInput } from '#shared/schemas/outline'
import type { Video } from '#shared/types/outline'
import { courseChannel } from '#shared/realtime/channels'
import { broadcast } from '../../realtime/broadcast'
import { notFound } from '../../utils/errors'
import { useDb } from '../../utils/db'
import { courseOfVideo } from './course-lock'
import { toVideo, videoSelect } from './outline-dto'

/** Renames a lesson or switches its free preview. */
export async function updateVideo({ ownerId, videoId, input }: { ownerId: string, videoId: string, input: VideoUpdateInput }): Promise<Video> {
  const courseId = await courseOfVideo({ ownerId, videoId })
  const { count } = await useDb().video.updateMany({
    where: { id: videoId, chapter: { course: { ownerId, deletedAt: null } } },
    data: input,
  })
  if (count === 0) throw notFound('Lesson')
  const video = toVideo(await useDb().video.findUniqueOrThrow({ where: { id: videoId }, select: videoSelect }))
  await broadcast(courseChannel(courseId), { type: 'video-saved', courseId, video })
  return video
}
