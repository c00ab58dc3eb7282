// The outline's small forms: renaming a chapter or lesson inline, and adding one. Each is its own
// VeeValidate form over the shared outline title schema, created when it opens.
import { useForm } from 'vee-validate'
import { toTypedSchema } from '@vee-validate/zod'
import { ChapterInput } from '#shared/schemas/outline'

export function useOutlineTitleForm(initialTitle = '') {
  return useForm({ validationSchema: toTypedSchema(ChapterInput), initialValues: { title: initialTitle } })
}
