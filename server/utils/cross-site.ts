// Is a request one that another site's page made a visitor's browser send? Such a request carries
// the visitor's cookies (SameSite=Lax still sends them on a top-level form POST from elsewhere, and
// on anything from a sibling subdomain), so a change it asks for must be refused: cross-site
// request forgery. Browsers say where a request comes from in `Origin` (sent with every POST, PUT,
// PATCH and DELETE, and with every socket handshake) and `Sec-Fetch-Site`; neither can be set by
// a page's script.
import { lecternConfig } from './config'

/** Reads one request header (h3's getRequestHeader, or a Fetch Headers' get). */
export type HeaderReader = (name: string) => string | null | undefined

export const CROSS_SITE_MESSAGE = 'This request came from another site: Lectern accepts changes only from its own pages'

/** Request methods that change something, and so must come from this site's own pages. */
export const STATE_CHANGING_METHODS: ReadonlySet<string> = new Set(['POST', 'PUT', 'PATCH', 'DELETE'])

function originOf(value: string | undefined): string | null {
  if (!value) return null
  try {
    return new URL(value).origin
  }
  catch {
    return null
  }
}

/** Is `origin` (the Origin header's value) this site, or one of the configured extra origins? */
export function isOwnOrigin(origin: string, host: string | null | undefined): boolean {
  const given = originOf(origin)
  // `Origin: null` (a sandboxed frame, a data: page, a redirect across sites) is no one's page.
  if (!given || given === 'null') return false
  const config = lecternConfig()
  if (given === originOf(config.siteUrl) || config.allowedOrigins.includes(given)) return true
  // The address the browser used, as this server received it. The scheme is left out: behind a
  // TLS-terminating proxy the server sees http while the page's origin is https.
  return !!host && new URL(given).host === host.toLowerCase()
}

/**
 * True when the browser says the request comes from a page of another site. A request with
 * neither header is not from a browser (every current browser sends `Origin` with a state-changing
 * request and `Sec-Fetch-Site` with every request): a script, the test clients, the worker. Such a
 * caller can only send a cookie it already holds, which forgery is not, so it is let through.
 */
export function isCrossSite(header: HeaderReader): boolean {
  const origin = header('origin')
  if (origin) return !isOwnOrigin(origin, header('host'))
  const site = header('sec-fetch-site')
  // `none`: the user typed the address or used a bookmark. `same-site` is refused too: a sibling
  // subdomain is another application.
  if (site) return site !== 'same-origin' && site !== 'none'
  return false
}
