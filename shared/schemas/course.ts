import { z } from 'zod'

export const COURSE_CATEGORIES = [
  'Development',
  'Data Science',
  'Design',
  'Business',
  'Marketing',
  'Photography',
  'Music',
  'Language',
  'Writing',
  'Health & Fitness',
  'Personal Development',
  'Other',
] as const
export type CourseCategory = typeof COURSE_CATEGORIES[number]

export const COURSE_STATUSES = ['DRAFT', 'PUBLISHED'] as const
export type CourseStatus = typeof COURSE_STATUSES[number]

export const COURSE_LEVELS = ['ALL_LEVELS', 'BEGINNER', 'INTERMEDIATE', 'ADVANCED'] as const
export type CourseLevel = typeof COURSE_LEVELS[number]
export const COURSE_LEVEL_LABELS: Record<CourseLevel, string> = {
  ALL_LEVELS: 'All levels',
  BEGINNER: 'Beginner',
  INTERMEDIATE: 'Intermediate',
  ADVANCED: 'Advanced',
}

/** Teaching languages offered in the editor (BCP 47 tags). */
export const COURSE_LANGUAGES = {
  'en': 'English',
  'es': 'Español',
  'pt-BR': 'Português (Brasil)',
  'fr': 'Français',
  'de': 'Deutsch',
  'it': 'Italiano',
  'nl': 'Nederlands',
  'pl': 'Polski',
  'tr': 'Türkçe',
  'uk': 'Українська',
  'ar': 'العربية',
  'hi': 'हिन्दी',
  'id': 'Bahasa Indonesia',
  'vi': 'Tiếng Việt',
  'zh-CN': '中文 (简体)',
  'ja': '日本語',
  'ko': '한국어',
  'sw': 'Kiswahili',
} as const
export type CourseLanguage = keyof typeof COURSE_LANGUAGES
const languageTags = Object.keys(COURSE_LANGUAGES) as [CourseLanguage, ...CourseLanguage[]]

/** Largest price accepted: 100 000.00 in the course's currency. */
export const MAX_PRICE_CENTS = 10_000_000

export const courseTitle = z.string({ required_error: 'Give the course a title' })
  .trim()
  .min(3, 'Use at least 3 characters')
  .max(120, 'Keep the title under 120 characters')

const description = z.string().trim().max(5000, 'Keep the description under 5000 characters')
const category = z.enum(COURSE_CATEGORIES, { errorMap: () => ({ message: 'Pick a category' }) })
const level = z.enum(COURSE_LEVELS, { errorMap: () => ({ message: 'Pick a level' }) })
const language = z.enum(languageTags, { errorMap: () => ({ message: 'Pick a language' }) })
const priceCents = z.number().int('Prices are whole cents').min(100, 'The lowest price is 1.00').max(MAX_PRICE_CENTS, 'The highest price is 100000.00').nullable()
const coverImageUrl = z.string().trim().max(2000).url('Enter a full address starting with https://')
  .refine(url => /^https?:\/\//.test(url), 'Enter a full address starting with https://')
  .nullable()

/** Creating a course (the "New course" dialog): the rest starts from sensible defaults. */
export const CourseInput = z.object({
  title: courseTitle,
  description: description.default(''),
  category,
  level: level.default('ALL_LEVELS'),
  language: language.default('en'),
  priceCents: priceCents.default(null),
  coverImageUrl: coverImageUrl.default(null),
})
export type CourseInput = z.infer<typeof CourseInput>

/** PATCH takes any subset, so a form sends only what changed; at least one field is required. */
export const CourseUpdateInput = z.object({ title: courseTitle, description, category, level, language, priceCents, coverImageUrl })
  .partial()
  .refine(value => Object.values(value).some(v => v !== undefined), { message: 'Send at least one field to change' })
export type CourseUpdateInput = z.infer<typeof CourseUpdateInput>

/**
 * The editor's details form: what people type (a price as text, free as a switch, an empty
 * cover field), validated with the same field rules. Its output keeps the form's shape
 * (VeeValidate casts values through the schema); toCourseUpdate turns it into the API's.
 */
export const CourseDetailsForm = z.object({
  title: courseTitle,
  description,
  category,
  level,
  language,
  isFree: z.boolean(),
  price: z.string().trim(),
  coverImageUrl: z.string().trim(),
}).superRefine((value, ctx) => {
  if (!value.isFree && !/^\d{1,6}(\.\d{1,2})?$/.test(value.price))
    ctx.addIssue({ code: 'custom', path: ['price'], message: 'Enter a price such as 19.99, or make the course free' })
  else if (!value.isFree && Math.round(Number(value.price) * 100) < 100)
    ctx.addIssue({ code: 'custom', path: ['price'], message: 'The lowest price is 1.00' })
  if (value.coverImageUrl && !coverImageUrl.safeParse(value.coverImageUrl).success)
    ctx.addIssue({ code: 'custom', path: ['coverImageUrl'], message: 'Enter a full address starting with https://' })
})

export function toCourseUpdate(value: z.output<typeof CourseDetailsForm>): Required<CourseUpdateInput> {
  return {
    title: value.title,
    description: value.description,
    category: value.category,
    level: value.level,
    language: value.language,
    priceCents: value.isFree ? null : Math.round(Number(value.price) * 100),
    coverImageUrl: value.coverImageUrl || null,
  }
}
export type CourseDetailsFormValues = z.input<typeof CourseDetailsForm>

export const CourseIdParams = z.object({
  id: z.string().min(1).max(64).regex(/^[\w-]+$/, 'Not a course id'),
})
