// One rule for every API request: a NUL character or a lone surrogate anywhere in the path, the
// query, a JSON or form body, or an upload's metadata is refused with 400 before any route reads
// it (shared/text/clean-text.ts says why). Binary bodies (upload chunks) are not read here.
import { Buffer } from 'node:buffer'
import { CLEAN_TEXT_MESSAGE, findUncleanText, isCleanText } from '#shared/text/clean-text'

const WITH_BODY = new Set(['POST', 'PUT', 'PATCH', 'DELETE'])

function refuse(event: Parameters<Parameters<typeof defineEventHandler>[0]>[0], where: string) {
  setResponseStatus(event, 400)
  return { success: false, error: { code: 'VALIDATION', message: `${CLEAN_TEXT_MESSAGE} (${where})` } }
}

/** Percent-decoding that keeps a malformed escape as it is rather than throwing. */
function decoded(text: string): string {
  try {
    return decodeURIComponent(text.replace(/\+/g, ' '))
  }
  catch {
    return text
  }
}

export default defineEventHandler(async (event) => {
  if (!event.path.startsWith('/api/')) return
  const [path = '', query = ''] = event.path.split('?')
  if (!isCleanText(decoded(path))) return refuse(event, 'address')
  for (const part of query.split('&')) if (!isCleanText(decoded(part))) return refuse(event, 'query')

  // tus metadata: comma-separated `key base64value` pairs; the file name ends up in the database.
  const metadata = getRequestHeader(event, 'upload-metadata')
  if (metadata) {
    for (const pair of metadata.split(',')) {
      const value = pair.trim().split(' ')[1]
      if (value && !isCleanText(Buffer.from(value, 'base64').toString('utf8'))) return refuse(event, 'upload metadata')
    }
  }

  if (!WITH_BODY.has(event.method) || event.path.startsWith('/api/uploads')) return
  const type = getRequestHeader(event, 'content-type') ?? ''
  if (type.includes('application/json')) {
    // h3 keeps the raw body it read, so the route's own readBody reads it again for free.
    const raw = await readRawBody(event, 'utf8')
    if (!raw) return
    let body: unknown
    try {
      body = JSON.parse(raw)
    }
    catch {
      return // malformed JSON: the route's validation answers it
    }
    if (findUncleanText(body) !== null) return refuse(event, 'body')
  }
  else if (type.includes('application/x-www-form-urlencoded')) {
    const raw = await readRawBody(event, 'utf8')
    for (const [key, value] of new URLSearchParams(raw ?? '')) if (!isCleanText(key) || !isCleanText(value)) return refuse(event, 'body')
  }
})
