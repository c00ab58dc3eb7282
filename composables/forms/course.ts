// The course forms: "New course" (title, category, description) and the editor's details form.
import { useForm } from 'vee-validate'
import { toTypedSchema } from '@vee-validate/zod'
import { CourseDetailsForm, CourseInput, toCourseUpdate } from '#shared/schemas/course'
import type { CourseDetailsFormValues, CourseUpdateInput } from '#shared/schemas/course'
import type { Course } from '#shared/types/course'
import { computed } from 'vue'
import { useServerBackedForm } from './server-backed-form'

export function useCourseCreateForm() {
  return useForm({
    validationSchema: toTypedSchema(CourseInput.pick({ title: true, description: true, category: true })),
    initialValues: { title: '', description: '', category: undefined },
  })
}

const DETAIL_FIELDS = ['title', 'description', 'category', 'level', 'language', 'isFree', 'price', 'coverImageUrl'] as const
type DetailField = typeof DETAIL_FIELDS[number]

/** Which API field a form field feeds: the free switch and the price text both make priceCents. */
const apiFieldOf = (field: DetailField): keyof CourseUpdateInput => (field === 'isFree' || field === 'price' ? 'priceCents' : field)

export function courseDetailsValues(course: Course): CourseDetailsFormValues {
  return {
    title: course.title,
    description: course.description,
    category: course.category,
    level: course.level,
    language: course.language,
    isFree: course.priceCents === null,
    price: course.priceCents === null ? '' : (course.priceCents / 100).toFixed(2),
    coverImageUrl: course.coverImageUrl ?? '',
  }
}

export function useCourseDetailsForm(course: Course) {
  const form = useServerBackedForm({
    schema: toTypedSchema(CourseDetailsForm),
    initial: courseDetailsValues(course),
    fields: DETAIL_FIELDS,
  })

  const changedApiFields = () => [...new Set(form.changedFields().map(apiFieldOf))]

  return {
    ...form,
    /** Unsaved changes as a person counts them (price and "free" are one change). */
    changeCount: computed(() => new Set(form.changedFields().map(apiFieldOf)).size),
    /**
     * The PATCH body: only the fields the user changed, with their validated values, so a save
     * never overwrites what another tab changed in fields this user did not touch.
     */
    changedValues: (validated: CourseDetailsFormValues): CourseUpdateInput => {
      const update = toCourseUpdate(validated as Parameters<typeof toCourseUpdate>[0])
      return Object.fromEntries(changedApiFields().map(field => [field, update[field]]))
    },
  }
}

export type CourseDetailsFormApi = ReturnType<typeof useCourseDetailsForm>
