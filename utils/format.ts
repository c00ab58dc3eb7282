// Human-readable sizes, speeds and durations for the studio.
import { formatCalendarDay } from './dates'

export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`
  const units = ['KB', 'MB', 'GB', 'TB']
  let value = bytes / 1024
  let unit = 0
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024
    unit++
  }
  return `${value.toFixed(value < 10 ? 1 : 0)} ${units[unit]}`
}

/** 65 → "1:05", 3725 → "1:02:05". */
export function formatDuration(seconds: number): string {
  const s = Math.max(0, Math.round(seconds))
  const h = Math.floor(s / 3600)
  const m = Math.floor((s % 3600) / 60)
  const rest = String(s % 60).padStart(2, '0')
  return h ? `${h}:${String(m).padStart(2, '0')}:${rest}` : `${m}:${rest}`
}

/** Time left as people say it: "12 s left", "3 min left". */
export function formatTimeLeft(seconds: number): string {
  if (!Number.isFinite(seconds) || seconds < 0) return ''
  if (seconds < 60) return `${Math.max(1, Math.round(seconds))} s left`
  if (seconds < 3600) return `${Math.round(seconds / 60)} min left`
  return `${(seconds / 3600).toFixed(1)} h left`
}

/** Total course length as a catalog shows it: "45 min", "3 h 20 min". */
export function formatLength(seconds: number): string {
  const minutes = Math.round(seconds / 60)
  if (minutes < 60) return `${Math.max(1, minutes)} min`
  const h = Math.floor(minutes / 60)
  const m = minutes % 60
  return m ? `${h} h ${m} min` : `${h} h`
}

// One formatter per currency: building an Intl.NumberFormat costs far more than using one, and
// the catalog formats a price on every card it renders (bench/ssr.bench.ts). Using one still costs
// ~10 µs, and catalogs repeat a few price points, so the strings are kept too (a bounded number).
const priceFormats = new Map<string, Intl.NumberFormat>()
const priceTexts = new Map<string, string>()
const MAX_PRICE_TEXTS = 1000

/** A course's price: "Free" or "$29.00" in its currency. */
export function formatPrice(priceCents: number | null, currency: string): string {
  if (priceCents === null) return 'Free'
  const key = `${currency} ${priceCents}`
  const known = priceTexts.get(key)
  if (known !== undefined) return known
  let format = priceFormats.get(currency)
  if (!format) {
    format = new Intl.NumberFormat('en', { style: 'currency', currency })
    priceFormats.set(currency, format)
  }
  const text = format.format(priceCents / 100)
  if (priceTexts.size >= MAX_PRICE_TEXTS) priceTexts.clear()
  priceTexts.set(key, text)
  return text
}

/** "1 file", "12 files". */
export function fileCount(count: number): string {
  return count === 1 ? '1 file' : `${count} files`
}

/**
 * A calendar day (YYYY-MM-DD) as a heading says it: "Tuesday, 3 March 2026" in the reader's
 * locale (useReaderLocale: the server renders in it too, so hydration matches).
 */
export function formatDayLabel(day: string, locale?: string): string {
  return formatCalendarDay(day, 'weekday-date', { locale })
}
