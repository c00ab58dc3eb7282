// What a library file can be in a place, written once: the zod schema refuses a role that does not
// fit the place (shared/schemas/media.ts), the server's link service refuses a lesson video that
// is not a ready video (server/services/media/link-media.ts, restore-media.ts), and the studio's
// forms offer only what would be accepted (rolesFor).
import type { MediaItem, MediaLinkTargetType, MediaUsageRole } from '../types/media'

export const MEDIA_LINK_ROLES = ['COVER', 'RESOURCE', 'HANDOUT', 'ATTACHMENT', 'VIDEO'] as const

export const MEDIA_LINK_ROLE_LABELS: Record<typeof MEDIA_LINK_ROLES[number], string> = {
  COVER: 'Cover image', RESOURCE: 'Resource', HANDOUT: 'Handout', ATTACHMENT: 'Attachment', VIDEO: 'Lesson video',
}

/**
 * The roles each kind of place takes: a course a cover or resources, a chapter resources, a
 * lesson its own video, handouts and attachments (in the order the forms offer them).
 */
export const PLACE_ROLES: Record<MediaLinkTargetType, readonly MediaUsageRole[]> = {
  COURSE: ['COVER', 'RESOURCE'],
  CHAPTER: ['RESOURCE'],
  LESSON: ['VIDEO', 'HANDOUT', 'ATTACHMENT'],
}

export function roleFitsPlace(placeType: MediaLinkTargetType, role: MediaUsageRole): boolean {
  return PLACE_ROLES[placeType].includes(role)
}

/** A lesson's own video: a video file that finished processing. */
export function canBeLessonVideo(file: Pick<MediaItem, 'kind' | 'status'>): boolean {
  return file.kind === 'video' && file.status === 'READY'
}

/**
 * The roles the forms offer for this file in this kind of place. Besides the place's roles, a
 * lesson's video must be a ready video, and the forms keep covers to images (a course card shows
 * its cover as a picture; the server itself takes any file as a cover).
 */
export function rolesFor(placeType: MediaLinkTargetType | undefined, file: Pick<MediaItem, 'kind' | 'status'>): MediaUsageRole[] {
  if (!placeType) return []
  return PLACE_ROLES[placeType].filter(role => (role === 'VIDEO' ? canBeLessonVideo(file) : role === 'COVER' ? file.kind === 'image' : true))
}
