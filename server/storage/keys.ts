// Object keys. An upload's id (32 hex characters, made by the server) is the key of its original
// bytes and the prefix of every other object it owns: its thumbnail (`<id>.jpg`), the resumable
// upload's bookkeeping (`<id>.json` on disk, `<id>.info` and `<id>.part` in S3, written by tus),
// and its HLS ladder (`<id>.hls.m3u8` and `<id>.hls.<height>.…`). Deleting an upload is deleting its prefix; ids have one length, so no upload's
// prefix is the start of another's. A file name from a user never becomes a key.
const UPLOAD_ID = /^[a-f0-9]{32}$/
const OBJECT_KEY = /^[a-f0-9]{32}(\.[a-z0-9]+)*$/

export function checkUploadId(id: string): string {
  if (!UPLOAD_ID.test(id)) throw new Error(`not an upload id: ${id}`)
  return id
}

export function checkObjectKey(key: string): string {
  if (!OBJECT_KEY.test(key)) throw new Error(`not a storage key: ${key}`)
  return key
}

/** The key of a video's or an image's thumbnail (JPEG, made by the processing worker). */
export const thumbnailKey = (uploadId: string) => `${checkUploadId(uploadId)}.jpg`

/** Every object an upload owns starts with this. */
export const ownedPrefix = (uploadId: string) => checkUploadId(uploadId)

/**
 * An HLS ladder's objects: the master playlist `<id>.hls.m3u8`, each rendition's playlist
 * `<id>.hls.<height>.m3u8` and its segments `<id>.hls.<height>.<n>.ts`. Only these names are ever
 * served by the signed HLS route, so a signature can never reach the original or a thumbnail.
 */
const HLS_KEY = /^([a-f0-9]{32})\.hls(\.[0-9]{2,4}(\.[0-9]{1,6}\.ts|\.m3u8)|\.m3u8)$/

export const hlsMasterKey = (uploadId: string) => `${checkUploadId(uploadId)}.hls.m3u8`
export const hlsPlaylistKey = (uploadId: string, height: number) => `${checkUploadId(uploadId)}.hls.${height}.m3u8`
/** The file names ffmpeg gives a rendition's segments (its `%05d` pattern), which are their keys. */
export const hlsSegmentPattern = (uploadId: string, height: number) => `${checkUploadId(uploadId)}.hls.${height}.%05d.ts`

/** The upload an HLS key belongs to, or null when the key is not one of a ladder's. */
export function hlsKeyUpload(key: string): string | null {
  return HLS_KEY.exec(key)?.[1] ?? null
}
