// Whether a lesson streams as HLS, as the watch page and previews are told: its video has a ready
// rendition. The player then asks for the master playlist (the access-checked route), else it
// plays the original file.

/** The part of a media file select that says so (one row at most). */
export const readyRenditionSelect = { where: { status: 'READY' }, select: { id: true }, take: 1 } as const

export function hlsUrlOf(lessonId: string, mediaFile: { status: string, renditions: unknown[] } | null | undefined): string | null {
  return mediaFile?.status === 'READY' && mediaFile.renditions.length ? `/api/lessons/${lessonId}/hls` : null
}
