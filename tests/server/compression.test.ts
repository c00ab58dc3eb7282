// What goes over the wire to a phone: pages, JSON and static files compressed as the browser
// accepts (brotli first), the protocol answers (Range streams) left as they are, and no
// signed-in visitor's HTML ever served to anyone else.
import { brotliDecompressSync, gunzipSync } from 'node:zlib'
import { request } from 'node:http'
import { beforeAll, describe, expect, it } from 'vitest'
import { ApiClient, signedUp } from '../support/api-client'
import { publishedCourse } from '../support/catalog-fixtures'
import type { PublishedCourse } from '../support/catalog-fixtures'

interface RawAnswer { status: number, headers: Record<string, string | string[] | undefined>, body: Buffer }

/** A GET whose body comes back exactly as sent (fetch would decompress it and hide the encoding). */
function raw(url: string, headers: Record<string, string> = {}): Promise<RawAnswer> {
  return new Promise((resolve, reject) => {
    request(url, { headers }, (res) => {
      const chunks: Buffer[] = []
      res.on('data', chunk => chunks.push(chunk))
      res.on('end', () => resolve({ status: res.statusCode!, headers: res.headers, body: Buffer.concat(chunks) }))
    }).on('error', reject).end()
  })
}
const cookieOf = (client: ApiClient) => client.sessionCookies().map(c => `${c.name}=${c.value}`).join('; ')

describe('compression', () => {
  const base = new ApiClient().baseURL
  let course: PublishedCourse
  beforeAll(async () => {
    course = await publishedCourse(await signedUp(), { lessons: 1 })
  })

  it('sends pages brotli- or gzip-compressed as the browser accepts, and plain to a client that accepts neither', async () => {
    const path = `${base}/courses/${course.course.slug}`
    const plain = await raw(path)
    expect(plain.status).toBe(200)
    expect(plain.headers['content-encoding']).toBeUndefined()
    expect(plain.body.toString()).toContain(course.course.title)

    const br = await raw(path, { 'accept-encoding': 'gzip, deflate, br' })
    expect(br.headers['content-encoding']).toBe('br')
    expect(br.headers.vary).toMatch(/accept-encoding/i)
    expect(br.body.length).toBeLessThan(plain.body.length / 2)
    expect(brotliDecompressSync(br.body).toString()).toContain(course.course.title)

    const gzip = await raw(path, { 'accept-encoding': 'gzip' })
    expect(gzip.headers['content-encoding']).toBe('gzip')
    expect(gunzipSync(gzip.body).toString()).toContain(course.course.title)

    expect((await raw(path, { 'accept-encoding': 'br;q=0, gzip' })).headers['content-encoding']).toBe('gzip')
  })

  it('sends the friendly error page readable, with its status', async () => {
    const answer = await raw(`${base}/courses/no-such-course-${Date.now()}`, { 'accept-encoding': 'br, gzip' })
    expect(answer.status).toBe(404)
    const html = answer.headers['content-encoding'] === 'br' ? brotliDecompressSync(answer.body).toString() : answer.body.toString()
    expect(html).toContain('</html>')
  })

  it('compresses JSON answers, keeping their type; small ones go as they are', async () => {
    const owner = await signedUp()
    const description = 'A course description long enough to be worth compressing. '.repeat(40).trim()
    const created = await owner.post<{ id: string }>('/api/courses', { title: 'Compressed course', description, category: 'Design' })
    const answer = await raw(`${base}/api/courses/${(created.body as { data: { id: string } }).data.id}`, { 'accept-encoding': 'br', 'cookie': cookieOf(owner) })
    expect(answer.status).toBe(200)
    expect(answer.headers['content-type']).toMatch(/application\/json/)
    expect(answer.headers['content-encoding']).toBe('br')
    expect(JSON.parse(brotliDecompressSync(answer.body).toString())).toMatchObject({ success: true, data: { description } })
    const small = await raw(`${base}/api/health`, { 'accept-encoding': 'br' })
    expect(small.headers['content-encoding']).toBeUndefined()
    expect(JSON.parse(small.body.toString())).toBeTruthy()
  })

  it('serves the app\'s scripts and styles compressed at build time', async () => {
    // Sign-up runs the app (a visitor's home page is sent without JavaScript).
    const html = (await raw(`${base}/sign-up`)).body.toString()
    const script = html.match(/\/_nuxt\/[\w-]+\.js/)?.[0]
    expect(script).toBeTruthy()
    const plain = await raw(`${base}${script}`)
    const br = await raw(`${base}${script}`, { 'accept-encoding': 'br, gzip' })
    expect(br.headers['content-encoding']).toBe('br')
    expect(brotliDecompressSync(br.body).equals(plain.body)).toBe(true)
  })

  it('leaves Range streams as they are', async () => {
    const answer = await raw(`${base}/api/lessons/${course.lessons[0]!.id}/stream`, { 'range': 'bytes=0-99', 'accept-encoding': 'br, gzip' })
    expect(answer.status).toBe(206)
    expect(answer.headers['content-encoding']).toBeUndefined()
    expect(answer.body.length).toBe(100)
  })
})

describe('signed-in pages', () => {
  it('are rendered for each visitor and never served from a cache to another', async () => {
    const base = new ApiClient().baseURL
    const [ada, bob] = [await signedUp({ role: 'STUDENT' }), await signedUp({ role: 'STUDENT' })]
    for (let round = 0; round < 3; round++) {
      for (const [me, other] of [[ada, bob], [bob, ada]] as const) {
        const response = await fetch(`${base}/courses`, { headers: { cookie: cookieOf(me) } })
        expect(response.headers.get('x-lectern-page-cache')).toBeNull()
        const html = await response.text()
        expect(html).toContain(me.user!.name)
        expect(html).not.toContain(other.user!.name)
      }
    }
  })
})
