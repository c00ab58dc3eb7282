import { z } from 'zod'
import { displayName, email, newPassword } from './auth'

/**
 * The account page's profile form: name and email. A new email takes the current password too
 * (OWASP ASVS 3.7.1: whoever finds a signed-in device must not be able to take the account over
 * by pointing its email, and so its password reset, elsewhere); the server checks it.
 */
export const UpdateAccountInput = z.object({ name: displayName, email, currentPassword: z.string().max(200).optional() })
export type UpdateAccountInput = z.infer<typeof UpdateAccountInput>

export const ChangePasswordInput = z.object({
  currentPassword: z.string({ required_error: 'Enter your current password' }).min(1, 'Enter your current password').max(200),
  newPassword,
})
export type ChangePasswordInput = z.infer<typeof ChangePasswordInput>

export const SessionIdParams = z.object({ id: z.string().min(1).max(64).regex(/^[\w-]+$/, 'Not a session id') })

export const SignOutAllInput = z.object({
  /** true: this device stays signed in ("everywhere else"); false: this one too ("everywhere"). */
  keepCurrent: z.boolean({ required_error: 'Say whether this device stays signed in (keepCurrent)' }),
})
export type SignOutAllInput = z.infer<typeof SignOutAllInput>
