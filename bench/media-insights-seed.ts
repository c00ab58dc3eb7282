// The large library the media insights benchmark reads (see media-insights.bench.ts): files of
// every kind over two years, courses of lessons each with its own video file, link rows, and
// students' progress on every lesson of their courses. Ids are readable prefixes + numbers.
import type { PrismaClient } from '../server/generated/prisma/client.ts'

export interface LibrarySize {
  files: number
  links: number
  courses: number
  students: number
  coursesPerStudent: number
  otherFiles: number
}

export const LESSONS_PER_COURSE = 40 // 4 chapters of 10

/** Bulk-loads a library in a few INSERT … SELECT generate_series statements, then ANALYZE. */
export async function seedLibrary(db: PrismaClient, { ownerId, otherId, size }: { ownerId: string, otherId: string, size: LibrarySize }) {
  const { files: FILES, links: LINKS, courses: COURSES, students: STUDENTS, coursesPerStudent: COURSES_PER_STUDENT, otherFiles: OTHER_FILES } = size
  const LESSONS = COURSES * LESSONS_PER_COURSE
  const now = new Date()
  const files = (owner: string, prefix: string, count: number, lessons: number) => db.$executeRaw`
    INSERT INTO "MediaFile" (id, "ownerId", "storageKey", "originalName", "mimeType", "sizeBytes", "receivedBytes", status, purpose, "createdAt", "updatedAt", "deletedAt")
    SELECT ${prefix} || i, ${owner}, ${prefix} || 'key-' || i, name, mime, size, size, 'READY', purpose::"MediaPurpose", created, created,
           CASE WHEN i >= ${lessons} AND i % 20 = 19 THEN created + (${now}::timestamp - created) / 2 END
    FROM (
      SELECT i,
             CASE WHEN i < ${lessons} THEN 'lesson-' || i || '.mp4'
                  ELSE 'file-' || i || '.' || (ARRAY['pdf', 'PNG', 'pptx', 'docx', 'mp3', 'zip', 'mp4', 'jpg', 'bin'])[1 + i % 9] END AS name,
             CASE WHEN i < ${lessons} OR i % 9 = 6 THEN 'video/mp4' ELSE 'application/octet-stream' END AS mime,
             (1000 + (i::bigint * 7919) % 50000000) AS size,
             CASE WHEN i < ${lessons} THEN 'LESSON' ELSE 'LIBRARY' END AS purpose,
             ${now}::timestamp - ((i * 7) % 730) * interval '1 day' - (i % 24) * interval '1 hour' AS created
      FROM generate_series(0, ${count - 1}::int) AS i
    ) s`
  await files(ownerId, 'f', FILES, LESSONS)
  await files(otherId, 'o', OTHER_FILES, 0)
  await db.$executeRaw`
    INSERT INTO "Course" (id, "ownerId", title, slug, category, status, "deletedAt", "updatedAt")
    SELECT 'c' || i, ${ownerId}, 'Bench course ' || i, 'bench-course-' || i, 'Development', 'PUBLISHED', CASE WHEN i % 10 = 9 THEN ${now}::timestamp END, ${now}::timestamp
    FROM generate_series(0, ${COURSES - 1}::int) AS i`
  await db.$executeRaw`
    INSERT INTO "Chapter" (id, "courseId", title, position, "updatedAt")
    SELECT 'ch' || j, 'c' || (j / 4), 'Chapter ' || j, j % 4, ${now}::timestamp FROM generate_series(0, ${COURSES * 4 - 1}::int) AS j`
  await db.$executeRaw`
    INSERT INTO "Video" (id, "chapterId", title, position, status, "mediaFileId", "updatedAt")
    SELECT 'v' || l, 'ch' || (l / 10), 'Lesson ' || l, l % 10, 'READY', 'f' || l, ${now}::timestamp FROM generate_series(0, ${LESSONS - 1}::int) AS l`
  // Links: the first 80 % of the files, each on up to 13 different lessons (k), so a fifth of the
  // library is never linked and the link counts vary.
  const linkedFiles = Math.floor(FILES * 0.8)
  await db.$executeRaw`
    INSERT INTO "MediaLink" (id, "mediaFileId", "ownerId", "targetType", "targetId", role, "courseId", "videoId")
    SELECT 'l' || i, 'f' || f, ${ownerId}, 'LESSON', 'v' || lesson, 'ATTACHMENT', 'c' || (lesson / ${LESSONS_PER_COURSE}), 'v' || lesson
    FROM (SELECT i, i % ${linkedFiles} AS f, ((i % ${linkedFiles}) + 13 * (i / ${linkedFiles})) % ${LESSONS} AS lesson
          FROM generate_series(0, ${LINKS - 1}::int) AS i) s`
  await db.$executeRaw`
    INSERT INTO "User" (id, email, "passwordHash", name, role, "updatedAt")
    SELECT 's' || i, 'bench-student-' || i || '@example.test', 'not-a-hash', 'Student ' || i, 'STUDENT', ${now}::timestamp
    FROM generate_series(0, ${STUDENTS - 1}::int) AS i`
  await db.$executeRaw`
    INSERT INTO "Enrollment" (id, "courseId", "userId")
    SELECT 'e' || s || '-' || m, 'c' || ((s + m) % ${COURSES}), 's' || s
    FROM generate_series(0, ${STUDENTS - 1}::int) AS s, generate_series(0, ${COURSES_PER_STUDENT - 1}::int) AS m`
  // Progress on every lesson of each enrolment, saved over the two years, half completed.
  await db.$executeRaw`
    INSERT INTO "LessonProgress" ("enrollmentId", "videoId", "positionSeconds", "furthestSeconds", "completedAt", "updatedAt")
    SELECT e.id, 'v' || (substr(e."courseId", 2)::int * ${LESSONS_PER_COURSE} + n), 30, 30,
           CASE WHEN n % 2 = 0 THEN at END, at
    FROM "Enrollment" e, generate_series(0, ${LESSONS_PER_COURSE - 1}::int) AS n,
         LATERAL (SELECT ${now}::timestamp - ((hashtext(e.id || n) & 1023) % 730) * interval '1 day' AS at) t
    WHERE e."userId" LIKE 's%'`
  for (const table of ['MediaFile', 'MediaLink', 'Course', 'Chapter', 'Video', 'Enrollment', 'LessonProgress', 'User'])
    await db.$executeRawUnsafe(`ANALYZE "${table}"`)
  const [counts] = await db.$queryRaw<{ files: number, links: number, progress: number }[]>`
    SELECT (SELECT count(*) FROM "MediaFile")::int AS files, (SELECT count(*) FROM "MediaLink")::int AS links, (SELECT count(*) FROM "LessonProgress")::int AS progress`
  return counts!
}
