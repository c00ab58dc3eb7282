// What a file is uploaded for, on the client: a lesson's video (a new lesson in a chapter, or a
// lesson's file replaced), an attachment in a conversation, or a file for the media library.
// The server has the same targets.
import { attachmentKind, ATTACHMENT_TYPES_HINT } from '#shared/uploads/attachment-types'
import { MEDIA_EXTENSIONS, mediaKindOf } from '#shared/media/kinds'

export type UploadTarget
  = | { kind: 'lesson', courseId: string, chapterId: string, videoId?: string }
    | { kind: 'attachment', conversationId: string }
    | { kind: 'library' }

const VIDEO_EXTENSIONS = ['mp4', 'm4v', 'mov', 'webm', 'mkv', 'avi', 'ogv', 'mpg', 'mpeg', 'ts']

/** Null when the file may go to the target; else why not (checked before any byte moves). */
export function refusalFor(target: UploadTarget, file: File): string | null {
  if (target.kind === 'attachment')
    return attachmentKind(file.type, file.name) ? null : `“${file.name}” cannot be attached: send ${ATTACHMENT_TYPES_HINT}.`
  if (target.kind === 'library')
    return mediaKindOf(file.name, file.type) ? null : `“${file.name}” is not a kind of file the library holds (${MEDIA_EXTENSIONS.join(', ')}).`
  const extension = file.name.toLowerCase().split('.').pop() ?? ''
  return file.type.startsWith('video/') && VIDEO_EXTENSIONS.includes(extension) ? null : `“${file.name}” is not a video file (${VIDEO_EXTENSIONS.join(', ')}).`
}

/** The tus metadata that tells the server what the upload is for. */
export function metadataFor(target: UploadTarget): Record<string, string> {
  if (target.kind === 'attachment') return { target: 'attachment', conversationId: target.conversationId }
  if (target.kind === 'library') return { target: 'library' }
  return { target: 'lesson', chapterId: target.chapterId, ...(target.videoId ? { videoId: target.videoId } : {}) }
}
