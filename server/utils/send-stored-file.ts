// Protocol answers for stored bytes: a file with HTTP Range support (players and PDF viewers
// seek with 206 answers), a thumbnail, and a refusal in our JSON envelope for either.
//
// With an S3 store too, the bytes come through this server (a Range GET on the object, streamed
// on) rather than a redirect to a presigned URL: every request, each seek included, passes the
// access check here; the answer keeps this site's safety headers (the file's own CSP sandbox,
// nosniff, the download disposition), which a redirect to the bucket's origin would lose; and the
// page's media-src and the browser suite need no other origin. The cost is the bytes passing
// through the instance (streamed, memory flat); a CDN in front is the way to offload them.
import type { H3Event } from 'h3'
import { MissingObject, useObjectStore } from '../storage'
import type { ByteRange } from '../storage'
import { AppError } from './errors'
import { parseByteRange } from './byte-range'
import { refusalEnvelope } from './api'

export interface StoredFile {
  storageKey: string
  mimeType: string
  sizeBytes: number
  /** Content-Disposition: shown in the browser, or downloaded under its name. */
  disposition?: { type: 'inline' | 'attachment', fileName: string }
  /**
   * The address may answer another file later (a lesson's stream, after its video is replaced):
   * the browser asks again each time (a 304 while the file is the same) instead of keeping its
   * copy for an hour, and never joins ranges of two files (If-Range).
   */
  revalidate?: boolean
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

/**
 * A stored file's own policy, should it ever be opened as a page: it may run nothing, load
 * nothing, and (sandbox) it gets an origin of its own, so it can read nothing of this site's.
 * Chrome refuses to show a PDF in a sandboxed document, and a video or a sound opened as a page
 * (a free preview's Play on a page sent without JavaScript) would be refused its own bytes by the
 * sandbox's opaque origin; the browser's viewer and player run no page script of the file's, so
 * those types get the same policy without the sandbox.
 */
const FILE_POLICY = 'default-src \'none\'; img-src \'self\' data:; media-src \'self\'; style-src \'unsafe-inline\'; frame-ancestors \'self\''
const OWN_VIEWER = /^(application\/pdf$|video\/|audio\/)/
export const filePolicy = (mimeType: string) => OWN_VIEWER.test(mimeType) ? FILE_POLICY : `${FILE_POLICY}; sandbox`

/**
 * What actually goes out: only a type on the safe list is shown in the browser. Anything else
 * (HTML, SVG, XML, scripts, unknown types), whoever built the StoredFile, is sent as bytes to
 * download, so an uploaded page never runs from this site's origin.
 */
function safeForm(file: StoredFile): Pick<StoredFile, 'mimeType' | 'disposition'> {
  if (INLINE.test(file.mimeType)) return file
  return {
    mimeType: 'application/octet-stream',
    disposition: file.disposition && { ...file.disposition, type: 'attachment' },
  }
}

export async function sendStoredFile(event: H3Event, stored: StoredFile) {
  const file = { ...stored, ...safeForm(stored) }
  // A storage key's bytes never change (each upload has its own), so the key is the validator.
  const etag = `"${file.storageKey}"`
  if (getRequestHeader(event, 'if-none-match') === etag) {
    setResponseHeaders(event, { 'etag': etag, 'cache-control': cacheControl(file) })
    setResponseStatus(event, 304)
    return ''
  }
  const ifRange = getRequestHeader(event, 'if-range')
  // A range of a copy kept from another file is not asked for: the whole current file answers.
  const range = ifRange && ifRange !== etag ? null : parseByteRange(getRequestHeader(event, 'range'), file.sizeBytes)
  const { start, end } = range === 'unsatisfiable' || !range ? { start: 0, end: file.sizeBytes - 1 } : range
  // Opened before any header is set: a missing object is a plain 404 envelope.
  const body = range === 'unsatisfiable' || end < start ? null : await openObject(file.storageKey, { start, end })
  setResponseHeaders(event, {
    'accept-ranges': 'bytes',
    'content-type': file.mimeType,
    'etag': etag,
    'cache-control': cacheControl(file),
    // A file someone uploaded never runs as a page of this site.
    'x-content-type-options': 'nosniff',
    'content-security-policy': filePolicy(file.mimeType),
    ...(file.disposition ? { 'content-disposition': `${file.disposition.type}; filename="${asciiName(file.disposition.fileName)}"; filename*=UTF-8''${encodeURIComponent(file.disposition.fileName)}` } : {}),
  })
  if (range === 'unsatisfiable') {
    setResponseStatus(event, 416)
    setResponseHeader(event, 'content-range', `bytes */${file.sizeBytes}`)
    return ''
  }
  if (range) {
    setResponseStatus(event, 206)
    setResponseHeader(event, 'content-range', `bytes ${start}-${end}/${file.sizeBytes}`)
  }
  setResponseHeader(event, 'content-length', end - start + 1)
  return body ? sendStream(event, body) : ''
}

const cacheControl = (file: StoredFile) => (file.revalidate ? 'private, no-cache' : 'private, max-age=3600')

async function openObject(key: string, range?: ByteRange) {
  try {
    return (await useObjectStore().read(key, range)).body
  }
  catch (error) {
    if (error instanceof MissingObject) throw new AppError('NOT_FOUND', 'The stored file is missing')
    throw error
  }
}

export async function sendThumbnail(event: H3Event, thumbnailKey: string) {
  const body = await openObject(thumbnailKey)
  setResponseHeaders(event, { 'content-type': 'image/jpeg', 'cache-control': 'private, max-age=86400', 'x-content-type-options': 'nosniff', 'content-security-policy': filePolicy('image/jpeg') })
  return sendStream(event, body)
}

/** A protocol endpoint's refusal: its status with the usual JSON error envelope. */
export function sendRefusal(event: H3Event, error: unknown) {
  setResponseHeader(event, 'content-type', 'application/json')
  return refusalEnvelope(event, error)
}
