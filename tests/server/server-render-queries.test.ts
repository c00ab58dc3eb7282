// A server render runs only the reads it waits for. Any other read started there could answer
// after the HTML was rendered without it but before the payload was written, and the browser
// would hydrate data the HTML does not show (a mismatch, seen on the first render after a start).
// Here: the payload of real pages holds the reads the page is drawn from, and none of the ones
// drawn in the browser only, among them reads that answer at once (typing, from the cache) and
// reads enabled by their own condition (a student's observers once the conversation is known).
import { beforeAll, describe, expect, it } from 'vitest'
import type { ApiClient } from '../support/api-client'
import { conversationPair, linkedObserver } from '../support/conversation-fixtures'

/** The query hashes (each key as JSON) of the cache the server dehydrated into the page. */
function renderedQueries(html: string): string[] {
  const script = /<script[^>]*id="__NUXT_DATA__"[^>]*>([\s\S]*?)<\/script>/.exec(html)
  expect(script, 'the page carries a payload').not.toBeNull()
  // devalue's flat form: every string of the payload is an entry of one array.
  const entries: unknown[] = JSON.parse(script![1]!)
  return entries.filter((entry): entry is string => typeof entry === 'string' && /^\[".*\]$/.test(entry))
}

async function queriesOf(client: ApiClient, path: string) {
  const { status, html } = await client.page(path)
  expect(status, path).toBe(200)
  return renderedQueries(html)
}

describe('the server render runs only the reads it waits for', () => {
  let pair: Awaited<ReturnType<typeof conversationPair>>
  beforeAll(async () => {
    pair = await conversationPair()
    await linkedObserver(pair)
  })

  it('a conversation: the list and the stream, not typing, presence, attachments or observers', async () => {
    const id = pair.conversationId
    for (const client of [pair.instructor, pair.student]) {
      const hashes = await queriesOf(client, `/messages/${id}`)
      expect(hashes).toContain(JSON.stringify(['conversations', 'list']))
      expect(hashes).toContain(JSON.stringify(['conversations', 'stream', id, 'latest']))
      expect(hashes).not.toContain(JSON.stringify(['conversations', 'typing', id]))
      expect(hashes).not.toContain(JSON.stringify(['conversations', 'unsent-attachments', id]))
      expect(hashes).not.toContain(JSON.stringify(['presence']))
      expect(hashes.filter(hash => hash.startsWith('["observers"')), 'observer reads').toEqual([])
    }
  })

  it('the media library: its list, not the tags, unfinished uploads or upload progress', async () => {
    const hashes = await queriesOf(pair.instructor, '/studio/media')
    expect(hashes.filter(hash => hash.startsWith('["media","list"')), 'the list').toHaveLength(1)
    for (const key of [['media', 'tags'], ['media', 'unfinished'], ['media', 'upload-progress']]) expect(hashes).not.toContain(JSON.stringify(key))
  })
})
