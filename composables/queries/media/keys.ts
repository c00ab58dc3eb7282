// Query keys for the media library: every key starts with 'media', so invalidating mediaKeys.all
// refreshes everything library-shaped (a course's Files tab included: course-files/keys.ts). A list is
// keyed by its filters (the address's query).
import type { MediaListQuery } from '#shared/schemas/media'

export type MediaFilters = Pick<MediaListQuery, 'q' | 'kind' | 'usage' | 'sort'> & Partial<Pick<MediaListQuery, 'tag'>>

export const mediaKeys = {
  all: ['media'] as const,
  lists: () => [...mediaKeys.all, 'list'] as const,
  list: (filters: MediaFilters) => [...mediaKeys.lists(), filters] as const,
  trash: () => [...mediaKeys.all, 'trash'] as const,
  /** My tags with their file counts (the tag filter, the tag dialogs). */
  tags: () => [...mediaKeys.all, 'tags'] as const,
  details: () => [...mediaKeys.all, 'detail'] as const,
  detail: (id: string) => [...mediaKeys.details(), id] as const,
  history: (id: string) => [...mediaKeys.all, 'history', id] as const,
  /** Bytes received per library upload (media id → count), filled by progress events only. */
  uploadProgress: () => [...mediaKeys.all, 'upload-progress'] as const,
  /** My uploads that have not finished (interrupted, or running in another tab), with the server's offset. */
  unfinished: () => [...mediaKeys.all, 'unfinished'] as const,
  /** The files used in one course (its Files tab), from the course's side. */
}
