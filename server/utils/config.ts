// Lectern's server settings, all from LECTERN_* environment variables (README "Configuration").
function positiveNumber(name: string, fallback: number): number {
  const raw = process.env[name]
  if (raw === undefined || raw === '') return fallback
  const value = Number(raw)
  if (!Number.isFinite(value) || value <= 0) throw new Error(`${name} must be a positive number, got "${raw}"`)
  return value
}

export const lecternConfig = () => ({
  /** Days a soft-deleted course stays in "Recently deleted" before the purge task removes it. */
  courseRetentionDays: positiveNumber('LECTERN_COURSE_RETENTION_DAYS', 30),
  /** Seconds a file stays in the media library's trash before the purge job deletes it for good. */
  mediaRetentionSeconds: positiveNumber('LECTERN_MEDIA_RETENTION_SECONDS', 30 * 86_400),
  /** Largest file the media library accepts. */
  maxLibraryBytes: positiveNumber('LECTERN_MAX_LIBRARY_BYTES', 2 * 1024 ** 3),
  /** Largest JSON body an action route reads. */
  maxBodyBytes: positiveNumber('LECTERN_MAX_BODY_BYTES', 1024 * 1024),
  /** An upload with no new bytes for this long is abandoned: its file and rows are removed. */
  uploadExpirySeconds: positiveNumber('LECTERN_UPLOAD_EXPIRY_SECONDS', 24 * 60 * 60),
  /**
   * How often each instance tells Redis it is alive (presence across instances). An instance
   * silent for three of these is taken for dead: its users' presence is recomputed and announced.
   */
  presenceHeartbeatMs: positiveNumber('LECTERN_PRESENCE_HEARTBEAT_MS', 10_000),
  /** Bearer token of the internal endpoints (workers, scripts); empty disables them. */
  internalToken: process.env.LECTERN_INTERNAL_TOKEN ?? '',
  /**
   * Lets internal callers (tests) ask how many SQL statements a piece of a request ran
   * (server/utils/query-count.ts). Off by default: it turns on Prisma's query log, which builds
   * an event (with the parameters serialised) for every statement.
   */
  queryCounting: process.env.LECTERN_QUERY_COUNTING === '1',
})
