// SQL the media library's reads share: which files are library files, a file's columns as the
// list shows them, and its usage counts.
import type { MediaPurpose } from '../../generated/prisma/client'
import { Prisma } from '../../generated/prisma/client'

/**
 * The library file filter: what the library holds is lesson videos and library uploads (message
 * attachments stay with their conversation). Every query about "my files" uses one of these
 * three forms of it, never the purposes typed out again.
 */
export const LIBRARY_PURPOSES = ['LESSON', 'LIBRARY'] as const satisfies readonly MediaPurpose[]

/** For Prisma: `where: { ...libraryFile, ownerId }`. */
export const libraryFile = { purpose: { in: [...LIBRARY_PURPOSES] as MediaPurpose[] } }

/** For SQL: the MediaFile row aliased `alias` is a library file. */
export function libraryFileSql(alias = 'f'): Prisma.Sql {
  return Prisma.raw(`${alias}.purpose IN (${LIBRARY_PURPOSES.map(purpose => `'${purpose}'`).join(', ')})`)
}

export const inLibrary = libraryFileSql('f')

// Tags come along as one array per row, off the (mediaFileId, tagId) primary key: a few index
// lookups per file, like the usage counts.
export const fileColumns = Prisma.sql`f.id, f."originalName", f."mimeType", f."sizeBytes", f.status::text AS status, f."createdAt",
  f."updatedAt", f."durationSeconds", f.width, f.height, f."thumbnailKey", f."altText",
  ARRAY(SELECT t.name FROM "MediaFileTag" ft JOIN "MediaTag" t ON t.id = ft."tagId" WHERE ft."mediaFileId" = f.id ORDER BY t.name) AS tags`

/**
 * Usage counts of the file aliased `f`: its link rows plus the lessons whose video it is, split by
 * whether their course sits in the course trash. Both halves walk a mediaFileId index, so this
 * costs a few index lookups per file (for one page, or one file); the list's usage sort and
 * filter aggregate every file at once instead (list-media.ts).
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
