// Protocol answers for stored bytes: a file with HTTP Range support (players and PDF viewers
// seek with 206 answers), a thumbnail, and a refusal in our JSON envelope for either.
import type { H3Event } from 'h3'
import { readFile } from 'node:fs/promises'
import { useFileStorage } from '../uploads/storage'
import { parseByteRange } from './byte-range'
import { toAppError } from './errors'

export interface StoredFile {
  storageKey: string
  mimeType: string
  sizeBytes: number
  /** Content-Disposition: shown in the browser, or downloaded under its name. */
  disposition?: { type: 'inline' | 'attachment', fileName: string }
}

/** Types a browser shows safely; anything else is sent as bytes to download, whatever was declared. */
const INLINE = /^(image\/(png|jpeg|gif|webp)|application\/pdf|audio\/|video\/)/

/** How an uploaded file goes out: shown in the browser when its type is safe to show, else downloaded. */
export function asUploadedFile(file: { storageKey: string, mimeType: string, sizeBytes: number, fileName: string }): StoredFile {
  const inline = INLINE.test(file.mimeType)
  return {
    storageKey: file.storageKey,
    mimeType: inline ? file.mimeType : 'application/octet-stream',
    sizeBytes: file.sizeBytes,
    disposition: { type: inline ? 'inline' : 'attachment', fileName: file.fileName },
  }
}

const asciiName = (name: string) => name.replace(/[^\x20-\x7E]/g, '_').replace(/["\\]/g, '_')

export function sendStoredFile(event: H3Event, file: StoredFile) {
  const range = parseByteRange(getRequestHeader(event, 'range'), file.sizeBytes)
  setResponseHeaders(event, {
    'accept-ranges': 'bytes',
    'content-type': file.mimeType,
    'cache-control': 'private, max-age=3600',
    // A file someone uploaded never runs as a page of this site.
    'x-content-type-options': 'nosniff',
    ...(file.disposition ? { 'content-disposition': `${file.disposition.type}; filename="${asciiName(file.disposition.fileName)}"; filename*=UTF-8''${encodeURIComponent(file.disposition.fileName)}` } : {}),
  })
  if (range === 'unsatisfiable') {
    setResponseStatus(event, 416)
    setResponseHeader(event, 'content-range', `bytes */${file.sizeBytes}`)
    return ''
  }
  const { start, end } = range ?? { start: 0, end: file.sizeBytes - 1 }
  if (range) {
    setResponseStatus(event, 206)
    setResponseHeader(event, 'content-range', `bytes ${start}-${end}/${file.sizeBytes}`)
  }
  setResponseHeader(event, 'content-length', end - start + 1)
  return sendStream(event, useFileStorage().read(file.storageKey, { start, end }))
}

export async function sendThumbnail(event: H3Event, thumbnailKey: string) {
  setResponseHeaders(event, { 'content-type': 'image/jpeg', 'cache-control': 'private, max-age=86400', 'x-content-type-options': 'nosniff' })
  return await readFile(useFileStorage().thumbnailPath(thumbnailKey))
}

/** A protocol endpoint's refusal: its status with the usual JSON error envelope. */
export function sendRefusal(event: H3Event, error: unknown) {
  const appError = toAppError(error)
  setResponseStatus(event, appError.status)
  setResponseHeader(event, 'content-type', 'application/json')
  return { success: false, error: appError.toJSON() }
}
