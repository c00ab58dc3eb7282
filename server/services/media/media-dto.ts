// The one place media library rows become what the API and the events carry (shared/types/media.ts),
// and the SQL that reads them: a file's columns with its usage counts, and its usages.
import type { MediaItem, MediaUsage, MediaUsageRole, MediaLinkTargetType } from '#shared/types/media'
import { mediaKindOf } from '#shared/media/kinds'
import { Prisma } from '../../generated/prisma/client'
import type { PrismaClient } from '../../generated/prisma/client'

export type Db = PrismaClient | Prisma.TransactionClient

/** What the library holds: lesson videos and library uploads (attachments stay with their conversation). */
export const LIBRARY_PURPOSES = ['LESSON', 'LIBRARY'] as const
export const inLibrary = Prisma.sql`f.purpose IN ('LESSON', 'LIBRARY')`

export interface MediaRow {
  id: string
  originalName: string
  mimeType: string
  sizeBytes: bigint | number
  status: MediaItem['status']
  createdAt: Date
  updatedAt: Date
  durationSeconds: number | null
  width: number | null
  height: number | null
  thumbnailKey: string | null
  altText: string | null
  tags: string[]
  usageCount: number
  trashedUsageCount: number
}

// Tags come along as one array per row, off the (mediaFileId, tagId) primary key: a few index
// lookups per file, like the usage counts.
export const fileColumns = Prisma.sql`f.id, f."originalName", f."mimeType", f."sizeBytes", f.status::text AS status, f."createdAt",
  f."updatedAt", f."durationSeconds", f.width, f.height, f."thumbnailKey", f."altText",
  ARRAY(SELECT t.name FROM "MediaFileTag" ft JOIN "MediaTag" t ON t.id = ft."tagId" WHERE ft."mediaFileId" = f.id ORDER BY t.name) AS tags`

/**
 * Usage counts of the file aliased `f`: its link rows plus the lessons whose video it is, split by
 * whether their course sits in the course trash. Both halves walk a mediaFileId index, so this
 * costs a few index lookups per file (for one page, or one file); the list's usage sort and
 * filter aggregate every file at once instead (list.ts).
 */
export const usageCountsLateral = Prisma.sql`LATERAL (
  SELECT (count(*) FILTER (WHERE c."deletedAt" IS NULL))::int AS "usageCount",
         (count(*) FILTER (WHERE c."deletedAt" IS NOT NULL))::int AS "trashedUsageCount"
  FROM (
    SELECT l."courseId" FROM "MediaLink" l WHERE l."mediaFileId" = f.id
    UNION ALL
    SELECT ch."courseId" FROM "Video" v JOIN "Chapter" ch ON ch.id = v."chapterId" WHERE v."mediaFileId" = f.id
  ) u
  JOIN "Course" c ON c.id = u."courseId"
) k`

export function toMediaItem(row: MediaRow): MediaItem {
  return {
    id: row.id,
    name: row.originalName,
    mimeType: row.mimeType,
    kind: mediaKindOf(row.originalName, row.mimeType),
    sizeBytes: Number(row.sizeBytes),
    status: row.status,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    durationSeconds: row.durationSeconds,
    width: row.width,
    height: row.height,
    hasThumbnail: !!row.thumbnailKey,
    altText: row.altText ?? null,
    tags: row.tags ?? [],
    usageCount: Number(row.usageCount),
    trashedUsageCount: Number(row.trashedUsageCount),
  }
}

/** The owner's library files (trashed ones too) with their counts; foreign ids and attachments are left out. */
export async function readMediaRows(db: Db, { ownerId, ids }: { ownerId: string, ids: string[] }): Promise<(MediaRow & { deletedAt: Date | null, deletedById: string | null, deletedUsages: unknown })[]> {
  if (!ids.length) return []
  return db.$queryRaw`
    SELECT ${fileColumns}, f."deletedAt", f."deletedById", f."deletedUsages", k."usageCount", k."trashedUsageCount"
    FROM "MediaFile" f CROSS JOIN ${usageCountsLateral}
    WHERE f.id IN (${Prisma.join(ids)}) AND f."ownerId" = ${ownerId} AND ${inLibrary}`
}

