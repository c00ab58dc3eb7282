// "Add student by email": VeeValidate state validated by the schema the route uses.
import { useForm } from 'vee-validate'
import { toTypedSchema } from '@vee-validate/zod'
import { AddStudentInput } from '#shared/schemas/learning'

export function useAddStudentForm() {
  return useForm({ validationSchema: toTypedSchema(AddStudentInput), initialValues: { email: '' } })
}
