// Lectern's server settings. Every environment variable the server reads is read here, and only
// here (README "Configuration"); two exceptions say why where they are: the plugin that makes a
// random internal token at start-up (server/plugins/jobs.ts) and the processing worker, a separate
// process that gets its settings from the server as variables (server/workers/process-video.mjs).
// Plain TypeScript without Nitro's auto-imports: the migration and seed scripts use it too.
import { join, resolve } from 'node:path'
import { DEFAULT_MAX_UPLOAD_BYTES } from '../../shared/uploads/targets'

function positiveNumber(name: string, fallback: number): number {
  const raw = process.env[name]
  if (raw === undefined || raw === '') return fallback
  const value = Number(raw)
  if (!Number.isFinite(value) || value <= 0) throw new Error(`${name} must be a positive number, got "${raw}"`)
  return value
}

function nonNegativeNumber(name: string, fallback: number): number {
  const raw = process.env[name]
  if (raw === undefined || raw === '') return fallback
  const value = Number(raw)
  if (!Number.isFinite(value) || value < 0) throw new Error(`${name} must be a number of 0 or more, got "${raw}"`)
  return value
}

/** An unset and an empty variable are the same: not configured. */
const text = (name: string): string | undefined => process.env[name] || undefined

export const lecternConfig = () => {
  const dataDir = resolve(text('LECTERN_DATA_DIR') ?? '.data')
  return {
    /** Where the embedded database (and, by default, uploads) live. */
    dataDir,
    /** Where uploaded files live on local disk (default: uploads/ in the data directory). */
    storageDir: text('LECTERN_STORAGE_DIR') ? resolve(text('LECTERN_STORAGE_DIR')!) : join(dataDir, 'uploads'),
    /** PostgreSQL connection string; unset: the embedded PGlite in dataDir/db. */
    databaseUrl: text('DATABASE_URL'),
    /** Connections in the PostgreSQL pool. */
    databasePoolSize: positiveNumber('DATABASE_POOL_SIZE', 10),
    /** Redis for pub/sub and presence across instances; unset: in-process. */
    redisUrl: text('REDIS_URL'),
    /** Seals the session cookies (nuxt-auth-utils); server/plugins/config-check.ts refuses a weak one. */
    sessionPassword: process.env.NUXT_SESSION_PASSWORD ?? '',
    /** Days a soft-deleted course stays in "Recently deleted" before the purge task removes it. */
    courseRetentionDays: positiveNumber('LECTERN_COURSE_RETENTION_DAYS', 30),
    /** Seconds a file stays in the media library's trash before the purge job deletes it for good. */
    mediaRetentionSeconds: positiveNumber('LECTERN_MEDIA_RETENTION_SECONDS', 30 * 86_400),
    /** Largest lesson video accepted. */
    maxVideoBytes: positiveNumber('LECTERN_MAX_VIDEO_BYTES', DEFAULT_MAX_UPLOAD_BYTES.lesson),
    /** Largest message attachment accepted. */
    maxAttachmentBytes: positiveNumber('LECTERN_MAX_ATTACHMENT_BYTES', DEFAULT_MAX_UPLOAD_BYTES.attachment),
    /** Largest file the media library accepts. */
    maxLibraryBytes: positiveNumber('LECTERN_MAX_LIBRARY_BYTES', DEFAULT_MAX_UPLOAD_BYTES.library),
    /** Largest JSON body an action route reads. */
    maxBodyBytes: positiveNumber('LECTERN_MAX_BODY_BYTES', 1024 * 1024),
    /** An upload with no new bytes for this long is abandoned: its file and rows are removed. */
    uploadExpirySeconds: positiveNumber('LECTERN_UPLOAD_EXPIRY_SECONDS', 24 * 60 * 60),
    /** A job left running this long by a crashed process runs again. */
    jobTimeoutSeconds: positiveNumber('LECTERN_JOB_TIMEOUT_SECONDS', 600),
    /** The first retry delay of a failed job (then doubling). */
    jobBackoffMs: nonNegativeNumber('LECTERN_JOB_BACKOFF_MS', 5000),
    /**
     * How often each instance tells Redis it is alive (presence across instances). An instance
     * silent for three of these is taken for dead: its users' presence is recomputed and announced.
     */
    presenceHeartbeatMs: positiveNumber('LECTERN_PRESENCE_HEARTBEAT_MS', 10_000),
    /** Bearer token of the internal endpoints (workers, scripts); empty disables them. */
    internalToken: process.env.LECTERN_INTERNAL_TOKEN ?? '',
    /** How processes on this machine (workers) reach this server: LECTERN_INTERNAL_URL, or its port on localhost. */
    internalUrl: text('LECTERN_INTERNAL_URL') ?? `http://localhost:${text('NITRO_PORT') ?? text('PORT') ?? 3000}`,
    /** The server's PATH, handed to the processing worker so it finds ffmpeg. */
    processPath: process.env.PATH,
    /**
     * Lets internal callers (tests) ask how many SQL statements a piece of a request ran
     * (server/utils/query-count.ts). Off by default: it turns on Prisma's query log, which builds
     * an event (with the parameters serialised) for every statement.
     */
    queryCounting: process.env.LECTERN_QUERY_COUNTING === '1',
    /** The project's root, where prisma/ lives (migrations run from scripts and tests too). */
    projectRoot: resolve(text('LECTERN_ROOT') ?? process.cwd()),
    /** Prints the schema engine's log while migrating. */
    debugMigrations: !!process.env.LECTERN_DEBUG_MIGRATIONS,
  }
}
