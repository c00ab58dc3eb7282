// Sign-in and sign-up forms: VeeValidate state validated by the same zod schemas the routes use.
import { useForm } from 'vee-validate'
import { toTypedSchema } from '@vee-validate/zod'
import { SignInInput, SignUpInput } from '#shared/schemas/auth'
import { TwoStepCodeInput } from '#shared/schemas/two-step'

export function useSignInForm(email = '') {
  return useForm({
    validationSchema: toTypedSchema(SignInInput),
    initialValues: { email, password: '' },
  })
}

export function useSignUpForm(role: 'INSTRUCTOR' | 'STUDENT' = 'INSTRUCTOR') {
  return useForm({
    validationSchema: toTypedSchema(SignUpInput),
    initialValues: { name: '', email: '', password: '', role },
  })
}

export function useTwoStepCodeForm() {
  return useForm({
    validationSchema: toTypedSchema(TwoStepCodeInput),
    initialValues: { code: '' },
  })
}
