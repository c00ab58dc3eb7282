// One object of an HLS ladder by its signed address (hls-signature.ts), for anyone holding the
// address: the signature is the authorisation, so no session is read. A rendition playlist goes
// out with each segment's address signed with the same expiry; a segment goes out as stored.
// Refusals: a key that is not a ladder's (traversal, the original, a thumbnail) 400, a wrong
// signature or an expired one 403, an object that is gone 404.
import type { Readable } from 'node:stream'
import { AppError } from '../../utils/errors'
import { streamBytes } from '../../utils/stream-bytes'
import { MissingObject, hlsKeyUpload, useObjectStore } from '../../storage'
import { checkHlsSignature, signedHlsUrl } from './hls-signature'

export type SignedHlsObject
  = | { kind: 'playlist', body: string, expires: number }
    | { kind: 'segment', body: Readable, sizeBytes: number, expires: number }

export async function readSignedHlsObject({ key, expires, signature }: { key: string, expires: number, signature: string }): Promise<SignedHlsObject> {
  if (!hlsKeyUpload(key)) throw new AppError('VALIDATION', 'Not a stream file')
  const verdict = checkHlsSignature({ key, expires, signature })
  if (verdict === 'expired') throw new AppError('FORBIDDEN', 'This stream address has expired: reload the page')
  if (verdict !== 'valid') throw new AppError('FORBIDDEN', 'This stream address is not valid')
  try {
    // One GET per object: its answer carries the length a segment's Content-Length needs (a
    // `size` first would be a HEAD more per 4 s segment on S3).
    const { body, sizeBytes } = await useObjectStore().read(key)
    if (key.endsWith('.m3u8')) {
      const stored = (await streamBytes(body)).toString('utf8')
      const signed = stored.split('\n').map(line => (line && !line.startsWith('#') && hlsKeyUpload(line.trim()) ? signedHlsUrl(line.trim(), expires) : line)).join('\n')
      return { kind: 'playlist', body: signed, expires }
    }
    return { kind: 'segment', body, sizeBytes, expires }
  }
  catch (error) {
    if (error instanceof MissingObject) throw new AppError('NOT_FOUND', 'The stream file is missing')
    throw error
  }
}
