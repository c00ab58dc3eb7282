// The demo data a new user sees on first start (README lists the accounts). Idempotent: it only
// seeds a database without the demo instructor, so restarting never duplicates anything.
import type { PrismaClient } from '../../server/generated/prisma/client.ts'
import { slugify } from '../../shared/utils/slug.ts'
import { seedDemoCaptions } from './demo-captions.ts'
import { createCourse, createEnrollment, createMessage, createOutline, createUser } from './factories.ts'
import type { CourseData } from './factories.ts'
import { seedDemoCatalog, seedDemoVideos } from './demo-catalog.ts'
import { seedDemoConversation } from './demo-conversation.ts'
import { seedDemoLibrary } from './demo-library.ts'
import { seedDemoMediaHistory } from './demo-media-history.ts'

export const DEMO_PASSWORD = 'lectern-demo'

export const DEMO_ACCOUNTS = [
  { email: 'instructor@lectern.dev', name: 'Maya Okafor', role: 'INSTRUCTOR' },
  { email: 'student@lectern.dev', name: 'Sam Rivera', role: 'STUDENT' },
  { email: 'observer@lectern.dev', name: 'Olivia Chen', role: 'OBSERVER' },
] as const

const DAY = 86_400_000

type DemoCourse = Partial<CourseData> & { daysAgo: number, deletedDaysAgo?: number, priceCents?: number, outline?: [string, string[]][] }

const DEMO_COURSES: DemoCourse[] = [
  {
    title: 'Modern JavaScript from First Principles',
    description: 'Values, functions, closures, modules and async code, built up one idea at a time with small exercises after every lesson.',
    category: 'Development',
    status: 'PUBLISHED',
    daysAgo: 1,
    priceCents: 2900,
    outline: [
      ['Values and types', ['What a value is', 'Numbers and strings', 'Objects and arrays']],
      ['Functions', ['Declaring and calling', 'Closures', 'Higher-order functions']],
      ['Asynchronous code', ['Callbacks', 'Promises', 'async and await']],
    ],
  },
  {
    title: 'Testing JavaScript Applications',
    description: 'Unit, integration and browser tests that catch real bugs and survive refactoring, with fast feedback on every change.',
    category: 'Development',
    status: 'PUBLISHED',
    daysAgo: 2,
    priceCents: 3400,
    outline: [
      ['What to test', ['Tests that catch bugs', 'The testing trophy']],
      ['In the browser', ['Driving a real browser', 'Waiting for the right thing']],
    ],
  },
  {
    title: 'Data Visualisation with D3',
    description: 'Turn raw tables into charts people understand: scales, axes, transitions and the grammar behind good charts.',
    category: 'Data Science',
    status: 'PUBLISHED',
    daysAgo: 4,
    outline: [
      ['Foundations', ['Why charts work', 'Scales and axes']],
      ['Interaction', ['Transitions', 'Tooltips and brushing']],
    ],
  },
  {
    title: 'Product Photography with a Phone',
    description: 'Light, background and composition for shop-ready photos, using only a phone and a window.',
    category: 'Photography',
    status: 'DRAFT',
    daysAgo: 9,
    outline: [
      ['Light', ['Window light', 'Reflectors']],
      ['Composition', []],
    ],
  },
  {
    title: 'Writing Clear Technical Documentation',
    description: 'Plan, write and maintain docs that answer real questions: tutorials, how-tos, reference and explanation.',
    category: 'Writing',
    status: 'DRAFT',
    daysAgo: 16,
  },
  {
    title: 'Spreadsheets for Beginners (2019 edition)',
    description: 'Superseded by the new edition; kept in Recently deleted in case students ask for it.',
    category: 'Business',
    status: 'DRAFT',
    daysAgo: 40,
    deletedDaysAgo: 3,
  },
]

/**
 * The demo student's courses, so the instructor's students pages show someone on first start:
 * the free course they enrolled in themselves (one lesson done), and the priced one the
 * instructor gave them (how paid access is granted).
 */
const DEMO_ENROLMENTS: { course: string, source: 'SELF' | 'INSTRUCTOR', daysAgo: number, completedLessons: number }[] = [
  { course: 'Data Visualisation with D3', source: 'SELF', daysAgo: 3, completedLessons: 1 },
  { course: 'Modern JavaScript from First Principles', source: 'INSTRUCTOR', daysAgo: 1, completedLessons: 0 },
]

export async function seedDemoData(db: PrismaClient, now = new Date()): Promise<boolean> {
  if (await db.user.findUnique({ where: { email: DEMO_ACCOUNTS[0].email } })) return false
  const [instructor, student, observer] = await Promise.all(DEMO_ACCOUNTS.map(account => createUser(db, { ...account, password: DEMO_PASSWORD })))
  const lessonsByCourse = new Map<string, { courseId: string, lessonIds: string[] }>()
  for (const { daysAgo, deletedDaysAgo, outline = [], ...course } of DEMO_COURSES) {
    const created = await createCourse(db, instructor!.id, {
      ...course,
      slug: slugify(course.title!),
      updatedAt: new Date(now.getTime() - daysAgo * DAY),
      deletedAt: deletedDaysAgo === undefined ? null : new Date(now.getTime() - deletedDaysAgo * DAY),
    })
    const chapters = await createOutline(db, created.id, outline)
    lessonsByCourse.set(created.title, { courseId: created.id, lessonIds: chapters.flatMap(c => c.videos.map(v => v.id)) })
  }
  for (const { course, source, daysAgo, completedLessons } of DEMO_ENROLMENTS) {
    const { courseId, lessonIds } = lessonsByCourse.get(course)!
    const enrolledAt = new Date(now.getTime() - daysAgo * DAY)
    const enrollment = await createEnrollment(db, courseId, student!.id, { source, createdAt: enrolledAt })
    const done = lessonIds.slice(0, completedLessons)
    // Completed as if watched (the videos are attached after this, by seedDemoVideos).
    for (const [index, lessonId] of done.entries()) {
      const completedAt = new Date(enrolledAt.getTime() + (index + 1) * 3_600_000)
      await db.lessonProgress.create({ data: { enrollmentId: enrollment.id, videoId: lessonId, completedAt } })
      await db.enrollment.update({ where: { id: enrollment.id }, data: { lastVideoId: lessonId, lastActiveAt: completedAt } })
    }
  }
  await seedDemoConversation(db, { studentId: student!.id, instructorId: instructor!.id, observerId: observer!.id }, now)
  // The student asked for the priced course they are not in: the instructor's conversation shows
  // the request with "Enrol Sam Rivera" (one click), as "Request access" on the course page makes it.
  const requested = 'Testing JavaScript Applications'
  await createMessage(db, { studentId: student!.id, instructorId: instructor!.id }, {
    senderId: null,
    type: 'ACTIVITY_LOG',
    body: `${student!.name} asked for access to ${requested}`,
    at: new Date(now.getTime() - 30 * 60_000),
    access: 'PARTICIPANTS',
    courseId: lessonsByCourse.get(requested)!.courseId,
    payload: { v: 1, event: 'access-requested', courseTitle: requested, studentName: student!.name, studentEmail: student!.email },
  })
  await seedDemoCatalog(db, now, DEMO_PASSWORD)
  await seedDemoVideos(db)
  await seedDemoCaptions(db, DEMO_ENROLMENTS.map(({ course }) => lessonsByCourse.get(course)!.courseId))
  await seedDemoLibrary(db, { ownerId: instructor!.id, now })
  await seedDemoMediaHistory(db, { instructorId: instructor!.id, studentId: student!.id }, now)
  return true
}
