import { describe, expect, it } from 'vitest'
import { SignInInput, SignUpInput } from '../../shared/schemas/auth'
import { COURSE_CATEGORIES, CourseInput, CourseUpdateInput } from '../../shared/schemas/course'

describe('CourseInput', () => {
  it('trims the title and defaults the description', () => {
    expect(CourseInput.parse({ title: '  Intro to Go  ', category: 'Development' })).toEqual({ title: 'Intro to Go', description: '', category: 'Development' })
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

describe('auth schemas', () => {
  it('normalises the email so sign-in is case-insensitive', () => {
    expect(SignInInput.parse({ email: '  Ada@Example.COM ', password: 'x' }).email).toBe('ada@example.com')
  })

  it('lets people sign up only as instructor or student, with an 8-character password', () => {
    expect(SignUpInput.safeParse({ name: 'Ada', email: 'ada@example.com', password: '12345678', role: 'STUDENT' }).success).toBe(true)
    expect(SignUpInput.safeParse({ name: 'Ada', email: 'ada@example.com', password: '12345678', role: 'OBSERVER' }).success).toBe(false)
    expect(SignUpInput.safeParse({ name: 'Ada', email: 'ada@example.com', password: '1234567', role: 'STUDENT' }).success).toBe(false)
  })
})
