// The resumable upload client (ARCHITECTURE's named exception: it talks to /api/uploads directly).
// tus-js-client sends each file in chunks and resumes from the server's offset after a dropped
// connection, a server restart, or a reload (the file picked again is recognised by fingerprint).
// A dropped connection is retried by itself with a back-off, and at once when the browser is
// online again (upload-retry.ts); a refusal is final. At most three files upload at once; the rest wait. Lesson videos and message attachments go
// the same way (upload-target.ts). Its results reach components only through the observer
// (→ Vue Query) and the upload UI store (queued/paused/failed flags).
// tus-js-client is loaded with the first upload: most visitors never upload, and on a phone its
// ~100 KB of source would cost every page's first seconds.
import type { Upload } from 'tus-js-client'
import { uploadProgressEvent } from '#shared/uploads/progress'
import type { UploadPlace } from '#shared/uploads/progress'
import type { RealtimeObserver } from '../realtime/observer'
import type { useUploadUiStore } from '../../stores/upload-ui'
import { metadataFor, refusalFor } from './upload-target'
import type { UploadTarget } from './upload-target'
import { askedToWait, browserOnline, isRefusal, LOST_CONNECTION, refusalReason, retryDelays } from './upload-retry'
import { isReplacement, resourceIdFrom } from './upload-ids'

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

export class UploadManager {
  private readonly uploads = new Map<string, Upload>()
  private readonly files = new Map<string, { file: File, target: UploadTarget }>()
  private readonly lastClientEvent = new Map<string, number>()
  private readonly latest = new Map<string, { bytes: number, total: number }>()
  private readonly trailing = new Map<string, ReturnType<typeof setTimeout>>()
  /** Bytes the server has confirmed per upload (tus's progress), to tell a retry that moved on from one that did not. */
  private readonly sent = new Map<string, number>()
  private readonly failures = new Map<string, { count: number, sentAt: number }>()
  private readonly retryTimers = new Map<string, ReturnType<typeof setTimeout>>()
  /** Cancelled before the server answered their creation: deleted as soon as it has (see cancel). */
  private readonly cancelledWhileCreating = new Set<string>()
  /** Uploads are created one after another, so new lessons appear in the order files were picked. */
  private creations: Promise<void> = Promise.resolve()

