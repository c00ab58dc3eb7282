// Library history for the demo instructor, so /studio/media/insights has something to show on
// first start: the demo files (all made "now" by the seed) are spread over the past ten weeks as
// if uploaded bit by bit, one of them has a second take in the library that nothing uses (a
// cleanup candidate), and the demo student has watched a little more of their two courses in the
// last days (progress the portal would have recorded). It only runs inside seedDemoData, once.
import { randomBytes } from 'node:crypto'
import type { PrismaClient } from '../../server/generated/prisma/client.ts'
import { thumbnailKey as thumbnailKeyOf, useObjectStore } from '../../server/storage/index.ts'

const DAY = 86_400_000
const HOUR = 3_600_000

export async function seedDemoMediaHistory(db: PrismaClient, { instructorId, studentId }: { instructorId: string, studentId: string }, now: Date): Promise<void> {
  const files = await db.mediaFile.findMany({
    where: { ownerId: instructorId, purpose: { in: ['LESSON', 'LIBRARY'] } },
    select: { id: true },
    orderBy: { id: 'asc' },
  })
  // Oldest first, a few days apart, at varied hours of the day.
  for (const [index, file] of files.entries()) {
    const createdAt = new Date(now.getTime() - (70 - index * Math.floor(65 / Math.max(1, files.length))) * DAY - ((index * 5) % 11) * HOUR)
    await db.mediaFile.update({ where: { id: file.id }, data: { createdAt } })
  }

  // A second take of the first clip, uploaded to the library and never used: a real file (copied
  // in storage), so the library can preview and delete it like any other.
  const first = await db.mediaFile.findFirst({ where: { ownerId: instructorId, purpose: 'LESSON', status: 'READY' }, orderBy: { createdAt: 'asc' } })
  const objects = useObjectStore()
  if (first && await objects.size(first.storageKey) !== null) {
    const key = randomBytes(16).toString('hex')
    await objects.put(key, (await objects.read(first.storageKey)).body)
    if (first.thumbnailKey) await objects.put(thumbnailKeyOf(key), (await objects.read(first.thumbnailKey)).body)
    const { id: _id, storageKey: _key, thumbnailKey, originalName, createdAt: _created, updatedAt: _updated, deletedUsages: _usages, ...rest } = first
    await db.mediaFile.create({
      data: { ...rest, deletedUsages: undefined, storageKey: key, thumbnailKey: thumbnailKey ? thumbnailKeyOf(key) : null, purpose: 'LIBRARY', originalName: originalName.replace(/(\.\w+)?$/, ' (take 2)$1'), createdAt: new Date(now.getTime() - 40 * DAY) },
    })
  }

  // A lesson further in each enrolled course, started in the last days: views for the analytics.
  const enrollments = await db.enrollment.findMany({
    where: { userId: studentId, course: { ownerId: instructorId } },
    select: { id: true, course: { select: { chapters: { orderBy: { position: 'asc' }, select: { videos: { orderBy: { position: 'asc' }, select: { id: true, mediaFileId: true } } } } } } },
  })
  for (const [index, enrollment] of enrollments.entries()) {
    const lessons = enrollment.course.chapters.flatMap(c => c.videos).filter(v => v.mediaFileId)
    const started = await db.lessonProgress.findMany({ where: { enrollmentId: enrollment.id }, select: { videoId: true } })
    const next = lessons.find(v => !started.some(s => s.videoId === v.id))
    if (!next) continue
    const at = new Date(now.getTime() - (index + 1) * DAY)
    await db.lessonProgress.create({ data: { enrollmentId: enrollment.id, videoId: next.id, positionSeconds: 6, furthestSeconds: 6 } })
    await db.$executeRaw`UPDATE "LessonProgress" SET "updatedAt" = ${at}::timestamp WHERE "enrollmentId" = ${enrollment.id} AND "videoId" = ${next.id}`
    await db.enrollment.update({ where: { id: enrollment.id }, data: { lastVideoId: next.id, lastActiveAt: at } })
  }
}
