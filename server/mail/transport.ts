// The one way out for mail: nodemailer over the SMTP server set by environment
// (server/utils/config.ts). Without one (development, the demo), each mail is printed to the
// server log, link and all, so a reset or an invitation can still be followed by hand.
import { createTransport } from 'nodemailer'
import type { Transporter } from 'nodemailer'
import { lecternConfig } from '../utils/config'

export interface Mail {
  to: string
  subject: string
  text: string
  html: string
}

let transporter: Transporter | null | undefined

function smtpTransport(): Transporter | null {
  if (transporter !== undefined) return transporter
  const { smtp } = lecternConfig()
  transporter = smtp ? createTransport(smtp) : null
  return transporter
}

/**
 * Sends one mail. Never throws: a mail server that is down or refuses must not change the answer
 * of the request that asked for the mail (a reset request would otherwise tell whether the
 * account exists), so failures are logged for the operator instead. Callers do not wait for it
 * either (`void sendMail(...)`): the answer must not take the mail server's time.
 */
export async function sendMail(mail: Mail): Promise<boolean> {
  const transport = smtpTransport()
  if (!transport) {
    console.log(`[mail] no SMTP server configured (LECTERN_SMTP_URL); this mail was not sent:\nTo: ${mail.to}\nSubject: ${mail.subject}\n\n${mail.text}\n[mail] end`)
    return false
  }
  try {
    await transport.sendMail({ from: lecternConfig().mailFrom, ...mail })
    return true
  }
  catch (error) {
    console.error(`[mail] sending "${mail.subject}" to ${mail.to} failed:`, (error as Error).message)
    return false
  }
}
