// Folds the messages written since the last run into the conversation summaries
// (ConversationDayCount, NoteResponse), in batches of Message.seq. Incremental: a run reads only
// rows after the watermark (InsightsRefresh.lastSeq), and the counts and the watermark move in
// one transaction, so a run that fails or is run twice adds nothing twice.
//
// Late commits: a send's transaction may commit after a later one's row is already folded in.
// Rows younger than `settleSeconds` (by createdAt) stop the run at the first of them, so the
// watermark never passes a row whose transaction may still be open; a send holds its transaction
// for milliseconds, so the default 10 s is plenty. Answer times: a note's first response is one
// probe of a partial index (responses only); a new response updates only notes still waiting, or
// answered later than it (a back-dated import), through NoteResponse (conversationId, answeredAt). Messages are never edited or deleted one by
// one (visibility changes do not change what is counted); a conversation's deletion takes its
// summary rows with it (foreign keys, ON DELETE CASCADE).
import type { PrismaClient } from '../../generated/prisma/client'

export const CONVERSATIONS = 'conversations'
/** Rows per transaction: a first run over millions of messages commits as it goes. */
const BATCH = 200_000

export interface ConversationRefresh { from: bigint, to: bigint, messages: number }

export async function refreshConversationSummaries(db: PrismaClient, { settleSeconds = 10, now = new Date() }: { settleSeconds?: number, now?: Date } = {}): Promise<ConversationRefresh> {
  await db.$executeRaw`INSERT INTO "InsightsRefresh" (kind, "lastSeq", "computedAt") VALUES (${CONVERSATIONS}, 0, ${now}::timestamp) ON CONFLICT (kind) DO NOTHING`
  let stop: bigint | undefined
  let first: bigint | null = null
  let last: bigint
  let messages = 0
  for (;;) {
    const batch = await db.$transaction(async (tx) => {
      // One run at a time across instances: a second waits here, then starts after the first's watermark.
      const [mark] = await tx.$queryRaw<{ lastSeq: bigint }[]>`SELECT "lastSeq" FROM "InsightsRefresh" WHERE kind = ${CONVERSATIONS} FOR UPDATE`
      const from = mark!.lastSeq
      if (stop === undefined) {
        // Where this run stops (one pass over the new rows): before the first row too young to
        // fold in, else after the last row there is now.
        const cutoff = new Date(Date.now() - settleSeconds * 1000)
        const [row] = await tx.$queryRaw<{ seq: bigint }[]>`
          SELECT coalesce(min(seq) FILTER (WHERE "createdAt" >= ${cutoff}::timestamp), max(seq) + 1, ${from} + 1) AS seq
          FROM "Message" WHERE seq > ${from}`
        stop = row!.seq
      }
      const [range] = await tx.$queryRaw<{ to: bigint | null, n: number }[]>`
        SELECT max(seq) AS to, count(*)::int AS n FROM (
          SELECT seq FROM "Message" WHERE seq > ${from} AND seq < ${stop} ORDER BY seq LIMIT ${BATCH}
        ) s`
      const to = range?.to ?? from
      if (to > from) {
        await tx.$executeRaw`
          INSERT INTO "ConversationDayCount" ("conversationId", "instructorId", day, type, messages, attachments)
          SELECT m."conversationId", c."instructorId", m."createdAt"::date, m.type, count(*)::int,
                 coalesce(sum((SELECT count(*) FROM "Attachment" a WHERE a."messageId" = m.id)), 0)::int
          FROM "Message" m JOIN "Conversation" c ON c.id = m."conversationId"
          WHERE m.seq > ${from} AND m.seq <= ${to}
          GROUP BY 1, 2, 3, 4
          ON CONFLICT ("conversationId", day, type) DO UPDATE
          SET messages = "ConversationDayCount".messages + EXCLUDED.messages,
              attachments = "ConversationDayCount".attachments + EXCLUDED.attachments`
        // New responses answer the earlier batches' notes still waiting (few: most are answered)...
        await tx.$executeRaw`
          UPDATE "NoteResponse" n SET "answeredAt" = r.at
          FROM (
            SELECT n2."noteId", min(r."createdAt") AS at
            FROM "Message" r JOIN "NoteResponse" n2 ON n2."conversationId" = r."conversationId" AND n2."answeredAt" IS NULL AND n2."notedAt" < r."createdAt"
            WHERE r.seq > ${from} AND r.seq <= ${to} AND r.type = 'INSTRUCTOR_RESPONSE'
            GROUP BY 1
          ) r
          WHERE n."noteId" = r."noteId"`
        // ...and, when back-dated, notes answered only later so far (none for a response written now).
        await tx.$executeRaw`
          UPDATE "NoteResponse" n SET "answeredAt" = r.at
          FROM (
            SELECT n2."noteId", min(r."createdAt") AS at
            FROM "Message" r JOIN "NoteResponse" n2 ON n2."conversationId" = r."conversationId" AND n2."answeredAt" > r."createdAt" AND n2."notedAt" < r."createdAt"
            WHERE r.seq > ${from} AND r.seq <= ${to} AND r.type = 'INSTRUCTOR_RESPONSE'
            GROUP BY 1
          ) r
          WHERE n."noteId" = r."noteId" AND n."answeredAt" > r.at`
        // Then this batch's notes, answered by the first response after them (older than the
        // watermark, in this batch or not folded in yet): inserted after the updates above, so
        // those never walk the batch's own notes.
        await tx.$executeRaw`
          INSERT INTO "NoteResponse" ("noteId", "conversationId", "instructorId", "notedAt", "answeredAt")
          SELECT m.id, m."conversationId", c."instructorId", m."createdAt",
                 (SELECT min(r."createdAt") FROM "Message" r
                  WHERE r."conversationId" = m."conversationId" AND r.type = 'INSTRUCTOR_RESPONSE' AND r."createdAt" > m."createdAt")
          FROM "Message" m JOIN "Conversation" c ON c.id = m."conversationId"
          WHERE m.seq > ${from} AND m.seq <= ${to} AND m.type = 'DAILY_NOTE'
          ON CONFLICT ("noteId") DO NOTHING`
      }
      await tx.$executeRaw`UPDATE "InsightsRefresh" SET "lastSeq" = ${to}, "computedAt" = ${now}::timestamp WHERE kind = ${CONVERSATIONS}`
      return { from, to, n: range?.n ?? 0 }
    }, { maxWait: 60_000, timeout: 10 * 60_000 })
    first ??= batch.from
    last = batch.to
    messages += batch.n
    if (batch.n < BATCH) break
  }
  // After a bulk fold-in (the first run over existing messages, or a catch-up after downtime):
  // the insights read is index-only (get-conversation-insights.ts), which skips the table only
  // on pages vacuum has marked all-visible, and its plan needs the tables' statistics. Autovacuum
  // would get there in its own time (or never, where it is off); a run that folded in at least a
  // batch leaves the summaries vacuumed and analyzed instead. The runs each minute stay small and
  // leave that to autovacuum (1 % thresholds, set in the migration). Not in a transaction: VACUUM
  // cannot run in one.
  if (messages >= BATCH) await db.$executeRawUnsafe('VACUUM (ANALYZE) "ConversationDayCount", "NoteResponse"')
  return { from: first!, to: last, messages }
}
