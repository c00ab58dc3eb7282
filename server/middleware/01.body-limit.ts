// Refuses oversized JSON bodies of action routes before anything reads them.
export default defineEventHandler((event) => {
  // Upload chunks are streamed to disk by the resumable upload endpoint, which has its own limits.
  if (!event.path.startsWith('/api/') || event.path.startsWith('/api/uploads')) return
  const length = Number(getRequestHeader(event, 'content-length') ?? 0)
  const limit = lecternConfig().maxBodyBytes
  if (length > limit) {
    setResponseStatus(event, 413)
    return { success: false, error: { code: 'PAYLOAD_TOO_LARGE', message: `The request body is larger than ${limit} bytes` } }
  }
})
