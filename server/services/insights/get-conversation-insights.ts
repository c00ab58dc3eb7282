// An instructor's conversation insights, per student and per week: message counts by type and
// the median time to answer a student's daily note, and how many files were sent. Read from the
// summaries the insights:refresh job keeps (refresh-conversation-summaries.ts), never from the
// messages themselves: per-day counts summed into weeks, and each note's answer time, whose
// medians GROUPING SETS give per student and week, per student and per week in one pass.
//
// Cost, for a year of one instructor at the bench's 10 M messages (~23 000 day rows, ~25 000
// notes; bench/insights-summaries.bench.ts): both reads are index-only scans of indexes that hold
// every column they need (prisma/schema.prisma). From the tables, an instructor's notes lie ~1 per
// heap page among 100 instructors' (the job appends them in Message.seq order): ~25 000 pages,
// more than shared_buffers, so every 52-week request read them again from the OS cache, most of
// its time; the index holds them on ~300 pages. Rows are grouped on the week as a timestamp and
// on the id in "C" collation, and only each group's week is formatted as text: text keys
// compared in the database's locale and to_char on every row took a third more CPU. Neither
// plan's cost comes near jit_above_cost (100 000), so JIT never compiles them.
import type { MessageType } from '#shared/schemas/conversation'
import { MESSAGE_TYPES } from '#shared/schemas/conversation'
import type { ConversationInsights, InsightWeek, TypeCounts } from '#shared/types/insights'
import { useDb } from '../../database/db'
import { getSummaryTime } from './get-summary-time'

const DAY = 86_400_000

/** Monday 00:00 UTC of the week holding `date`. */
function weekStart(date: Date): Date {
  const day = (date.getUTCDay() + 6) % 7
  return new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate() - day))
}

const emptyCounts = (): TypeCounts => Object.fromEntries(MESSAGE_TYPES.map(t => [t, 0])) as TypeCounts

export async function getConversationInsights({ instructorId, weeks, now = new Date() }: { instructorId: string, weeks: number, now?: Date }): Promise<ConversationInsights> {
  const db = useDb()
  const since = new Date(weekStart(now).getTime() - (weeks - 1) * 7 * DAY)
  const weekList = Array.from({ length: weeks }, (_, i) => new Date(since.getTime() + i * 7 * DAY).toISOString().slice(0, 10))

  const [computedAt, conversations, counts, responses] = await Promise.all([
    getSummaryTime('conversations'),
    db.conversation.findMany({ where: { instructorId }, select: { id: true, student: { select: { id: true, name: true } } }, orderBy: { lastMessageAt: { sort: 'desc', nulls: 'last' } } }),
    db.$queryRaw<{ conversationId: string, week: string, type: MessageType, n: number, files: number }[]>`
      SELECT "conversationId", to_char(week, 'YYYY-MM-DD') AS week, type, n, files FROM (
        SELECT "conversationId", date_trunc('week', day) AS week, type, sum(messages)::int AS n, sum(attachments)::int AS files
        FROM "ConversationDayCount"
        WHERE "instructorId" = ${instructorId} AND day >= ${since.toISOString().slice(0, 10)}::date
        GROUP BY 1, 2, 3
      ) d`,
    db.$queryRaw<{ conversationId: string | null, week: string | null, median: number | null }[]>`
      SELECT "conversationId", to_char(week, 'YYYY-MM-DD') AS week, median FROM (
        SELECT "conversationId" COLLATE "C" AS "conversationId", date_trunc('week', "notedAt") AS week,
               percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM "answeredAt" - "notedAt"))::float AS median
        FROM "NoteResponse"
        WHERE "instructorId" = ${instructorId} AND "notedAt" >= ${since}::timestamp AND "answeredAt" IS NOT NULL
        GROUP BY GROUPING SETS ((1, 2), (1), (2))
      ) m`,
  ])

  const blankWeek = (week: string): InsightWeek => ({ week, counts: emptyCounts(), attachments: 0, medianResponseSeconds: null })
  const perStudent = new Map(conversations.map(c => [c.id, new Map(weekList.map(w => [w, blankWeek(w)]))]))
  const overall = new Map(weekList.map(w => [w, blankWeek(w)]))
  for (const row of counts) {
    const week = perStudent.get(row.conversationId)?.get(row.week)
    if (week) {
      week.counts[row.type] += row.n
      week.attachments += row.files
    }
    const all = overall.get(row.week)
    if (all) {
      all.counts[row.type] += row.n
      all.attachments += row.files
    }
  }
  const studentMedian = new Map<string, number>()
  for (const row of responses) {
    const median = row.median === null ? null : Math.round(row.median)
    if (row.conversationId && row.week) {
      const week = perStudent.get(row.conversationId)?.get(row.week)
      if (week) week.medianResponseSeconds = median
    }
    else if (row.conversationId && median !== null) studentMedian.set(row.conversationId, median)
    else if (row.week) {
      const week = overall.get(row.week)
      if (week) week.medianResponseSeconds = median
    }
  }
  return {
    computedAt,
    weeks: weekList,
    overall: [...overall.values()],
    students: conversations.map((c) => {
      const studentWeeks = [...perStudent.get(c.id)!.values()]
      const totals = { ...emptyCounts(), attachments: 0 }
      for (const week of studentWeeks) {
        for (const type of MESSAGE_TYPES) totals[type] += week.counts[type]
        totals.attachments += week.attachments
      }
      return { studentId: c.student.id, name: c.student.name, conversationId: c.id, totals, medianResponseSeconds: studentMedian.get(c.id) ?? null, weeks: studentWeeks }
    }),
  }
}
