import type { Video } from '#shared/types/outline'
import { notFound } from '../../utils/errors'
import { useDb } from '../../database/db'
import { toVideo, videoSelect } from './outline-dto'

/** A chapter's lessons in order. */
export async function listVideos({ ownerId, chapterId }: { ownerId: string, chapterId: string }): Promise<Video[]> {
  const chapter = await useDb().chapter.findFirst({
    where: { id: chapterId, course: { ownerId, deletedAt: null } },
    select: { videos: { select: videoSelect, orderBy: { position: 'asc' } } },
  })
  if (!chapter) throw notFound('Chapter')
  return chapter.videos.map(toVideo)
}
