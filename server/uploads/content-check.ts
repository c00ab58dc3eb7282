// Are an upload's first bytes what it claims to be (a video, a PDF, an image)? Checked twice:
// - after its first PATCH (handle-request.ts), so a renamed document is refused before it fills
//   the disk;
// - when its last byte arrives (tus-server.ts's onUploadFinish), before anything is processed.
//   The first check is missed when the first PATCH's answer is lost, or when it carried fewer
//   bytes than the check needs: the upload then goes on from a later offset.
// A refused upload's bytes and media row go, and so does a lesson made only for it.
import { abortUpload } from '../services/upload/abort-upload'
import { findUpload } from '../services/upload/find-upload'
import { forgetUploadOwnership } from './ownership-cache'
import { refusal } from './refusal'
import { SIGNATURE_BYTES } from './signature'
import { uploadTargets } from './targets'

/**
 * The refusal (415) for an upload whose `head` (its first bytes) does not match its declared type,
 * after removing what it made; else null. Before the upload is `finished`, a head too short to
 * tell, or a PATCH that completed the upload (`offset`: where it ended; checked at finish), is
 * let through. `lessonCreated`: whether the lesson was made only for this file (tus's metadata).
 */
export async function refuseWrongContent(uploadId: string, head: Buffer, options: { finished: boolean, offset: number, lessonCreated: () => Promise<boolean> }) {
  const upload = await findUpload(uploadId)
  if (!upload) return null
  if (!options.finished && (options.offset >= upload.sizeBytes || head.length < Math.min(SIGNATURE_BYTES, upload.sizeBytes))) return null
  const target = upload.library ? uploadTargets.library : upload.attachment ? uploadTargets.attachment : uploadTargets.lesson
  if (target.contentMatches(head, upload.mimeType)) return null
  forgetUploadOwnership(uploadId)
  // Here rather than by the tab: it may be offline by now.
  await abortUpload(uploadId, { dropCreatedLesson: await options.lessonCreated() })
  return refusal(415, 'BAD_REQUEST', contentRefusal(target.kind, upload.mimeType))
}

/** Why content that does not match its type is refused, in the words of the upload's target. */
export function contentRefusal(kind: string, mimeType: string): string {
  return kind === 'lesson'
    ? 'This file is not a video: its content does not start like any video format.'
    : `This file's content is not a ${mimeType} file.`
}
