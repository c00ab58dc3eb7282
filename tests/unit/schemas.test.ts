import { describe, expect, it } from 'vitest'
import { SignInInput, SignUpInput } from '../../shared/schemas/auth'
import { COURSE_CATEGORIES, CourseDetailsForm, CourseInput, CourseUpdateInput, toCourseUpdate } from '../../shared/schemas/course'
import { OutlineDeleteInput, OutlineOrderInput } from '../../shared/schemas/outline'

describe('CourseInput', () => {
  it('trims the title and fills the rest with defaults: free, English, all levels', () => {
    expect(CourseInput.parse({ title: '  Intro to Go  ', category: 'Development' })).toEqual({
      title: 'Intro to Go', description: '', category: 'Development', level: 'ALL_LEVELS', language: 'en', priceCents: null, coverImageUrl: null,
    })
  })

  it('says what is wrong with each field', () => {
    const result = CourseInput.safeParse({ title: 'ab', description: 'x'.repeat(5001), category: 'Cooking' })
    expect(result.success).toBe(false)
    const messages = Object.fromEntries(result.error!.issues.map(i => [i.path.join('.'), i.message]))
    expect(messages).toEqual({ title: 'Use at least 3 characters', description: 'Keep the description under 5000 characters', category: 'Pick a category' })
  })

  it('accepts every listed category', () => {
    for (const category of COURSE_CATEGORIES) expect(CourseInput.safeParse({ title: 'Valid', category }).success).toBe(true)
  })

  it('update takes any single field but not an empty change', () => {
    expect(CourseUpdateInput.parse({ category: 'Music' })).toEqual({ category: 'Music' })
    expect(CourseUpdateInput.safeParse({}).success).toBe(false)
  })
})

describe('CourseDetailsForm', () => {
  const base = { title: 'Go', description: '', category: 'Development', level: 'BEGINNER', language: 'pt-BR', isFree: false, price: '19.99', coverImageUrl: '' } as const

  it('turns what people type into the API\'s shape', () => {
    expect(toCourseUpdate(CourseDetailsForm.parse({ ...base, title: 'Go basics', coverImageUrl: ' https://img.example/c.png ' }))).toEqual({
      title: 'Go basics', description: '', category: 'Development', level: 'BEGINNER', language: 'pt-BR', priceCents: 1999, coverImageUrl: 'https://img.example/c.png',
    })
    expect(toCourseUpdate(CourseDetailsForm.parse({ ...base, title: 'Go basics', isFree: true, price: 'ignored' })).priceCents).toBeNull()
  })

  it('explains a bad price or cover address under the field', () => {
    const result = CourseDetailsForm.safeParse({ ...base, title: 'Go basics', price: '19,99', coverImageUrl: 'ftp://x' })
    const messages = Object.fromEntries(result.error!.issues.map(i => [i.path.join('.'), i.message]))
    expect(messages).toEqual({ price: 'Enter a price such as 19.99, or make the course free', coverImageUrl: 'Enter a full address starting with https://' })
    expect(CourseDetailsForm.safeParse({ ...base, title: 'Go basics', price: '0.50' }).error!.issues[0]!.message).toBe('The lowest price is 1.00')
  })
})

describe('outline schemas', () => {
  it('refuses an order listing a chapter or lesson twice', () => {
    expect(OutlineOrderInput.safeParse({ chapters: [{ id: 'a', lessonIds: ['v'] }, { id: 'b', lessonIds: ['v'] }] }).success).toBe(false)
    expect(OutlineOrderInput.safeParse({ chapters: [{ id: 'a', lessonIds: [] }, { id: 'a', lessonIds: [] }] }).success).toBe(false)
    expect(OutlineOrderInput.safeParse({ chapters: [{ id: 'a', lessonIds: ['v'] }, { id: 'b', lessonIds: ['w'] }] }).success).toBe(true)
  })

  it('needs something to delete', () => {
    expect(OutlineDeleteInput.safeParse({}).success).toBe(false)
    expect(OutlineDeleteInput.parse({ lessonIds: ['v'] })).toEqual({ chapterIds: [], lessonIds: ['v'] })
  })
})

describe('auth schemas', () => {
  it('normalises the email so sign-in is case-insensitive', () => {
    expect(SignInInput.parse({ email: '  Ada@Example.COM ', password: 'x' }).email).toBe('ada@example.com')
  })

  it('lets people sign up only as instructor or student, with a password of at least 12 characters', () => {
    expect(SignUpInput.safeParse({ name: 'Ada', email: 'ada@example.com', password: 'tulip-kettle', role: 'STUDENT' }).success).toBe(true)
    expect(SignUpInput.safeParse({ name: 'Ada', email: 'ada@example.com', password: 'tulip-kettle', role: 'OBSERVER' }).success).toBe(false)
    expect(SignUpInput.safeParse({ name: 'Ada', email: 'ada@example.com', password: 'tulip-kettl', role: 'STUDENT' }).success).toBe(false)
  })
})
