// GET /api/media/zip?ids=a,b,c — my selected library files as one zip, streamed as it is built.
// Refusals (before the first byte) answer the usual JSON envelope.
import { MediaZipQuery } from '#shared/schemas/media-bulk'
import { zipMedia } from '../../services/media-library/zip'
import { sendRefusal } from '../../utils/send-stored-file'

export default defineEventHandler(async (event) => {
  try {
    const user = await requireInstructor(event)
    const { ids } = readQuery(event, MediaZipQuery)
    const zip = await zipMedia({ ownerId: user.id, ids })
    setResponseHeaders(event, {
      'content-type': 'application/zip',
      'content-disposition': `attachment; filename="${zip.fileName}"`,
      'cache-control': 'private, no-store',
      'x-content-type-options': 'nosniff',
    })
    // Past the first byte a failure (a file vanishing mid-way) can only cut the download short:
    // the client sees an incomplete transfer rather than a zip missing a file.
    zip.stream.on('error', (error) => {
      console.error('[media] zip download failed:', error)
      event.node.res.destroy(error)
    })
    return sendStream(event, zip.stream).catch(() => {}) // logged and cut above
  }
  catch (error) {
    return sendRefusal(event, error)
  }
})
