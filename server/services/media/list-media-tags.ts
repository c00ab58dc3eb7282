import type { MediaTagCount } from '#shared/types/media'
import { useDb } from '../../database/db'
import { inLibrary } from './media-sql'

/** My tags, A→Z, with how many of my live library files carry each; tags left on no live file are not listed. */
export async function listMediaTags({ ownerId }: { ownerId: string }): Promise<MediaTagCount[]> {
  return useDb().$queryRaw<MediaTagCount[]>`
    SELECT t.name, count(*)::int AS count
    FROM "MediaTag" t
    JOIN "MediaFileTag" ft ON ft."tagId" = t.id
    JOIN "MediaFile" f ON f.id = ft."mediaFileId"
    WHERE t."ownerId" = ${ownerId} AND f."deletedAt" IS NULL AND ${inLibrary}
    GROUP BY t.name
    ORDER BY t.name`
}
