// The token a reset or invitation mail's link carries (32 random bytes, base64url: 43 characters).
import { z } from 'zod'

export const linkToken = z.string({ required_error: 'This link is incomplete' })
  .min(20, 'This link is incomplete; open it from the mail again')
  .max(100, 'This link is not valid')
  .regex(/^[\w-]+$/, 'This link is not valid')
