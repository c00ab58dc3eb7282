// A NUL character or a lone surrogate anywhere a request carries text is refused with 400 and
// changes nothing (PostgreSQL cannot store a NUL; it used to surface as a 500).
import { describe, expect, it } from 'vitest'
import type { Course } from '../../shared/types/course'
import { ApiClient, data, signedUp } from '../support/api-client'
import { createUpload } from '../support/tus-client'

const refusal = { success: false, error: { code: 'VALIDATION', message: expect.stringContaining('NUL characters or broken Unicode') } }

describe('text with a NUL or a lone surrogate', () => {
  it('is refused in a JSON body, and nothing is written', async () => {
    const owner = await signedUp()
    const before = data(await owner.get<Course[]>('/api/courses')).length
    for (const title of ['Bad\u0000title', 'Half a pair \uD800 here', '\uDC00']) {
      const result = await owner.post('/api/courses', { title, description: 'x', category: 'Design' })
      expect(result.status, JSON.stringify(title)).toBe(400)
      expect(result.body).toMatchObject(refusal)
    }
    // Also as an object key, deep inside.
    expect((await owner.post('/api/courses', { title: 'Fine', description: 'x', category: 'Design', extra: { 'k\u0000': 1 } })).status).toBe(400)
    expect(data(await owner.get<Course[]>('/api/courses'))).toHaveLength(before)
    // Whole characters outside the basic plane (a surrogate pair) are text like any other.
    expect((await owner.post('/api/courses', { title: 'Music 🎵 theory', description: 'x', category: 'Music' })).status).toBe(201)
  })

  it('is refused in the address and the query', async () => {
    const visitor = new ApiClient()
    expect((await visitor.get('/api/catalog?q=%00')).body).toMatchObject(refusal)
    expect((await visitor.get('/api/catalog?q=%ED%A0%80')).status).toBe(200) // invalid UTF-8 decodes to U+FFFD, a real character
    expect((await visitor.get('/api/catalog/some%00course')).status).toBe(400)
    expect((await visitor.get('/api/catalog?q=caf%C3%A9')).status).toBe(200)
  })

  it('is refused in a form body and in an upload\'s metadata', async () => {
    const owner = await signedUp()
    const form = await owner.request('POST', '/api/media/zip', undefined, { headers: { 'content-type': 'application/x-www-form-urlencoded' }, rawBody: 'ids=a%00b' })
    expect(form.status).toBe(400)
    const upload = await createUpload(owner, { size: 10, metadata: { filename: 'clip\u0000.mp4', filetype: 'video/mp4', target: 'library' } })
    expect(upload.status).toBe(400)
    expect(upload.url).toBeNull()
  })
})
