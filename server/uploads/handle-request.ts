// The Nitro side of the upload endpoint: hands the request to tus, then, after an upload's first
// PATCH, checks its first bytes against its target (content-check.ts: a file whose content is not
// what it claims is deleted and refused with 415) and reports the server-side byte count as progress.
import type { H3Event } from 'h3'
import type { Server } from '@tus/server'
import { rememberUploadContext, reportProgress } from './progress'
import { SIGNATURE_BYTES } from './signature'
import { isDiskStore, useObjectStore } from '../storage'
import { markUploadAlive } from './liveness'
import { findUpload } from '../services/upload/find-upload'
import { refuseWrongContent } from './content-check'
import { useTusServer } from './tus-server'
import { forgetOwnershipWhenUploadsEnd } from './ownership-cache'
import { UploadRequest } from './node-body'

let tus: Server | undefined

function tusServer(): Server {
  if (!tus) {
    tus = useTusServer()
    forgetOwnershipWhenUploadsEnd(tus)
  }
  return tus
}

export async function handleUploadRequest(event: H3Event): Promise<Response> {
  // srvx's request over Node's (what @tus/server's own handle() uses; tus learns of a client
  // disconnect from it), with a PATCH body that stays a Node stream (node-body.ts).
  const request = new UploadRequest({ req: event.node.req, res: event.node.res }, { direct: isDiskStore(useObjectStore()), headBytes: SIGNATURE_BYTES })
  const startOffset = Number(request.headers.get('upload-offset') ?? -1)
  const response = await tusServer().handleWeb(request)
  const uploadId = new URL(request.url).pathname.split('/').pop()!
  if (request.method === 'POST' && response.status === 201) return withIds(response, (response.headers.get('location') ?? '').split('/').pop() ?? '')
  // A resumed upload (after a reload) asks for the offset first: tell it what it fills too.
  if (request.method === 'HEAD' && response.ok) return withIds(response, uploadId)
  if (request.method !== 'PATCH' || !response.ok) return response

  const offset = Number(response.headers.get('upload-offset') ?? 0)
  // The first PATCH's bytes (the last one's were checked before processing, from tus-server.ts).
  if (startOffset === 0 && offset > 0) {
    const head = await (request.head() ?? useObjectStore().readHead(uploadId, SIGNATURE_BYTES))
    const lessonCreated = async () => (await tusServer().datastore.getUpload(uploadId)).metadata?.lessonCreated === 'true'
    const refused = await refuseWrongContent(uploadId, head, { finished: false, offset, lessonCreated })
    if (refused) return new Response(refused.body, { status: refused.status_code, headers: { 'content-type': 'application/json', 'tus-resumable': '1.0.0' } })
  }
  // Neither holds up the answer: the client's next chunk waits for it.
  void reportProgress(uploadId, offset, { ended: true }).catch(() => {})
  markUploadAlive(uploadId, offset)
  return response
}

/** Tells the uploading tab what its upload fills (a lesson, an attachment, a library file), so it can follow it before any event arrives. */
async function withIds(response: Response, uploadId: string): Promise<Response> {
  const upload = uploadId ? await findUpload(uploadId) : null
  if (!upload) return response
  rememberUploadContext(uploadId, upload)
  const headers = new Headers(response.headers)
  if (upload.lesson) {
    headers.set('lectern-lesson-id', upload.lesson.lessonId)
    headers.set('lectern-chapter-id', upload.lesson.chapterId)
    // The lesson keeps its current video while this one uploads: the tab's own progress says so too.
    if (upload.lesson.replacement) headers.set('lectern-replacement', 'true')
  }
  if (upload.attachment) headers.set('lectern-attachment-id', upload.attachment.id)
  if (upload.library) headers.set('lectern-media-id', upload.library.mediaId)
  return new Response(response.body, { status: response.status, headers })
}
