// What a file can be in a place: a course takes a cover (images) or resources, a chapter
// resources, a lesson handouts and attachments, and its own video when the file is a ready
// video. The server enforces the same (shared/schemas/media.ts, services/media-library/link.ts);
// this only keeps the forms from offering what it would refuse.
import type { MediaItem, MediaLinkTargetType, MediaUsageRole } from '#shared/types/media'

export function rolesFor(placeType: MediaLinkTargetType | undefined, file: Pick<MediaItem, 'kind' | 'status'>): MediaUsageRole[] {
  if (placeType === 'COURSE') return file.kind === 'image' ? ['COVER', 'RESOURCE'] : ['RESOURCE']
  if (placeType === 'CHAPTER') return ['RESOURCE']
  if (placeType === 'LESSON') return file.kind === 'video' && file.status === 'READY' ? ['VIDEO', 'HANDOUT', 'ATTACHMENT'] : ['HANDOUT', 'ATTACHMENT']
  return []
}
