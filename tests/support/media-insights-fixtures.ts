// Library files, links, lesson videos and progress written straight to the database, at chosen
// days, for the media insights tests (the API cannot back-date an upload or a lesson view).
import { randomUUID } from 'node:crypto'
import type { PrismaClient } from '../../server/generated/prisma/client'

const DAY = 86_400_000

/** Noon UTC, `days` days before today: far from any day boundary. */
export function daysAgo(days: number): Date {
  const now = new Date()
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate(), 12) - days * DAY)
}

/** YYYY-MM-DD of that day. */
export const dayOf = (days: number) => daysAgo(days).toISOString().slice(0, 10)

export interface LibraryFileOptions {
  name: string
  size: number
  daysAgo: number
  mimeType?: string
  purpose?: 'LESSON' | 'LIBRARY' | 'ATTACHMENT'
  status?: 'UPLOADING' | 'PROCESSING' | 'READY' | 'FAILED'
  deletedDaysAgo?: number
}

export function createLibraryFile(db: PrismaClient, ownerId: string, file: LibraryFileOptions) {
  const createdAt = daysAgo(file.daysAgo)
  return db.mediaFile.create({
    data: {
      ownerId,
      storageKey: randomUUID().replaceAll('-', ''),
      originalName: file.name,
      mimeType: file.mimeType ?? 'application/octet-stream',
      sizeBytes: BigInt(file.size),
      receivedBytes: BigInt(file.size),
      status: file.status ?? 'READY',
      purpose: file.purpose ?? 'LIBRARY',
      createdAt,
      updatedAt: createdAt,
      deletedAt: file.deletedDaysAgo === undefined ? null : daysAgo(file.deletedDaysAgo),
    },
  })
}

/** A student's progress on a lesson, last saved (and maybe completed) on the given days. */
export async function createProgress(db: PrismaClient, enrollmentId: string, lessonId: string, progress: { savedDaysAgo: number, completedDaysAgo?: number }) {
  const updatedAt = daysAgo(progress.savedDaysAgo)
  const completedAt = progress.completedDaysAgo === undefined ? null : daysAgo(progress.completedDaysAgo)
  await db.lessonProgress.create({ data: { enrollmentId, videoId: lessonId, positionSeconds: 30, furthestSeconds: 30, completedAt } })
  // @updatedAt is set by Prisma on every write: back-date it in SQL.
  await db.$executeRaw`UPDATE "LessonProgress" SET "updatedAt" = ${updatedAt}::timestamp WHERE "enrollmentId" = ${enrollmentId} AND "videoId" = ${lessonId}`
}
