// The demo catalog beyond the demo instructor's own courses: a second instructor with published
// courses across categories and levels (free and priced), enough to search, filter and page
// through on first start; and generated videos on every lesson of the published courses.
import type { PrismaClient } from '../../server/generated/prisma/client.ts'
import type { CourseCategory, CourseLevel } from '../../shared/schemas/course.ts'
import { slugify } from '../../shared/utils/slug.ts'
import { attachDemoVideo, makeDemoClips } from './demo-media.ts'
import { createCourse, createOutline, createUser } from './factories.ts'

const DAY = 86_400_000

export const SECOND_INSTRUCTOR = { email: 'jonas@lectern.dev', name: 'Jonas Weber', role: 'INSTRUCTOR' } as const

const CATALOG: { title: string, description: string, category: CourseCategory, level: CourseLevel, priceCents?: number, lessons: string[] }[] = [
  { title: 'Figma for Product Teams', description: 'Components, variants and auto layout for design systems that developers can build from.', category: 'Design', level: 'INTERMEDIATE', priceCents: 3900, lessons: ['Frames and constraints', 'Components and variants', 'Handing off to developers'] },
  { title: 'Colour Theory for Interfaces', description: 'Contrast, palettes and accessible colour choices for screens, with before-and-after redesigns.', category: 'Design', level: 'BEGINNER', lessons: ['Hue, value, saturation', 'Contrast that passes', 'Building a palette'] },
  { title: 'SQL for Analysts', description: 'Select, join, group and window functions on a real sales dataset, from first query to dashboard.', category: 'Data Science', level: 'BEGINNER', lessons: ['Your first SELECT', 'Joins without fear', 'Grouping and window functions'] },
  { title: 'Machine Learning with scikit-learn', description: 'Regression, classification and model evaluation in Python, with honest validation.', category: 'Data Science', level: 'ADVANCED', priceCents: 5900, lessons: ['Train, validate, test', 'Pipelines', 'Choosing a metric'] },
  { title: 'Starting a Small Business', description: 'Validate an idea, price it, and keep simple books in the first year.', category: 'Business', level: 'ALL_LEVELS', lessons: ['Is anyone paying?', 'Pricing your work', 'Bookkeeping basics'] },
  { title: 'Email Marketing that People Read', description: 'Lists, segments and newsletters with measurable results and no dark patterns.', category: 'Marketing', level: 'INTERMEDIATE', priceCents: 1900, lessons: ['Building a list', 'Writing subject lines', 'Measuring what matters'] },
  { title: 'Guitar Chords in 30 Days', description: 'Open chords, strumming patterns and your first three songs, a little every day.', category: 'Music', level: 'BEGINNER', lessons: ['Holding the guitar', 'G, C and D', 'Strumming patterns'] },
  { title: 'Conversational Spanish A2', description: 'Everyday conversations, past tenses and listening practice with native speakers.', category: 'Language', level: 'INTERMEDIATE', lessons: ['Introductions', 'Talking about yesterday', 'At the market'] },
  { title: 'Strength Training Basics', description: 'Squat, hinge, push and pull with safe technique and a simple weekly plan.', category: 'Health & Fitness', level: 'BEGINNER', lessons: ['Warming up', 'The squat', 'A weekly plan'] },
  { title: 'Deep Work for Remote Teams', description: 'Focus time, asynchronous writing and meetings that earn their place.', category: 'Personal Development', level: 'ALL_LEVELS', lessons: ['Protecting focus', 'Writing instead of meeting'] },
  { title: 'TypeScript for JavaScript Developers', description: 'Types, generics and strictness added to an existing codebase, one file at a time.', category: 'Development', level: 'INTERMEDIATE', priceCents: 2900, lessons: ['Why types', 'Generics', 'Strict mode migration'] },
  { title: 'Accessible Web Forms', description: 'Labels, errors, focus and keyboard use that work for everyone, tested with a screen reader.', category: 'Development', level: 'ADVANCED', lessons: ['Labels and names', 'Errors people notice', 'Keyboard and focus'] },
]

export async function seedDemoCatalog(db: PrismaClient, now: Date, password: string): Promise<void> {
  const jonas = await createUser(db, { ...SECOND_INSTRUCTOR, password })
  for (const [index, { lessons, ...course }] of CATALOG.entries()) {
    const created = await createCourse(db, jonas.id, {
      ...course,
      priceCents: course.priceCents ?? null,
      status: 'PUBLISHED',
      slug: slugify(course.title),
      updatedAt: new Date(now.getTime() - (index + 2) * DAY),
    })
    await createOutline(db, created.id, [['Lessons', lessons]])
  }
}

/** Every lesson of every published course gets one of a few generated clips. */
export async function seedDemoVideos(db: PrismaClient): Promise<number> {
  const lessons = await db.video.findMany({
    where: { mediaFileId: null, chapter: { course: { status: 'PUBLISHED', deletedAt: null } } },
    select: { id: true, title: true, chapter: { select: { course: { select: { ownerId: true } } } } },
    orderBy: { id: 'asc' },
  })
  const clips = lessons.length ? makeDemoClips([12, 20, 30]) : []
  if (!clips.length) return 0
  for (const [i, lesson] of lessons.entries()) {
    await attachDemoVideo(db, { ownerId: lesson.chapter.course.ownerId, lessonId: lesson.id, clip: clips[i % clips.length]!, fileName: `${lesson.title}.mp4` })
  }
  return lessons.length
}
