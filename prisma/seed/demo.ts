// The demo data a new user sees on first start (README lists the accounts). Idempotent: it only
// seeds a database without the demo instructor, so restarting never duplicates anything.
import type { PrismaClient } from '../../server/generated/prisma/client.ts'
import { slugify } from '../../shared/utils/slug.ts'
import { createCourse, createOutline, createUser } from './factories.ts'
import type { CourseData } from './factories.ts'
import { seedDemoCatalog, seedDemoVideos } from './demo-catalog.ts'

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

export async function seedDemoData(db: PrismaClient, now = new Date()): Promise<boolean> {
  if (await db.user.findUnique({ where: { email: DEMO_ACCOUNTS[0].email } })) return false
  const [instructor] = await Promise.all(DEMO_ACCOUNTS.map(account => createUser(db, { ...account, password: DEMO_PASSWORD })))
  for (const { daysAgo, deletedDaysAgo, outline = [], ...course } of DEMO_COURSES) {
    const created = await createCourse(db, instructor!.id, {
      ...course,
      slug: slugify(course.title!),
      updatedAt: new Date(now.getTime() - daysAgo * DAY),
      deletedAt: deletedDaysAgo === undefined ? null : new Date(now.getTime() - deletedDaysAgo * DAY),
    })
    await createOutline(db, created.id, outline)
  }
  await seedDemoCatalog(db, now, DEMO_PASSWORD)
  await seedDemoVideos(db)
  return true
}
