// Object keys. An upload's id (32 hex characters, made by the server) is the key of its original
// bytes and the prefix of every other object it owns: its thumbnail (`<id>.jpg`), the resumable
// upload's bookkeeping (`<id>.json` on disk, `<id>.info` and `<id>.part` in S3, written by tus),
// renditions later. Deleting an upload is deleting its prefix; ids have one length, so no upload's
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
