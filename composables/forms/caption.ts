// The studio's "Add captions" form: language and label are form values over the shared schema;
// the file is picked (an <input type="file">), not typed, so it stays out of the form.
import { useForm } from 'vee-validate'
import { toTypedSchema } from '@vee-validate/zod'
import { CaptionForm } from '#shared/schemas/caption'

export function useCaptionForm() {
  return useForm({ validationSchema: toTypedSchema(CaptionForm), initialValues: { language: '', label: '' } })
}
