// Counting the SQL statements behind one piece of work, so a test can prove a claim such as "one
// page of messages is one statement" against the real server. Active only when the server runs
// with LECTERN_QUERY_COUNTING=1 (Prisma's query log is on only then) AND the request asks with
// `x-lectern-count-queries: 1` and the internal bearer token (server/middleware/02.query-count.ts).
//
// What is counted: the statements Prisma reports through `$on('query')` (checked with both driver
// adapters, PrismaPg and PGlite: the event fires after each statement, inside the caller's async
// context) while `work` runs. A route wraps only the call it makes a claim about, so the session,
// user and access checks before it are not in the figure; AsyncLocalStorage keeps concurrent
// requests' statements apart. Prisma reports a transaction's statements and its COMMIT, not its
// BEGIN.
import { AsyncLocalStorage } from 'node:async_hooks'
import type { H3Event } from 'h3'

declare module 'h3' {
  interface H3EventContext {
    /** Set by the query-count middleware for an internal caller that asked. */
    countQueries?: boolean
  }
}

export const QUERY_COUNT_HEADER = 'x-lectern-query-count'

const counters = new AsyncLocalStorage<{ statements: number }>()

/** Prisma's query-event listener (server/database/db.ts). */
export function countStatement(): void {
  const counter = counters.getStore()
  if (counter) counter.statements++
}

/** Runs `work`; when the request asked, answers how many statements it ran in a response header. */
export async function countedQueries<T>(event: H3Event, work: () => Promise<T>): Promise<T> {
  if (!event.context.countQueries) return work()
  const counter = { statements: 0 }
  const result = await counters.run(counter, work)
  setResponseHeader(event, QUERY_COUNT_HEADER, counter.statements)
  return result
}
