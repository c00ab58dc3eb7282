// The tus protocol spoken by hand (creation, HEAD for the offset, PATCH chunks, DELETE), so server
// tests see exactly what the server answers at each step.
import type { ApiClient } from './api-client'

const b64 = (value: string) => Buffer.from(value).toString('base64')

export function tusHeaders(client: ApiClient, extra: Record<string, string> = {}): Record<string, string> {
  const cookie = client.sessionCookies().map(c => `${c.name}=${c.value}`).join('; ')
  return { 'tus-resumable': '1.0.0', ...client.headers, ...(cookie ? { cookie } : {}), ...extra }
}

export async function createUpload(client: ApiClient, options: { size: number, metadata: Record<string, string> }) {
  const metadata = Object.entries(options.metadata).map(([k, v]) => `${k} ${b64(v)}`).join(',')
  const response = await fetch(`${client.baseURL}/api/uploads`, {
    method: 'POST',
    headers: tusHeaders(client, { 'upload-length': String(options.size), 'upload-metadata': metadata }),
  })
  const location = response.headers.get('location')
  return {
    status: response.status,
    url: location ? new URL(location, client.baseURL).toString() : null,
    body: await response.text(),
    /** What the upload fills, when it is an attachment. */
    attachmentId: response.headers.get('lectern-attachment-id'),
    /** The library file, when it is a library upload. */
    mediaId: response.headers.get('lectern-media-id'),
  }
}

export async function patchChunk(client: ApiClient, url: string, offset: number, chunk: Buffer) {
  const response = await fetch(url, {
    method: 'PATCH',
    headers: tusHeaders(client, { 'upload-offset': String(offset), 'content-type': 'application/offset+octet-stream' }),
    body: new Uint8Array(chunk),
  })
  return { status: response.status, offset: Number(response.headers.get('upload-offset')), body: await response.text() }
}

export async function headOffset(client: ApiClient, url: string) {
  const response = await fetch(url, { method: 'HEAD', headers: tusHeaders(client) })
  return { status: response.status, offset: Number(response.headers.get('upload-offset')) }
}

/** Sends a whole file in chunks, from `from` on. */
export async function sendAll(client: ApiClient, url: string, bytes: Buffer, chunkSize: number, from = 0) {
  let offset = from
  while (offset < bytes.length) {
    const result = await patchChunk(client, url, offset, bytes.subarray(offset, offset + chunkSize))
    if (result.status !== 204) return result
    offset = result.offset
  }
  return { status: 204, offset, body: '' }
}
