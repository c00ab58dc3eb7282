// Password reset by email: ask for a link, check the link, choose the new password.
import { z } from 'zod'
import { email, newPassword } from './auth'
import { linkToken } from './link-token'

export const RequestPasswordResetInput = z.object({ email })
export type RequestPasswordResetInput = z.infer<typeof RequestPasswordResetInput>

export const PasswordResetTokenInput = z.object({ token: linkToken })
export type PasswordResetTokenInput = z.infer<typeof PasswordResetTokenInput>

export const ResetPasswordInput = z.object({ token: linkToken, password: newPassword })
export type ResetPasswordInput = z.infer<typeof ResetPasswordInput>
