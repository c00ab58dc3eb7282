// One page of a conversation on the key (targetDate, createdAt, id), in ONE SQL statement: the
// messages the reader may see, with their senders (a join, not a second query), their
// attachments' metadata and the attachment each points at (correlated subqueries over the page's
// few rows; a referenced file the reader may not see comes back as null). A page is the
// newest messages, those before a cursor (scrolling up), those after one (scrolling down after a
// jump), or those around a day (a jump: that day onward plus the ones just before it, a UNION ALL
// of two keyset-limited index scans). Cursors are a row's key, so concurrent inserts never shift
// a page (no gaps, no repeats).
import type { MessagePageQuery } from '#shared/schemas/conversation'
import type { MessagePage } from '#shared/types/conversation'
import { AppError } from '../../utils/errors'
import { useDb } from '../../database/db'
import { Prisma } from '../../generated/prisma/client'
import { toChatMessage } from './message-dto'
import type { MessageRow } from './message-dto'
import type { ConversationReader } from './conversation-access'

interface Cursor { d: string, c: string, i: string }

function encodeCursor(row: { targetDate: string, createdAt: string, id: string }): string {
  return Buffer.from(JSON.stringify({ d: row.targetDate, c: row.createdAt, i: row.id })).toString('base64url')
}

function decodeCursor(cursor: string, field: 'before' | 'after'): Cursor {
  try {
    const parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString()) as Cursor
    if (typeof parsed.d !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(parsed.d) || Number.isNaN(Date.parse(parsed.d))) throw new Error('bad day')
    if (typeof parsed.c !== 'string' || Number.isNaN(Date.parse(parsed.c))) throw new Error('bad time')
    if (typeof parsed.i !== 'string' || parsed.i.length > 64) throw new Error('bad id')
    return parsed
  }
  catch {
    throw new AppError('VALIDATION', 'The page cursor is not valid', { fields: { [field]: ['Not a cursor from this conversation'] } })
  }
}

type Row = Omit<MessageRow, 'sender' | 'reference'> & { referenceMessageId: string | null, referenceAttachment: MessageRow['attachments'][number] | null, hasReference: boolean } & { side: 'older' | 'newer', senderId: string | null, senderName: string | null, senderRole: 'INSTRUCTOR' | 'STUDENT' | 'OBSERVER' | null }

/** One keyset-limited scan: rows on one side of a position, nearest first, at most `take`. */
interface Side { side: 'older' | 'newer', where: Prisma.Sql, take: number }

const keyOf = (c: Cursor) => Prisma.sql`(${c.d}::date, ${c.c}::timestamp, ${c.i})`

/**
 * The one statement: each side scans the (conversationId, targetDate, createdAt, id) index from
 * its position (backwards for older, forwards for newer) and stops at its LIMIT; the sender join
 * and the final oldest-first order apply to those few rows only.
 */
/** An attachment's metadata as JSON, in the shape of MessageAttachment. */
const attachmentJson = (a: string, f: string) => Prisma.raw(`json_build_object('id', ${a}.id, 'name', ${f}."originalName", 'mimeType', ${f}."mimeType",
  'sizeBytes', ${f}."sizeBytes", 'width', ${f}.width, 'height', ${f}.height, 'status', ${f}.status, 'hasThumbnail', ${f}."thumbnailKey" IS NOT NULL)`)

/** May the reader see message `alias`? Participants see all; observers what is shared or granted to them. */
function visibleTo(reader: ConversationReader, alias: string): Prisma.Sql {
  if (reader.role !== 'observer') return Prisma.sql`TRUE`
  const m = Prisma.raw(alias)
  return Prisma.sql`(${m}.access = 'OBSERVERS' OR EXISTS (SELECT 1 FROM "MessageGrant" g WHERE g."messageId" = ${m}.id AND g."userId" = ${reader.userId}))`
}

