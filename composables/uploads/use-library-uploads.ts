// The media library's view of unfinished uploads: this tab's own (the upload UI store), and the
// server's list of my unfinished ones (another tab's, live; or interrupted by a reload or a lost
// tab), each with the row state the upload row shows. One place decides, so the uploads list and
// the status badges of the grid and the list say the same.
import type { UnfinishedUpload } from '#shared/types/media'
import { useLibraryUploadProgressQuery, useUnfinishedUploadsQuery } from '~/composables/queries/media/queries'
import { useUploadUiStore } from '~/stores/upload-ui'
import type { UploadEntry } from '~/stores/upload-ui'
import { uploadRowState } from './upload-row-state'
import type { UploadRowState } from './upload-row-state'
import { useMountedNow } from './use-mounted-now'

export interface LibraryUploadRow {
  key: string
  name: string
  state: UploadRowState
  bytes: number
  total: number
  entry?: UploadEntry
  unfinished?: UnfinishedUpload
}

export function useLibraryUploads() {
  const uploadUi = useUploadUiStore()
  const progress = useLibraryUploadProgressQuery()
  const unfinished = useUnfinishedUploadsQuery()
  const now = useMountedNow()
  const since = ref(0)
  onMounted(() => (since.value = Date.now()))

  const own = computed(() => uploadUi.list.filter(e => e.target.kind === 'library'))
  const ownIds = computed(() => new Set(own.value.map(e => e.resourceId).filter(Boolean)))

  const rows = computed<LibraryUploadRow[]>(() => {
    const events = progress.data.value ?? {}
    const mine = own.value.map(entry => ({
      key: entry.operationId,
      name: entry.fileName,
      state: entry.state,
      bytes: entry.resourceId ? events[entry.resourceId]?.bytes ?? 0 : 0,
      total: entry.sizeBytes,
      entry,
    }))
    const others = (unfinished.data.value ?? []).filter(u => !ownIds.value.has(u.mediaId)).map((u) => {
      const event = events[u.mediaId]
      return {
        key: u.mediaId,
        name: u.name,
        state: uploadRowState(undefined, { lastEventAt: event?.at, serverSaysLive: u.live, since: since.value, now: now.value }),
        bytes: Math.max(u.receivedBytes, event?.bytes ?? 0),
        total: u.sizeBytes,
        unfinished: u,
      }
    })
    return [...mine, ...others]
  })

  /** What a file's status badge says while its upload is unfinished: "Uploading" or "Interrupted". */
  function badgeOf(mediaId: string): string | null {
    const row = rows.value.find(r => r.unfinished?.mediaId === mediaId || r.entry?.resourceId === mediaId)
    if (!row) return null
    return row.state === 'interrupted' ? 'Interrupted' : row.state === 'failed' || row.state === 'refused' ? 'Stopped' : 'Uploading'
  }

  return { rows, badgeOf }
}
