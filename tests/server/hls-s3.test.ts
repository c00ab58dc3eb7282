// The HLS ladder with files in S3 (an instance of its own on s3rver, LECTERN_HLS on): the
// transcode reads the original through a presigned address, the ladder's playlists and segments
// are objects under the upload's prefix and are served from the bucket, nothing stays in the
// worker's scratch, and deleting the upload deletes the ladder's objects. The rest of the HLS
// behaviour (ladder shape, access, signatures) is in hls.test.ts, on local disk.
import { existsSync, readdirSync } from 'node:fs'
import { join } from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import type { ApiClient } from '../support/api-client'
import { signedUp } from '../support/api-client'
import { publishedCourse } from '../support/catalog-fixtures'
import type { PublishedCourse } from '../support/catalog-fixtures'
import { NEEDS_SHARED_DATABASE, databaseUrl, testDb } from '../support/database'
import { laddersReady, useHlsServer } from '../support/hls-server'
import { sampleVideoWithSound } from '../support/video-fixtures'

const describeWithPostgres = databaseUrl ? describe : describe.skip

const uris = (playlist: string) => playlist.split('\n').filter(line => line && !line.startsWith('#'))

describeWithPostgres(`adaptive streaming with files in S3${databaseUrl ? '' : ` [skipped: ${NEEDS_SHARED_DATABASE}]`}`, () => {
  const server = useHlsServer({ store: 's3' })
  let owner: ApiClient
  let course: PublishedCourse
  let storageKey: string
  let mediaId: string
  beforeAll(async () => {
    owner = await signedUp()
    // A 360p source: one rung, the quickest ladder. Not published: its only lesson may be deleted.
    course = await publishedCourse(owner, { lessons: 1, video: sampleVideoWithSound(6, '640x360'), publish: false })
    await laddersReady([course.lessons[0]!.id], 1)
    const media = await testDb().mediaFile.findFirstOrThrow({ where: { videos: { some: { id: course.lessons[0]!.id } } }, select: { id: true, storageKey: true } })
    storageKey = media.storageKey
    mediaId = media.id
  }, 300_000)

  it('keeps the ladder as objects under the upload\'s key, serves them from the bucket, and leaves no scratch behind', async () => {
    const s3 = server().s3!
    const keys = await s3.keys(storageKey)
    const segmentKeys = keys.filter(key => /\.hls\.360\.\d{5}\.ts$/.test(key))
    expect(keys).toContain(`${storageKey}.hls.360.m3u8`)
    expect(segmentKeys.length).toBeGreaterThanOrEqual(2)

    const cookie = owner.sessionCookies().map(c => `${c.name}=${c.value}`).join('; ')
    const master = await fetch(`${server().url}/api/lessons/${course.lessons[0]!.id}/hls`, { headers: { cookie } })
    expect(master.status).toBe(200)
    const variant = await fetch(`${server().url}${uris(await master.text())[0]}`)
    expect(variant.status).toBe(200)
    const segments = uris(await variant.text())
    expect(segments).toHaveLength(segmentKeys.length)
    const key = new URL(segments[0]!, server().url).pathname.slice('/api/hls/'.length)
    const earlier = s3.requestsFor(key).length // the transcode's upload of it
    const first = await fetch(`${server().url}${segments[0]}`)
    expect(first.status).toBe(200)
    expect(first.headers.get('content-type')).toBe('video/mp2t')
    const served = Buffer.from(await first.arrayBuffer())
    // One request to the bucket per segment: the GET's own length is the Content-Length (a HEAD
    // first would double the bucket's requests for every 4 s a student watches).
    expect(s3.requestsFor(key).slice(earlier)).toEqual(['GET'])
    expect(Number(first.headers.get('content-length'))).toBe(served.length)
    expect(served.equals((await s3.bytes(key))!)).toBe(true)

    const scratch = join(server().dataDir, 'scratch')
    const left = existsSync(scratch) ? readdirSync(scratch, { recursive: true }).map(String).filter(name => name.includes(storageKey)) : []
    expect(left).toEqual([])
  })

  it('deletes the ladder\'s objects with the upload', async () => {
    const s3 = server().s3!
    expect((await owner.delete(`/api/lessons/${course.lessons[0]!.id}`)).status).toBe(200)
    expect((await owner.post(`/api/media/${mediaId}/trash`, { unlinkAll: true })).status).toBe(200)
    expect((await owner.delete(`/api/media/${mediaId}`)).status).toBe(200)
    expect(await s3.keys(storageKey)).toEqual([])
    expect(await s3.unfinishedUploads(storageKey)).toEqual([])
  })
})
