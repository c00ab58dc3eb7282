// Recovery codes: ten one-time codes for a lost phone. Each is 50 random bits written as ten
// base32 letters and digits (no 0/1/8/9 to mistake for O/I/B/g), shown once as "abcde-fghij";
// only their SHA-256 is kept (they are random, so a fast hash is enough, as for mailed links).
import { createHash, randomBytes } from 'node:crypto'
import { RECOVERY_CODE_COUNT } from '#shared/schemas/two-step'
import type { Prisma } from '../../generated/prisma/client'

const ALPHABET = 'abcdefghijklmnopqrstuvwxyz234567'
export const hashRecoveryCode = (code: string) => createHash('sha256').update(code.replace(/[\s-]/g, '').toLowerCase()).digest('hex')

function newCode(): string {
  const bytes = randomBytes(10)
  const letters = [...bytes].map(byte => ALPHABET[byte & 31]).join('')
  return `${letters.slice(0, 5)}-${letters.slice(5)}`
}

/** Replaces the user's recovery codes with a fresh set (the old ones stop working) and returns them. */
export async function replaceRecoveryCodes(db: Prisma.TransactionClient, userId: string): Promise<string[]> {
  const codes = Array.from({ length: RECOVERY_CODE_COUNT }, newCode)
  await db.recoveryCode.deleteMany({ where: { userId } })
  await db.recoveryCode.createMany({ data: codes.map(code => ({ userId, codeHash: hashRecoveryCode(code) })) })
  return codes
}

/** Uses one of the user's unused recovery codes; false when it is not one (or was used). One update, so two tries cannot both use it. */
export async function spendRecoveryCode(db: Prisma.TransactionClient, userId: string, code: string): Promise<boolean> {
  const { count } = await db.recoveryCode.updateMany({ where: { userId, codeHash: hashRecoveryCode(code), usedAt: null }, data: { usedAt: new Date() } })
  return count === 1
}
