// A lesson's HLS master playlist, for whoever may watch the lesson (find-streamable-video.ts:
// owner, enrolled students, anyone for a free preview; anyone else 404). It is written from the
// ready renditions each time, lowest first, every address signed (hls-signature.ts): the
// rows say what is stored, and the signatures differ by the hour anyway. No ready rendition:
// 404, and the player plays the original file.
import type { User } from '#auth-utils'
import { notFound } from '../../utils/errors'
import { useDb } from '../../database/db'
import { hlsPlaylistKey } from '../../storage'
import { findStreamableVideo } from './find-streamable-video'
import { hlsExpiry, signedHlsUrl } from './hls-signature'

/** H.264 Main profile, level 3.1 (up to 720p at 30 fps), and AAC-LC: what the worker encodes. */
const VIDEO_CODEC = 'avc1.4d401f'
const AUDIO_CODEC = 'mp4a.40.2'

export async function signHlsMaster({ lessonId, user }: { lessonId: string, user: User | null }) {
  const video = await findStreamableVideo({ lessonId, user })
  const renditions = await useDb().mediaRendition.findMany({
    where: { mediaFile: { storageKey: video.storageKey }, status: 'READY' },
    select: { height: true, width: true, bandwidth: true, audio: true },
    orderBy: { height: 'asc' },
  })
  if (!renditions.length) throw notFound('Stream')
  const expires = hlsExpiry()
  const lines = ['#EXTM3U', '#EXT-X-VERSION:3', '#EXT-X-INDEPENDENT-SEGMENTS']
  for (const r of renditions) {
    const codecs = r.audio ? `${VIDEO_CODEC},${AUDIO_CODEC}` : VIDEO_CODEC
    lines.push(`#EXT-X-STREAM-INF:BANDWIDTH=${r.bandwidth},RESOLUTION=${r.width}x${r.height},CODECS="${codecs}"`)
    lines.push(signedHlsUrl(hlsPlaylistKey(video.storageKey, r.height), expires))
  }
  return { playlist: `${lines.join('\n')}\n` }
}
