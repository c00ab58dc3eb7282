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
    return sendStream(event, zip.stream)
  }
  catch (error) {
    return sendRefusal(event, error)
  }
})
