import { useDb } from '../../database/db'
import { abortUpload } from './abort-upload'

/** Uploads that received nothing for `olderThanSeconds` are abandoned: bytes, rows and lesson state go. */
export async function cleanUpAbandonedUploads({ olderThanSeconds }: { olderThanSeconds: number }): Promise<number> {
  const stale = await useDb().mediaFile.findMany({
    where: { status: 'UPLOADING', updatedAt: { lt: new Date(Date.now() - olderThanSeconds * 1000) } },
    select: { storageKey: true },
    take: 500,
  })
  for (const { storageKey } of stale) await abortUpload(storageKey)
  return stale.length
}
