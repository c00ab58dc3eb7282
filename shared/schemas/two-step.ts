import { z } from 'zod'

/**
 * A code from the authenticator app (6 digits) or a recovery code (10 letters and digits, shown in
 * two groups). Spaces and dashes are ignored, as people copy them in.
 */
export const twoStepCode = z.string({ required_error: 'Enter the code' })
  .max(40, 'That code is too long')
  .transform(code => code.replace(/[\s-]/g, '').toLowerCase())
  .refine(code => code.length > 0, 'Enter the code')
  .refine(code => /^\d{6}$/.test(code) || /^[a-z2-7]{10}$/.test(code), 'Enter the 6-digit code from your app, or a recovery code')

const currentPassword = z.string({ required_error: 'Enter your current password' }).min(1, 'Enter your current password').max(200)

/** The second step of signing in. */
export const TwoStepCodeInput = z.object({ code: twoStepCode })
export type TwoStepCodeInput = z.infer<typeof TwoStepCodeInput>

/** Turning it on: a code proves the app holds the secret, the password that it is the account's owner. */
export const TwoStepConfirmInput = z.object({
  code: twoStepCode.refine(code => /^\d{6}$/.test(code), 'Enter the 6-digit code your app shows'),
  currentPassword,
})
export type TwoStepConfirmInput = z.infer<typeof TwoStepConfirmInput>

/** Turning it off and making new recovery codes take the current password. */
export const TwoStepPasswordInput = z.object({ currentPassword })
export type TwoStepPasswordInput = z.infer<typeof TwoStepPasswordInput>

/** How long the second step may wait after the password was right. */
export const TWO_STEP_CHALLENGE_MINUTES = 5
export const RECOVERY_CODE_COUNT = 10
