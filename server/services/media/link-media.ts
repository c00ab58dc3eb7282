// Uses a library file in a place of the same instructor: a course's cover or resource, a
// chapter's resource, a lesson's handout or attachment (a link row), or a lesson's own video
// (Video.mediaFileId). Idempotent: asking again answers the same usage, created = false.
import type { MediaLinkInput } from '#shared/schemas/media'
import type { MediaUsage } from '#shared/types/media'
import { mediaKindOf } from '#shared/media/kinds'
import { canBeLessonVideo, roleFitsPlace } from '#shared/media/link-roles'
import { AppError, notFound } from '../../utils/errors'
import { announceLessons, announceMedia } from './announce-media'
import { recordMediaAudit } from './media-audit'
import { setLessonVideo } from './lesson-video-writes'
import type { LessonChange } from './lesson-video-writes'
import { auditTarget } from './usage-dto'
import { withOwnedMedia } from './media-lock'
import type { LockedMedia, Tx } from './media-lock'
import { findTarget, linkColumns, TARGET_NAMES, usageAt } from './media-targets'
import type { MediaTarget } from './media-targets'

export interface LinkOutcome {
  usage: MediaUsage
  created: boolean
  lessons: LessonChange[]
  /** A file that lost a usage on the way (the lesson's previous video). */
  replaced: string | null
}

export async function linkMedia({ ownerId, actorId, id, input }: { ownerId: string, actorId: string, id: string, input: MediaLinkInput }): Promise<{ usage: MediaUsage, created: boolean }> {
  const outcome = await withOwnedMedia({ ownerId, id }, async (tx, file) => {
    if (file.deletedAt) throw new AppError('CONFLICT', 'This file is in the trash; restore it before using it')
    // The input was validated against the same rule (shared/schemas/media.ts); bulk and restore reach here too.
    if (!roleFitsPlace(input.targetType, input.role)) throw new AppError('VALIDATION', 'That role does not fit that place', { fields: { role: ['That role does not fit that place'] } })
    const target = await findTarget(tx, { ownerId, ...input })
    // A place in the course trash cannot take new content, like every other outline write.
    if (!target || target.inTrash) throw notFound(TARGET_NAMES[input.targetType])
    return input.role === 'VIDEO'
      ? linkLessonVideo(tx, { ownerId, actorId, file, target, input })
      : linkRow(tx, { ownerId, actorId, file, target, input })
  })
  if (outcome.created) {
    await announceLessons(outcome.lessons)
    await announceMedia(ownerId, [id, outcome.replaced])
  }
  return { usage: outcome.usage, created: outcome.created }
}

interface LinkWork { ownerId: string, actorId: string | null, file: LockedMedia, target: MediaTarget, input: MediaLinkInput }

async function linkRow(tx: Tx, { ownerId, actorId, file, target, input }: LinkWork): Promise<LinkOutcome> {
  const key = { mediaFileId: file.id, targetType: input.targetType, targetId: input.targetId, role: input.role as Exclude<MediaLinkInput['role'], 'VIDEO'> }
  const existing = await tx.mediaLink.findUnique({ where: { mediaFileId_targetType_targetId_role: key }, select: { id: true } })
  if (existing) return { usage: usageAt(target, input, existing.id), created: false, lessons: [], replaced: null }
  const link = await tx.mediaLink.create({ data: { mediaFileId: file.id, ownerId, role: key.role, ...linkColumns(input, target.courseId) }, select: { id: true } })
  const usage = usageAt(target, input, link.id)
  await recordMediaAudit(tx, { ownerId, mediaFileId: file.id, actorId, action: 'LINK', target: auditTarget(usage), after: { linkId: link.id, role: input.role } })
  return { usage, created: true, lessons: [], replaced: null }
}

/** The lesson's own video: a ready video file; the lesson becomes ready with the file's duration. */
async function linkLessonVideo(tx: Tx, { ownerId, actorId, file, target, input }: LinkWork): Promise<LinkOutcome> {
  const usage = usageAt(target, input, null)
  // The course row lock orders this with uploads into the lesson and other outline writes; the
  // lesson's current file is read again under it.
  await tx.$queryRaw`SELECT id FROM "Course" WHERE id = ${target.courseId} FOR UPDATE`
  const place = await tx.video.findUniqueOrThrow({ where: { id: input.targetId }, select: { mediaFileId: true, replacementMediaFile: { select: { status: true } } } })
  const current = place.mediaFileId
  if (current === file.id) return { usage, created: false, lessons: [], replaced: null }
  // A new video on its way would take the place of the one chosen now, once ready.
  if (place.replacementMediaFile && place.replacementMediaFile.status !== 'FAILED')
    throw new AppError('CONFLICT', 'A new video for this lesson is still uploading or processing; wait for it, or cancel it, before choosing another file')
  const kind = mediaKindOf(file.originalName, file.mimeType)
  if (!canBeLessonVideo({ kind, status: file.status })) {
    if (kind !== 'video') throw new AppError('UNPROCESSABLE', 'Only a video file can be a lesson\'s video')
    throw new AppError('CONFLICT', `This video is ${file.status.toLowerCase()}; it can be a lesson's video once it is ready`)
  }
  const previous = current ? await tx.mediaFile.findUnique({ where: { id: current }, select: { id: true, status: true, purpose: true } }) : null
  // An upload under way into this lesson keeps its lesson: choose a file after it ends (or cancel it).
  if (previous && (previous.status === 'UPLOADING' || previous.status === 'PROCESSING'))
    throw new AppError('CONFLICT', 'This lesson\'s video is still uploading or processing; wait for it, or cancel it, before choosing another file')
  const lesson = await setLessonVideo(tx, { courseId: target.courseId, lessonId: input.targetId, file })
  const entries = [{ ownerId, mediaFileId: file.id, actorId, action: 'LINK' as const, target: auditTarget(usage), after: { role: 'VIDEO', replaced: previous?.id ?? null } }]
  await recordMediaAudit(tx,
    ...(previous && previous.purpose !== 'ATTACHMENT' ? [{ ownerId, mediaFileId: previous.id, actorId, action: 'UNLINK' as const, target: auditTarget(usage), before: { role: 'VIDEO' }, after: { replacedBy: file.id } }] : []),
    ...entries)
  return { usage, created: true, lessons: [lesson], replaced: previous?.id ?? null }
}
