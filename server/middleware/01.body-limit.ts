// Refuses oversized JSON bodies before anything reads them. Upload routes (later issues) stream
// their bodies and are exempt by living outside /api's JSON routes.
export default defineEventHandler((event) => {
  if (!event.path.startsWith('/api/')) return
  const length = Number(getRequestHeader(event, 'content-length') ?? 0)
  const limit = lecternConfig().maxBodyBytes
  if (length > limit) {
    setResponseStatus(event, 413)
    return { success: false, error: { code: 'PAYLOAD_TOO_LARGE', message: `The request body is larger than ${limit} bytes` } }
  }
})
