// The resumable upload client (ARCHITECTURE's named exception: it talks to /api/uploads directly).
// tus-js-client sends each file in chunks and resumes from the server's offset after a dropped
// connection, a server restart, or a reload (the file picked again is recognised by fingerprint).
// At most three files upload at once; the rest wait. Lesson videos and message attachments go
// the same way (upload-target.ts). Its results reach components only through the observer
// (→ Vue Query) and the upload UI store (queued/paused/failed flags).
import * as tus from 'tus-js-client'
import { uploadProgressEvent } from '#shared/uploads/progress'
import type { UploadPlace } from '#shared/uploads/progress'
import type { RealtimeObserver } from '../realtime/observer'
import type { useUploadUiStore } from '../../stores/upload-ui'
import { metadataFor, refusalFor } from './upload-target'
import type { UploadTarget } from './upload-target'

export type { UploadTarget } from './upload-target'

interface ManagerOptions {
  observer: RealtimeObserver
  store: ReturnType<typeof useUploadUiStore>
  /** Server progress arrives over the socket while it is live; the client's own only otherwise. */
  socketLive: () => boolean
  chunkSize?: number
  maxConcurrent?: number
  onRefused?: (message: string) => void
}

const newId = () => `op-${Math.random().toString(36).slice(2, 10)}${Date.now().toString(36)}`

/** The server's message from a refused request (our JSON envelope in the body), else tus's. */
function reasonOf(error: Error): string {
  const body = (error as tus.DetailedError).originalResponse?.getBody?.()
  try {
    return JSON.parse(body ?? '').error.message
  }
  catch {
    return /response code: (\d+)/.test(error.message) ? `The upload was refused (${RegExp.$1}).` : 'The connection was lost. Retry to continue from where it stopped.'
  }
}

export class UploadManager {
  private readonly uploads = new Map<string, tus.Upload>()
  private readonly files = new Map<string, { file: File, target: UploadTarget }>()
  private readonly lastClientEvent = new Map<string, number>()
  private readonly latest = new Map<string, { bytes: number, total: number }>()
  private readonly trailing = new Map<string, ReturnType<typeof setTimeout>>()
  /** Uploads are created one after another, so new lessons appear in the order files were picked. */
  private creations: Promise<void> = Promise.resolve()

  constructor(private readonly options: ManagerOptions) {}

  /** Adds files to the queue; a file the target does not take is refused here, before any byte moves. */
  add(files: File[], target: UploadTarget): void {
    for (const file of files) {
      const refusal = refusalFor(target, file)
      if (refusal) {
        this.options.onRefused?.(refusal)
        continue
      }
      const operationId = newId()
      this.files.set(operationId, { file, target })
      this.options.store.add({
        operationId, target, resourceId: target.kind === 'lesson' ? target.lessonId ?? null : null,
        fileName: file.name, sizeBytes: file.size, state: 'queued',
      })
    }
    this.pump()
  }

  pause(operationId: string): void {
    void this.uploads.get(operationId)?.abort(false)
    this.uploads.delete(operationId)
    this.options.store.update(operationId, { state: 'paused' })
    this.pump()
  }

  resume(operationId: string): void {
    this.options.store.update(operationId, { state: 'queued', message: undefined })
    this.pump()
  }

  retry(operationId: string): void {
    this.resume(operationId)
  }

  /** Stops an upload here and forgets it, leaving the server's side to the caller (an attachment's DELETE). */
  discard(operationId: string): void {
    void this.uploads.get(operationId)?.abort(false)
    this.uploads.delete(operationId)
    this.files.delete(operationId)
    this.options.store.remove(operationId)
    this.pump()
  }

  /** Cancels and asks the server to delete what it has (the lesson goes back to "no video yet"). */
  async cancel(operationId: string): Promise<void> {
    const upload = this.uploads.get(operationId)
    this.uploads.delete(operationId)
    this.files.delete(operationId)
    this.options.store.remove(operationId)
    if (upload?.url) await upload.abort(true).catch(() => {})
    else if (upload) await upload.abort(false)
    this.pump()
  }

  private pump(): void {
    const max = this.options.maxConcurrent ?? 3
    for (const entry of this.options.store.list) {
      if (this.options.store.countIn('uploading') >= max) return
      if (entry.state === 'queued') void this.start(entry.operationId)
    }
  }

