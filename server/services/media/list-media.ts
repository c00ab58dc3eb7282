// The instructor's library, one page at a time, in ONE statement: their lesson videos and library
// files (not attachments, not the trash), searched by any part of the name, filtered by kind and
// by whether they are used and by tag, sorted, with keyset pagination (a cursor is the last row's sort key
// and id, so files added or removed meanwhile never shift a page: no gaps, no repeats) and the
// total of all matching files.
//
// Usage counts come from the database, never from link rows loaded into Node: for the page's
// rows by index lookups (media-sql.ts), and when the sort or the filter needs every file's count,
// from one aggregate over the owner's links and lessons joined to their course (live or trashed).
import type { MediaListQuery } from '#shared/schemas/media'
import type { MediaPage } from '#shared/types/media'
import type { MediaKind } from '#shared/media/kinds'
import { MEDIA_EXTENSIONS, mediaKindExtensions } from '#shared/media/kinds'
import { Prisma } from '../../generated/prisma/client'
import { AppError } from '../../utils/errors'
import { useDb } from '../../database/db'
import { fileColumns, inLibrary, usageCountsLateral } from './media-sql'
import { toMediaItem } from './media-dto'
import type { MediaRow } from './media-dto'

type Sort = MediaListQuery['sort']
interface Cursor { s: Sort, v?: string | number, i: string }

/**
 * Each sort: the filtered row's key column, its direction, and how a cursor's value is typed.
 * Newest/oldest by upload time; name A→Z (case-insensitive); size and usage largest first.
 * Ties break on id in the same direction, so the order is total.
 */
const SORTS: Record<Sort, { key: string, desc: boolean, cast: string }> = {
  newest: { key: 'createdAt', desc: true, cast: 'timestamp' },
  oldest: { key: 'createdAt', desc: false, cast: 'timestamp' },
  name: { key: 'sortName', desc: false, cast: 'text' },
  size: { key: 'sizeBytes', desc: true, cast: 'bigint' },
  usage: { key: 'usageCount', desc: true, cast: 'int' },
}

/** Cursors carry the sort key when it fits the query's 300 characters; a very long name is looked up by id instead. */
function encodeCursor(cursor: Cursor): string {
  const encoded = Buffer.from(JSON.stringify(cursor)).toString('base64url')
  return encoded.length <= 300 ? encoded : Buffer.from(JSON.stringify({ s: cursor.s, i: cursor.i })).toString('base64url')
}

function decodeCursor(raw: string, sort: Sort): Cursor {
  try {
    const cursor = JSON.parse(Buffer.from(raw, 'base64url').toString()) as Cursor
    if (cursor.s !== sort) throw new Error('another sort')
    if (typeof cursor.i !== 'string' || !/^[\w-]{1,64}$/.test(cursor.i)) throw new Error('bad id')
    if (cursor.v === undefined && sort !== 'name') throw new Error('no key')
    if (cursor.v !== undefined) {
      if (SORTS[sort].cast === 'timestamp' && (typeof cursor.v !== 'string' || Number.isNaN(Date.parse(cursor.v)))) throw new Error('bad time')
      if ((sort === 'size' || sort === 'usage') && !/^\d{1,19}$/.test(String(cursor.v))) throw new Error('bad number')
      if (sort === 'name' && typeof cursor.v !== 'string') throw new Error('bad name')
    }
    return cursor
  }
  catch {
    throw new AppError('VALIDATION', 'The page cursor is not valid', { fields: { cursor: ['Not a cursor from this list (it belongs to another sort or is damaged)'] } })
  }
}

// The extension as mediaKindOf reads it: what follows the last dot, lower-cased ('' without a dot).
const extension = Prisma.sql`(CASE WHEN strpos(f."originalName", '.') > 0 THEN lower(reverse(split_part(reverse(f."originalName"), '.', 1))) ELSE '' END)`

function kindFilter(kind: MediaKind): Prisma.Sql {
  const own = Prisma.sql`${extension} IN (${Prisma.join(mediaKindExtensions(kind))})`
  // mediaKindOf falls back to the type for videos and images whose extension says nothing.
  if (kind !== 'video' && kind !== 'image') return own
  return Prisma.sql`(${own} OR (${extension} NOT IN (${Prisma.join(MEDIA_EXTENSIONS)}) AND f."mimeType" LIKE ${`${kind}/%`}))`
}

const escapeLike = (text: string) => text.replace(/[\\%_]/g, '\\$&')

/**
 * Every file's live and trashed usage counts in one aggregate: all of the owner's links counted
 * per file straight off the (ownerId, mediaFileId) index (an index-only scan, already in file
 * order), minus those whose course is in the course trash (found from the few trashed courses
 * through the courseId index), plus the lessons whose own video each file is.
 */
