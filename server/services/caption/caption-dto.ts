// The shape captions leave the server in.
import type { CaptionTrack, LessonCaption } from '#shared/types/caption'

export const captionSelect = { id: true, lessonId: true, language: true, label: true, isDefault: true, cueCount: true, updatedAt: true } as const
export const captionTrackSelect = { id: true, language: true, label: true, isDefault: true } as const
/** The player's and the list's order: the default first, then by label. */
export const captionOrder = [{ isDefault: 'desc' as const }, { label: 'asc' as const }]

export function toLessonCaption(row: { id: string, lessonId: string, language: string, label: string, isDefault: boolean, cueCount: number, updatedAt: Date }): LessonCaption {
  return { ...row, updatedAt: row.updatedAt.toISOString() }
}

export function toCaptionTrack(row: CaptionTrack): CaptionTrack {
  return { id: row.id, language: row.language, label: row.label, isDefault: row.isDefault }
}
