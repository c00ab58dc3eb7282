// Live library updates on the owner's own channel, after a change has committed: each file's row
// as the list shows it (counts included), or that it left the library (trash, purge).
import { userChannel } from '#shared/realtime/channels'
import { broadcast } from '../../realtime/broadcast'
import { useDb } from '../../utils/db'
import { readMediaRows, toMediaItem } from './media-dto'

export async function announceMedia(ownerId: string, ids: (string | null | undefined)[]): Promise<void> {
  const wanted = [...new Set(ids.filter((id): id is string => !!id))]
  if (!wanted.length) return
  const rows = await readMediaRows(useDb(), { ownerId, ids: wanted })
  await Promise.all(rows.map(row => row.deletedAt
    ? broadcast(userChannel(ownerId), { type: 'media-removed', mediaId: row.id })
    : broadcast(userChannel(ownerId), { type: 'media-updated', item: toMediaItem(row) })))
}

export function announceMediaRemoved(ownerId: string, mediaId: string): Promise<void> {
  return broadcast(userChannel(ownerId), { type: 'media-removed', mediaId })
}
