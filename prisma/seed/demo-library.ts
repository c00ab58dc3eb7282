// The demo instructor's media library, so the library shows something real on first start (next
// to the lesson videos the demo clips fill): a PDF handout used by two lessons, an image that is
// a course's cover, an archive used nowhere, and one file in the trash whose usages were kept for
// restore. Bytes go where uploads go; each file has the history the API would have written, and a
// few tags ("javascript", "handouts"…) so the tag filter and the bulk tag actions have something.
import type { PrismaClient } from '../../server/generated/prisma/client.ts'
import { demoImage, demoPdf } from './demo-attachments.ts'
import { createMediaFile, createMediaLink, tagMediaFile } from './media-factories.ts'

const DAY = 86_400_000

/** An empty zip archive (its end-of-central-directory record alone is a valid file). */
const emptyZip = () => Buffer.concat([Buffer.from('PK\x05\x06', 'latin1'), Buffer.alloc(18)])

const lessonPlace = async (db: PrismaClient, ownerId: string, courseTitle: string, lessonTitle: string) => {
  const lesson = await db.video.findFirstOrThrow({
    where: { title: lessonTitle, chapter: { course: { title: courseTitle, ownerId } } },
    select: { id: true, title: true, chapter: { select: { title: true, course: { select: { id: true, title: true } } } } },
  })
  return { courseId: lesson.chapter.course.id, lessonId: lesson.id, label: `${lesson.chapter.course.title} › ${lesson.chapter.title} › ${lesson.title}`, titles: { courseTitle: lesson.chapter.course.title, chapterTitle: lesson.chapter.title, lessonTitle: lesson.title } }
}

export async function seedDemoLibrary(db: PrismaClient, { ownerId, now = new Date() }: { ownerId: string, now?: Date }): Promise<void> {
  const at = (daysAgo: number) => new Date(now.getTime() - daysAgo * DAY)
  const audit = (mediaFileId: string, action: 'UPLOAD' | 'LINK' | 'UNLINK' | 'DELETE' | 'TAG' | 'EDIT', createdAt: Date, fields: { target?: object, before?: object, after?: object } = {}) =>
    db.mediaAudit.create({ data: { ownerId, mediaFileId, actorId: ownerId, action, createdAt, ...fields } })
  const tag = async (mediaFileId: string, tags: string[], createdAt: Date) => {
    await tagMediaFile(db, { ownerId, mediaFileId, tags })
    await audit(mediaFileId, 'TAG', createdAt, { after: { added: tags, removed: [] } })
  }

  // A handout used by two lessons of the JavaScript course.
  const pdf = demoPdf()
  const handout = await createMediaFile(db, ownerId, { name: 'Closures cheat sheet.pdf', mimeType: 'application/pdf', createdAt: at(6), store: { bytes: pdf.bytes } })
  await audit(handout.id, 'UPLOAD', at(6), { after: { name: handout.originalName, mimeType: 'application/pdf', sizeBytes: pdf.bytes.length, purpose: 'LIBRARY' } })
  for (const lessonTitle of ['Closures', 'Higher-order functions']) {
    const place = await lessonPlace(db, ownerId, 'Modern JavaScript from First Principles', lessonTitle)
    const link = await createMediaLink(db, { mediaFileId: handout.id, ownerId, place: { targetType: 'LESSON', courseId: place.courseId, lessonId: place.lessonId, role: 'HANDOUT' } })
    await audit(handout.id, 'LINK', at(5.9), { target: { linkId: link.id, targetType: 'LESSON', targetId: place.lessonId, role: 'HANDOUT', courseId: place.courseId, ...place.titles, label: place.label, href: `/studio/courses/${place.courseId}` }, after: { linkId: link.id, role: 'HANDOUT' } })
  }
  await tag(handout.id, ['handouts', 'javascript'], at(5.8))

  // A course cover (the image needs ffmpeg, like the demo clips).
  const image = demoImage()
  if (image) {
    const course = await db.course.findFirstOrThrow({ where: { ownerId, title: 'Data Visualisation with D3' }, select: { id: true, title: true } })
    const cover = await createMediaFile(db, ownerId, { name: 'D3 course cover.png', mimeType: 'image/png', width: image.width, height: image.height, createdAt: at(4), store: { bytes: image.bytes, thumbnail: image.thumbnail } })
    await audit(cover.id, 'UPLOAD', at(4), { after: { name: cover.originalName, mimeType: 'image/png', sizeBytes: image.bytes.length, purpose: 'LIBRARY' } })
    const link = await createMediaLink(db, { mediaFileId: cover.id, ownerId, place: { targetType: 'COURSE', courseId: course.id, role: 'COVER' } })
    await db.mediaFile.update({ where: { id: cover.id }, data: { altText: 'A bar chart drawn with D3' } })
    await audit(cover.id, 'EDIT', at(3.95), { before: { altText: null }, after: { altText: 'A bar chart drawn with D3' } })
    await tag(cover.id, ['covers'], at(3.95))
    await audit(cover.id, 'LINK', at(3.9), { target: { linkId: link.id, targetType: 'COURSE', targetId: course.id, role: 'COVER', courseId: course.id, courseTitle: course.title, chapterTitle: null, lessonTitle: null, label: course.title, href: `/studio/courses/${course.id}` }, after: { linkId: link.id, role: 'COVER' } })
  }

  // Used nowhere: what the "unused" filter finds.
  const zip = emptyZip()
  const archive = await createMediaFile(db, ownerId, { name: 'Exercise files.zip', mimeType: 'application/zip', createdAt: at(2), store: { bytes: zip } })
  await audit(archive.id, 'UPLOAD', at(2), { after: { name: archive.originalName, mimeType: 'application/zip', sizeBytes: zip.length, purpose: 'LIBRARY' } })
  await tag(archive.id, ['exercises', 'javascript'], at(1.9))

  // In the trash: it was the photography course's resource, unlinked when it was deleted.
  const photo = await db.course.findFirstOrThrow({ where: { ownerId, title: 'Product Photography with a Phone' }, select: { id: true, title: true } })
  const usage = { linkId: 'demo-removed-link', targetType: 'COURSE', targetId: photo.id, role: 'RESOURCE', courseId: photo.id, courseTitle: photo.title, chapterTitle: null, lessonTitle: null, label: photo.title, href: `/studio/courses/${photo.id}`, inTrash: false }
  const old = await createMediaFile(db, ownerId, { name: 'Shot list (old).pdf', mimeType: 'application/pdf', createdAt: at(20), deletedAt: at(1), deletedById: ownerId, deletedUsages: [usage], store: { bytes: pdf.bytes } })
  await audit(old.id, 'UPLOAD', at(20), { after: { name: old.originalName, mimeType: 'application/pdf', sizeBytes: pdf.bytes.length, purpose: 'LIBRARY' } })
  const { inTrash: _inTrash, ...target } = usage
  await audit(old.id, 'LINK', at(19), { target, after: { linkId: usage.linkId, role: 'RESOURCE' } })
  await audit(old.id, 'UNLINK', at(1), { target, before: { linkId: usage.linkId, role: 'RESOURCE' }, after: { reason: 'moved to the trash' } })
  await audit(old.id, 'DELETE', new Date(at(1).getTime() + 1), { before: { usages: [usage] }, after: { deletedAt: at(1).toISOString() } })
}
