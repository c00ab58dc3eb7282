// Labels, colours, cell formats and axes shared by the media insights charts and their tables.
import type { ChartOptions } from 'chart.js'
import { MEDIA_KIND_LABELS } from '#shared/media/kinds'
import type { InsightBucket } from '#shared/schemas/media-insights'
import type { InsightKind } from '#shared/types/media-insights'
import type { CsvCell } from '~/utils/csv'
import { formatBytes } from '~/utils/format'
import { formatCalendarDay } from '../dates'
import type { DateStyle } from '../dates'

export const KIND_COLOURS: Record<InsightKind, string> = {
  video: '#6366f1', image: '#0ea5e9', pdf: '#ef4444', slides: '#f97316', document: '#16a34a', audio: '#a855f7', archive: '#78716c', other: '#a3a3a3',
}
export const INSIGHT_KINDS = Object.keys(KIND_COLOURS) as InsightKind[]
export const kindLabel = (kind: InsightKind) => (kind === 'other' ? 'Other' : MEDIA_KIND_LABELS[kind])

/** A day of an ISO date, in UTC (the server's buckets are UTC days). */
export const day = (iso: string, style: DateStyle = 'date') => formatCalendarDay(iso, style)
export const bucketLabel = (bucket: string, unit: InsightBucket) =>
  unit === 'month' ? day(bucket, 'month-year') : unit === 'week' ? `Week of ${day(bucket, 'day-month')}` : day(bucket, 'day-month')

export const bytesCell = (value: CsvCell) => (typeof value === 'number' ? formatBytes(value) : '—')
export const dayCell = (value: CsvCell) => (typeof value === 'string' ? day(value) : '—')
export const percentCell = (value: CsvCell) => (typeof value === 'number' ? `${value} %` : '—')
export const shortName = (name: string) => (name.length > 28 ? `${name.slice(0, 27)}…` : name)

export const bytesAxis = { beginAtZero: true, ticks: { callback: (value: string | number) => formatBytes(Number(value)) } }
export const countAxis = (title: string) => ({ beginAtZero: true, ticks: { precision: 0 }, title: { display: true, text: title } })
export const legendBottom = { legend: { position: 'bottom' as const } }
export const bytesTooltip = { tooltip: { callbacks: { label: (item: { dataset: { label?: string }, parsed: { x: number, y: number } }) => `${item.dataset.label}: ${formatBytes(item.parsed.y)}` } } }
/** A horizontal bar chart of sizes, one colour per bar, no legend. */
export const bytesBarOptions: ChartOptions<'bar'> = {
  indexAxis: 'y',
  plugins: { legend: { display: false }, tooltip: { callbacks: { label: item => formatBytes(item.parsed.x ?? 0) } } },
  scales: { x: bytesAxis },
}

/** The CSV's file name: the figure and the range it covers. */
export const csvFileName = (figure: string, range: { from: string, to: string } | undefined) =>
  range ? `media-${figure}-${range.from}-to-${range.to}.csv` : `media-${figure}.csv`
