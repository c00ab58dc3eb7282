// What a file is uploaded for, on the client: a lesson's video (a new lesson in a chapter, or a
// lesson's file replaced) or an attachment in a conversation. The server has the same targets.
import { attachmentKind, ATTACHMENT_TYPES_HINT } from '#shared/uploads/attachment-types'

export type UploadTarget
  = | { kind: 'lesson', courseId: string, chapterId: string, videoId?: string }
    | { kind: 'attachment', conversationId: string }

const VIDEO_EXTENSIONS = ['mp4', 'm4v', 'mov', 'webm', 'mkv', 'avi', 'ogv', 'mpg', 'mpeg', 'ts']

/** Null when the file may go to the target; else why not (checked before any byte moves). */
export function refusalFor(target: UploadTarget, file: File): string | null {
  if (target.kind === 'attachment')
    return attachmentKind(file.type, file.name) ? null : `“${file.name}” cannot be attached: send ${ATTACHMENT_TYPES_HINT}.`
  const extension = file.name.toLowerCase().split('.').pop() ?? ''
  return file.type.startsWith('video/') && VIDEO_EXTENSIONS.includes(extension) ? null : `“${file.name}” is not a video file (${VIDEO_EXTENSIONS.join(', ')}).`
}

/** The tus metadata that tells the server what the upload is for. */
export function metadataFor(target: UploadTarget): Record<string, string> {
  if (target.kind === 'attachment') return { target: 'attachment', conversationId: target.conversationId }
  return { target: 'lesson', chapterId: target.chapterId, ...(target.videoId ? { videoId: target.videoId } : {}) }
}
