// The one date formatter of the UI: every date and time on screen goes through `formatDate`, in
// the reader's locale (their language's order and month names), so a page never mixes
// "12 Nov 2026" with "11/12/2026". Formats are built once per locale, zone and style: building
// an Intl.DateTimeFormat costs far more than using one.
export type DateStyle = 'date' | 'day-month' | 'month-year' | 'date-time' | 'day-month-time' | 'time' | 'weekday-date'

const STYLES: Record<DateStyle, Intl.DateTimeFormatOptions> = {
  'date': { day: 'numeric', month: 'short', year: 'numeric' },
  'day-month': { day: 'numeric', month: 'short' },
  'month-year': { month: 'short', year: 'numeric' },
  'date-time': { day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit' },
  'day-month-time': { day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit' },
  'time': { hour: '2-digit', minute: '2-digit' },
  'weekday-date': { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' },
}

export interface DateFormatOptions {
  /** A BCP 47 tag; the runtime's default (the browser's language) when absent. */
  locale?: string
  /** 'UTC' where server and client must print the same text (server rendering, UTC buckets). */
  timeZone?: string
}

const formats = new Map<string, Intl.DateTimeFormat>()

function formatFor(style: DateStyle, { locale, timeZone }: DateFormatOptions): Intl.DateTimeFormat {
  const key = `${locale ?? ''}|${timeZone ?? ''}|${style}`
  let format = formats.get(key)
  if (!format) {
    try {
      format = new Intl.DateTimeFormat(locale, { ...STYLES[style], timeZone })
    }
    catch {
      format = new Intl.DateTimeFormat(undefined, { ...STYLES[style], timeZone }) // an unknown locale tag
    }
    formats.set(key, format)
  }
  return format
}

export function formatDate(value: string | number | Date, style: DateStyle = 'date', options: DateFormatOptions = {}): string {
  const date = value instanceof Date ? value : new Date(value)
  if (Number.isNaN(date.getTime())) return ''
  return formatFor(style, options).format(date)
}

/** A calendar day (YYYY-MM-DD), which has no time zone: printed as that day wherever the reader is. */
export function formatCalendarDay(day: string, style: DateStyle = 'date', options: Omit<DateFormatOptions, 'timeZone'> = {}): string {
  return formatDate(`${day.slice(0, 10)}T12:00:00Z`, style, { ...options, timeZone: 'UTC' })
}

/** The first language of an Accept-Language header that Intl knows, for the server's render. */
export function localeFromAcceptLanguage(header: string | undefined, fallback = 'en'): string {
  for (const part of (header ?? '').split(',')) {
    const tag = part.split(';')[0]!.trim()
    if (!tag || tag === '*') continue
    try {
      if (Intl.DateTimeFormat.supportedLocalesOf([tag]).length) return tag
    }
    catch {
      // not a well-formed tag: try the next
    }
  }
  return fallback
}
