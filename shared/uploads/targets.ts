// What each upload target accepts, written once for both sides: the studio and the composer check
// a file before any byte moves (composables/uploads/upload-target.ts), the server checks the same
// when the upload is created (server/uploads/targets/*), and both refuse with the same words.
import { MEDIA_EXTENSIONS, mediaKindOf } from '../media/kinds'
import { attachmentKind, ATTACHMENT_TYPES_HINT, DEFAULT_MAX_ATTACHMENT_BYTES } from './attachment-types'

export type UploadTargetKind = 'lesson' | 'attachment' | 'library'

const GiB = 1024 ** 3

/** Size limits when the server is not configured otherwise (LECTERN_MAX_VIDEO_BYTES, …_ATTACHMENT_BYTES, …_LIBRARY_BYTES). */
export const DEFAULT_MAX_UPLOAD_BYTES: Record<UploadTargetKind, number> = {
  lesson: 2 * GiB,
  attachment: DEFAULT_MAX_ATTACHMENT_BYTES,
  library: 2 * GiB,
}

/** How refusals name each target: "the limit for lesson videos". */
export const UPLOAD_TARGET_LABELS: Record<UploadTargetKind, string> = {
  lesson: 'lesson videos',
  attachment: 'attachments',
  library: 'the media library',
}

/** Containers a lesson video may come in (its type must also be video/…). */
export const VIDEO_EXTENSIONS = ['mp4', 'm4v', 'mov', 'webm', 'mkv', 'avi', 'ogv', 'mpg', 'mpeg', 'ts']

const extensionOf = (fileName: string) => fileName.toLowerCase().split('.').pop() ?? ''

/** Null when a file of this type and name may go to the target; else why not (shown as is). */
export function typeRefusal(kind: UploadTargetKind, mimeType: string, fileName: string): string | null {
  const name = fileName || 'This file'
  if (kind === 'attachment')
    return attachmentKind(mimeType, fileName) ? null : `“${name}” cannot be attached: send ${ATTACHMENT_TYPES_HINT}.`
  if (kind === 'library')
    return mediaKindOf(fileName, mimeType) ? null : `“${name}” is not a kind of file the library holds (${MEDIA_EXTENSIONS.join(', ')}).`
  if (mimeType.toLowerCase().startsWith('video/') && VIDEO_EXTENSIONS.includes(extensionOf(fileName))) return null
  return `“${name}” is not a video file. Only video files can be lesson videos (${VIDEO_EXTENSIONS.join(', ')}).`
}

/** The refusal of a file over the target's limit. */
export function sizeRefusal(kind: UploadTargetKind, maxBytes: number): string {
  return `The file is larger than the ${Math.round(maxBytes / 1024 ** 2)} MB limit for ${UPLOAD_TARGET_LABELS[kind]}`
}
