import { describe, expect, it } from 'vitest'
import { MediaInsightsRangeInput, rangeQueryOf, resolveInsightsRange } from '../../shared/schemas/media-insights'
import { toCsv } from '../../utils/csv'

const errors = (input: unknown) => {
  const result = MediaInsightsRangeInput.safeParse(input)
  return result.success ? {} : Object.fromEntries(result.error.issues.map(i => [i.path.join('.'), i.message]))
}

describe('media insights range', () => {
  it('defaults to the last 30 days and ignores dates unless the range is custom', () => {
    expect(MediaInsightsRangeInput.parse({})).toEqual({ preset: '30d' })
    expect(rangeQueryOf(MediaInsightsRangeInput.parse({ preset: '7d', from: '2020-01-01', to: '' }))).toEqual({ preset: '7d' })
  })

  it('says what is wrong with a custom range', () => {
    expect(errors({ preset: 'custom' })).toEqual({ from: 'Choose a start date', to: 'Choose an end date' })
    expect(errors({ preset: 'custom', from: '2026-02-30', to: '2026-03-01' })).toEqual({ from: 'Use a date like 2026-01-31' })
    expect(errors({ preset: 'custom', from: '2025-03-02', to: '2025-03-01' })).toEqual({ to: 'The end must be on or after the start' })
    expect(errors({ preset: 'custom', from: '2022-01-01', to: '2024-01-02' })).toEqual({ to: 'Choose at most two years' })
    expect(errors({ preset: 'custom', from: '2022-01-01', to: '2023-12-31' })).toEqual({})
    expect(errors({ preset: 'custom', from: '2025-01-01', to: '2999-01-01' })).toEqual({ to: 'The end cannot be in the future' })
  })

  it('resolves presets back from today (UTC) with buckets by span: days to a month, weeks to half a year, then months', () => {
    const now = new Date('2026-11-26T22:30:00Z') // a Thursday
    expect(resolveInsightsRange({ preset: '7d' }, now)).toMatchObject({ from: '2026-11-20', to: '2026-11-26', bucket: 'day' })
    expect(resolveInsightsRange({ preset: '7d' }, now).buckets).toHaveLength(7)
    const quarter = resolveInsightsRange({ preset: '90d' }, now)
    expect(quarter).toMatchObject({ from: '2026-08-29', to: '2026-11-26', bucket: 'week' })
    expect(quarter.buckets[0]).toBe('2026-08-24') // the Monday of the first week
    expect(quarter.buckets.at(-1)).toBe('2026-11-23')
    const year = resolveInsightsRange({ preset: '12m' }, now)
    expect(year).toMatchObject({ from: '2025-12-01', to: '2026-11-26', bucket: 'month' })
    expect(year.buckets).toEqual(['2025-12-01', '2026-01-01', '2026-02-01', '2026-03-01', '2026-04-01', '2026-05-01', '2026-06-01', '2026-07-01', '2026-08-01', '2026-09-01', '2026-10-01', '2026-11-01'])
    expect(resolveInsightsRange({ preset: 'custom', from: '2026-01-01', to: '2026-01-31' }, now).bucket).toBe('day')
    expect(resolveInsightsRange({ preset: 'custom', from: '2026-01-01', to: '2026-02-01' }, now).bucket).toBe('week')
    expect(resolveInsightsRange({ preset: 'custom', from: '2025-01-01', to: '2026-01-01' }, now).bucket).toBe('month')
  })
})

describe('toCsv', () => {
  it('quotes what needs quoting, keeps numbers plain and disarms spreadsheet formulas', () => {
    expect(toCsv(['Name', 'Bytes'], [['plain.pdf', 12], ['a, "b".zip', 0], ['=SUM(A1)', null], ['-1', 3], [' padded', 1]]))
      .toBe('Name,Bytes\r\nplain.pdf,12\r\n"a, ""b"".zip",0\r\n\'=SUM(A1),\r\n\'-1,3\r\n" padded",1\r\n')
  })
})
