// Live library updates on the owner's own channel, after a change has committed: each file's row
// as the list shows it (counts included), or that it left the library (trash, purge). The media
// domain's services announce through these (server/realtime/broadcast.ts says why).
import { userChannel } from '#shared/realtime/channels'
import { broadcast } from '../../realtime/broadcast'
import { useDb } from '../../database/db'
import { announceOutline } from '../outline/announce-outline'
import type { CascadedFiles } from './audit-cascaded-unlinks'
import type { LessonChange } from './lesson-video-writes'
import { readMediaRows, toMediaItem } from './media-dto'

export async function announceMedia(ownerId: string, ids: (string | null | undefined)[]): Promise<void> {
  const wanted = [...new Set(ids.filter((id): id is string => !!id))]
  if (!wanted.length) return
  const rows = await readMediaRows(useDb(), { ownerId, ids: wanted })
  await Promise.all(rows.map(row => row.deletedAt
    ? broadcast(userChannel(ownerId), { type: 'media-removed', mediaId: row.id })
    : broadcast(userChannel(ownerId), { type: 'media-updated', item: toMediaItem(row) })))
}

export function announceMediaRemoved(ownerId: string, mediaId: string): Promise<void> {
  return broadcast(userChannel(ownerId), { type: 'media-removed', mediaId })
}

/**
 * A course moved to the course trash or back: the library files it uses keep their links, but
 * those usages now count as "in trash" (or live again), so each file's counts change in the
 * library. Their owner's open library tabs get the new rows.
 */
export async function announceMediaOfCourse({ ownerId, courseId }: { ownerId: string, courseId: string }): Promise<void> {
  const rows = await useDb().$queryRaw<{ id: string }[]>`
    SELECT l."mediaFileId" AS id FROM "MediaLink" l WHERE l."courseId" = ${courseId}
    UNION
    SELECT v."mediaFileId" FROM "Video" v JOIN "Chapter" ch ON ch.id = v."chapterId"
    WHERE ch."courseId" = ${courseId} AND v."mediaFileId" IS NOT NULL`
  await announceMedia(ownerId, rows.map(row => row.id))
}

/** After a course purge or an outline delete: the files that lost usages show their new counts. */
export async function announceCascadedUnlinks(files: CascadedFiles): Promise<void> {
  await Promise.all([...files].map(([ownerId, fileIds]) => announceMedia(ownerId, [...fileIds])))
}

/** Lessons whose own video changed with a library file (linked, unlinked, trashed, restored): their course editors update. */
export async function announceLessons(changes: LessonChange[]): Promise<void> {
  await Promise.all(changes.map(({ courseId, lesson }) => announceOutline({ type: 'lesson-saved', courseId, lesson })))
}
