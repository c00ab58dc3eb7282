// Whose address a request counts to. The socket's peer, unless that peer is one of our own
// reverse proxies (LECTERN_TRUSTED_PROXIES): then the nearest address in X-Forwarded-For that is
// not one of them. A client can write anything into X-Forwarded-For, so without a trusted proxy
// the header is ignored: otherwise each request could claim a new address and no limit would hold.
import type { IncomingMessage } from 'node:http'
import { lecternConfig } from '../utils/config'

/** "::ffff:10.0.0.1" (an IPv4 client on an IPv6 socket) is 10.0.0.1. */
const normal = (address: string) => address.trim().replace(/^::ffff:(?=\d+\.\d+\.\d+\.\d+$)/, '')

/** Is the socket's peer one of our own reverse proxies? The one place the trusted list is consulted for a peer. */
const isTrustedPeer = (peer: string | undefined, trusted: string[]) => trusted.length > 0 && trusted.includes(normal(peer ?? ''))

export function clientAddressOf(peer: string | undefined, forwardedFor: string | null | undefined, trusted: string[] = lecternConfig().trustedProxies): string {
  const direct = normal(peer ?? '') || 'unknown'
  if (!isTrustedPeer(peer, trusted) || !forwardedFor) return direct
  // Each proxy appends the address it received from: read from the right, past our own proxies.
  const hops = forwardedFor.split(',').map(normal).filter(Boolean)
  for (let i = hops.length - 1; i >= 0; i--) if (!trusted.includes(hops[i]!)) return hops[i]!
  return hops[0] ?? direct
}

/** Did the request come through one of our own reverse proxies (so its X-Forwarded-* headers are theirs)? */
export function fromTrustedProxy(event: { node: { req: IncomingMessage } }): boolean {
  return isTrustedPeer(event.node.req.socket?.remoteAddress, lecternConfig().trustedProxies)
}

export function clientAddress(event: { node: { req: IncomingMessage } }): string {
  const req = event.node.req
  return clientAddressOf(req.socket?.remoteAddress, req.headers['x-forwarded-for'] as string | undefined)
}