async function readSides(reader: ConversationReader, sides: Side[]): Promise<Row[]> {
  const visible = reader.role === 'observer' ? Prisma.sql`AND ${visibleTo(reader, 'm')}` : Prisma.empty
  // The instructor also sees whom each message is granted to: a subquery on the page's few rows,
  // still the one statement.
  const grants = reader.role === 'participant' && reader.userId === reader.conversation.instructorId
    ? Prisma.sql`, ARRAY(SELECT g."userId" FROM "MessageGrant" g WHERE g."messageId" = p.id ORDER BY g."userId") AS "grantedTo"`
    : Prisma.empty
  const scans = sides.map(({ side, where, take }) => {
    const order = Prisma.raw(side === 'older' ? 'DESC' : 'ASC')
    return Prisma.sql`(SELECT ${Prisma.raw(`'${side}'`)} AS side, m.* FROM "Message" m
      WHERE m."conversationId" = ${reader.conversation.id} ${where} ${visible}
      ORDER BY m."targetDate" ${order}, m."createdAt" ${order}, m.id ${order}
      LIMIT ${take})`
  })
  return useDb().$queryRaw<Row[]>`
    SELECT p.side, p.id, p."conversationId", p.type, p.body, to_char(p."targetDate", 'YYYY-MM-DD') AS "targetDate", p."createdAt",
           p."courseId", p.payload, p.access, p."clientKey",
           u.id AS "senderId", u.name AS "senderName", u.role AS "senderRole",
           COALESCE((SELECT json_agg(${attachmentJson('a', 'f')} ORDER BY a."createdAt", a.id)
                     FROM "Attachment" a JOIN "MediaFile" f ON f.id = a."mediaFileId" WHERE a."messageId" = p.id), '[]'::json) AS attachments,
           p."referencedAttachmentId" IS NOT NULL AS "hasReference",
           ra."messageId" AS "referenceMessageId",
           CASE WHEN ra.id IS NOT NULL THEN ${attachmentJson('ra', 'rf')} END AS "referenceAttachment" ${grants}
    FROM (${Prisma.join(scans, ' UNION ALL ')}) p
    LEFT JOIN "User" u ON u.id = p."senderId"
    LEFT JOIN ("Attachment" ra JOIN "MediaFile" rf ON rf.id = ra."mediaFileId" JOIN "Message" rm ON rm.id = ra."messageId" AND ${visibleTo(reader, 'rm')})
      ON ra.id = p."referencedAttachmentId"
    ORDER BY p."targetDate", p."createdAt", p.id`
}

function toMessages(rows: Row[]) {
  return rows.map(({ side: _side, senderId, senderName, senderRole, hasReference, referenceMessageId, referenceAttachment, ...row }) => toChatMessage({
    ...row,
    sender: senderId ? { id: senderId, name: senderName ?? '', role: senderRole ?? 'STUDENT' } : null,
    reference: hasReference ? { messageId: referenceAttachment ? referenceMessageId : null, attachment: referenceAttachment } : null,
  }))
}

const cursorAt = (message: { targetDate: string, createdAt: string, id: string } | undefined) => (message ? encodeCursor(message) : null)

export async function getMessagePage(reader: ConversationReader, { before, after, around, limit }: MessagePageQuery): Promise<MessagePage> {
  if (around) {
    // limit + 1 on each side: enough to fill the page from one side when the other runs short,
    // and to know whether more lie beyond.
    const rows = await readSides(reader, [
      { side: 'newer', where: Prisma.sql`AND m."targetDate" >= ${around}::date`, take: limit + 1 },
      { side: 'older', where: Prisma.sql`AND m."targetDate" < ${around}::date`, take: limit + 1 },
    ])
    const older = rows.filter(r => r.side === 'older')
    const newer = rows.filter(r => r.side === 'newer')
    // Half the page before the day, the rest from the day on; a short side leaves its room to the other.
    let olderCount = Math.min(older.length, Math.floor(limit / 2))
    const newerCount = Math.min(newer.length, limit - olderCount)
    olderCount = Math.min(older.length, limit - newerCount)
    const messages = toMessages([...older.slice(older.length - olderCount), ...newer.slice(0, newerCount)])
    return {
      messages,
      olderCursor: older.length > olderCount ? cursorAt(messages[0]) : null,
      newerCursor: newer.length > newerCount ? cursorAt(messages.at(-1)) : null,
    }
  }
  if (after) {
    const cursor = decodeCursor(after, 'after')
    const rows = await readSides(reader, [{ side: 'newer', where: Prisma.sql`AND (m."targetDate", m."createdAt", m.id) > ${keyOf(cursor)}`, take: limit + 1 }])
    const messages = toMessages(rows.slice(0, limit))
    return {
      messages,
      // The cursor's own message is older than this page, so there is always an older side.
      olderCursor: cursorAt(messages[0]) ?? after,
      newerCursor: rows.length > limit ? cursorAt(messages.at(-1)) : null,
    }
  }
  const cursor = before ? decodeCursor(before, 'before') : null
  const rows = await readSides(reader, [{ side: 'older', where: cursor ? Prisma.sql`AND (m."targetDate", m."createdAt", m.id) < ${keyOf(cursor)}` : Prisma.empty, take: limit + 1 }])
  const messages = toMessages(rows.slice(rows.length > limit ? 1 : 0))
  return {
    messages,
    olderCursor: rows.length > limit ? cursorAt(messages[0]) : null,
    // The newest page has nothing newer; a page before a cursor has at least the cursor's message.
    newerCursor: before ? (cursorAt(messages.at(-1)) ?? before) : null,
  }
}
