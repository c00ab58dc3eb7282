// Two-step verification from the account page. Setting up shows a new secret (kept as pending,
// so a half-done set-up changes nothing at sign-in); a code from the app and the current password
// turn it on and make the recovery codes. Turning it off, and new recovery codes, take the
// current password: a signed-in browser left open must not be enough to change how the account
// is protected. Each change is mailed to the owner (`accountLink` in the mail), in case it was
// not them.
import type { TwoStepConfirmInput, TwoStepPasswordInput } from '#shared/schemas/two-step'
import type { RecoveryCodes, TwoStepSetup, TwoStepStatus } from '#shared/types/two-step'
import { useDb } from '../../database/db'
import { accountNoticeMail } from '../../mail/templates'
import type { AccountChange } from '../../mail/templates'
import { sendMail } from '../../mail/transport'
import { AppError } from '../../utils/errors'
import { acceptedStep, newSecret, otpauthUri } from './totp'
import { replaceRecoveryCodes } from './recovery-codes'
import { assertCurrentPassword } from '../account/current-password'

async function accountOf(userId: string) {
  const user = await useDb().user.findUnique({ where: { id: userId }, select: { email: true, passwordHash: true, twoStepEnabledAt: true, twoStepPending: true } })
  if (!user) throw new AppError('UNAUTHENTICATED', 'Sign in to continue')
  return user
}

const notify = (to: string, change: AccountChange, link: string) => void sendMail(accountNoticeMail({ to, change, link }))

export async function twoStepStatus(userId: string): Promise<TwoStepStatus> {
  const db = useDb()
  const [user, recoveryCodesLeft] = await Promise.all([
    db.user.findUnique({ where: { id: userId }, select: { twoStepEnabledAt: true } }),
    db.recoveryCode.count({ where: { userId, usedAt: null } }),
  ])
  const enabledAt = user?.twoStepEnabledAt ?? null
  return { enabled: !!enabledAt, enabledAt: enabledAt?.toISOString() ?? null, recoveryCodesLeft: enabledAt ? recoveryCodesLeft : 0 }
}

/** A new secret to scan; asking again replaces it (the last one shown is the one to confirm). */
export async function startTwoStepSetup(userId: string): Promise<TwoStepSetup> {
  const user = await accountOf(userId)
  if (user.twoStepEnabledAt) throw new AppError('CONFLICT', 'Two-step verification is already on')
  const secret = newSecret()
  await useDb().user.update({ where: { id: userId }, data: { twoStepPending: secret } })
  return { secret, uri: otpauthUri(secret, user.email) }
}

export async function confirmTwoStep(userId: string, input: TwoStepConfirmInput, accountLink: string): Promise<RecoveryCodes> {
  const user = await accountOf(userId)
  if (user.twoStepEnabledAt) throw new AppError('CONFLICT', 'Two-step verification is already on')
  if (!user.twoStepPending) throw new AppError('CONFLICT', 'Start the set-up first: there is no code to check yet')
  await assertCurrentPassword(user.passwordHash, input.currentPassword)
  if (acceptedStep(user.twoStepPending, input.code, null) === null)
    throw new AppError('VALIDATION', 'That code is not right', { fields: { code: ['That code is not the one your app shows now. Check the app has the new entry and try the next code.'] } })
  const secret = user.twoStepPending
  const codes = await useDb().$transaction(async (tx) => {
    // Only if nothing changed since the read: a second confirm, or a new set-up, in between. The
    // code is not spent: it proved the app, not a sign-in, so signing in at once with it works.
    const { count } = await tx.user.updateMany({
      where: { id: userId, twoStepEnabledAt: null, twoStepPending: secret },
      data: { twoStepSecret: secret, twoStepPending: null, twoStepEnabledAt: new Date(), twoStepLastStep: null },
    })
    if (count !== 1) throw new AppError('CONFLICT', 'The set-up changed meanwhile; start it again')
    return replaceRecoveryCodes(tx, userId)
  })
  notify(user.email, 'two-step-on', accountLink)
  return { codes }
}

export async function turnOffTwoStep(userId: string, input: TwoStepPasswordInput, accountLink: string): Promise<TwoStepStatus> {
  const user = await accountOf(userId)
  await assertCurrentPassword(user.passwordHash, input.currentPassword)
  await useDb().$transaction([
    useDb().user.update({ where: { id: userId }, data: { twoStepSecret: null, twoStepPending: null, twoStepEnabledAt: null, twoStepLastStep: null } }),
    useDb().recoveryCode.deleteMany({ where: { userId } }),
  ])
  if (user.twoStepEnabledAt) notify(user.email, 'two-step-off', accountLink)
  return twoStepStatus(userId)
}

export async function newRecoveryCodes(userId: string, input: TwoStepPasswordInput, accountLink: string): Promise<RecoveryCodes> {
  const user = await accountOf(userId)
  if (!user.twoStepEnabledAt) throw new AppError('CONFLICT', 'Turn two-step verification on first')
  await assertCurrentPassword(user.passwordHash, input.currentPassword)
  const codes = await useDb().$transaction(tx => replaceRecoveryCodes(tx, userId))
  notify(user.email, 'new-recovery-codes', accountLink)
  return { codes }
}
