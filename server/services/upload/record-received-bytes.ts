// How many bytes an upload has received so far, kept on its media row: what the abandoned-upload
// cleanup goes by (server/uploads/liveness.ts decides how often). The resumable offset itself is
// the protocol's, not this count.
import { useDb } from '../../database/db'

export async function recordReceivedBytes({ uploadId, bytes }: { uploadId: string, bytes: number }): Promise<void> {
  await useDb().mediaFile.updateMany({ where: { storageKey: uploadId, status: 'UPLOADING' }, data: { receivedBytes: BigInt(bytes) } })
}
