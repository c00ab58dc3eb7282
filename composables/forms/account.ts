// The account page's forms: VeeValidate state validated by the same zod schemas the routes use.
import { useForm } from 'vee-validate'
import { toTypedSchema } from '@vee-validate/zod'
import type { User } from '#auth-utils'
import { ChangePasswordInput, UpdateAccountInput } from '#shared/schemas/account'
import { TwoStepConfirmInput, TwoStepPasswordInput } from '#shared/schemas/two-step'
import { useServerBackedForm } from './server-backed-form'

export const accountValues = (user: Pick<User, 'name' | 'email'>) => ({ name: user.name, email: user.email })

export function useAccountForm(user: Pick<User, 'name' | 'email'>) {
  return useServerBackedForm({
    schema: toTypedSchema(UpdateAccountInput),
    initial: accountValues(user),
    fields: ['name', 'email'] as const,
  })
}

export function useChangePasswordForm() {
  return useForm({
    validationSchema: toTypedSchema(ChangePasswordInput),
    initialValues: { currentPassword: '', newPassword: '' },
  })
}

export function useTwoStepConfirmForm() {
  return useForm({
    validationSchema: toTypedSchema(TwoStepConfirmInput),
    initialValues: { code: '', currentPassword: '' },
  })
}

/** Turning two-step verification off, or new recovery codes: the current password. */
export function useTwoStepPasswordForm() {
  return useForm({
    validationSchema: toTypedSchema(TwoStepPasswordInput),
    initialValues: { currentPassword: '' },
  })
}
