// What an upload is for. Each target declares the types and size it accepts and how it is
// authorised; its context says where progress is broadcast. Lessons are the first target; the
// media library and message attachments add theirs here, on the same pipeline.
export interface UploadTargetRules {
  kind: 'lesson'
  /** Accepted MIME types (prefix match) and file extensions. */
  mimePrefixes: string[]
  extensions: string[]
  maxBytes: () => number
}

const GiB = 1024 ** 3

export const lessonTarget: UploadTargetRules = {
  kind: 'lesson',
  mimePrefixes: ['video/'],
  extensions: ['mp4', 'm4v', 'mov', 'webm', 'mkv', 'avi', 'ogv', 'mpg', 'mpeg', 'ts'],
  maxBytes: () => Number(process.env.LECTERN_MAX_VIDEO_BYTES || 2 * GiB),
}

export function acceptsType(target: UploadTargetRules, mimeType: string, fileName: string): boolean {
  const extension = fileName.toLowerCase().split('.').pop() ?? ''
  const mimeOk = target.mimePrefixes.some(prefix => mimeType.toLowerCase().startsWith(prefix))
  return mimeOk && target.extensions.includes(extension)
}
