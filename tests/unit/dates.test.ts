import { describe, expect, it } from 'vitest'
import { formatCalendarDay, formatDate, localeFromAcceptLanguage } from '../../utils/dates'

describe('the one date formatter', () => {
  it('writes a date in the reader\'s locale, one style for all', () => {
    expect(formatDate('2026-11-12T15:04:00Z', 'date', { locale: 'en-GB', timeZone: 'UTC' })).toBe('12 Nov 2026')
    expect(formatDate('2026-11-12T15:04:00Z', 'date', { locale: 'en-US', timeZone: 'UTC' })).toBe('Nov 12, 2026')
    expect(formatDate('2026-11-12T15:04:00Z', 'date', { locale: 'de', timeZone: 'UTC' })).toBe('12. Nov. 2026')
    expect(formatDate('2026-11-12T15:04:00Z', 'time', { locale: 'en-GB', timeZone: 'UTC' })).toBe('15:04')
  })

  it('keeps a calendar day the same day wherever the reader is', () => {
    expect(formatCalendarDay('2026-03-03', 'weekday-date', { locale: 'en-GB' })).toMatch(/^Tuesday,? 3 March 2026$/)
    expect(formatCalendarDay('2026-03-03T00:00:00Z', 'day-month', { locale: 'en-GB' })).toBe('3 Mar')
  })

  it('prints nothing for a date that is not one, and survives an unknown locale', () => {
    expect(formatDate('not a date')).toBe('')
    expect(formatDate('2026-11-12T15:04:00Z', 'date', { locale: 'xx-invalid-@@', timeZone: 'UTC' })).not.toBe('')
  })

  it('takes the first known language of Accept-Language', () => {
    expect(localeFromAcceptLanguage('fr-CH, fr;q=0.9, en;q=0.8')).toBe('fr-CH')
    expect(localeFromAcceptLanguage('*')).toBe('en')
    expect(localeFromAcceptLanguage(undefined, 'en-GB')).toBe('en-GB')
  })
})
