// An upload's place in the course: the media file, its lesson, chapter and course, found by the
// storage key the resumable protocol uses as its upload id.
import { useDb } from '../../utils/db'

export interface UploadContext {
  mediaFileId: string
  ownerId: string
  sizeBytes: number
  lesson: { videoId: string, chapterId: string, courseId: string } | null
}

export async function findUpload(uploadId: string): Promise<UploadContext | null> {
  const media = await useDb().mediaFile.findUnique({
    where: { storageKey: uploadId },
    select: { id: true, ownerId: true, sizeBytes: true, videos: { select: { id: true, chapterId: true, chapter: { select: { courseId: true } } }, take: 1 } },
  })
  if (!media) return null
  const video = media.videos[0]
  return {
    mediaFileId: media.id,
    ownerId: media.ownerId,
    sizeBytes: Number(media.sizeBytes),
    lesson: video ? { videoId: video.id, chapterId: video.chapterId, courseId: video.chapter.courseId } : null,
  }
}
