// Who may use an existing upload (HEAD for its offset, PATCH for its bytes, DELETE to cancel): its
// owner, signed in with a live session. Someone else's upload and a missing one answer the same 404.
// A verdict is reused for a few seconds per session and upload, and dropped at once when that
// session ends (ownership-cache.ts).
import { userFromHeaders } from '../utils/auth'
import { sessionCookieValue } from '../utils/session-cookie'
import { findUpload } from '../services/upload/find-upload'
import { knownOwner, rememberOwner } from './ownership-cache'
import { refusal } from './refusal'

/** Resolves when the request's session owns the upload; throws a tus refusal (401, 404) otherwise. */
export async function checkUploadAccess(req: Request, uploadId: string): Promise<void> {
  const session = sessionCookieValue(req.headers.get('cookie'))
  if (!session) throw refusal(401, 'UNAUTHENTICATED', 'Sign in to upload')
  if (knownOwner(session, uploadId)) return
  const [user, upload] = await Promise.all([userFromHeaders(req.headers), findUpload(uploadId)])
  if (!user) throw refusal(401, 'UNAUTHENTICATED', 'Sign in to upload')
  if (!upload || upload.ownerId !== user.id) throw refusal(404, 'NOT_FOUND', 'Upload not found')
  rememberOwner(session, uploadId, user.sessionId)
}
