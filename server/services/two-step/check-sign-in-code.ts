// The second step of signing in: a code from the app (once per time step, so a code seen over a
// shoulder cannot be used again) or an unused recovery code.
import { useDb } from '../../database/db'
import { acceptedStep } from './totp'
import { spendRecoveryCode } from './recovery-codes'

/** The user's fields the check reads, from the caller's read of the row. */
export interface TwoStepState { id: string, twoStepSecret: string | null, twoStepLastStep: number | null }

/** Which kind of code signed this user in (it is then spent), or null. */
export async function checkSignInCode(user: TwoStepState, code: string): Promise<'app' | 'recovery' | null> {
  const db = useDb()
  const userId = user.id
  if (!user.twoStepSecret) return null
  if (/^\d{6}$/.test(code)) {
    const step = acceptedStep(user.twoStepSecret, code, user.twoStepLastStep)
    if (step === null) return null
    // Only if no other sign-in took this step or a later one since the read.
    const { count } = await db.user.updateMany({
      where: { id: userId, OR: [{ twoStepLastStep: null }, { twoStepLastStep: { lt: step } }] },
      data: { twoStepLastStep: step },
    })
    return count === 1 ? 'app' : null
  }
  return await spendRecoveryCode(db, userId, code) ? 'recovery' : null
}
