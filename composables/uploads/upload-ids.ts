// What an upload fills, from the server's answer to its creation (POST) or to the offset check
// that resumes it (HEAD): the lesson, the attachment or the library file
// (server/uploads/handle-request.ts sets these headers on both).
import type { HttpResponse } from 'tus-js-client'
import type { UploadTarget } from './upload-target'

const HEADER: Record<UploadTarget['kind'], string> = {
  lesson: 'lectern-lesson-id',
  attachment: 'lectern-attachment-id',
  library: 'lectern-media-id',
}

export function resourceIdFrom(target: UploadTarget, response: HttpResponse): string | null {
  return response.getHeader(HEADER[target.kind]) || null
}

/** The upload replaces a lesson's ready video, which plays on until the new one is ready. */
export function isReplacement(response: HttpResponse): boolean {
  return response.getHeader('lectern-replacement') === 'true'
}
