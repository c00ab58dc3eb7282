// A whole stream in memory, for the few reads that are small by nature (an HLS playlist, the first
// bytes of an object): everything larger is streamed on, never collected.
import type { Readable } from 'node:stream'

export async function streamBytes(stream: Readable): Promise<Buffer> {
  const chunks: Buffer[] = []
  // A stream in string mode yields strings; object streams from the SDK yield Uint8Arrays.
  for await (const chunk of stream) chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk))
  return Buffer.concat(chunks)
}
