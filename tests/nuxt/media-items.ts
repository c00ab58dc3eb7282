// Library files as the list query returns them, for the media component tests.
import type { MediaItem } from '#shared/types/media'

export const mediaItem = (id: string, extra: Partial<MediaItem> = {}): MediaItem => ({
  id, name: `${id}.mp4`, mimeType: 'video/mp4', kind: 'video', sizeBytes: 1000, status: 'READY',
  createdAt: '2026-11-01T00:00:00.000Z', updatedAt: '2026-11-01T00:00:00.000Z', durationSeconds: 5,
  width: 320, height: 240, hasThumbnail: false, altText: null, tags: [], usageCount: 0, trashedUsageCount: 0, ...extra,
})
