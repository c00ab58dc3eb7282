import { describe, expect, it } from 'vitest'
import { slugify } from '../../shared/utils/slug'

describe('slugify', () => {
  it('makes readable ASCII slugs', () => {
    expect(slugify('Modern JavaScript: Part 1!')).toBe('modern-javascript-part-1')
    expect(slugify('Café & Crème')).toBe('cafe-and-creme')
  })

  it('never returns an empty slug', () => {
    expect(slugify('!!!')).toBe('course')
    expect(slugify('日本語')).toBe('course')
  })

  it('caps the length without a trailing dash', () => {
    const slug = slugify('word '.repeat(40))
    expect(slug.length).toBeLessThanOrEqual(80)
    expect(slug.endsWith('-')).toBe(false)
  })
})
