// Short generated clips for the demo lessons, so a new user can press play on first start. Made
// by ffmpeg when it is installed (the README's install step adds it on Debian); without it the
// lessons simply have no video yet, and the seed says so. Files go where uploads go (the object
// store, with keys of 32 hex characters and the thumbnail's beside them), so streaming serves them alike.
// With adaptive streaming on (LECTERN_HLS), each gets a media:transcode job, as an upload does: the
// server's job runner makes their ladders (360p and 540p: the clips are 540p) soon after it starts.
import { execFileSync } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { mkdtempSync, readFileSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { PrismaClient } from '../../server/generated/prisma/client.ts'
import { thumbnailKey, useObjectStore } from '../../server/storage/index.ts'
import { lecternConfig } from '../../server/utils/config.ts'

const CLIP = { width: 960, height: 540 }

export interface DemoClip {
  video: string
  thumbnail: string
  seconds: number
}

function ffmpegAvailable(): boolean {
  try {
    execFileSync('ffmpeg', ['-version'], { stdio: 'ignore' })
    return true
  }
  catch {
    return false
  }
}

/** One clip per length (a moving test pattern with a tone), or [] without ffmpeg. */
export function makeDemoClips(lengths: number[]): DemoClip[] {
  if (!ffmpegAvailable()) {
    console.warn('[seed] ffmpeg is not installed: demo lessons get no video (install ffmpeg and re-seed to watch them)')
    return []
  }
  const dir = mkdtempSync(join(tmpdir(), 'lectern-demo-clips-'))
  return lengths.map((seconds) => {
    const video = join(dir, `clip-${seconds}.mp4`)
    const thumbnail = join(dir, `clip-${seconds}.jpg`)
    execFileSync('ffmpeg', ['-v', 'error', '-y', '-f', 'lavfi', '-i', `testsrc2=duration=${seconds}:size=${CLIP.width}x${CLIP.height}:rate=25`, '-f', 'lavfi', '-i', `sine=frequency=440:duration=${seconds}`, '-shortest', '-pix_fmt', 'yuv420p', '-c:v', 'libx264', '-preset', 'veryfast', '-c:a', 'aac', '-movflags', '+faststart', video])
    execFileSync('ffmpeg', ['-v', 'error', '-y', '-ss', '1', '-i', video, '-frames:v', '1', '-vf', 'scale=480:-2', thumbnail])
    return { video, thumbnail, seconds }
  })
}

/** Gives a lesson a ready video: a copy of the clip in storage and its media row. */
export async function attachDemoVideo(db: PrismaClient, { ownerId, lessonId, clip, fileName }: { ownerId: string, lessonId: string, clip: DemoClip, fileName: string }): Promise<void> {
  const key = randomBytes(16).toString('hex')
  const objects = useObjectStore()
  await objects.prepare()
  await objects.put(key, readFileSync(clip.video))
  await objects.put(thumbnailKey(key), readFileSync(clip.thumbnail))
  const size = statSync(clip.video).size
  const media = await db.mediaFile.create({
    data: { ownerId, storageKey: key, originalName: fileName, mimeType: 'video/mp4', sizeBytes: BigInt(size), receivedBytes: BigInt(size), status: 'READY', durationSeconds: clip.seconds, width: CLIP.width, height: CLIP.height, thumbnailKey: thumbnailKey(key) },
  })
  await db.video.update({ where: { id: lessonId }, data: { mediaFileId: media.id, status: 'READY', durationSeconds: clip.seconds } })
  if (lecternConfig().hls) await db.job.create({ data: { kind: 'media:transcode', payload: { uploadId: key }, runAt: new Date(), maxAttempts: 3 } })
}
