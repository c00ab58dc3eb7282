import { afterEach, describe, expect, it } from 'vitest'
import { isCrossSite } from '../../server/utils/cross-site'
import { lecternConfig } from '../../server/utils/config'

const request = (headers: Record<string, string>) => (name: string) => headers[name]

describe('isCrossSite', () => {
  const saved = { site: process.env.NUXT_PUBLIC_SITE_URL, allowed: process.env.LECTERN_ALLOWED_ORIGINS }
  afterEach(() => {
    for (const [name, value] of [['NUXT_PUBLIC_SITE_URL', saved.site], ['LECTERN_ALLOWED_ORIGINS', saved.allowed]] as const) {
      if (value === undefined) delete process.env[name]
      else process.env[name] = value
    }
  })

  it('accepts the address the browser used, whatever the scheme a proxy left', () => {
    expect(isCrossSite(request({ origin: 'http://127.0.0.1:3000', host: '127.0.0.1:3000' }))).toBe(false)
    expect(isCrossSite(request({ origin: 'https://Courses.example.org', host: 'courses.example.org' }))).toBe(false)
  })

  it('refuses another host, another port, a sibling subdomain and the opaque origin', () => {
    expect(isCrossSite(request({ origin: 'https://attacker.example', host: 'courses.example.org' }))).toBe(true)
    expect(isCrossSite(request({ origin: 'http://127.0.0.1:4000', host: '127.0.0.1:3000' }))).toBe(true)
    expect(isCrossSite(request({ origin: 'https://blog.example.org', host: 'courses.example.org' }))).toBe(true)
    expect(isCrossSite(request({ origin: 'null', host: 'courses.example.org' }))).toBe(true)
  })

  it('falls back on Sec-Fetch-Site without an Origin, and lets a client with neither through', () => {
    expect(isCrossSite(request({ 'sec-fetch-site': 'same-origin' }))).toBe(false)
    expect(isCrossSite(request({ 'sec-fetch-site': 'none' }))).toBe(false)
    expect(isCrossSite(request({ 'sec-fetch-site': 'same-site' }))).toBe(true)
    expect(isCrossSite(request({ 'sec-fetch-site': 'cross-site' }))).toBe(true)
    expect(isCrossSite(request({ host: 'courses.example.org' }))).toBe(false)
  })

  it('accepts the configured site address and extra origins, and nothing else', () => {
    process.env.NUXT_PUBLIC_SITE_URL = 'https://courses.example.org/'
    process.env.LECTERN_ALLOWED_ORIGINS = 'https://learn.example.net, http://localhost:8080'
    // Behind a proxy that rewrites Host, the site address still counts.
    expect(isCrossSite(request({ origin: 'https://courses.example.org', host: 'internal:3000' }))).toBe(false)
    expect(isCrossSite(request({ origin: 'https://learn.example.net', host: 'internal:3000' }))).toBe(false)
    expect(isCrossSite(request({ origin: 'http://localhost:8080', host: 'internal:3000' }))).toBe(false)
    expect(isCrossSite(request({ origin: 'http://learn.example.net', host: 'internal:3000' }))).toBe(true)
  })

  it('refuses a malformed LECTERN_ALLOWED_ORIGINS at start-up', () => {
    process.env.LECTERN_ALLOWED_ORIGINS = 'learn.example.net'
    expect(() => lecternConfig()).toThrow(/LECTERN_ALLOWED_ORIGINS/)
  })
})
