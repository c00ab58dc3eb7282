/** How processes on this machine (workers) reach this server: LECTERN_INTERNAL_URL, or its port on localhost. */
export function internalBaseUrl(): string {
  return process.env.LECTERN_INTERNAL_URL || `http://localhost:${process.env.NITRO_PORT || process.env.PORT || 3000}`
}
