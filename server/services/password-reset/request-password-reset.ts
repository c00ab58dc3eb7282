// "Forgot password?": mails a single-use link to the account with this email, if there is one.
// The caller's answer is the same either way, and so is its timing: the work is the same lookup
// and token, and the mail goes out after the answer (sendMail is not awaited), so neither the
// answer nor the mail server's speed tells whether the account exists.
import { useDb } from '../../database/db'
import { lecternConfig } from '../../utils/config'
import { passwordResetMail } from '../../mail/templates'
import { newLinkToken } from '../../mail/tokens'
import { sendMail } from '../../mail/transport'

export async function requestPasswordReset({ email, linkFor }: { email: string, linkFor: (token: string) => string }): Promise<void> {
  const db = useDb()
  const ttlSeconds = lecternConfig().passwordResetTtlSeconds
  const { token, tokenHash } = newLinkToken()
  const user = await db.user.findUnique({ where: { email }, select: { id: true, email: true } })
  if (user) {
    // Only the newest link works: an older mail lying around opens nothing.
    await db.$transaction([
      db.passwordReset.deleteMany({ where: { userId: user.id, usedAt: null } }),
      db.passwordReset.create({ data: { userId: user.id, tokenHash, expiresAt: new Date(Date.now() + ttlSeconds * 1000) } }),
    ])
    void sendMail(passwordResetMail({ to: user.email, link: linkFor(token), ttlSeconds }))
  }
}