  private async start(operationId: string): Promise<void> {
    const item = this.files.get(operationId)
    if (!item) return
    const { file, target } = item
    const { store, observer } = this.options
    store.update(operationId, { state: 'uploading' })
    const previousCreation = this.creations
    let created!: () => void
    this.creations = new Promise<void>((resolve) => {
      created = resolve
      setTimeout(resolve, 5000) // a slow creation never holds the others for long
    })
    await previousCreation
    const upload = new tus.Upload(file, {
      endpoint: '/api/uploads',
      chunkSize: this.options.chunkSize ?? 8 * 1024 * 1024,
      retryDelays: [0, 1000, 3000, 5000, 10000, 20000],
      removeFingerprintOnSuccess: true,
      metadata: { filename: file.name, filetype: file.type, ...metadataFor(target) },
      onAfterResponse: (request, response) => {
        if (request.getMethod() !== 'POST') return
        created()
        if (target.kind === 'library') {
          const mediaId = response.getHeader('lectern-media-id')
          if (mediaId) {
            store.update(operationId, { resourceId: mediaId })
            observer.emit('media:created', { mediaId, operationId })
          }
          return
        }
        if (target.kind === 'attachment') {
          const attachmentId = response.getHeader('lectern-attachment-id')
          if (attachmentId) {
            store.update(operationId, { resourceId: attachmentId })
            observer.emit('attachment:created', { conversationId: target.conversationId, attachmentId, operationId })
          }
          return
        }
        const lessonId = response.getHeader('lectern-lesson-id')
        if (lessonId) {
          store.update(operationId, { resourceId: lessonId })
          observer.emit('upload:created', { courseId: target.courseId, chapterId: target.chapterId, lessonId, operationId })
        }
      },
      onProgress: (bytes, total) => this.clientProgress(operationId, bytes, total),
      onSuccess: () => {
        this.uploads.delete(operationId)
        this.files.delete(operationId)
        store.remove(operationId)
        // Without the socket, no event says "processing": refetch the outline (or the composer's files) instead.
        if (!this.options.socketLive()) {
          if (target.kind === 'lesson') observer.emit('upload:created', { courseId: target.courseId, chapterId: target.chapterId, lessonId: '', operationId })
          else if (target.kind === 'attachment') observer.emit('attachment:created', { conversationId: target.conversationId, attachmentId: '', operationId })
          else observer.emit('media:created', { mediaId: '', operationId })
        }
        this.pump()
      },
      onError: (error) => {
        created()
        this.uploads.delete(operationId)
        store.update(operationId, { state: 'failed', message: reasonOf(error) })
        this.pump()
      },
    })
    this.uploads.set(operationId, upload)
    // The same file picked again after a reload continues where the server stopped.
    const previous = await upload.findPreviousUploads()
    if (previous[0]) {
      upload.resumeFromPreviousUpload(previous[0])
      created() // resuming creates nothing
    }
    if (this.uploads.get(operationId) === upload) upload.start()
  }

  /**
   * The client's own progress goes through the observer only while the socket is down, at most
   * every 100 ms; the latest value is always sent in the end (a trailing event), so a bar never
   * stops short of the bytes actually sent.
   */
  private clientProgress(operationId: string, bytes: number, total: number): void {
    if (this.options.socketLive()) return
    this.latest.set(operationId, { bytes, total })
    if (this.trailing.has(operationId)) return
    const wait = 100 - (Date.now() - (this.lastClientEvent.get(operationId) ?? 0))
    if (wait <= 0 || bytes >= total) return this.emitClientProgress(operationId)
    this.trailing.set(operationId, setTimeout(() => this.emitClientProgress(operationId), wait))
  }

  private emitClientProgress(operationId: string): void {
    clearTimeout(this.trailing.get(operationId))
    this.trailing.delete(operationId)
    const entry = this.options.store.entries[operationId]
    const latest = this.latest.get(operationId)
    if (!entry?.resourceId || !latest) return
    this.lastClientEvent.set(operationId, Date.now())
    const { target, resourceId } = entry
    const place: UploadPlace = target.kind === 'library'
      ? { kind: 'library', mediaId: resourceId }
      : target.kind === 'attachment'
        ? { kind: 'attachment', conversationId: target.conversationId, attachmentId: resourceId }
        : { kind: 'lesson', courseId: target.courseId, chapterId: target.chapterId, lessonId: resourceId }
    // The same event the server sends (shared/uploads/progress.ts), without its clock.
    const event = uploadProgressEvent(place, operationId, latest)
    this.options.observer.emit(event.type, event)
  }
}
