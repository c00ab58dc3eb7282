// Reads what the test run's SMTP server received (tests/support/smtp-sink.ts): wait for the
// message to an address, take the link out of it, or prove that none came.
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { inject } from 'vitest'
import type { StoredMail } from './smtp-sink'

export function mailsTo(address: string): StoredMail[] {
  const dir = inject('mailDir')
  const wanted = address.toLowerCase()
  return readdirSync(dir)
    .filter(name => name.endsWith('.json'))
    .sort()
    .map(name => JSON.parse(readFileSync(join(dir, name), 'utf8')) as StoredMail)
    .filter(mail => mail.to.includes(wanted))
}

/** The `count`-th message to the address (1 = the first), polled for until it arrives. */
export async function waitForMail(address: string, { count = 1, timeoutMs = 15_000 } = {}): Promise<StoredMail> {
  const deadline = Date.now() + timeoutMs
  for (;;) {
    const mails = mailsTo(address)
    if (mails.length >= count) return mails[count - 1]!
    if (Date.now() > deadline) throw new Error(`no mail #${count} to ${address} within ${timeoutMs} ms (got ${mails.length})`)
    await new Promise(resolve => setTimeout(resolve, 50))
  }
}

/** The one link to the given page in a mail's text (the HTML carries the same one). */
export function linkIn(mail: StoredMail, path: string): URL {
  const links = [...mail.text.matchAll(/https?:\/\/\S+/g)].map(m => new URL(m[0])).filter(url => url.pathname === path)
  if (links.length !== 1) throw new Error(`expected one ${path} link in "${mail.subject}", found ${links.length}:\n${mail.text}`)
  if (!mail.html.includes(links[0]!.toString().replace(/&/g, '&amp;'))) throw new Error(`the HTML part of "${mail.subject}" lacks the link`)
  return links[0]!
}

export const tokenIn = (mail: StoredMail, path: string) => linkIn(mail, path).searchParams.get('token')!
