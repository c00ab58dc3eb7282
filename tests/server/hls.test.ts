// Adaptive streaming (HLS) against a server of its own with LECTERN_HLS on: the ladder a processed
// lesson gets, the master playlist's access rules, the signed addresses of playlists and segments,
// and the ladder leaving the store with its upload.
import { execFileSync } from 'node:child_process'
import { createHmac } from 'node:crypto'
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import type { LearnCourse } from '../../shared/types/learning'
import type { CourseOverview } from '../../shared/types/catalog'
import { ApiClient, data, signedUp } from '../support/api-client'
import { publishedCourse } from '../support/catalog-fixtures'
import type { PublishedCourse } from '../support/catalog-fixtures'
import { NEEDS_SHARED_DATABASE, databaseUrl, testDb } from '../support/database'
import { JOB_TIMEOUT_SECONDS, laddersReady, useHlsServer } from '../support/hls-server'
import { fileBytes, sampleVideo, sampleVideoWithSound } from '../support/video-fixtures'
import { createUpload, sendAll } from '../support/tus-client'

const describeWithPostgres = databaseUrl ? describe : describe.skip

const raw = (client: ApiClient | null, url: string) =>
  fetch(`${(client ?? new ApiClient()).baseURL}${url}`, { headers: client ? { cookie: client.sessionCookies().map(c => `${c.name}=${c.value}`).join('; ') } : {} })

const uris = (playlist: string) => playlist.split('\n').filter(line => line && !line.startsWith('#'))

function probe(bytes: Buffer): { streams: { codec_type: string, codec_name: string, height?: number }[] } {
  const file = join(mkdtempSync(join(tmpdir(), 'lectern-hls-segment-')), 'segment.ts')
  writeFileSync(file, bytes)
  // Decodes every frame: a segment that is only well-formed on the surface fails here.
  execFileSync('ffmpeg', ['-v', 'error', '-i', file, '-f', 'null', '-'])
  return JSON.parse(execFileSync('ffprobe', ['-v', 'error', '-print_format', 'json', '-show_streams', file]).toString())
}

