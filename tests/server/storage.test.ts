// Bytes in the object store (server/storage/), on local disk and in S3: what the library serves,
// zips and thumbnails is what the store holds, and removing a file (for good, or an unfinished
// upload) leaves nothing of it behind, an unfinished S3 multipart upload included. The upload,
// attachment and streaming flows run on both stores in uploads.test.ts and attachments.test.ts.
import { randomBytes } from 'node:crypto'
import { expect, inject, it } from 'vitest'
import type { MediaDetail } from '../../shared/types/media'
import { ApiClient, data, signedUp } from '../support/api-client'
import { pngBytes, samplePdf } from '../support/attachment-fixtures'
import { describeEachStore } from '../support/stores-under-test'
import { createUpload, patchChunk, sendAll } from '../support/tus-client'
import { readZip } from '../support/zip-reader'
import { sha256 } from '../support/video-fixtures'

const keyOf = (uploadUrl: string) => uploadUrl.split('/').pop()!
const raw = (client: ApiClient, path: string, init: { method?: string, headers?: Record<string, string>, body?: string } = {}) =>
  fetch(`${client.baseURL}${path}`, { ...init, headers: { cookie: client.sessionCookies().map(c => `${c.name}=${c.value}`).join('; '), ...init.headers } })

async function libraryUpload(owner: ApiClient, file: { name: string, type: string, bytes: Buffer }) {
  const created = await createUpload(owner, { size: file.bytes.length, metadata: { filename: file.name, filetype: file.type, target: 'library' } })
  expect(created.status, created.body).toBe(201)
  expect((await sendAll(owner, created.url!, file.bytes, 64 * 1024)).status).toBe(204)
  await expect.poll(async () => data(await owner.get<MediaDetail>(`/api/media/${created.mediaId}`)).status, { timeout: 30_000 }).toBe('READY')
  return { mediaId: created.mediaId!, key: keyOf(created.url!) }
}

describeEachStore((store) => {
  it('serves a library file, its range, its thumbnail and a zip from the stored objects; deleting for good removes every object it owns', async () => {
    const owner = await signedUp()
    const image = { name: 'board.png', type: 'image/png', bytes: pngBytes('96x64') }
    const pdf = { name: 'Notes.pdf', type: 'application/pdf', bytes: samplePdf() }
    const [picture, document] = [await libraryUpload(owner, image), await libraryUpload(owner, pdf)]
    expect(data(await owner.get<MediaDetail>(`/api/media/${picture.mediaId}`))).toMatchObject({ width: 96, height: 64, hasThumbnail: true })
    expect(await store().bytes(picture.key)).toEqual(image.bytes)

    const range = await raw(owner, `/api/media/${document.mediaId}/content`, { headers: { range: 'bytes=4-11' } })
    expect(range.status).toBe(206)
    expect(Buffer.from(await range.arrayBuffer())).toEqual(pdf.bytes.subarray(4, 12))
    const thumbnail = await raw(owner, `/api/media/${picture.mediaId}/thumbnail`)
    expect(thumbnail.status).toBe(200)
    expect(Buffer.from(await thumbnail.arrayBuffer())).toEqual(await store().bytes(`${picture.key}.jpg`))

    const zip = await raw(owner, '/api/media/zip', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ ids: [picture.mediaId, document.mediaId] }) })
    expect(zip.status).toBe(200)
    const entries = readZip(Buffer.from(await zip.arrayBuffer()))
    expect(entries.map(entry => [entry.name, entry.data])).toEqual([['board.png', image.bytes], ['Notes.pdf', pdf.bytes]])

    for (const { mediaId, key } of [picture, document]) {
      data(await owner.post(`/api/media/${mediaId}/trash`, {}))
      expect(data(await owner.delete(`/api/media/${mediaId}`))).toEqual({ id: mediaId, deleted: true })
      expect(await store().owned(key)).toEqual([])
    }
    expect((await raw(owner, `/api/media/${picture.mediaId}/thumbnail`)).status).toBe(404)
    // On S3 nothing stays on the instance's disk: no upload, no thumbnail left in the worker's scratch.
    if (store().localLeftovers) expect(store().localLeftovers!()).toEqual([])
  })

  it('discards an upload stopped past its first part: no part, tail or bookkeeping object is left', async () => {
    const owner = await signedUp()
    // Past tus's 8 MiB part on S3, so the store holds a multipart upload's part and a tail object.
    const bytes = Buffer.concat([Buffer.from('%PDF-1.7\n'), randomBytes(9 * 1024 * 1024)])
    const created = await createUpload(owner, { size: bytes.length, metadata: { filename: 'Scan.pdf', filetype: 'application/pdf', target: 'library' } })
    const sent = 8 * 1024 * 1024 + 300_000
    expect((await patchChunk(owner, created.url!, 0, bytes.subarray(0, sent))).offset).toBe(sent)
    expect(sha256((await store().held(keyOf(created.url!)))!)).toBe(sha256(bytes.subarray(0, sent)))
    const key = keyOf(created.url!)
    const held = await store().owned(key)
    if (store().name === 's3') expect(held).toEqual(expect.arrayContaining([`${key}.info`, `${key}.part`, expect.stringMatching(/^multipart upload /)]))
    else expect(held).toEqual(expect.arrayContaining([expect.stringMatching(new RegExp(`/files/${key}$`))]))

    expect(data(await owner.delete(`/api/media/${created.mediaId}/upload`))).toEqual({ mediaId: created.mediaId })
    expect(await store().owned(key)).toEqual([])
  })

  it('reports the store it probed in the readiness check', async () => {
    const health = await new ApiClient().request<{ checks: { storage: { ok: boolean, detail: string } } }>('GET', '/api/ready', undefined, { headers: { authorization: `Bearer ${inject('internalToken')}` } })
    expect(health.status).toBe(200)
    const { storage } = data(health).checks
    expect(storage).toMatchObject({ ok: true, detail: store().name === 's3' ? 'lectern-test reachable' : expect.stringMatching(/writable$/) })
  })
})
