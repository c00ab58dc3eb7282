// Attachments for server and browser tests: real files made at test time (an image by Debian's
// ffmpeg, a small PDF by hand) and an upload into a conversation over the tus protocol.
import { execFileSync } from 'node:child_process'
import { existsSync, mkdirSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { expect } from 'vitest'
import type { ApiClient } from './api-client'
import { createUpload, sendAll } from './tus-client'

const dir = join(tmpdir(), 'lectern-attachment-fixtures')

/** A real PNG of `size` (e.g. 64x48), cached across runs. */
export function samplePng(size = '64x48'): string {
  mkdirSync(dir, { recursive: true })
  const file = join(dir, `testsrc-${size}.png`)
  if (!existsSync(file)) execFileSync('ffmpeg', ['-v', 'error', '-y', '-f', 'lavfi', '-i', `testsrc=size=${size}:rate=1`, '-frames:v', '1', file])
  return file
}

/** A minimal one-page PDF. */
export function samplePdf(): Buffer {
  return Buffer.from('%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj 2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj 3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 200 200]>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n')
}

export const pngBytes = (size?: string) => readFileSync(samplePng(size))

/** Uploads a file as an attachment of a conversation; answers the attachment's id and upload URL. */
export async function uploadAttachment(client: ApiClient, conversationId: string, file: { name: string, type: string, bytes: Buffer }) {
  const created = await createUpload(client, { size: file.bytes.length, metadata: { filename: file.name, filetype: file.type, target: 'attachment', conversationId } })
  expect(created.status, created.body).toBe(201)
  const sent = await sendAll(client, created.url!, file.bytes, 64 * 1024)
  expect(sent.status, sent.body).toBe(204)
  return { url: created.url!, attachmentId: created.attachmentId! }
}
