import type { VideoInput } from '#shared/schemas/outline'
import type { Video } from '#shared/types/outline'
import { courseOfChapter, withLockedCourse } from './course-lock'
import { toVideo, videoSelect } from './outline-dto'
import { announceOutline } from './announce-outline'

/** Adds a lesson at the end of a chapter (a placeholder until its file is uploaded). */
export async function createVideo({ ownerId, chapterId, input }: { ownerId: string, chapterId: string, input: VideoInput }): Promise<Video> {
  const courseId = await courseOfChapter({ ownerId, chapterId })
  const video = await withLockedCourse({ ownerId, courseId }, async (tx) => {
    const position = await tx.video.count({ where: { chapterId } })
    return toVideo(await tx.video.create({ data: { chapterId, title: input.title, freePreview: input.freePreview, position }, select: videoSelect }))
  })
  await announceOutline({ type: 'video-saved', courseId, video })
  return video
}
