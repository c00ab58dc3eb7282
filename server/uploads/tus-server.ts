// The resumable upload endpoint (the tus protocol, @tus/server over the object store's datastore): a client
// creates an upload with its length and metadata, then PATCHes bytes from the offset the server
// has; after a dropped connection, a reload or a server restart it asks for the offset (HEAD) and
// carries on. Bytes stream to the store; memory stays flat whatever the file size.
// Refusals answer in the protocol with a clear status and a JSON envelope body.
import { Buffer } from 'node:buffer'
import { Server } from '@tus/server'
import { EVENTS } from '@tus/utils'
import { sizeRefusal } from '#shared/uploads/targets'
import { abortUpload } from '../services/upload/abort-upload'
import { finishUpload } from '../services/upload/finish-upload'
import { userFromHeaders } from '../utils/auth'
import { largestUploadBytes, uploadTargetNamed, uploadTargets } from './targets'
import { reportProgress, forgetProgress } from './progress'
import { isDiskStore, useObjectStore } from '../storage'
import { forgetUploadLiveness, markUploadAlive } from './liveness'
import { checkUploadAccess } from './upload-access'
import { writeNodeBodiesDirectly } from './node-body'
import { refusal, refusalFrom } from './refusal'
import { contentRefusal, refuseWrongContent } from './content-check'
import { SIGNATURE_BYTES } from './signature'
import { enforceLimit } from '../limits/enforce-limit'
import { lecternConfig } from '../utils/config'
import { RedisLocker } from './redis-locker'

export const UPLOAD_PATH = '/api/uploads'

let server: Server | undefined

let locker: RedisLocker | undefined

function uploadLocker(): RedisLocker | undefined {
  const { redisUrl, redisNamespace } = lecternConfig()
  if (redisUrl) locker ??= new RedisLocker({ url: redisUrl, namespace: redisNamespace })
  return locker
}

export function useTusServer(): Server {
  if (server) return server
  server = new Server({
    path: UPLOAD_PATH,
    datastore: useObjectStore().tusDatastore(),
    // One upload is written by one request at a time across all instances (redis-locker.ts);
    // without Redis there is one process and tus's MemoryLocker (its default) is enough.
    ...(uploadLocker() ? { locker: uploadLocker() } : {}),
    maxSize: () => largestUploadBytes(),
    relativeLocation: true,
    respectForwardedHeaders: true,
    // The byte count while a PATCH streams, every 25 ms: progress.ts sends at most one event per
    // 100 ms and keeps the freshest count for it (a cheap callback; the default is 1 s).
    postReceiveInterval: 25,

    async onUploadCreate(req, upload) {
      const user = await userFromHeaders(req.headers)
      if (!user) throw refusal(401, 'UNAUTHENTICATED', 'Sign in to upload')
      const meta = upload.metadata ?? {}
      const target = uploadTargetNamed(meta.target)
      if (!target) throw refusal(400, 'VALIDATION', `Say what the upload is for: metadata target=${Object.keys(uploadTargets).join(' or ')}`)
      const refusedUser = target.refuseUser(user)
      if (refusedUser) throw refusal(403, 'FORBIDDEN', refusedUser)
      await enforceLimit('uploads', user.id, 'You are starting uploads faster than Lectern accepts').catch(error => Promise.reject(refusalFrom(error)))
      const fileName = meta.filename ?? ''
      const mimeType = meta.filetype ?? ''
      const refusedType = fileName ? target.refuseType(mimeType, fileName) : `Send the file's name (metadata filename) for ${target.label}`
      if (refusedType) throw refusal(415, 'BAD_REQUEST', refusedType)
      if (upload.size === undefined) throw refusal(400, 'VALIDATION', 'Send the file size (Upload-Length) when creating the upload')
      const max = target.maxBytes()
      if (upload.size > max) throw refusal(413, 'PAYLOAD_TOO_LARGE', sizeRefusal(target.kind, max))
      // An empty file's content is known now: refused before anything is written for it.
      if (upload.size === 0 && !target.contentMatches(Buffer.alloc(0), mimeType)) throw refusal(415, 'BAD_REQUEST', contentRefusal(target.kind, mimeType))
      const created = await target.begin({ user, uploadId: upload.id, fileName, mimeType, sizeBytes: upload.size, meta })
        .catch(error => Promise.reject(refusalFrom(error)))
      return { metadata: { ...meta, ...created } }
    },

    async onIncomingRequest(req, uploadId) {
      if (req.method === 'POST' || req.method === 'OPTIONS') return
      // Before every chunk: the owner only (upload-access.ts).
      await checkUploadAccess(req, uploadId)
    },

    async onUploadFinish(_req, upload) {
      forgetProgress(upload.id)
      forgetUploadLiveness(upload.id)
      // Whatever happened to the first PATCH's check, nothing is processed unchecked. An empty
      // upload finishes at its creation, before S3 holds any object for it.
      const head = upload.size === 0 ? Buffer.alloc(0) : await useObjectStore().readHead(upload.id, SIGNATURE_BYTES)
      const refused = await refuseWrongContent(upload.id, head, { finished: true, offset: upload.offset, lessonCreated: async () => upload.metadata?.lessonCreated === 'true' })
      if (refused) throw refused
      await finishUpload({ uploadId: upload.id, receivedBytes: upload.size ?? upload.offset })
      return {}
    },
  })

  // On disk, PATCH bodies go straight to the file (node-body.ts); S3 takes tus's own path.
  const store = useObjectStore()
  if (isDiskStore(store)) writeNodeBodiesDirectly(server, id => store.uploadFilePath(id))
  server.on(EVENTS.POST_RECEIVE, (_req, upload) => {
    void reportProgress(upload.id, upload.offset).catch(() => {})
    // A long PATCH (a slow line) is still someone sending: keep the row's count and liveness fresh.
    markUploadAlive(upload.id, upload.offset)
  })
  server.on(EVENTS.POST_TERMINATE, (_req, _res, id) => {
    forgetProgress(id)
    forgetUploadLiveness(id)
    void abortUpload(id).catch(error => console.error('[uploads] cleanup after cancel failed:', error))
  })
  return server
}
