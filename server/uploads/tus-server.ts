// The resumable upload endpoint (the tus protocol, @tus/server with its file store): a client
// creates an upload with its length and metadata, then PATCHes bytes from the offset the server
// has; after a dropped connection, a reload or a server restart it asks for the offset (HEAD) and
// carries on. Bytes stream to disk; memory stays flat whatever the file size.
// Refusals answer in the protocol with a clear status and a JSON envelope body.
import { Server } from '@tus/server'
import { FileStore } from '@tus/file-store'
import { EVENTS } from '@tus/utils'
import type { ErrorCode } from '#shared/types/api'
import { beginLessonUpload } from '../services/uploads/begin-lesson-upload'
import { abortUpload } from '../services/uploads/abort-upload'
import { setUploadState } from '../services/uploads/set-upload-state'
import { AppError } from '../utils/errors'
import { userFromHeaders } from '../utils/auth'
import { acceptsType, lessonTarget } from './targets'
import { reportProgress, forgetProgress } from './progress'
import { useFileStorage } from './storage'
import { forgetUploadLiveness } from './liveness'
import { enqueue } from '../jobs/runner'
import { checkUploadAccess } from './upload-access'

export const UPLOAD_PATH = '/api/uploads'

/** A refusal in the tus protocol: status code plus our usual error envelope as the body. */
export function refusal(status: number, code: ErrorCode, message: string) {
  return { status_code: status, body: JSON.stringify({ success: false, error: { code, message } }) }
}

function fromAppError(error: unknown) {
  if (error instanceof AppError) return refusal(error.status, error.code, error.message)
  throw error
}

let server: Server | undefined

export function useTusServer(): Server {
  if (server) return server
  server = new Server({
    path: UPLOAD_PATH,
    datastore: new FileStore({ directory: useFileStorage().uploadDirectory() }),
    maxSize: () => lessonTarget.maxBytes(),
    relativeLocation: true,
    respectForwardedHeaders: true,
    // The byte count while a PATCH streams, every 25 ms: progress.ts sends at most one event per
    // 100 ms and keeps the freshest count for it (a cheap callback; the default is 1 s).
    postReceiveInterval: 25,

    async onUploadCreate(req, upload) {
      const user = await userFromHeaders(req.headers)
      if (!user) throw refusal(401, 'UNAUTHENTICATED', 'Sign in to upload')
      if (user.role !== 'INSTRUCTOR') throw refusal(403, 'FORBIDDEN', 'Only instructors upload lesson videos')
      const meta = upload.metadata ?? {}
      const fileName = meta.filename ?? ''
      const mimeType = meta.filetype ?? ''
      if (meta.target !== 'lesson') throw refusal(400, 'VALIDATION', 'Say what the upload is for: metadata target=lesson')
      if (!fileName || !acceptsType(lessonTarget, mimeType, fileName))
        throw refusal(415, 'BAD_REQUEST', `Only video files can be lesson videos (${lessonTarget.extensions.join(', ')}); “${fileName || 'this file'}” is ${mimeType || 'of an unknown type'}.`)
      if (upload.size === undefined) throw refusal(400, 'VALIDATION', 'Send the file size (Upload-Length) when creating the upload')
      const max = lessonTarget.maxBytes()
      if (upload.size > max) throw refusal(413, 'PAYLOAD_TOO_LARGE', `The file is larger than the ${Math.round(max / 1024 ** 2)} MB limit for lesson videos`)
      if (!meta.chapterId && !meta.videoId) throw refusal(400, 'VALIDATION', 'Say which chapter (chapterId) or lesson (videoId) the video is for')
      const { courseId, video, mediaFileId } = await beginLessonUpload({
        ownerId: user.id,
        uploadId: upload.id,
        fileName,
        mimeType,
        sizeBytes: upload.size,
        chapterId: meta.chapterId ?? undefined,
        videoId: meta.videoId ?? undefined,
      }).catch(error => Promise.reject(fromAppError(error)))
      return { metadata: { ...meta, courseId, chapterId: video.chapterId, videoId: video.id, mediaFileId } }
    },

    async onIncomingRequest(req, uploadId) {
      if (req.method === 'POST' || req.method === 'OPTIONS') return
      // Before every chunk: the owner only (upload-access.ts).
      await checkUploadAccess(req, uploadId)
    },

    async onUploadFinish(_req, upload) {
      forgetProgress(upload.id)
      forgetUploadLiveness(upload.id)
      await setUploadState(upload.id, { status: 'PROCESSING', receivedBytes: upload.size ?? upload.offset })
      await enqueue('media:process', { uploadId: upload.id })
      return {}
    },
  })

  server.on(EVENTS.POST_RECEIVE, (_req, upload) => {
    void reportProgress(upload.id, upload.offset).catch(() => {})
  })
  server.on(EVENTS.POST_TERMINATE, (_req, _res, id) => {
    forgetProgress(id)
    forgetUploadLiveness(id)
    void abortUpload(id).catch(error => console.error('[uploads] cleanup after cancel failed:', error))
  })
  return server
}
