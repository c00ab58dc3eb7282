import { z } from 'zod'

export const email = z.string({ required_error: 'Enter your email' })
  .trim()
  .toLowerCase()
  .min(1, 'Enter your email')
  .max(254, 'That email is too long')
  .email('Enter a valid email address')

/**
 * Characters that change how the text around them is shown without being seen themselves:
 * direction controls (U+202E turns "Ann\u202Eevil" around, so one name can pose as another) and
 * zero-width characters (two names that look the same but differ).
 */
const INVISIBLE = /[\u061C\u200B-\u200F\u202A-\u202E\u2060-\u2069\uFEFF]/

export const displayName = z.string({ required_error: 'Enter your name' })
  .trim()
  .min(1, 'Enter your name')
  .max(100, 'Keep the name under 100 characters')
  .refine(name => !INVISIBLE.test(name), 'Names cannot contain invisible or text-direction characters')

export const SignInInput = z.object({
  email,
  password: z.string({ required_error: 'Enter your password' }).min(1, 'Enter your password').max(200),
})
export type SignInInput = z.infer<typeof SignInInput>

/** Roles a person may pick when signing up; observers are invited, not self-registered. */
export const SIGN_UP_ROLES = ['INSTRUCTOR', 'STUDENT'] as const

/** OWASP ASVS 2.1.1: at least 12 characters (a passphrase of a few words is easy to type on a phone). */
export const PASSWORD_MIN_LENGTH = 12
/** The hint under every field where someone chooses a password. */
export const PASSWORD_HINT = `At least ${PASSWORD_MIN_LENGTH} characters; a few words you remember work well.`

/**
 * The rules of a password someone chooses (sign-up, reset, invitation, password change). The
 * server also refuses the most common ones (server/services/auth/chosen-password.ts).
 */
export const newPassword = z.string({ required_error: 'Choose a password' })
  .min(PASSWORD_MIN_LENGTH, `Use at least ${PASSWORD_MIN_LENGTH} characters`)
  .max(200, 'Keep the password under 200 characters')

export const SignUpInput = z.object({
  name: displayName,
  email,
  password: newPassword,
  role: z.enum(SIGN_UP_ROLES, { errorMap: () => ({ message: 'Choose instructor or student' }) }),
})
export type SignUpInput = z.infer<typeof SignUpInput>
