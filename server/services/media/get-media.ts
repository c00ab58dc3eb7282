import type { MediaDetail } from '#shared/types/media'
import { notFound } from '../../utils/errors'
import { useDb } from '../../database/db'
import { readMediaRows, toMediaItem } from './media-dto'
import { readUsages } from './usage-dto'

/** One live file of the owner's library with every place it is used (trashed files: the trash list). */
export async function getMedia({ ownerId, id }: { ownerId: string, id: string }): Promise<MediaDetail> {
  const db = useDb()
  const [[row], usages] = await Promise.all([readMediaRows(db, { ownerId, ids: [id] }), readUsages(db, { ownerId, ids: [id] })])
  if (!row || row.deletedAt) throw notFound('File')
  return { ...toMediaItem(row), usages: usages.get(id) ?? [] }
}