  constructor(private readonly options: ManagerOptions) {
    // Back online: every upload waiting to retry continues now, from the server's offset.
    // Hand-written like the timers below: the manager is the tab's one instance, outside any
    // component, and lives as long as the tab (no effect scope to tie them to).
    globalThis.addEventListener?.('online', () => {
      for (const entry of this.options.store.list) {
        if (entry.state === 'retrying') this.restart(entry.operationId)
      }
    })
  }

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
        operationId, target, resourceId: target.kind === 'lesson' ? target.lessonId ?? null : target.kind === 'library' ? target.mediaId ?? null : null,
        fileName: file.name, sizeBytes: file.size, state: 'queued',
      })
    }
    this.pump()
  }

  pause(operationId: string): void {
    this.stopRetrying(operationId)
    void this.uploads.get(operationId)?.abort(false)
    this.uploads.delete(operationId)
    this.options.store.update(operationId, { state: 'paused' })
    this.pump()
  }

  resume(operationId: string): void {
    this.options.store.update(operationId, { state: 'queued', message: undefined, retryAt: undefined })
    this.pump()
  }

  /** The user's Retry after the automatic ones were used up: a fresh set of attempts. */
  retry(operationId: string): void {
    this.failures.delete(operationId)
    this.resume(operationId)
  }

  /** Stops an upload here and forgets it, leaving the server's side to the caller (an attachment's DELETE). */
  discard(operationId: string): void {
    this.forget(operationId)
    void this.uploads.get(operationId)?.abort(false)
    this.uploads.delete(operationId)
    this.files.delete(operationId)
    this.options.store.remove(operationId)
    this.pump()
  }

  /** Cancels and asks the server to delete what it has (the lesson goes back to "no video yet"). */
  async cancel(operationId: string): Promise<void> {
    this.forget(operationId)
    const upload = this.uploads.get(operationId)
    this.uploads.delete(operationId)
    this.files.delete(operationId)
    this.options.store.remove(operationId)
    if (upload?.url) await upload.abort(true).catch(() => {})
    // The creation may already be on the server: aborting it here would leave what it made there
    // (a lesson's replacement would then stand in the way of the next one). Let it answer, then
    // delete it (onUploadUrlAvailable). An upload not started yet never starts (start() checks).
    else if (upload) this.cancelledWhileCreating.add(operationId)
    this.pump()
  }

  private pump(): void {
    const max = this.options.maxConcurrent ?? 3
    for (const entry of this.options.store.list) {
      // An upload waiting to retry keeps its place: it continues as soon as it can.
      if (this.options.store.countIn('uploading', 'retrying') >= max) return
      if (entry.state === 'queued') void this.start(entry.operationId)
    }
  }

  private async start(operationId: string): Promise<void> {
    const item = this.files.get(operationId)
    if (!item) return
    const { file, target } = item
    const { store, observer } = this.options
    store.update(operationId, { state: 'uploading', retryAt: undefined })
    const previousCreation = this.creations
    let created!: () => void
    this.creations = new Promise<void>((resolve) => {
      created = resolve
      setTimeout(resolve, 5000) // a slow creation never holds the others for long
    })
    const [{ Upload: TusUpload }] = await Promise.all([import('tus-js-client'), previousCreation])
    // Cancelled or paused while the client loaded or an earlier creation ran: nothing was sent yet,
    // and nothing is (a resume starts it again).
    if (!this.files.has(operationId) || store.entries[operationId]?.state !== 'uploading') return created()
    const upload = new TusUpload(file, {
      endpoint: '/api/uploads',
      chunkSize: this.options.chunkSize ?? 8 * 1024 * 1024,
      // Retries are this manager's (onError): tus's own give up at once while the browser is offline.
      retryDelays: null,
      removeFingerprintOnSuccess: true,
      metadata: { filename: file.name, filetype: file.type, ...metadataFor(target) },
      onAfterResponse: (request, response) => {
        // A resumed upload (after a reload) learns what it fills from the server's answer to HEAD.
        if (request.getMethod() === 'HEAD') {
          const resourceId = resourceIdFrom(target, response)
          if (resourceId && !store.entries[operationId]?.resourceId) store.update(operationId, { resourceId })
          if (isReplacement(response)) store.update(operationId, { replacement: true })
          return
        }
        if (request.getMethod() !== 'POST') return
        created()
        const resourceId = resourceIdFrom(target, response)
        if (!resourceId) return
        store.update(operationId, { resourceId, ...(isReplacement(response) ? { replacement: true } : {}) })
        if (target.kind === 'library') observer.emit('media:created', { mediaId: resourceId, operationId })
        else if (target.kind === 'attachment') observer.emit('attachment:created', { conversationId: target.conversationId, attachmentId: resourceId, operationId })
        else observer.emit('upload:created', { courseId: target.courseId, chapterId: target.chapterId, lessonId: resourceId, operationId })
      },
      onUploadUrlAvailable: () => {
        if (this.cancelledWhileCreating.delete(operationId)) void upload.abort(true).catch(() => {})
      },
      onProgress: (bytes, total) => {
        this.sent.set(operationId, bytes)
        this.clientProgress(operationId, bytes, total)
      },
      onSuccess: () => {
        this.forget(operationId)
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
        const wait = askedToWait(error)
        if (wait) this.waitAsAsked(operationId, wait, refusalReason(error))
        else if (isRefusal(error)) this.refuse(operationId, refusalReason(error))
        else this.scheduleRetry(operationId)
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
   * A refusal is final: no Retry. A new lesson made for this file went with the refusal on the
   * server, so the row shows in its chapter again (no lesson id) with the reason.
   */
  private refuse(operationId: string, message: string): void {
    const entry = this.options.store.entries[operationId]
    this.forget(operationId)
    this.files.delete(operationId)
    const keepsPlace = entry?.target.kind === 'lesson' && !!entry.target.lessonId
    this.options.store.update(operationId, { state: 'refused', message, ...(keepsPlace ? {} : { resourceId: null }) })
    if (entry?.target.kind === 'lesson' && !keepsPlace) this.options.observer.emit('upload:refused', { courseId: entry.target.courseId, lessonId: entry.resourceId ?? '' })
  }

  /**
   * The server said "not now" (429, too many uploads started): wait as long as it asked, then go on.
   * Not an attempt used up: nothing failed, and the user need not do anything.
   */
  private waitAsAsked(operationId: string, seconds: number, reason: string): void {
    this.stopRetrying(operationId)
    this.options.store.update(operationId, { state: 'retrying', retryAt: Date.now() + seconds * 1000, message: reason })
    this.retryTimers.set(operationId, setTimeout(() => this.restart(operationId), seconds * 1000))
  }

  /**
   * After a lost connection: wait for the browser to be online (no attempt is used meanwhile),
   * else the next back-off delay. An attempt that moved bytes starts the count again; when the
   * delays are used up, the upload waits for the user's Retry.
   */
  private scheduleRetry(operationId: string): void {
    const { store } = this.options
    this.stopRetrying(operationId)
    if (!browserOnline()) return store.update(operationId, { state: 'retrying', retryAt: null, message: undefined })
    const sentNow = this.sent.get(operationId) ?? 0
    const previous = this.failures.get(operationId)
    const count = previous && previous.sentAt >= sentNow ? previous.count : 0
    const delays = retryDelays()
    if (count >= delays.length) {
      this.failures.delete(operationId)
      return store.update(operationId, { state: 'failed', message: LOST_CONNECTION, retryAt: undefined })
    }
    this.failures.set(operationId, { count: count + 1, sentAt: sentNow })
    const delay = delays[count]!
    store.update(operationId, { state: 'retrying', retryAt: Date.now() + delay, message: undefined })
    this.retryTimers.set(operationId, setTimeout(() => this.restart(operationId), delay))
  }

  private restart(operationId: string): void {
    this.stopRetrying(operationId)
    if (this.options.store.entries[operationId]?.state !== 'retrying') return
    if (!browserOnline()) return this.options.store.update(operationId, { retryAt: null })
    void this.start(operationId)
  }

  private stopRetrying(operationId: string): void {
    clearTimeout(this.retryTimers.get(operationId))
    this.retryTimers.delete(operationId)
  }

  private forget(operationId: string): void {
    this.stopRetrying(operationId)
    this.failures.delete(operationId)
    this.sent.delete(operationId)
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
        : { kind: 'lesson', courseId: target.courseId, chapterId: target.chapterId, lessonId: resourceId, replacement: entry.replacement }
    // The same event the server sends (shared/uploads/progress.ts), without its clock.
    const event = uploadProgressEvent(place, operationId, latest)
    this.options.observer.emit(event.type, event)
  }
}
