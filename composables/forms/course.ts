// The course details form. VeeValidate owns the values and the dirty flag; the server's course
// (from Vue Query) only ever sets the form's *initial* values:
// - on save, the form resets at once to what was submitted (optimistic reset: Save disables);
// - if the save fails, the initial values go back to the last server values while the inputs
//   keep the user's text, so the form is dirty again and nothing typed is lost;
// - when the server's course changes (refetch, another tab), the initial values move; fields the
//   user has changed keep what they are typing, untouched fields follow the server.
import { useForm } from 'vee-validate'
import { toTypedSchema } from '@vee-validate/zod'
import { CourseInput } from '#shared/schemas/course'
import type { Course } from '#shared/types/course'

export type CourseFormValues = { title: string, description: string, category: CourseInput['category'] | '' }

const FIELDS = ['title', 'description', 'category'] as const

export const emptyCourseValues = (): CourseFormValues => ({ title: '', description: '', category: '' })

export function courseFormValues(course: Pick<Course, 'title' | 'description' | 'category'>): CourseFormValues {
  return { title: course.title, description: course.description, category: course.category }
}

export function useCourseForm(options: { initial?: CourseFormValues } = {}) {
  const form = useForm<CourseFormValues, CourseInput>({
    validationSchema: toTypedSchema(CourseInput) as never,
    initialValues: options.initial ?? emptyCourseValues(),
  })

  /**
   * Moves the initial values to `base` and re-applies the user's text on top: every current value
   * (`keep: 'all'`, after a failed save) or only the fields that differ from the old initial values
   * (`keep: 'dirty'`, when the server's data changed underneath).
   */
  function rebase(base: CourseFormValues, keep: 'all' | 'dirty') {
    const current = { ...form.values } as CourseFormValues
    const oldInitial = { ...form.meta.value.initialValues } as Partial<CourseFormValues>
    const touched = FIELDS.filter(f => keep === 'all' || current[f] !== oldInitial[f])
    form.resetForm({ values: base })
    for (const field of touched) {
      if (current[field] !== base[field]) form.setFieldValue(field, current[field] as never)
    }
  }

  /**
   * The fields to send: those whose current input differs from the initial values, with their
   * validated (trimmed) values. Compared on the live values, not the submit-time snapshot, so a
   * server update that landed while validating is not sent back as if the user had typed it; and
   * a save never overwrites what another tab changed in fields this user did not touch.
   */
  function changedValues(validated: CourseInput): Partial<CourseInput> {
    const initial = form.meta.value.initialValues as Partial<CourseFormValues>
    const current = form.values as CourseFormValues
    return Object.fromEntries(FIELDS.filter(f => current[f] !== initial[f]).map(f => [f, validated[f]]))
  }

  return {
    ...form,
    changedValues,
    /** The optimistic reset: call with the values being submitted, before the request. */
    markSaved: (submitted: CourseFormValues) => form.resetForm({ values: submitted }),
    /** After a failed save: back to the server's values as the baseline, the user's text kept. */
    revertToServer: (server: CourseFormValues) => rebase(server, 'all'),
    /** The server's course changed (refetch, socket, another tab). */
    serverChanged: (server: CourseFormValues) => rebase(server, 'dirty'),
  }
}

export type CourseForm = ReturnType<typeof useCourseForm>
