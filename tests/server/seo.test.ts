// What search engines and link previews read: sitemap.xml lists published course pages (and no
// private or draft page), robots.txt points to it and keeps crawlers out of private areas, and a
// course page carries its canonical address, Open Graph and Twitter cards and a schema.org Course.
import { randomBytes } from 'node:crypto'
import { beforeAll, describe, expect, it } from 'vitest'
import type { Course } from '../../shared/types/course'
import type { Chapter } from '../../shared/types/outline'
import { ApiClient, data, signedUp } from '../support/api-client'

async function course(owner: ApiClient, { publish, cover, priceCents }: { publish: boolean, cover?: string, priceCents?: number }): Promise<Course> {
  const created = data(await owner.post<Course>('/api/courses', { title: `Seo ${randomBytes(3).toString('hex')} course`, category: 'Writing', description: 'Plain words for busy readers.' }))
  if (cover || priceCents) data(await owner.patch(`/api/courses/${created.id}`, { ...(cover ? { coverImageUrl: cover } : {}), ...(priceCents ? { priceCents } : {}) }))
  const chapter = data(await owner.post<Chapter>(`/api/courses/${created.id}/chapters`, { title: 'One' }))
  data(await owner.post(`/api/chapters/${chapter.id}/lessons`, { title: 'Welcome' }))
  if (publish) data(await owner.post(`/api/courses/${created.id}/publish`, {}))
  return data(await owner.get<Course>(`/api/courses/${created.id}`))
}

const base = () => new ApiClient().baseURL
const get = async (path: string) => {
  const response = await fetch(`${base()}${path}`)
  return { status: response.status, type: response.headers.get('content-type') ?? '', text: await response.text() }
}

describe('search engines and link previews', () => {
  let published: Course
  let plain: Course
  let draft: Course
  beforeAll(async () => {
    const owner = await signedUp()
    published = await course(owner, { publish: true, cover: 'https://images.example.org/seo-cover.jpg', priceCents: 2500 })
    plain = await course(owner, { publish: true })
    draft = await course(owner, { publish: false })
  })

  it('lists published course pages in sitemap.xml, and no draft or private page', async () => {
    const sitemap = await get('/sitemap.xml')
    expect(sitemap.status).toBe(200)
    expect(sitemap.type).toContain('xml')
    expect(sitemap.text).toContain(`<loc>${base()}/courses/${published.slug}</loc>`)
    expect(sitemap.text).toContain(`<loc>${base()}/courses/${plain.slug}</loc>`)
    expect(sitemap.text).toContain('https://images.example.org/seo-cover.jpg')
    expect(sitemap.text).not.toContain(draft.slug)
    expect(sitemap.text).toContain(`<loc>${base()}/courses</loc>`)
    for (const hidden of ['/studio', '/messages', '/learn', '/sign-in']) expect(sitemap.text).not.toContain(`<loc>${base()}${hidden}`)
  })

  it('points robots.txt to the sitemap and keeps crawlers out of private areas', async () => {
    const robots = await get('/robots.txt')
    expect(robots.status).toBe(200)
    expect(robots.text).toContain(`Sitemap: ${base()}/sitemap.xml`)
    for (const path of ['/studio', '/messages', '/learn', '/api/']) expect(robots.text).toMatch(new RegExp(`Disallow: ${path}`))
  })

  it('gives a course page its canonical address, cards and a schema.org Course', async () => {
    const page = await get(`/courses/${published.slug}?utm_source=newsletter`)
    expect(page.status).toBe(200)
    const url = `${base()}/courses/${published.slug}`
    // The CSP nonce (nuxt-security) is written into every <link> Nuxt renders.
    expect(page.text).toMatch(new RegExp(`<link (nonce="[^"]+" )?rel="canonical" href="${url.replace(/[.?]/g, '\\$&')}">`))
    expect(page.text).toContain(`<meta property="og:url" content="${url}">`)
    expect(page.text).toContain('<meta property="og:image" content="https://images.example.org/seo-cover.jpg">')
    expect(page.text).toContain('<meta name="twitter:card" content="summary_large_image">')
    const jsonLd = /<script (?:nonce="[^"]+" )?type="application\/ld\+json"[^>]*>(.*?)<\/script>/s.exec(page.text)?.[1]
    const graph = (JSON.parse(jsonLd!) as { '@graph': Record<string, unknown>[] })['@graph']
    expect(graph.find(node => node['@type'] === 'Course')).toMatchObject({
      name: published.title,
      url,
      offers: expect.objectContaining({ price: '25.00', priceCurrency: 'USD' }),
    })

    // Without a cover: a text card, no image.
    const withoutCover = await get(`/courses/${plain.slug}`)
    expect(withoutCover.text).toContain('<meta name="twitter:card" content="summary">')
    expect(withoutCover.text).not.toContain('property="og:image"')
  })
})
