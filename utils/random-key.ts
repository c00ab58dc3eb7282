// A random key for a write that may be sent more than once (a message's clientKey, a create's
// Idempotency-Key). crypto.randomUUID exists only on secure pages (HTTPS or localhost); Lectern
// opened over plain HTTP on a LAN address gets the same randomness from getRandomValues.
export function randomKey(): string {
  if (typeof globalThis.crypto.randomUUID === 'function') return globalThis.crypto.randomUUID()
  const bytes = globalThis.crypto.getRandomValues(new Uint8Array(16))
  return Array.from(bytes, b => b.toString(16).padStart(2, '0')).join('')
}
