// The processing worker's scratch space on this machine: it writes a thumbnail to a local file
// (ffmpeg writes files), and the server moves it into the object store when the worker reports,
// before the upload is marked ready, so a ready upload's thumbnail is always readable on every
// instance. The transcode worker writes an HLS ladder's files here the same way. Not the store:
// nothing here outlives one processing attempt.
import { createReadStream } from 'node:fs'
import { mkdir, rm, stat } from 'node:fs/promises'
import { join } from 'node:path'
import { lecternConfig } from '../../utils/config'
import { thumbnailKey, useObjectStore } from '../../storage'
import { checkUploadId } from '../../storage/keys'

const scratchDir = () => join(lecternConfig().dataDir, 'scratch')

/** Where the worker writes the upload's thumbnail (the directory exists once this resolves). */
export async function scratchThumbnailPath(uploadId: string): Promise<string> {
  await mkdir(scratchDir(), { recursive: true })
  return join(scratchDir(), thumbnailKey(uploadId))
}

/** Moves the worker's thumbnail into the store; false when the worker wrote none. */
export async function storeThumbnail(uploadId: string): Promise<boolean> {
  const path = join(scratchDir(), thumbnailKey(uploadId))
  const written = await stat(path).then(info => info.size > 0, () => false)
  if (!written) return false
  await useObjectStore().put(thumbnailKey(uploadId), createReadStream(path), { contentType: 'image/jpeg' })
  await rm(path, { force: true })
  return true
}

export async function clearScratch(uploadId: string): Promise<void> {
  await rm(join(scratchDir(), thumbnailKey(uploadId)), { force: true })
}

/** Where the transcode worker writes a ladder's playlists and segments (empty and existing once this resolves). */
export async function scratchLadderDir(uploadId: string): Promise<string> {
  const dir = join(scratchDir(), `${checkUploadId(uploadId)}.hls`)
  await rm(dir, { recursive: true, force: true })
  await mkdir(dir, { recursive: true })
  return dir
}

/** The ladder's scratch folder, whether or not it exists. */
export const ladderScratchPath = (uploadId: string) => join(scratchDir(), `${checkUploadId(uploadId)}.hls`)
