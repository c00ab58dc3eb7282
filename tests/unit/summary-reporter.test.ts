import { describe, expect, it } from 'vitest'
import { underCi } from '../support/summary-reporter'

describe('the summary reporter', () => {
  it('counts any CI value a service sets as CI, so a skipped test fails the run there', () => {
    for (const value of ['true', '1', 'yes', 'TRUE', 'github-actions']) expect(underCi(value), value).toBe(true)
    for (const value of [undefined, '', 'false', '0', 'FALSE']) expect(underCi(value), String(value)).toBe(false)
  })
})
