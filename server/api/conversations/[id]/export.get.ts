// GET /api/conversations/:id/export?tz= — the conversation as a zip to keep (transcripts, the
// machine-readable messages and the files the caller may open), streamed as it is built. A
// participant's holds everything; a linked observer's only what is shared with them. A plain link
// with `download` fetches it, so the browser streams it to disk. Refusals (before the first byte)
// answer the usual JSON envelope: 401 signed out, 404 for anyone who may not read the conversation
// (the same as a missing one, as on the other conversation routes), 429 past the bulk limit.
import { ConversationIdParams, ExportConversationQuery } from '#shared/schemas/conversation'
import { readerOf } from '../../../services/conversation/conversation-access'
import { exportConversation } from '../../../services/conversation/export-conversation'
import { filePolicy, sendRefusal } from '../../../utils/send-stored-file'
import { enforceLimit } from '../../../limits/enforce-limit'

export default defineEventHandler(async (event) => {
  try {
    const user = await requireUser(event)
    const { id } = readParams(event, ConversationIdParams)
    const { tz } = readQuery(event, ExportConversationQuery)
    const reader = await readerOf({ conversationId: id, userId: user.id })
    await enforceLimit('bulk', user.id, 'Too many downloads in a row')
    // The download ending early (closed tab, cancelled) stops the reads behind it.
    const gone = new AbortController()
    event.node.res.once('close', () => gone.abort())
    const archive = await exportConversation(reader, { timeZone: tz, signal: gone.signal })
    setResponseHeaders(event, {
      'content-type': 'application/zip',
      'content-disposition': `attachment; filename="${archive.fileName}"`,
      'cache-control': 'private, no-store',
      'x-content-type-options': 'nosniff',
      'content-security-policy': filePolicy('application/zip'),
    })
    // Past the first byte a failure can only cut the download short: the client sees an
    // incomplete transfer rather than an archive missing a part.
    archive.stream.on('error', (error) => {
      console.error('[conversation] export failed:', error)
      event.node.res.destroy(error)
    })
    return sendStream(event, archive.stream).catch(() => {}) // logged and cut above
  }
  catch (error) {
    return sendRefusal(event, error)
  }
})
