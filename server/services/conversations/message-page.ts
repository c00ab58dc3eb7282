// One page of a conversation, newest first on (targetDate, createdAt, id), in ONE SQL statement:
// the messages the reader may see, with their senders (a join, not a second query). The cursor
// is the last row's key, so concurrent inserts never shift a page (no gaps, no repeats).
import type { MessagePage } from '#shared/types/messages'
import { AppError } from '../../utils/errors'
import { useDb } from '../../utils/db'
import { Prisma } from '../../generated/prisma/client'
import { toChatMessage } from './message-dto'
import type { MessageRow } from './message-dto'
import type { ConversationReader } from './reader'

interface Cursor { d: string, c: string, i: string }

export function encodeCursor(row: { targetDate: string, createdAt: string, id: string }): string {
  return Buffer.from(JSON.stringify({ d: row.targetDate, c: row.createdAt, i: row.id })).toString('base64url')
}

function decodeCursor(cursor: string): Cursor {
  try {
    const parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString()) as Cursor
    if (typeof parsed.d !== 'string' || typeof parsed.c !== 'string' || typeof parsed.i !== 'string' || Number.isNaN(Date.parse(parsed.c))) throw new Error('bad')
    return parsed
  }
  catch {
    throw new AppError('VALIDATION', 'The page cursor is not valid', { fields: { before: ['Not a cursor from this conversation'] } })
  }
}

type Row = Omit<MessageRow, 'sender'> & { senderId: string | null, senderName: string | null, senderRole: 'INSTRUCTOR' | 'STUDENT' | 'OBSERVER' | null }

export async function messagePage(reader: ConversationReader, { before, limit }: { before?: string, limit: number }): Promise<MessagePage> {
  const cursor = before ? decodeCursor(before) : null
  const observerOnly = reader.role === 'observer'
  const rows = await useDb().$queryRaw<Row[]>`
    SELECT m.id, m."conversationId", m.type, m.body, to_char(m."targetDate", 'YYYY-MM-DD') AS "targetDate", m."createdAt",
           m."courseId", m.payload, m.access, m."clientKey",
           u.id AS "senderId", u.name AS "senderName", u.role AS "senderRole"
    FROM "Message" m
    LEFT JOIN "User" u ON u.id = m."senderId"
    WHERE m."conversationId" = ${reader.conversation.id}
      ${cursor ? Prisma.sql`AND (m."targetDate", m."createdAt", m.id) < (${cursor.d}::date, ${cursor.c}::timestamp, ${cursor.i})` : Prisma.empty}
      ${observerOnly ? Prisma.sql`AND (m.access = 'OBSERVERS' OR EXISTS (SELECT 1 FROM "MessageGrant" g WHERE g."messageId" = m.id AND g."userId" = ${reader.userId}))` : Prisma.empty}
    ORDER BY m."targetDate" DESC, m."createdAt" DESC, m.id DESC
    LIMIT ${limit + 1}`
  const page = rows.slice(0, limit).map(row => toChatMessage({
    ...row,
    sender: row.senderId ? { id: row.senderId, name: row.senderName ?? '', role: row.senderRole ?? 'STUDENT' } : null,
  }))
  const oldest = page.at(-1)
  return {
    messages: page.reverse(),
    olderCursor: rows.length > limit && oldest ? encodeCursor(oldest) : null,
  }
}
