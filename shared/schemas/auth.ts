import { z } from 'zod'

export const email = z.string({ required_error: 'Enter your email' })
  .trim()
  .toLowerCase()
  .min(1, 'Enter your email')
  .max(254, 'That email is too long')
  .email('Enter a valid email address')

export const SignInInput = z.object({
  email,
  password: z.string({ required_error: 'Enter your password' }).min(1, 'Enter your password').max(200),
})
export type SignInInput = z.infer<typeof SignInInput>

/** Roles a person may pick when signing up; observers are invited, not self-registered. */
export const SIGN_UP_ROLES = ['INSTRUCTOR', 'STUDENT'] as const

export const SignUpInput = z.object({
  name: z.string({ required_error: 'Enter your name' }).trim().min(1, 'Enter your name').max(100, 'Keep the name under 100 characters'),
  email,
  password: z.string({ required_error: 'Choose a password' })
    .min(8, 'Use at least 8 characters')
    .max(200, 'Keep the password under 200 characters'),
  role: z.enum(SIGN_UP_ROLES, { errorMap: () => ({ message: 'Choose instructor or student' }) }),
})
export type SignUpInput = z.infer<typeof SignUpInput>
