// "The current password proves it is you": the one refusal every change that needs it gives (a
// new email, a new password, two-step verification), under the form's currentPassword field.
import { verifyPassword } from '../../database/passwords'
import { AppError } from '../../utils/errors'

export async function assertCurrentPassword(passwordHash: string, currentPassword: string): Promise<void> {
  if (!(await verifyPassword(passwordHash, currentPassword)))
    throw new AppError('VALIDATION', 'The current password is not right', { fields: { currentPassword: ['That is not your current password'] } })
}
