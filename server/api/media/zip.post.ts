// POST /api/media/zip { ids } — my selected library files as one zip, streamed as it is built.
// A POST because 500 ids do not fit in an address (proxies refuse request lines past 4–8 KB). The
// library page posts a plain form (ids=a,b,c), so the browser streams the zip to disk; API clients
// may send JSON. Nothing changes on the server, so a form post from elsewhere gains nothing (and the
// session cookie is SameSite=Lax: it does not go with one).
// Refusals (before the first byte) answer the usual JSON envelope.
import { MediaZipInput } from '#shared/schemas/media-bulk'
import { zipMedia } from '../../services/media/zip-media'
import { filePolicy, sendRefusal } from '../../utils/send-stored-file'
import { enforceLimit } from '../../limits/enforce-limit'

export default defineEventHandler(async (event) => {
  try {
    const user = await requireInstructor(event)
    const { ids } = await readFormOrJsonInput(event, MediaZipInput)
    await enforceLimit('bulk', user.id, 'Too many bulk actions in a row')
    const zip = await zipMedia({ ownerId: user.id, ids })
    setResponseHeaders(event, {
      'content-type': 'application/zip',
      'content-disposition': `attachment; filename="${zip.fileName}"`,
      'cache-control': 'private, no-store',
      'x-content-type-options': 'nosniff',
      'content-security-policy': filePolicy('application/zip'),
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
