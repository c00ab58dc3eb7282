// The transcode worker reports a rendition it finished: its playlist and segments go from this
// machine's scratch into the object store under the upload's prefix (segments first, the
// playlist last, so a stored playlist never names a missing segment), then the row is marked
// ready and the video streams as HLS from its next master playlist.
import { createReadStream } from 'node:fs'
import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { AppError } from '../../utils/errors'
import { useDb } from '../../database/db'
import { hlsKeyUpload, hlsPlaylistKey, useObjectStore } from '../../storage'
import { ladderScratchPath } from './worker-scratch'

export const PLAYLIST_TYPE = 'application/vnd.apple.mpegurl'
export const SEGMENT_TYPE = 'video/mp2t'

export async function recordRendition({ uploadId, height, bandwidth, audio }: { uploadId: string, height: number, bandwidth: number, audio: boolean }) {
  const rendition = await useDb().mediaRendition.findFirst({ where: { mediaFile: { storageKey: uploadId }, height }, select: { id: true } })
  if (!rendition) throw new AppError('NOT_FOUND', 'No such rendition is being made')
  const dir = ladderScratchPath(uploadId)
  const playlistKey = hlsPlaylistKey(uploadId, height)
  const playlist = await readFile(join(dir, playlistKey), 'utf8').catch(() => {
    throw new AppError('VALIDATION', 'The rendition\'s playlist is not in the scratch folder')
  })
  const segments = playlist.split('\n').map(line => line.trim()).filter(line => line && !line.startsWith('#'))
  // Only names of this upload's ladder: a playlist never makes the server store anything else.
  if (!segments.length || segments.some(name => hlsKeyUpload(name) !== uploadId)) throw new AppError('VALIDATION', 'The playlist names files outside the ladder')
  const store = useObjectStore()
  for (const name of segments) await store.put(name, createReadStream(join(dir, name)), { contentType: SEGMENT_TYPE })
  await store.put(playlistKey, Buffer.from(playlist), { contentType: PLAYLIST_TYPE })
  await useDb().mediaRendition.update({ where: { id: rendition.id }, data: { status: 'READY', bandwidth, audio } })
  return { height, segments: segments.length }
}
