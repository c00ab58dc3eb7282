// Query keys for a lesson's captions: the studio's list, and one caption's transcript (its cues).
export const captionKeys = {
  all: ['caption'] as const,
  lists: () => [...captionKeys.all, 'list'] as const,
  list: (lessonId: string) => [...captionKeys.lists(), lessonId] as const,
  transcript: (lessonId: string, captionId: string) => [...captionKeys.all, 'transcript', lessonId, captionId] as const,
}

/** The address a <track> element loads. */
export const captionTrackUrl = (lessonId: string, captionId: string) =>
  `/api/lessons/${encodeURIComponent(lessonId)}/captions/${encodeURIComponent(captionId)}/track.vtt`
