// Tokens for links in mails: 32 random bytes (base64url) in the link, only their sha256 in the
// database, so a copy of the table opens nothing. A lookup hashes what the link brought.
import { createHash, randomBytes } from 'node:crypto'

export function newLinkToken(): { token: string, tokenHash: string } {
  const token = randomBytes(32).toString('base64url')
  return { token, tokenHash: hashLinkToken(token) }
}

export const hashLinkToken = (token: string) => createHash('sha256').update(token).digest('hex')
