// CSV (RFC 4180) for the insights tables' "Export CSV". A dozen lines instead of a dependency:
// the rows are already plain strings and numbers, only quoting is needed, plus one guard a
// generic library would not add by default: a cell starting with = + - @ (a file name, say) is
// prefixed with ' so spreadsheets show it as text instead of running it as a formula.
export type CsvCell = string | number | null

function cell(value: CsvCell): string {
  if (value === null) return ''
  if (typeof value === 'number') return String(value)
  const text = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value
  return /[",\r\n]/.test(text) || text.trim() !== text ? `"${text.replaceAll('"', '""')}"` : text
}

export function toCsv(header: string[], rows: CsvCell[][]): string {
  return [header, ...rows].map(row => row.map(cell).join(',')).join('\r\n') + '\r\n'
}
