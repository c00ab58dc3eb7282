// Factories for the media library: files (optionally with their bytes in storage) and links.
// The demo seed (demo-library.ts) and the tests build their library from these.
import { randomBytes } from 'node:crypto'
import type { PrismaClient } from '../../server/generated/prisma/client.ts'
import { thumbnailKey, useObjectStore } from '../../server/storage/index.ts'
import { createDiskStore } from '../../server/storage/disk-store.ts'

export interface MediaFileData {
  name: string
  mimeType: string
  sizeBytes: number
  status: 'UPLOADING' | 'PROCESSING' | 'READY' | 'FAILED'
  purpose: 'LESSON' | 'LIBRARY' | 'ATTACHMENT'
  durationSeconds: number | null
  width: number | null
  height: number | null
  createdAt: Date
  deletedAt: Date | null
  deletedById: string | null
  /** The usages a trashed file had (MediaUsage[]), for restore. */
  deletedUsages: object[] | null
}

export function buildMediaFile(overrides: Partial<MediaFileData> = {}): MediaFileData {
  return {
    name: `File ${randomBytes(3).toString('hex')}.pdf`,
    mimeType: 'application/pdf',
    sizeBytes: 1024,
    status: 'READY',
    purpose: 'LIBRARY',
    durationSeconds: null,
    width: null,
    height: null,
    createdAt: new Date(),
    deletedAt: null,
    deletedById: null,
    deletedUsages: null,
    ...overrides,
  }
}

/**
 * A media file row of `ownerId`. With `store`, its bytes (and a thumbnail, if given) are written
 * where uploads go, so streaming, deleting and purging find them: the configured object store
 * (the demo seed), or a disk store at `root` (tests name the test server's directory).
 */
export async function createMediaFile(db: PrismaClient, ownerId: string, overrides: Partial<MediaFileData> & { store?: { root?: string, bytes: Buffer, thumbnail?: Buffer } } = {}) {
  const { store, ...rest } = overrides
  const data = buildMediaFile({ ...rest, ...(store ? { sizeBytes: store.bytes.length } : {}) })
  const storageKey = randomBytes(16).toString('hex')
  if (store) {
    const objects = store.root ? createDiskStore(store.root) : useObjectStore()
    await objects.prepare()
    await objects.put(storageKey, store.bytes)
    if (store.thumbnail) await objects.put(thumbnailKey(storageKey), store.thumbnail)
  }
  return db.mediaFile.create({
    data: {
      ownerId,
      storageKey,
      originalName: data.name,
      mimeType: data.mimeType,
      sizeBytes: BigInt(data.sizeBytes),
      receivedBytes: BigInt(data.status === 'UPLOADING' ? 0 : data.sizeBytes),
      status: data.status,
      purpose: data.purpose,
      durationSeconds: data.durationSeconds,
      width: data.width,
      height: data.height,
      thumbnailKey: store?.thumbnail ? `${storageKey}.jpg` : null,
      createdAt: data.createdAt,
      deletedAt: data.deletedAt,
      deletedById: data.deletedById,
      deletedUsages: data.deletedUsages ?? undefined,
    },
  })
}

export type MediaLinkPlace
  = | { targetType: 'COURSE', courseId: string, role: 'COVER' | 'RESOURCE' }
    | { targetType: 'CHAPTER', courseId: string, chapterId: string, role: 'RESOURCE' }
    | { targetType: 'LESSON', courseId: string, lessonId: string, role: 'HANDOUT' | 'ATTACHMENT' }

/** A link row, with the columns the API would set (the place's own key and its course). */
export async function createMediaLink(db: PrismaClient, { mediaFileId, ownerId, place }: { mediaFileId: string, ownerId: string, place: MediaLinkPlace }) {
  const targetId = place.targetType === 'COURSE' ? place.courseId : place.targetType === 'CHAPTER' ? place.chapterId : place.lessonId
  return db.mediaLink.create({
    data: {
      mediaFileId,
      ownerId,
      targetType: place.targetType,
      targetId,
      role: place.role,
      courseId: place.courseId,
      chapterId: place.targetType === 'CHAPTER' ? place.chapterId : null,
      videoId: place.targetType === 'LESSON' ? place.lessonId : null,
    },
  })
}

/** Tags of `ownerId` on a file, created on first use (names as the API stores them: lower-case). */
export async function tagMediaFile(db: PrismaClient, { ownerId, mediaFileId, tags }: { ownerId: string, mediaFileId: string, tags: string[] }) {
  for (const name of tags) {
    const tag = await db.mediaTag.upsert({ where: { ownerId_name: { ownerId, name } }, create: { ownerId, name }, update: {}, select: { id: true } })
    await db.mediaFileTag.upsert({ where: { mediaFileId_tagId: { mediaFileId, tagId: tag.id } }, create: { mediaFileId, tagId: tag.id }, update: {} })
  }
}
