// Compresses rendered pages and JSON/XML answers on their way out (server/utils/compress-body.ts).
// `beforeResponse` sees the body a handler returned before h3 sends it, for pages and API routes
// alike; streams (Range video, zips) and the tus handler's own writes are left alone.
import { compressBody, isCompressible, pickEncoding } from '../utils/compress-body'

export default defineNitroPlugin((nitroApp) => {
  nitroApp.hooks.hook('beforeResponse', (event, response) => {
    const res = event.node.res
    if (event.method === 'HEAD' || res.headersSent || res.getHeader('content-encoding')) return
    // Nuxt renders an error page through an inner request (marked x-nuxt-error) whose body it
    // reads as text and sends itself, copying the headers: that body must stay plain.
    if (getRequestHeader(event, 'x-nuxt-error')) return
    // A part of a file (Range) is bytes at offsets: compressing it would break the offsets.
    if (res.statusCode === 206 || res.getHeader('content-range') || /no-transform/.test(String(res.getHeader('cache-control') ?? ''))) return
    let body = response.body
    let contentType = res.getHeader('content-type')?.toString()
    // A handler's object or array: h3 would serialise it as JSON; do it here to compress it.
    if (Array.isArray(body) || (body !== null && typeof body === 'object' && Object.getPrototypeOf(body) === Object.prototype)) {
      body = JSON.stringify(body)
      contentType ??= 'application/json'
    }
    if (typeof body !== 'string' && !(body instanceof Uint8Array)) return
    // h3 sends a string without a type as HTML.
    if (!isCompressible(contentType ?? (typeof body === 'string' ? 'text/html' : undefined))) return
    res.appendHeader('vary', 'Accept-Encoding')
    const encoding = pickEncoding(getRequestHeader(event, 'accept-encoding'))
    if (!encoding) return
    const compressed = compressBody(body, encoding)
    if (!compressed) return
    if (contentType) res.setHeader('content-type', contentType)
    res.setHeader('content-encoding', encoding)
    res.removeHeader('content-length')
    response.body = compressed
  })
})