export async function readMediaItem(db: Db, { ownerId, id }: { ownerId: string, id: string }): Promise<MediaItem | null> {
  const [row] = await readMediaRows(db, { ownerId, ids: [id] })
  return row ? toMediaItem(row) : null
}

interface UsageRow {
  mediaFileId: string
  linkId: string | null
  targetType: MediaLinkTargetType
  targetId: string
  role: MediaUsageRole
  courseId: string
  courseTitle: string
  chapterTitle: string | null
  lessonTitle: string | null
  inTrash: boolean
}

export const usageLabel = (u: Pick<MediaUsage, 'courseTitle' | 'chapterTitle' | 'lessonTitle'>) =>
  [u.courseTitle, u.chapterTitle, u.lessonTitle].filter(Boolean).join(' › ')

export const editorHref = (courseId: string) => `/studio/courses/${courseId}`

export function toMediaUsage(row: Omit<UsageRow, 'mediaFileId'>): MediaUsage {
  return {
    linkId: row.linkId,
    targetType: row.targetType,
    targetId: row.targetId,
    role: row.role,
    courseId: row.courseId,
    courseTitle: row.courseTitle,
    chapterTitle: row.chapterTitle,
    lessonTitle: row.lessonTitle,
    label: usageLabel(row),
    href: editorHref(row.courseId),
    inTrash: row.inTrash,
  }
}

/** A usage as the audit trail keeps it (where, not whether it was in the trash then). */
export function auditTarget(usage: MediaUsage): Omit<MediaUsage, 'inTrash'> {
  const { inTrash: _inTrash, ...target } = usage
  return target
}

/**
 * Every place these files are used, in outline order: their link rows (course, chapter or lesson)
 * and the lessons whose own video they are (role VIDEO, no link id). One statement.
 */
export async function readUsages(db: Db, { ownerId, ids }: { ownerId: string, ids: string[] }): Promise<Map<string, MediaUsage[]>> {
  const byFile = new Map<string, MediaUsage[]>(ids.map(id => [id, []]))
  if (!ids.length) return byFile
  const rows = await db.$queryRaw<UsageRow[]>`
    SELECT * FROM (
      SELECT l."mediaFileId", l.id AS "linkId", l."targetType"::text AS "targetType", l."targetId", l.role::text AS role,
             l."courseId", c.title AS "courseTitle", ch.title AS "chapterTitle", v.title AS "lessonTitle",
             c."deletedAt" IS NOT NULL AS "inTrash", ch.position AS "chapterPosition", v.position AS "lessonPosition"
      FROM "MediaLink" l
      JOIN "Course" c ON c.id = l."courseId"
      LEFT JOIN "Video" v ON v.id = l."videoId"
      LEFT JOIN "Chapter" ch ON ch.id = COALESCE(l."chapterId", v."chapterId")
      WHERE l."mediaFileId" IN (${Prisma.join(ids)}) AND l."ownerId" = ${ownerId}
      UNION ALL
      SELECT v."mediaFileId", NULL, 'LESSON', v.id, 'VIDEO',
             c.id, c.title, ch.title, v.title,
             c."deletedAt" IS NOT NULL, ch.position, v.position
      FROM "Video" v
      JOIN "Chapter" ch ON ch.id = v."chapterId"
      JOIN "Course" c ON c.id = ch."courseId"
      WHERE v."mediaFileId" IN (${Prisma.join(ids)}) AND c."ownerId" = ${ownerId}
    ) u
    ORDER BY u."inTrash", u."courseTitle", u."courseId", u."chapterPosition" NULLS FIRST, u."lessonPosition" NULLS FIRST, u.role`
  for (const row of rows) byFile.get(row.mediaFileId)?.push(toMediaUsage(row))
  return byFile
}
