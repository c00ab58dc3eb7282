// Compression of the answers Lectern renders or serialises (pages, JSON, XML, SVG), chosen from
// the request's Accept-Encoding. Static files are compressed once at build (nitro
// compressPublicAssets); the protocol answers — tus uploads, Range streams, zips — are streams or
// are written straight to the socket, so they never reach this.
//
// Not h3-compression: it compresses brotli at quality 11, which costs several milliseconds of CPU
// per page (the signed-in catalog has a CPU budget, bench/ssr.bench.ts), and it sends no
// `Vary: Accept-Encoding`, so a shared cache could hand brotli to a client that cannot read it.
import { brotliCompressSync, constants, gzipSync } from 'node:zlib'

/** Below this a compressed answer saves less than its headers cost. */
const MIN_BYTES = 1024
const COMPRESSIBLE = /^(text\/|application\/(json|xml|javascript|manifest\+json)|image\/svg\+xml)/

export type Encoding = 'br' | 'gzip'

/** The best encoding the client accepts, brotli first; none for `q=0` or no header. */
export function pickEncoding(acceptEncoding: string | undefined): Encoding | null {
  if (!acceptEncoding) return null
  const accepted = new Map(acceptEncoding.split(',').map((part) => {
    const [name, ...params] = part.trim().toLowerCase().split(';')
    const q = params.map(p => p.trim()).find(p => p.startsWith('q='))
    return [name!, q ? Number(q.slice(2)) : 1] as const
  }))
  for (const encoding of ['br', 'gzip'] as const) if ((accepted.get(encoding) ?? accepted.get('*') ?? 0) > 0) return encoding
  return null
}

export function isCompressible(contentType: string | undefined): boolean {
  return !!contentType && COMPRESSIBLE.test(contentType)
}

/**
 * The compressed bytes, or null when the body is too small to be worth it. Brotli at quality 4
 * compresses HTML within a few percent of quality 11 at a tenth of the CPU; gzip at its default.
 */
export function compressBody(body: string | Uint8Array, encoding: Encoding): Buffer | null {
  const bytes = typeof body === 'string' ? Buffer.from(body) : body
  if (bytes.byteLength < MIN_BYTES) return null
  return encoding === 'br'
    ? brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 4, [constants.BROTLI_PARAM_SIZE_HINT]: bytes.byteLength } })
    : gzipSync(bytes)
}
