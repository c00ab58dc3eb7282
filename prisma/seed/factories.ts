// Factories for users and courses: the demo seed and the tests build their data from these, so
// what a new user sees on first start and what the tests exercise are the same shapes.
import { randomUUID } from 'node:crypto'
import type { PrismaClient } from '../../server/generated/prisma/client.ts'
import { hashPassword } from '../../server/database/passwords.ts'
import { slugify } from '../../shared/utils/slug.ts'
import type { CourseCategory, CourseLevel, CourseStatus } from '../../shared/schemas/course.ts'

export type Role = 'INSTRUCTOR' | 'STUDENT' | 'OBSERVER'

export interface UserData {
  email: string
  name: string
  role: Role
  password: string
}

export interface CourseData {
  title: string
  description: string
  category: CourseCategory
  status: CourseStatus
  priceCents: number | null
  level: CourseLevel
}

const unique = () => randomUUID().slice(0, 8)

/** A user that does not exist yet: unique email, a valid password. */
export function buildUser(overrides: Partial<UserData> = {}): UserData {
  const id = unique()
  return {
    email: `user-${id}@example.test`,
    name: `Test User ${id}`,
    role: 'INSTRUCTOR',
    password: `pw-${id}-${unique()}`,
    ...overrides,
  }
}

export function buildCourse(overrides: Partial<CourseData> = {}): CourseData {
  return {
    title: `Course ${unique()}`,
    description: 'A course built by the test factories.',
    category: 'Development',
    status: 'DRAFT',
    priceCents: null,
    level: 'ALL_LEVELS',
    ...overrides,
  }
}

export async function createUser(db: PrismaClient, overrides: Partial<UserData> = {}) {
  const data = buildUser(overrides)
  const user = await db.user.create({
    data: { email: data.email, name: data.name, role: data.role, passwordHash: await hashPassword(data.password) },
  })
  return { ...user, password: data.password }
}

export async function createCourse(db: PrismaClient, ownerId: string, overrides: Partial<CourseData> & { slug?: string, deletedAt?: Date | null, updatedAt?: Date } = {}) {
  const { deletedAt = null, updatedAt, slug, ...rest } = overrides
  const data = buildCourse(rest)
  return db.course.create({
    data: {
      ...data,
      ownerId,
      slug: slug ?? `${slugify(data.title)}-${unique()}`,
      deletedAt,
      // Published courses enter the catalog when they were last changed (or now).
      publishedAt: data.status === 'PUBLISHED' ? (updatedAt ?? new Date()) : null,
      ...(updatedAt ? { updatedAt, createdAt: updatedAt } : {}),
    },
  })
}

/** Enrols a student (progress is recorded through the API, like a real player would). */
export async function createEnrollment(db: PrismaClient, courseId: string, userId: string, overrides: { source?: 'SELF' | 'INSTRUCTOR', createdAt?: Date, lastActiveAt?: Date } = {}) {
  return db.enrollment.create({ data: { courseId, userId, source: overrides.source ?? 'SELF', createdAt: overrides.createdAt, lastActiveAt: overrides.lastActiveAt ?? overrides.createdAt } })
}

/** Chapters with lessons, in order: `[['Chapter', ['Lesson 1', 'Lesson 2']], …]`. */
export async function createOutline(db: PrismaClient, courseId: string, outline: [string, string[]][]) {
  const chapters = []
  for (const [position, [title, lessons]] of outline.entries()) {
    chapters.push(await db.chapter.create({
      data: { courseId, title, position, videos: { create: lessons.map((lesson, index) => ({ title: lesson, position: index, freePreview: position === 0 && index === 0 })) } },
      include: { videos: { orderBy: { position: 'asc' } } },
    }))
  }
  return chapters
}

/** A message in a student–instructor conversation (opened if needed); `sender: null` for Lectern's own. */
export async function createMessage(db: PrismaClient, pair: { studentId: string, instructorId: string }, message: { senderId: string | null, type: 'DAILY_NOTE' | 'INSTRUCTOR_RESPONSE' | 'ACTIVITY_LOG' | 'MILESTONE', body: string, at: Date, targetDate?: string, access?: 'PARTICIPANTS' | 'OBSERVERS', payload?: Record<string, unknown>, courseId?: string }) {
  const conversation = await db.conversation.upsert({
    where: { studentId_instructorId: pair },
    create: pair,
    update: {},
  })
  const created = await db.message.create({
    data: {
      conversationId: conversation.id,
      senderId: message.senderId,
      type: message.type,
      body: message.body,
      targetDate: new Date(message.targetDate ?? message.at.toISOString().slice(0, 10)),
      access: message.access ?? (message.senderId ? 'PARTICIPANTS' : 'OBSERVERS'),
      payload: (message.payload ?? { v: 1 }) as object,
      courseId: message.courseId ?? null,
      createdAt: message.at,
    },
  })
  await db.conversation.update({ where: { id: conversation.id }, data: { lastMessageAt: message.at } })
  return created
}
