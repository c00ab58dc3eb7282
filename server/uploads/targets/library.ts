// A file for the instructor's media library: instructors only, the kinds the library knows
// (shared/media/kinds.ts), up to LECTERN_MAX_LIBRARY_BYTES (2 GiB). Progress goes to the owner's
// own channel; videos and images are then processed (duration, size, thumbnail), the rest is
// ready as it is.
import { typeRefusal, UPLOAD_TARGET_LABELS } from '#shared/uploads/targets'
import { beginLibraryUpload } from '../../services/upload/begin-library-upload'
import { lecternConfig } from '../../utils/config'
import { looksLikeVideo } from '../signature'
import { looksLikeImage, looksLikePdf } from '../file-signatures'
import type { UploadTarget } from './target'

export const libraryTarget: UploadTarget = {
  kind: 'library',
  label: UPLOAD_TARGET_LABELS.library,
  maxBytes: () => lecternConfig().maxLibraryBytes,
  refuseUser: user => (user.role === 'INSTRUCTOR' ? null : 'Only instructors have a media library'),
  refuseType: (mimeType, fileName) => typeRefusal('library', mimeType, fileName),
  contentMatches(head, mimeType) {
    // Types with a fixed signature are checked (SVG is text); documents, audio and archives vary too much to guess.
    if (mimeType.startsWith('image/') && mimeType !== 'image/svg+xml') return looksLikeImage(head)
    if (mimeType === 'application/pdf') return looksLikePdf(head)
    if (mimeType.startsWith('video/')) return looksLikeVideo(head)
    return true
  },
  async begin({ user, uploadId, fileName, mimeType, sizeBytes }) {
    const { mediaFileId } = await beginLibraryUpload({ ownerId: user.id, uploadId, fileName, mimeType, sizeBytes })
    return { mediaFileId }
  },
}
