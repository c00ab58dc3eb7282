// PATCH bodies go from Node's request straight to the upload file, without the Web stream round
// trip @tus/server takes (Node request → Web ReadableStream → Node Readable → PassThrough →
// StreamLimiter → counting Transform → file). Everything else about the PATCH stays tus's: its
// headers, the offset and length checks, the lock, the hooks and events, the answer.
//
// Why: with a 1 GiB upload the chunks in flight in those layers are what the garbage collector
// spends its time on (a full mark every ~50 ms, triggered by buffer memory), and a full mark costs
// Lectern three times what it costs a bare tus server because Lectern's heap is three times
// larger (bench/upload.bench.ts, bench/README.md). One pipe from the socket to a file writer that
// batches into 1 MiB writes leaves far fewer buffers alive at each collection.
//
// Only bodies with a Content-Length take this path: tus has already refused a length past the
// upload's size, and Node's HTTP parser never delivers more than the length, so nothing can
// overrun. A chunked body (no length) keeps tus's own path and its size limiter.
import { createWriteStream } from 'node:fs'
import type { IncomingMessage } from 'node:http'
import { Readable } from 'node:stream'
import { NodeRequest } from 'srvx/node'
import type { Server } from '@tus/server'
import { ERRORS, EVENTS } from '@tus/utils'
import type { CancellationContext, Upload } from '@tus/utils'

/** How much the file writer gathers before it writes (one writev per batch). */
export const WRITE_BUFFER_BYTES = 1024 * 1024

/**
 * srvx's request over Node's. With the disk store, a PATCH body (with a length) is Node's request
 * itself, for the direct write below. With another store the body stays a Web stream, and its
 * first bytes are kept as they pass (`head`): an S3 upload's first chunk is a multipart part or
 * tus's `.part` object, which no GET can read back before the upload completes.
 */
export class UploadRequest extends NodeRequest {
  private readonly direct: boolean
  private readonly headBytes: number
  private tapped: ReadableStream | null | undefined
  private kept: Buffer[] = []
  private keptLength = 0

  constructor(node: ConstructorParameters<typeof NodeRequest>[0], options: { direct: boolean, headBytes: number }) {
    super(node)
    this.direct = options.direct
    this.headBytes = options.headBytes
  }

  override get body(): ReadableStream | null {
    const req = this.runtime!.node!.req as IncomingMessage
    if (this.direct && req.method === 'PATCH' && req.headers['content-length'] !== undefined) return req as unknown as ReadableStream
    if (this.direct || req.method !== 'PATCH') return super.body
    if (this.tapped !== undefined) return this.tapped
    const body = super.body
    this.tapped = body && body.pipeThrough(new TransformStream<Uint8Array, Uint8Array>({
      transform: (chunk, controller) => {
        if (this.keptLength < this.headBytes) {
          this.kept.push(Buffer.from(chunk.subarray(0, this.headBytes - this.keptLength)))
          this.keptLength += Math.min(chunk.length, this.headBytes - this.keptLength)
        }
        controller.enqueue(chunk)
      },
    }))
    return this.tapped
  }

  /** The body's first bytes as they passed through (null on the direct path: read the file). */
  head(): Buffer | null {
    return this.direct ? null : Buffer.concat(this.kept)
  }
}

type WriteToStore = (body: ReadableStream | null, upload: Upload, maxFileSize: number, context: CancellationContext) => Promise<number>

/** Makes the server's PATCH handler write Node bodies itself; Web bodies go the way they always did. */
export function writeNodeBodiesDirectly(server: Server, uploadPath: (id: string) => string): void {
  // writeToStore is protected in tus's types; it is the one seam between the checks and the store.
  const patch = server.handlers.PATCH as unknown as { writeToStore: WriteToStore, emit: (event: string, ...args: unknown[]) => boolean }
  const webWrite: WriteToStore = patch.writeToStore.bind(patch)
  const interval = server.options.postReceiveInterval ?? 1000
  patch.writeToStore = (async (body, upload, maxFileSize, context) => {
    if (!(body instanceof Readable)) return webWrite(body, upload, maxFileSize, context)
    if (context.signal.aborted || body.destroyed) throw ERRORS.ABORTED
    // The count while bytes flow, at most once per interval and always the latest (tus's throttle),
    // and the first bytes of a PATCH at once: the previous PATCH's last count may be held for the
    // next event (server/uploads/progress.ts), and a count from this one, read as soon as it
    // flows, takes its place sooner instead of letting the held one go out late.
    let latest = upload.offset
    let timer: ReturnType<typeof setTimeout> | undefined
    let started = false
    const report = () => {
      timer = undefined
      patch.emit(EVENTS.POST_RECEIVE, body, { ...upload, offset: latest })
    }
    try {
      return await writeAt(body as unknown as IncomingMessage, uploadPath(upload.id), upload.offset, context.signal, (offset) => {
        latest = offset
        if (!started) {
          started = true
          report()
        }
        else {
          timer ??= setTimeout(report, interval)
        }
      })
    }
    finally {
      clearTimeout(timer)
    }
  }) as WriteToStore
}

/**
 * Pipes the request into the file from `offset` and resolves with the new end of the file. When
 * the client goes away or another request takes the upload over (tus aborts the context), the
 * bytes that arrived are kept: the writer ends gracefully and the upload resumes from there.
 */
function writeAt(body: IncomingMessage, path: string, offset: number, signal: AbortSignal, onReceived: (offset: number) => void): Promise<number> {
  return new Promise((resolve, reject) => {
    const file = createWriteStream(path, { flags: 'r+', start: offset, highWaterMark: WRITE_BUFFER_BYTES })
    let received = offset
    const stop = () => {
      body.unpipe(file)
      if (!file.writableEnded) file.end()
    }
    const onData = (chunk: Buffer) => {
      received += chunk.length
      onReceived(received)
    }
    const cleanUp = () => {
      signal.removeEventListener('abort', stop)
      body.off('data', onData).off('error', stop).off('close', onClose)
    }
    // 'close' before the whole body arrived: the client went away.
    const onClose = () => {
      if (!body.complete) stop()
    }
    signal.addEventListener('abort', stop, { once: true })
    body.on('data', onData).once('error', stop).once('close', onClose)
    file.once('error', () => {
      cleanUp()
      body.unpipe(file)
      reject(ERRORS.FILE_WRITE_ERROR)
    })
    file.once('finish', () => {
      cleanUp()
      resolve(offset + file.bytesWritten)
    })
    body.pipe(file)
  })
}
