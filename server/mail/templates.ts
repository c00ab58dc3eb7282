// What Lectern's mails say: plain text first (every client shows it) and a simple HTML version.
// User-given words (names) are escaped in the HTML.
import type { Mail } from './transport'

const escapeHtml = (value: string) => value.replace(/[&<>"']/g, c => `&#${c.charCodeAt(0)};`)

function layout(paragraphs: string[], link: { href: string, label: string }, footer: string): string {
  const body = paragraphs.map(p => `<p>${escapeHtml(p)}</p>`).join('\n')
  return `<!doctype html><html><body style="font-family: system-ui, sans-serif; line-height: 1.5; color: #1f2937; max-width: 560px">
${body}
<p><a href="${escapeHtml(link.href)}" style="display: inline-block; padding: 10px 16px; background: #4f46e5; color: #fff; border-radius: 6px; text-decoration: none">${escapeHtml(link.label)}</a></p>
<p style="font-size: 13px; color: #6b7280">Or paste this address into your browser: ${escapeHtml(link.href)}</p>
<p style="font-size: 13px; color: #6b7280">${escapeHtml(footer)}</p>
</body></html>`
}

const duration = (seconds: number) => seconds >= 2 * 86_400
  ? `${Math.round(seconds / 86_400)} days`
  : seconds >= 7200 ? `${Math.round(seconds / 3600)} hours` : `${Math.max(1, Math.round(seconds / 60))} minutes`

export function passwordResetMail({ to, link, ttlSeconds }: { to: string, link: string, ttlSeconds: number }): Mail {
  const intro = 'Someone (hopefully you) asked to reset the password of your Lectern account.'
  const how = `Open the link below to choose a new one. It works once, for ${duration(ttlSeconds)}, and signs you out everywhere.`
  const footer = 'If you did not ask for this, ignore this mail: your password stays as it is.'
  return {
    to,
    subject: 'Reset your Lectern password',
    text: `${intro}\n\n${how}\n\n${link}\n\n${footer}\n`,
    html: layout([intro, how], { href: link, label: 'Choose a new password' }, footer),
  }
}

export function invitationMail({ to, link, ttlSeconds, instructorName, studentName }: { to: string, link: string, ttlSeconds: number, instructorName: string, studentName: string }): Mail {
  const intro = `${instructorName} invited you to follow ${studentName}’s conversation with them on Lectern, as an observer.`
  const how = `Open the link below to choose your name and a password. It works once, for ${duration(ttlSeconds)}.`
  const footer = 'If you do not know them, ignore this mail: no account is made.'
  return {
    to,
    subject: `${instructorName} invited you to Lectern`,
    text: `${intro}\n\n${how}\n\n${link}\n\n${footer}\n`,
    html: layout([intro, how], { href: link, label: 'Accept the invitation' }, footer),
  }
}

/** A change to how the account is protected: the owner hears of it, in case it was not them. */
export type AccountChange = 'password-changed' | 'two-step-on' | 'two-step-off' | 'new-recovery-codes' | 'recovery-code-used'

export function accountNoticeMail({ to, change, link, recoveryCodesLeft = 0 }: { to: string, change: AccountChange, link: string, recoveryCodesLeft?: number }): Mail {
  const left = recoveryCodesLeft === 1 ? '1 recovery code is left' : `${recoveryCodesLeft} recovery codes are left`
  const { subject, intro } = {
    'password-changed': { subject: 'Your Lectern password was changed', intro: 'The password of your Lectern account was changed, and every other device was signed out.' },
    'two-step-on': { subject: 'Two-step verification is on', intro: 'Two-step verification was turned on for your Lectern account: signing in now asks for a code from your authenticator app after the password.' },
    'two-step-off': { subject: 'Two-step verification is off', intro: 'Two-step verification was turned off for your Lectern account: signing in now takes the password alone.' },
    'new-recovery-codes': { subject: 'New recovery codes for your Lectern account', intro: 'New recovery codes were made for your Lectern account. The old ones no longer work.' },
    'recovery-code-used': { subject: 'A recovery code was used to sign in', intro: `A recovery code was used to sign in to your Lectern account; ${left}. Each works once: make new ones on your account page before they run out.` },
  }[change]
  const footer = 'If this was not you, reset your password (“Forgot password?” on the sign-in page) and sign out everywhere from your account page.'
  return {
    to,
    subject,
    text: `${intro}\n\n${link}\n\n${footer}\n`,
    html: layout([intro], { href: link, label: 'Open your account' }, footer),
  }
}
