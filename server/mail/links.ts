// Links in mails point at the public site (NUXT_PUBLIC_SITE_URL), which the server requires
// whenever mail really leaves it (server/plugins/config-check.ts): the requester chooses the Host
// header, so a link built on it could send a victim's reset token to another site. Without SMTP
// the mail only goes to the server's own log (development, the demo): the request's origin is
// good enough there, with forwarded headers read only from a trusted proxy.
import type { H3Event } from 'h3'
import { getRequestURL } from 'h3'
import { lecternConfig } from '../utils/config'
import { fromTrustedProxy } from '../limits/client-address'

export function siteLink(event: H3Event, path: string, query: Record<string, string>): string {
  const proxied = fromTrustedProxy(event)
  const base = lecternConfig().siteUrl ?? getRequestURL(event, { xForwardedHost: proxied, xForwardedProto: proxied }).origin
  const url = new URL(path, base.endsWith('/') ? base : `${base}/`)
  for (const [key, value] of Object.entries(query)) url.searchParams.set(key, value)
  return url.toString()
}
