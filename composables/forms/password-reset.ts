// "Forgot password?" and "choose a new password": VeeValidate state validated by the schemas the
// routes use (the token rides along as a field the person never sees).
import { useForm } from 'vee-validate'
import { toTypedSchema } from '@vee-validate/zod'
import { RequestPasswordResetInput, ResetPasswordInput } from '#shared/schemas/password-reset'

export function useRequestPasswordResetForm(email = '') {
  return useForm({ validationSchema: toTypedSchema(RequestPasswordResetInput), initialValues: { email } })
}

export function useResetPasswordForm(token: string) {
  return useForm({ validationSchema: toTypedSchema(ResetPasswordInput), initialValues: { token, password: '' } })
}
