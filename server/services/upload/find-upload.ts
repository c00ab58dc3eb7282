// An upload's place: the media file and what it fills (a lesson of a course, an attachment in a
// conversation, or the owner's media library), found by the storage key the resumable protocol uses as its upload id.
import { useDb } from '../../database/db'

export interface UploadContext {
  mediaFileId: string
  ownerId: string
  sizeBytes: number
  mimeType: string
  purpose: 'LESSON' | 'LIBRARY' | 'ATTACHMENT'
  /**
   * The lesson it fills. `replacement`: the lesson already plays a ready video, and this upload
   * takes its place only once it is ready itself (Video.replacementMediaFileId).
   */
  lesson: { lessonId: string, chapterId: string, courseId: string, replacement: boolean } | null
  attachment: { id: string, conversationId: string, messageId: string | null } | null
  /** A library upload: the file is its own place. */
  library: { mediaId: string } | null
}

const lessonPlace = { id: true, chapterId: true, chapter: { select: { courseId: true } } } as const

export async function findUpload(uploadId: string): Promise<UploadContext | null> {
  const media = await useDb().mediaFile.findUnique({
    where: { storageKey: uploadId },
    select: {
      id: true, ownerId: true, sizeBytes: true, mimeType: true, purpose: true,
      videos: { select: lessonPlace, take: 1 },
      replacing: { select: lessonPlace, take: 1 },
      attachment: { select: { id: true, conversationId: true, messageId: true } },
    },
  })
  if (!media) return null
  // The media file's Video row is its lesson (the model keeps its table name).
  const replaced = media.replacing[0]
  const lesson = media.videos[0] ?? replaced
  return {
    mediaFileId: media.id,
    ownerId: media.ownerId,
    sizeBytes: Number(media.sizeBytes),
    mimeType: media.mimeType,
    purpose: media.purpose,
    lesson: lesson ? { lessonId: lesson.id, chapterId: lesson.chapterId, courseId: lesson.chapter.courseId, replacement: lesson === replaced } : null,
    attachment: media.attachment,
    library: media.purpose === 'LIBRARY' ? { mediaId: media.id } : null,
  }
}
