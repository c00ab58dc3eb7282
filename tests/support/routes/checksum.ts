// A checksum of the whole database, table by table, so "nothing was written" is a comparison.
import type pg from 'pg'

/**
 * Tables left out, because they change without anyone touching another person's data:
 * - Session: every authenticated request moves its row's last use, and sign-in writes one.
 * - Job: the job runner leases and reschedules its recurring jobs on its own clock.
 * - The analytics summaries: only the insights:refresh job writes them, a minute apart on its own
 *   clock, from the rows checked here (a refused request that wrote would show in those).
 * - _prisma_migrations: not Lectern's data.
 */
const SUMMARY_TABLES = ['InsightsRefresh', 'ConversationDayCount', 'NoteResponse', 'MediaFileFigure', 'LessonViewDay']
export const UNCHECKED_TABLES = new Set(['Session', 'Job', ...SUMMARY_TABLES, '_prisma_migrations'])

export type Checksum = Record<string, string>

let tables: string[] | undefined

/**
 * md5 of every row's text per table, in a stable order. `ignoring` leaves out the rows whose text
 * mentions one of these ids (a caller's own rows, when a route may change those).
 */
export async function databaseChecksum(sql: pg.Client, ignoring: string[] = []): Promise<Checksum> {
  tables ??= (await sql.query<{ name: string }>(`SELECT table_name AS name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY 1`))
    .rows.map(r => r.name).filter(name => !UNCHECKED_TABLES.has(name))
  const patterns = ignoring.map(id => `%${id}%`)
  const query = tables.map((name, index) =>
    `SELECT ${index} AS i, md5(coalesce(string_agg(t::text, '|' ORDER BY t::text), '')) AS sum FROM "${name}" t WHERE NOT (t::text LIKE ANY ($1::text[]))`,
  ).join(' UNION ALL ')
  const { rows } = await sql.query<{ i: number, sum: string }>(query, [patterns])
  return Object.fromEntries(rows.map(row => [tables![row.i]!, row.sum]))
}

/** The tables whose checksum differs. */
export function changedTables(before: Checksum, after: Checksum): string[] {
  return Object.keys({ ...before, ...after }).filter(name => before[name] !== after[name]).sort()
}

/** Every row of every checked table, as text with its id: for routes that may write the caller's own rows. */
export type RowSnapshot = Map<string, { id: string | null, table: string }>

export async function rowSnapshot(sql: pg.Client): Promise<RowSnapshot> {
  await databaseChecksum(sql)
  const query = tables!.map(name => `SELECT '${name}' AS "table", t::text AS row, to_jsonb(t)->>'id' AS id FROM "${name}" t`).join(' UNION ALL ')
  const { rows } = await sql.query<{ table: string, row: string, id: string | null }>(query)
  return new Map(rows.map(r => [`${r.table} ${r.row}`, { id: r.id, table: r.table }]))
}

/**
 * The rows added, changed or removed between two snapshots that are not the caller's: a row is
 * theirs when it mentions their id, or the id of another changed row that does (their new
 * conversation's first message, say).
 */
export function othersRowsChanged(before: RowSnapshot, after: RowSnapshot, callerId: string): string[] {
  const changed = [...[...after.keys()].filter(key => !before.has(key)), ...[...before.keys()].filter(key => !after.has(key))]
  const owned = new Set([callerId])
  for (const key of changed) {
    const row = after.get(key) ?? before.get(key)!
    if (key.includes(callerId) && row.id) owned.add(row.id)
  }
  return changed.filter(key => ![...owned].some(id => key.includes(id))).map(key => key.slice(0, 300))
}
