// What one upload row shows, whoever draws it (a lesson, a library file, a message attachment):
// this tab's own upload (its state from the upload UI store), an upload running in another tab
// or browser (its progress events keep arriving), or one that stopped with nobody sending it
// (interrupted: the server's offset, and "pick the same file").
import type { UploadEntry, UploadState } from '~/stores/upload-ui'

export type UploadRowState = UploadState | 'interrupted' | 'elsewhere'

/** Progress events come every ~100 ms while bytes flow; this long without one means nobody is sending. */
export const LIVE_WINDOW_MS = 4_000

/**
 * The state of an unfinished upload. `lastEventAt`: when this tab last saw a progress event for
 * it (its own clock); `serverSaysLive`: the server received bytes a moment before the list was
 * read; `since`: when this tab first showed the row (the server's word counts until then + window).
 */
export function uploadRowState(entry: UploadEntry | undefined, live: { lastEventAt?: number | null, serverSaysLive?: boolean, since: number, now: number }): UploadRowState {
  if (entry) return entry.state
  const { lastEventAt, serverSaysLive, since, now } = live
  if (lastEventAt && now - lastEventAt < LIVE_WINDOW_MS) return 'elsewhere'
  if (serverSaysLive && !lastEventAt && now - since < LIVE_WINDOW_MS) return 'elsewhere'
  return 'interrupted'
}
