// Real video files for upload tests, made by Debian's ffmpeg at test time (no binaries in git).
import { execFileSync } from 'node:child_process'
import { createHash } from 'node:crypto'
import { existsSync, mkdirSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

const dir = join(tmpdir(), 'lectern-video-fixtures')

/** A real H.264 MP4 of `seconds` (cached across runs). */
export function sampleVideo(seconds = 3, size = '320x240'): string {
  mkdirSync(dir, { recursive: true })
  const file = join(dir, `testsrc-${seconds}s-${size}.mp4`)
  if (!existsSync(file)) {
    execFileSync('ffmpeg', ['-v', 'error', '-y', '-f', 'lavfi', '-i', `testsrc=duration=${seconds}:size=${size}:rate=25`, '-pix_fmt', 'yuv420p', '-c:v', 'libx264', '-preset', 'ultrafast', file])
  }
  return file
}

/**
 * A real H.264/AAC MP4 of `seconds` with a sound track (a tone), at `size` (cached across runs):
 * sources for the HLS ladder, which keeps the sound and never enlarges the picture.
 */
export function sampleVideoWithSound(seconds: number, size: string): string {
  mkdirSync(dir, { recursive: true })
  const file = join(dir, `testsrc-sound-${seconds}s-${size}.mp4`)
  if (!existsSync(file)) {
    execFileSync('ffmpeg', ['-v', 'error', '-y', '-f', 'lavfi', '-i', `testsrc=duration=${seconds}:size=${size}:rate=25`, '-f', 'lavfi', '-i', `sine=frequency=440:duration=${seconds}`, '-pix_fmt', 'yuv420p', '-c:v', 'libx264', '-preset', 'ultrafast', '-c:a', 'aac', '-shortest', file])
  }
  return file
}

export const sha256 = (data: Buffer) => createHash('sha256').update(data).digest('hex')
export const fileBytes = (path: string) => readFileSync(path)
