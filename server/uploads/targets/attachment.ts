// A message attachment: either participant of a conversation uploads images, PDFs, documents,
// audio or video (up to LECTERN_MAX_ATTACHMENT_BYTES, default 100 MB) before sending the message
// that carries it. Progress goes to the uploader on the conversation's channel.
import { typeRefusal, UPLOAD_TARGET_LABELS } from '#shared/uploads/targets'
import { beginAttachmentUpload } from '../../services/upload/begin-attachment-upload'
import { AppError } from '../../utils/errors'
import { lecternConfig } from '../../utils/config'
import { looksLikeVideo } from '../signature'
import { looksLikeImage, looksLikePdf } from '../file-signatures'
import type { UploadTarget } from './target'

export const attachmentTarget: UploadTarget = {
  kind: 'attachment',
  label: UPLOAD_TARGET_LABELS.attachment,
  maxBytes: () => lecternConfig().maxAttachmentBytes,
  // Membership is checked per conversation in begin(); observers read, they never write.
  refuseUser: user => (user.role === 'OBSERVER' ? 'Observers cannot send attachments' : null),
  refuseType: (mimeType, fileName) => typeRefusal('attachment', mimeType, fileName),
  contentMatches(head, mimeType) {
    // Types with a fixed signature are checked; documents and audio vary too much to guess.
    if (mimeType.startsWith('image/')) return looksLikeImage(head)
    if (mimeType === 'application/pdf') return looksLikePdf(head)
    if (mimeType.startsWith('video/')) return looksLikeVideo(head)
    return true
  },
  async begin({ user, uploadId, fileName, mimeType, sizeBytes, meta }) {
    if (!meta.conversationId) throw new AppError('VALIDATION', 'Say which conversation (conversationId) the attachment is for')
    const { attachmentId, mediaFileId } = await beginAttachmentUpload({ userId: user.id, conversationId: meta.conversationId, uploadId, fileName, mimeType, sizeBytes })
    return { conversationId: meta.conversationId, attachmentId, mediaFileId }
  },
}
