// The media insights page's time range: a preset, or a custom from/to of whole UTC days. The
// same schema validates the studio's range form and the analytics routes' query, and
// `resolveInsightsRange` turns either into the exact instants and chart buckets the server uses.
import { z } from 'zod'

export const INSIGHT_RANGE_PRESETS = ['7d', '30d', '90d', '12m', 'custom'] as const
export type InsightRangePreset = typeof INSIGHT_RANGE_PRESETS[number]
export const INSIGHT_RANGE_LABELS: Record<InsightRangePreset, string> = {
  '7d': 'Last 7 days', '30d': 'Last 30 days', '90d': 'Last 90 days', '12m': 'Last 12 months', 'custom': 'Custom',
}
export const DEFAULT_INSIGHT_PRESET: InsightRangePreset = '30d'

export type InsightBucket = 'day' | 'week' | 'month'

const DAY = 86_400_000
/** The longest custom range: two years of days (a leap year included). */
export const MAX_RANGE_DAYS = 731

const isoDay = (value: string) => {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return null
  const date = new Date(`${value}T00:00:00Z`)
  return Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10) !== value ? null : date
}
const utcToday = (now: Date) => new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()))

/** Days are UTC days; a user east of UTC may already be on tomorrow, so "today" allows one day ahead. */
const latestAllowedDay = (now: Date) => new Date(utcToday(now).getTime() + DAY)

const optionalDay = z.string().trim().max(10).optional().transform(v => v || undefined)

/** "Today" is read at each check (in the refinement), not when the module loaded. */
export const MediaInsightsRangeInput = z.object({
  preset: z.enum(INSIGHT_RANGE_PRESETS).default(DEFAULT_INSIGHT_PRESET),
  from: optionalDay,
  to: optionalDay,
}).superRefine((value, ctx) => {
  if (value.preset !== 'custom') return
  const from = value.from ? isoDay(value.from) : null
  const to = value.to ? isoDay(value.to) : null
  if (!value.from) ctx.addIssue({ code: 'custom', path: ['from'], message: 'Choose a start date' })
  else if (!from) ctx.addIssue({ code: 'custom', path: ['from'], message: 'Use a date like 2026-01-31' })
  if (!value.to) ctx.addIssue({ code: 'custom', path: ['to'], message: 'Choose an end date' })
  else if (!to) ctx.addIssue({ code: 'custom', path: ['to'], message: 'Use a date like 2026-01-31' })
  if (!from || !to) return
  const latest = latestAllowedDay(new Date())
  // One message per field, the most useful first.
  if (from > latest) ctx.addIssue({ code: 'custom', path: ['from'], message: 'The start cannot be in the future' })
  if (to > latest) ctx.addIssue({ code: 'custom', path: ['to'], message: 'The end cannot be in the future' })
  else if (from > to) ctx.addIssue({ code: 'custom', path: ['to'], message: 'The end must be on or after the start' })
  else if ((to.getTime() - from.getTime()) / DAY + 1 > MAX_RANGE_DAYS) ctx.addIssue({ code: 'custom', path: ['to'], message: 'Choose at most two years' })
})
export type MediaInsightsRangeInput = z.infer<typeof MediaInsightsRangeInput>

/** What the routes' query string carries: only the preset, or the preset with its days. */
export type MediaInsightsRangeQuery = { preset: Exclude<InsightRangePreset, 'custom'> } | { preset: 'custom', from: string, to: string }

export function rangeQueryOf(input: MediaInsightsRangeInput): MediaInsightsRangeQuery {
  return input.preset === 'custom' ? { preset: 'custom', from: input.from!, to: input.to! } : { preset: input.preset }
}

export interface ResolvedInsightsRange {
  preset: InsightRangePreset
  /** First day, YYYY-MM-DD (UTC). */
  from: string
  /** Last day, inclusive, YYYY-MM-DD (UTC). */
  to: string
  bucket: InsightBucket
  /** The start day of every bucket from the one holding `from` to the one holding `to`, oldest first. */
  buckets: string[]
}

const ymd = (date: Date) => date.toISOString().slice(0, 10)

/** Monday 00:00 UTC of a date's week (PostgreSQL's date_trunc('week') agrees). */
function bucketStart(date: Date, bucket: InsightBucket): Date {
  if (bucket === 'month') return new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), 1))
  if (bucket === 'week') return new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate() - ((date.getUTCDay() + 6) % 7)))
  return utcToday(date)
}
function nextBucket(date: Date, bucket: InsightBucket): Date {
  if (bucket === 'month') return new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + 1, 1))
  return new Date(date.getTime() + (bucket === 'week' ? 7 : 1) * DAY)
}

/** Day buckets up to a month, weeks up to half a year, months beyond: 7–~105 points. */
export function bucketForSpan(days: number): InsightBucket {
  return days <= 31 ? 'day' : days <= 183 ? 'week' : 'month'
}

/** A validated input → its days and buckets. Presets end today (UTC) and reach back from it. */
export function resolveInsightsRange(input: MediaInsightsRangeInput, now = new Date()): ResolvedInsightsRange {
  const today = utcToday(now)
  let from: Date
  let to = today
  switch (input.preset) {
    case 'custom':
      from = isoDay(input.from!)!
      to = isoDay(input.to!)!
      break
    case '7d': from = new Date(today.getTime() - 6 * DAY)
      break
    case '30d': from = new Date(today.getTime() - 29 * DAY)
      break
    case '90d': from = new Date(today.getTime() - 89 * DAY)
      break
    case '12m': from = new Date(Date.UTC(today.getUTCFullYear(), today.getUTCMonth() - 11, 1))
      break
  }
  const bucket = input.preset === '12m' ? 'month' : bucketForSpan((to.getTime() - from.getTime()) / DAY + 1)
  const buckets: string[] = []
  for (let b = bucketStart(from, bucket); b <= to; b = nextBucket(b, bucket)) buckets.push(ymd(b))
  return { preset: input.preset, from: ymd(from), to: ymd(to), bucket, buckets }
}

/** The instants a resolved range covers: [start, end) with `end` the day after `to`. */
export function rangeInstants(range: Pick<ResolvedInsightsRange, 'from' | 'to'>): { start: Date, end: Date } {
  return { start: new Date(`${range.from}T00:00:00Z`), end: new Date(new Date(`${range.to}T00:00:00Z`).getTime() + DAY) }
}
