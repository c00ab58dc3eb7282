// The server's half of the rule for a password someone chooses (sign-up, reset, invitation,
// password change): the shared schema checks its length; this refuses the passwords that leaked
// lists show people use most (OWASP ASVS 2.1.7), which the client cannot check without shipping
// the list, and hashes the rest.
import { dictionary } from '@zxcvbn-ts/language-common'
import { hashPassword } from '../../database/passwords'
import { AppError } from '../../utils/errors'

/** About 49 000 passwords from breach corpora (zxcvbn-ts's common list), lower-cased; built on first use. */
let common: Set<string> | undefined

export function isCommonPassword(password: string): boolean {
  common ??= new Set((dictionary['passwords-common'] as string[]).map(word => word.toLowerCase()))
  return common.has(password.toLowerCase())
}

/** Refuses a common password as a field error of `field` (nothing is written), else hashes it. */
export async function hashChosenPassword(password: string, field: string): Promise<string> {
  if (isCommonPassword(password)) {
    const message = 'This password is one of the most used in leaked password lists; choose another'
    throw new AppError('VALIDATION', message, { fields: { [field]: [message] } })
  }
  return hashPassword(password)
}
