import { describe, expect, it } from 'vitest'
import { createSSRApp, defineComponent, h, nextTick } from 'vue'
import { renderToString } from 'vue/server-renderer'
import { useField } from 'vee-validate'
import type { CourseDetailsFormValues } from '../../shared/schemas/course'
import type { Course } from '../../shared/types/course'
import { courseDetailsValues, useCourseDetailsForm } from '../../composables/forms/course'
import type { CourseDetailsFormApi } from '../../composables/forms/course'

const course = (extra: Partial<Course> = {}): Course => ({
  id: 'c1', title: 'Go basics', slug: 'go-basics', description: 'Learn Go', category: 'Development', level: 'BEGINNER',
  language: 'en', priceCents: null, currency: 'USD', coverImageUrl: null, status: 'DRAFT',
  createdAt: '2026-11-01T00:00:00.000Z', updatedAt: '2026-11-01T00:00:00.000Z', deletedAt: null, ...extra,
})

/** Runs the composable inside a real component (VeeValidate needs one), with fields mounted like the editor's. */
async function mountForm(initial: Course): Promise<CourseDetailsFormApi> {
  let form!: CourseDetailsFormApi
  const Fields = defineComponent({
    setup() {
      for (const name of ['title', 'description', 'category', 'level', 'language', 'isFree', 'price', 'coverImageUrl']) useField(name)
      return () => null
    },
  })
  const app = createSSRApp(defineComponent({
    setup() {
      form = useCourseDetailsForm(initial)
      return () => h(Fields)
    },
  }))
  await renderToString(app)
  return form
}

describe('useCourseDetailsForm', () => {
  it('starts from the server\'s course as people see it: a free switch and a price text', async () => {
    const form = await mountForm(course({ priceCents: 2450, coverImageUrl: 'https://img.example/c.png' }))
    expect(form.values).toMatchObject({ isFree: false, price: '24.50', coverImageUrl: 'https://img.example/c.png' })
    const free = await mountForm(course())
    expect(free.values).toMatchObject({ isFree: true, price: '', coverImageUrl: '' })
    expect(free.meta.value.dirty).toBe(false)
  })

  it('counts changes as a person would and sends only what changed', async () => {
    const form = await mountForm(course())
    form.setFieldValue('description', 'Learn Go, properly')
    form.setFieldValue('isFree', false)
    form.setFieldValue('price', '19')
    await nextTick()
    expect(form.changeCount.value).toBe(2) // description, price (switch and text are one change)
    expect(form.changedValues(form.values as CourseDetailsFormValues)).toEqual({ description: 'Learn Go, properly', priceCents: 1900 })
  })

  it('resets at once on save, and on failure goes back to the server\'s baseline keeping the typed text', async () => {
    const form = await mountForm(course())
    form.setFieldValue('title', 'Go, the good parts')
    form.markSaved()
    await nextTick()
    expect(form.meta.value.dirty).toBe(false)
    form.revertToServer(courseDetailsValues(course()))
    await nextTick()
    expect(form.values.title).toBe('Go, the good parts')
    expect(form.meta.value.dirty).toBe(true)
    expect(form.changedFields()).toEqual(['title'])
  })

  it('follows the server in untouched fields and keeps what is being typed', async () => {
    const form = await mountForm(course())
    form.setFieldValue('description', 'Being typed…')
    form.serverChanged(courseDetailsValues(course({ title: 'Renamed elsewhere', description: 'Server text' })))
    await nextTick()
    expect(form.values).toMatchObject({ title: 'Renamed elsewhere', description: 'Being typed…' })
    expect(form.changedFields()).toEqual(['description'])
  })
})
