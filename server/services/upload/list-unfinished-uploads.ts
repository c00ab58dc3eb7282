// My library files and lesson videos whose upload has not finished, oldest first, with the bytes
// the server holds (what the store holds; the row's count trails it by a few seconds) and whether
// someone is sending them now. Attachments are the composer's, not the library's.
import type { UnfinishedUpload } from '#shared/types/media'
import { useDb } from '../../database/db'
import { useObjectStore } from '../../storage'
import { uploadReceived } from '../outline/outline-dto'
import { libraryFile } from '../media/media-sql'

const lessonPlace = { id: true, chapterId: true, chapter: { select: { courseId: true } } } as const

export async function listUnfinishedUploads({ ownerId }: { ownerId: string }): Promise<UnfinishedUpload[]> {
  const rows = await useDb().mediaFile.findMany({
    where: { ownerId, status: 'UPLOADING', deletedAt: null, ...libraryFile },
    orderBy: { createdAt: 'asc' },
    take: 100,
    select: {
      id: true, originalName: true, mimeType: true, sizeBytes: true, receivedBytes: true, updatedAt: true, storageKey: true,
      videos: { select: lessonPlace, take: 1 },
      replacing: { select: lessonPlace, take: 1 },
    },
  })
  const storage = useObjectStore()
  return Promise.all(rows.map(async (row) => {
    const received = uploadReceived(row)
    const held = await storage.receivedBytes(row.storageKey)
    // A lesson's video, or the replacement of a lesson's video: either way the upload is for that lesson.
    const lesson = row.videos[0] ?? row.replacing[0]
    return {
      mediaId: row.id,
      name: row.originalName,
      mimeType: row.mimeType,
      sizeBytes: received.total,
      receivedBytes: Math.min(received.total, Math.max(received.bytes, held ?? 0)),
      live: received.live,
      lesson: lesson ? { courseId: lesson.chapter.courseId, chapterId: lesson.chapterId, lessonId: lesson.id } : null,
    }
  }))
}
