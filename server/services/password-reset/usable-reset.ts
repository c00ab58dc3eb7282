// The reset behind a link's token, if it can still be used. An unknown token, a used one and an
// expired one are refused with what to do next (ask for a new link); nothing is written.
import { AppError } from '../../utils/errors'
import { useDb } from '../../database/db'
import { hashLinkToken } from '../../mail/tokens'

export async function findUsableReset(token: string) {
  const reset = await useDb().passwordReset.findUnique({
    where: { tokenHash: hashLinkToken(token) },
    select: { id: true, userId: true, expiresAt: true, usedAt: true, user: { select: { email: true } } },
  })
  if (!reset) throw new AppError('NOT_FOUND', 'This reset link is not valid. Ask for a new one.', { details: { reason: 'unknown' } })
  if (reset.usedAt) throw new AppError('UNPROCESSABLE', 'This reset link was already used. Ask for a new one if you need it.', { details: { reason: 'used' } })
  if (reset.expiresAt <= new Date()) throw new AppError('UNPROCESSABLE', 'This reset link has expired. Ask for a new one.', { details: { reason: 'expired' } })
  return reset
}
