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