const allCounts = (ownerId: string) => Prisma.sql`counts AS (
  SELECT u."mediaFileId", (sum(u.n) - sum(u.t))::int AS live, sum(u.t)::int AS trashed
  FROM (
    SELECT l."mediaFileId", count(*) AS n, 0 AS t
    FROM "MediaLink" l WHERE l."ownerId" = ${ownerId} GROUP BY l."mediaFileId"
    UNION ALL
    SELECT l."mediaFileId", 0, count(*)
    FROM "Course" c JOIN "MediaLink" l ON l."courseId" = c.id
    WHERE c."ownerId" = ${ownerId} AND c."deletedAt" IS NOT NULL GROUP BY l."mediaFileId"
    UNION ALL
    SELECT v."mediaFileId", count(*), count(*) FILTER (WHERE c."deletedAt" IS NOT NULL)
    FROM "Course" c JOIN "Chapter" ch ON ch."courseId" = c.id JOIN "Video" v ON v."chapterId" = ch.id
    WHERE c."ownerId" = ${ownerId} AND v."mediaFileId" IS NOT NULL GROUP BY v."mediaFileId"
  ) u
  GROUP BY u."mediaFileId"
),`

type PageRow = MediaRow & { total: number, sortName: string | null, pageUsage: number | null }

export async function listMedia({ ownerId, query }: { ownerId: string, query: MediaListQuery }): Promise<MediaPage> {
  const sort = SORTS[query.sort]
  const needsCounts = query.sort === 'usage' || query.usage !== 'all'
  const cursor = query.cursor ? decodeCursor(query.cursor, query.sort) : null

  const conditions: Prisma.Sql[] = [Prisma.sql`f."ownerId" = ${ownerId}`, inLibrary, Prisma.sql`f."deletedAt" IS NULL`]
  if (query.q) conditions.push(Prisma.sql`f."originalName" ILIKE ${`%${escapeLike(query.q)}%`}`)
  if (query.kind) conditions.push(kindFilter(query.kind))
  if (query.tag) conditions.push(Prisma.sql`EXISTS (SELECT 1 FROM "MediaTag" t JOIN "MediaFileTag" ft ON ft."tagId" = t.id WHERE t."ownerId" = ${ownerId} AND t.name = ${query.tag} AND ft."mediaFileId" = f.id)`)
  if (query.usage === 'used') conditions.push(Prisma.sql`COALESCE(n.live, 0) > 0`)
  if (query.usage === 'unused') conditions.push(Prisma.sql`COALESCE(n.live, 0) = 0`)

  const key = Prisma.raw(`"${sort.key}"`)
  const direction = Prisma.raw(sort.desc ? 'DESC' : 'ASC')
  let after = Prisma.sql`TRUE`
  if (cursor) {
    const value = cursor.v === undefined
      ? Prisma.sql`(SELECT lower("originalName") FROM "MediaFile" WHERE id = ${cursor.i})`
      : Prisma.sql`CAST(${String(cursor.v)} AS ${Prisma.raw(sort.cast)})`
    after = Prisma.sql`(${key}, id) ${Prisma.raw(sort.desc ? '<' : '>')} (${value}, ${cursor.i})`
  }

  const rows = await useDb().$queryRaw<PageRow[]>`
    WITH ${needsCounts ? allCounts(ownerId) : Prisma.empty}
    filtered AS (
      SELECT f.id, f."createdAt", f."sizeBytes", lower(f."originalName") AS "sortName",
             ${needsCounts ? Prisma.sql`COALESCE(n.live, 0)` : Prisma.sql`0`} AS "usageCount"
      FROM "MediaFile" f ${needsCounts ? Prisma.sql`LEFT JOIN counts n ON n."mediaFileId" = f.id` : Prisma.empty}
      WHERE ${Prisma.join(conditions, ' AND ')}
    ),
    page AS (
      SELECT *, row_number() OVER (ORDER BY ${key} ${direction}, id ${direction}) AS rn
      FROM (SELECT * FROM filtered WHERE ${after} ORDER BY ${key} ${direction}, id ${direction} LIMIT ${query.limit + 1}) p
    )
    SELECT t.total, r.* FROM (SELECT count(*)::int AS total FROM filtered) t
    LEFT JOIN LATERAL (
      SELECT ${fileColumns}, k."usageCount", k."trashedUsageCount", p."sortName", p."usageCount" AS "pageUsage", p.rn
      FROM page p JOIN "MediaFile" f ON f.id = p.id CROSS JOIN ${usageCountsLateral}
    ) r ON TRUE
    ORDER BY r.rn`

  const total = rows[0]?.total ?? 0
  const found = rows.filter(row => row.id)
  const items = found.slice(0, query.limit)
  const last = items.at(-1)
  let nextCursor: string | null = null
  if (found.length > query.limit && last) {
    const value = { newest: last.createdAt.toISOString(), oldest: last.createdAt.toISOString(), name: last.sortName ?? undefined, size: String(last.sizeBytes), usage: Number(last.pageUsage) }[query.sort]
    nextCursor = encodeCursor({ s: query.sort, v: value, i: last.id })
  }
  return { items: items.map(toMediaItem), total, nextCursor }
}