describeWithPostgres(`adaptive streaming${databaseUrl ? '' : ` [skipped: ${NEEDS_SHARED_DATABASE}]`}`, () => {
  const server = useHlsServer()
  let owner: ApiClient
  let student: ApiClient
  let course: PublishedCourse
  let silent: PublishedCourse
  beforeAll(async () => {
    owner = await signedUp()
    student = await signedUp({ role: 'STUDENT' })
    // A 540p source with sound: two rungs (360p, 540p), never enlarged to 720p.
    course = await publishedCourse(owner, { lessons: 2, video: sampleVideoWithSound(16, '960x540') })
    // A 240p source without sound: its own height only.
    silent = await publishedCourse(owner, { lessons: 1, video: sampleVideo(5, '320x240') })
    expect((await student.post(`/api/catalog/${course.course.slug}/enrol`)).status).toBeLessThan(300)
    await laddersReady(course.lessons.map(l => l.id), 4)
    await laddersReady(silent.lessons.map(l => l.id), 1)
  }, 300_000)

  it('makes a ladder of the rungs up to the source\'s height, lowest first, and lists them in the master playlist', async () => {
    const lesson = course.lessons[1]!
    const rows = await testDb().mediaRendition.findMany({ where: { mediaFile: { videos: { some: { id: lesson.id } } } }, orderBy: { updatedAt: 'asc' } })
    expect(rows.map(r => [r.height, r.width, r.status, r.audio])).toEqual([[360, 640, 'READY', true], [540, 960, 'READY', true]])
    const learn = data(await student.get<LearnCourse>(`/api/learn/${course.course.slug}`))
    expect(learn.chapters[0]!.lessons.map(l => l.hlsUrl)).toEqual(course.lessons.map(l => `/api/lessons/${l.id}/hls`))

    const master = await raw(student, `/api/lessons/${lesson.id}/hls`)
    expect(master.status).toBe(200)
    expect(master.headers.get('content-type')).toBe('application/vnd.apple.mpegurl')
    expect(master.headers.get('cache-control')).toBe('private, no-store')
    const text = await master.text()
    expect(text.startsWith('#EXTM3U\n')).toBe(true)
    expect(text).toMatch(/RESOLUTION=640x360,CODECS="avc1\.4d401f,mp4a\.40\.2"\n\/api\/hls\/[a-f0-9]{32}\.hls\.360\.m3u8\?expires=\d+&signature=[\w-]{43}\n/)
    expect(text).toMatch(/RESOLUTION=960x540,CODECS="avc1\.4d401f,mp4a\.40\.2"\n\/api\/hls\/[a-f0-9]{32}\.hls\.540\.m3u8\?/)
    expect(text.indexOf('x360')).toBeLessThan(text.indexOf('x540'))
  })

  it('runs one transcode at a time per instance', async () => {
    const spans = await Promise.all(course.lessons.map(async (lesson) => {
      const rows = await testDb().mediaRendition.findMany({ where: { mediaFile: { videos: { some: { id: lesson.id } } } } })
      return { start: Math.min(...rows.map(r => r.createdAt.getTime())), end: Math.max(...rows.map(r => r.updatedAt.getTime())) }
    }))
    const [first, second] = spans.sort((a, b) => a.start - b.start)
    expect(second!.start).toBeGreaterThanOrEqual(first!.end)
  })

  it('renews the lease of a transcode that outlasts the job timeout, so it runs once', async () => {
    const bytes = fileBytes(sampleVideoWithSound(16, '960x540'))
    const { url } = await createUpload(owner, { size: bytes.length, metadata: { filename: 'Long.mp4', filetype: 'video/mp4', target: 'lesson', chapterId: course.lessons[0]!.chapterId } })
    await sendAll(owner, url!, bytes, 1024 * 1024)
    const uploadId = url!.split('/').pop()!
    const seen: { status: string, lockedAt: number | null, attempts: number, at: number }[] = []
    await expect.poll(async () => {
      const job = (await testDb().job.findMany({ where: { kind: 'media:transcode' } })).find(j => (j.payload as { uploadId?: string }).uploadId === uploadId)
      if (job) seen.push({ status: job.status, lockedAt: job.lockedAt?.getTime() ?? null, attempts: job.attempts, at: Date.now() })
      return job?.status
    }, { timeout: 120_000, interval: 200 }).toBe('DONE')
    const running = seen.filter(s => s.status === 'RUNNING')
    const firstRunning = seen.findIndex(s => s.status === 'RUNNING')
    // It ran longer than LECTERN_JOB_TIMEOUT_SECONDS, its lease moving on meanwhile; never handed back.
    expect(seen.at(-1)!.at - running[0]!.at).toBeGreaterThan(JOB_TIMEOUT_SECONDS * 1000)
    expect(new Set(running.map(s => s.lockedAt)).size).toBeGreaterThan(1)
    expect(seen.slice(firstRunning).map(s => s.status).filter(status => status === 'PENDING')).toEqual([])
    expect(seen.at(-1)!.attempts).toBe(1)
  })

  it('serves rendition playlists and segments by their signature alone, cacheable until it expires, and the segments decode', async () => {
    const master = await (await raw(student, `/api/lessons/${course.lessons[0]!.id}/hls`)).text()
    for (const [index, variantUrl] of uris(master).entries()) {
      const variant = await raw(null, variantUrl)
      expect(variant.status).toBe(200)
      expect(variant.headers.get('content-type')).toBe('application/vnd.apple.mpegurl')
      const maxAge = Number(/^public, max-age=(\d+), immutable$/.exec(variant.headers.get('cache-control')!)?.[1])
      expect(maxAge).toBeGreaterThan(3 * 3600)
      const playlist = await variant.text()
      expect(playlist).toContain('#EXT-X-PLAYLIST-TYPE:VOD')
      expect(playlist).toContain('#EXT-X-ENDLIST')
      const durations = [...playlist.matchAll(/#EXTINF:([\d.]+)/g)].map(m => Number(m[1]))
      expect(durations.length).toBeGreaterThanOrEqual(2)
      expect(Math.max(...durations)).toBeLessThanOrEqual(6.5)
      const segments = uris(playlist)
      expect(segments.every(s => /^\/api\/hls\/[a-f0-9]{32}\.hls\.\d+\.\d{5}\.ts\?expires=\d+&signature=[\w-]{43}$/.test(s))).toBe(true)
      const segment = await raw(null, segments[0]!)
      expect(segment.status).toBe(200)
      expect(segment.headers.get('content-type')).toBe('video/mp2t')
      expect(segment.headers.get('cache-control')).toMatch(/^public, max-age=\d+, immutable$/)
      const { streams } = probe(Buffer.from(await segment.arrayBuffer()))
      expect(streams.map(s => [s.codec_type, s.codec_name, s.height ?? null])).toEqual([['video', 'h264', [360, 540][index]], ['audio', 'aac', null]])
    }
  })

  it('gives a source without sound a ladder without sound', async () => {
    const master = await (await raw(owner, `/api/lessons/${silent.lessons[0]!.id}/hls`)).text()
    expect(master).toContain('RESOLUTION=320x240,CODECS="avc1.4d401f"\n')
    expect(uris(master)).toHaveLength(1)
    const playlist = await (await raw(null, uris(master)[0]!)).text()
    const { streams } = probe(Buffer.from(await (await raw(null, uris(playlist)[0]!)).arrayBuffer()))
    expect(streams.map(s => s.codec_type)).toEqual(['video'])
  })

  it('hands the master playlist to those who may watch the lesson: enrolled students, the owner, anyone for a free preview', async () => {
    const [preview, members] = course.lessons
    expect((await raw(owner, `/api/lessons/${members!.id}/hls`)).status).toBe(200)
    expect((await raw(student, `/api/lessons/${members!.id}/hls`)).status).toBe(200)
    expect((await raw(null, `/api/lessons/${preview!.id}/hls`)).status).toBe(200)
    for (const stranger of [null, await signedUp({ role: 'STUDENT' }), await signedUp()]) {
      const refused = await raw(stranger, `/api/lessons/${members!.id}/hls`)
      expect(refused.status).toBe(404)
      expect(await refused.json()).toMatchObject({ success: false, error: { code: 'NOT_FOUND' } })
    }
    // The preview's data says so too, for a visitor.
    const overview = data(await new ApiClient().get<CourseOverview>(`/api/catalog/${course.course.slug}`))
    expect(overview.chapters[0]!.lessons.slice(0, 2).map(l => l.hlsUrl)).toEqual([`/api/lessons/${preview!.id}/hls`, null])
  })

  it('refuses a tampered, borrowed, expired or missing signature with 403, and any key outside a ladder with 400', async () => {
    const master = await (await raw(student, `/api/lessons/${course.lessons[1]!.id}/hls`)).text()
    const signed = new URL(uris(master)[0]!, 'http://x')
    const key = signed.pathname.slice('/api/hls/'.length)
    const expires = Number(signed.searchParams.get('expires'))
    const signature = signed.searchParams.get('signature')!
    const sign = (k: string, e: number) => createHmac('sha256', server().secret).update(`${k}\n${e}`).digest('base64url')
    const refusals: [string, number, RegExp][] = [
      [`/api/hls/${key}?expires=${expires}&signature=${signature.slice(0, -2)}${signature.endsWith('AA') ? 'BB' : 'AA'}`, 403, /not valid/],
      [`/api/hls/${key}?expires=${expires + 3600}&signature=${signature}`, 403, /not valid/],
      [`/api/hls/${key.replace('.360.', '.540.')}?expires=${expires}&signature=${signature}`, 403, /not valid/],
      [`/api/hls/${key}?expires=${Math.floor(Date.now() / 1000) - 60}&signature=${sign(key, Math.floor(Date.now() / 1000) - 60)}`, 403, /expired/],
      [`/api/hls/${key}`, 403, /not signed/],
      [`/api/hls/${key.slice(0, 32)}?expires=${expires}&signature=${sign(key.slice(0, 32), expires)}`, 400, /Not a stream file/],
      [`/api/hls/${key.slice(0, 32)}.jpg?expires=${expires}&signature=${sign(`${key.slice(0, 32)}.jpg`, expires)}`, 400, /Not a stream file/],
      [`/api/hls/..%2F..%2F..%2Fetc%2Fpasswd?expires=${expires}&signature=${sign('../../../etc/passwd', expires)}`, 400, /Not a stream file/],
    ]
    for (const [url, status, message] of refusals) {
      const refused = await raw(null, url)
      expect(refused.status, url).toBe(status)
      expect(refused.headers.get('content-type')).toBe('application/json')
      expect(await refused.json()).toMatchObject({ success: false, error: { message: expect.stringMatching(message) } })
    }
    expect((await raw(null, signed.pathname + signed.search)).status).toBe(200)
  })

  it('removes the ladder with its upload', async () => {
    const lesson = course.lessons[1]!
    const media = await testDb().mediaFile.findFirstOrThrow({ where: { videos: { some: { id: lesson.id } } }, select: { id: true, storageKey: true } })
    const master = await (await raw(owner, `/api/lessons/${lesson.id}/hls`)).text()
    const variant = uris(master)[0]!
    const folder = join(server().storageDir, 'hls', media.storageKey)
    expect(existsSync(folder)).toBe(true)
    expect((await owner.delete(`/api/lessons/${lesson.id}`)).status).toBe(200)
    expect((await owner.post(`/api/media/${media.id}/trash`, { unlinkAll: true })).status).toBe(200)
    expect((await owner.delete(`/api/media/${media.id}`)).status).toBe(200)
    expect(existsSync(folder)).toBe(false)
    expect(await testDb().mediaRendition.count({ where: { mediaFileId: media.id } })).toBe(0)
    const gone = await raw(null, variant)
    expect(gone.status).toBe(404)
  })
})
