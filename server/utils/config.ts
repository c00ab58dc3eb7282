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

/** A limit written `<count>/<window>`, the window in s, m or h: "10/1h" is ten per hour. */
export interface RateLimit { max: number, windowMs: number }

const WINDOW_UNITS: Record<string, number> = { s: 1000, m: 60_000, h: 3_600_000 }

function rateLimit(name: string, fallback: string): RateLimit {
  const raw = process.env[name] || fallback
  const match = /^\s*(\d+)\s*\/\s*(\d+)\s*([smh])\s*$/.exec(raw)
  if (!match || Number(match[1]) < 1 || Number(match[2]) < 1) throw new Error(`${name} must look like 10/1h (a count, then a window in s, m or h), got "${raw}"`)
  return { max: Number(match[1]), windowMs: Number(match[2]) * WINDOW_UNITS[match[3]!]! }
}

/** An unset and an empty variable are the same: not configured. */
const text = (name: string): string | undefined => process.env[name] || undefined

/** A yes/no setting: 1 or true is yes; unset, empty, 0 or false is no; anything else is an error. */
function flag(name: string): boolean {
  const raw = (process.env[name] ?? '').trim().toLowerCase()
  if (raw === '' || raw === '0' || raw === 'false') return false
  if (raw === '1' || raw === 'true') return true
  throw new Error(`${name} must be 1 or 0 (true or false), got "${process.env[name]}"`)
}

/** A comma-separated list of origins (scheme://host[:port]), each checked and normalised. */
function origins(name: string): string[] {
  return (text(name) ?? '').split(',').map(part => part.trim()).filter(Boolean).map((part) => {
    let url: URL
    try {
      url = new URL(part)
    }
    catch {
      throw new Error(`${name} must list origins such as https://courses.example.org, got "${part}"`)
    }
    if (url.origin === 'null') throw new Error(`${name} must list http(s) origins, got "${part}"`)
    return url.origin
  })
}

export const lecternConfig = () => {
  const dataDir = resolve(text('LECTERN_DATA_DIR') ?? '.data')
  return {
    /** Where the embedded database (and, by default, uploads) live. */
    dataDir,
    /** Where uploaded files live on local disk (default: uploads/ in the data directory). */
    storageDir: text('LECTERN_STORAGE_DIR') ? resolve(text('LECTERN_STORAGE_DIR')!) : join(dataDir, 'uploads'),
    /**
     * An S3-compatible object store for uploaded files (AWS S3, MinIO, R2…), used instead of the
     * local disk when LECTERN_S3_BUCKET is set (server/storage/). Without an endpoint, AWS's own;
     * without keys, the AWS SDK's usual chain (AWS_* variables, an instance role).
     */
    s3: text('LECTERN_S3_BUCKET')
      ? {
          bucket: text('LECTERN_S3_BUCKET')!,
          endpoint: text('LECTERN_S3_ENDPOINT'),
          region: text('LECTERN_S3_REGION') ?? 'us-east-1',
          accessKeyId: text('LECTERN_S3_ACCESS_KEY_ID'),
          secretAccessKey: text('LECTERN_S3_SECRET_ACCESS_KEY'),
          /** Bucket in the path (endpoint/bucket/key) rather than the host name: MinIO and most local servers want it. */
          forcePathStyle: flag('LECTERN_S3_FORCE_PATH_STYLE'),
        }
      : undefined,
    /** PostgreSQL connection string; unset: the embedded PGlite in dataDir/db. */
    databaseUrl: text('DATABASE_URL'),
    /** Connections in the PostgreSQL pool. */
    databasePoolSize: positiveNumber('DATABASE_POOL_SIZE', 10),
    /** This instance's name in the X-Lectern-Instance response header (server/middleware/00.instance-name.ts); unset: no header. */
    instanceName: text('LECTERN_INSTANCE_NAME'),
    /** Redis for pub/sub and presence across instances; unset: in-process. */
    redisUrl: text('REDIS_URL'),
    /**
     * The prefix of every Redis key and pub/sub channel Lectern uses, so several Lectern sites (or
     * test instances) can share one Redis without hearing each other.
     */
    redisNamespace: text('LECTERN_REDIS_NAMESPACE') ?? 'lectern',
    /** Seals the session cookies (nuxt-auth-utils); server/plugins/config-check.ts refuses a weak one. */
    sessionPassword: process.env.NUXT_SESSION_PASSWORD ?? '',
    /** Days a signed-in session may go unused before it ends (sign in again). */
    sessionIdleDays: positiveNumber('LECTERN_SESSION_IDLE_DAYS', 14),
    /** Days after sign-in that a session ends however much it is used. */
    sessionMaxDays: positiveNumber('LECTERN_SESSION_MAX_DAYS', 30),
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
    /** A running job whose lease (renewed every third of this while it works) is this old: its process died, and it runs again. */
    jobTimeoutSeconds: positiveNumber('LECTERN_JOB_TIMEOUT_SECONDS', 600),
    /** The first retry delay of a failed job (then doubling). */
    jobBackoffMs: nonNegativeNumber('LECTERN_JOB_BACKOFF_MS', 5000),
    /**
     * How often each instance tells Redis it is alive (presence across instances). An instance
     * silent for three of these is taken for dead: its users' presence is recomputed and announced.
     */
    presenceHeartbeatMs: positiveNumber('LECTERN_PRESENCE_HEARTBEAT_MS', 10_000),
    /**
     * The public address of the site (https://courses.example.org), for canonical links, og:url,
     * sitemap.xml and robots.txt. nuxt-site-config reads the same variable itself; unset, each
     * request's own origin is used (right behind a proxy that forwards Host and the scheme).
     */
    siteUrl: text('NUXT_PUBLIC_SITE_URL'),
    /**
     * Origins besides this site's own whose pages may send changes (POST, PUT, PATCH, DELETE) and
     * open sockets with a visitor's cookie (server/utils/cross-site.ts), e.g. a second domain
     * serving the same app. Unset: only this site.
     */
    allowedOrigins: origins('LECTERN_ALLOWED_ORIGINS'),
    /**
     * Where mail goes (password resets, observer invitations): LECTERN_SMTP_URL
     * (smtp://user:pass@host:587, smtps:// for TLS from the start), or the separate
     * LECTERN_SMTP_HOST/PORT/USER/PASSWORD/SECURE. Neither set: each mail (with its link) is printed
     * to the server log instead, for development and the demo.
     */
    smtp: text('LECTERN_SMTP_URL') ?? (text('LECTERN_SMTP_HOST')
      ? {
          host: text('LECTERN_SMTP_HOST')!,
          port: positiveNumber('LECTERN_SMTP_PORT', process.env.LECTERN_SMTP_SECURE === '1' ? 465 : 587),
          secure: process.env.LECTERN_SMTP_SECURE === '1',
          auth: text('LECTERN_SMTP_USER') ? { user: text('LECTERN_SMTP_USER')!, pass: process.env.LECTERN_SMTP_PASSWORD ?? '' } : undefined,
        }
      : undefined),
    /** The From of every mail Lectern sends. */
    mailFrom: text('LECTERN_MAIL_FROM') ?? 'Lectern <no-reply@lectern.localhost>',
    /** How long a password-reset link works. */
    passwordResetTtlSeconds: positiveNumber('LECTERN_PASSWORD_RESET_TTL_SECONDS', 30 * 60),
    /** How long an observer invitation's link works. */
    invitationTtlSeconds: positiveNumber('LECTERN_INVITATION_TTL_SECONDS', 7 * 86_400),
    /**
     * Addresses of the reverse proxies in front of Lectern, comma-separated. Only a request from
     * one of them has its client address read from X-Forwarded-For; unset, the socket's address
     * is the client's (a header anyone can send never decides whose limit a request counts to).
     */
    trustedProxies: (text('LECTERN_TRUSTED_PROXIES') ?? '').split(',').map(s => s.trim()).filter(Boolean),
    /**
     * The signals that start a graceful shutdown: Nitro's own setting, read here too so Lectern
     * drains (readiness 503, sockets closed with 1012, no new jobs) on the same ones
     * (server/plugins/graceful-shutdown.ts). NITRO_SHUTDOWN_TIMEOUT bounds the wait for requests
     * in flight (30 s by default).
     */
    shutdownSignals: (text('NITRO_SHUTDOWN_SIGNALS') ?? 'SIGTERM SIGINT').split(' ').map(s => s.trim()).filter(Boolean) as NodeJS.Signals[],
    /**
     * How long the public catalog's answers and anonymous pages are kept (ms). Writes drop them at
     * once on every instance that shares Redis; without Redis, another instance's write shows
     * after at most this long.
     */
    catalogCacheTtlMs: positiveNumber('LECTERN_CATALOG_CACHE_TTL_MS', 5_000),
    /** Abuse limits (docs/security.md): each is `<count>/<window>`; past it, 429 with Retry-After. */
    limits: {
      /** Failed sign-ins from one address, over any accounts: past it the address waits. */
      signInAddress: rateLimit('LECTERN_LIMIT_SIGN_IN_ADDRESS', '30/15m'),
      /** Failed sign-ins to one account before each further try waits (doubling), except from a browser that signed in to it before. */
      signInAccount: rateLimit('LECTERN_LIMIT_SIGN_IN_ACCOUNT', '5/15m'),
      /** Failed sign-ins from one such trusted browser before it is trusted no more. */
      signInDevice: rateLimit('LECTERN_LIMIT_SIGN_IN_DEVICE', '10/15m'),
      /** New accounts from one address. */
      signUp: rateLimit('LECTERN_LIMIT_SIGN_UP', '10/1h'),
      /** Password reset requests from one address. */
      passwordReset: rateLimit('LECTERN_LIMIT_PASSWORD_RESET', '5/15m'),
      /** Observer invitations sent by one instructor. */
      invitation: rateLimit('LECTERN_LIMIT_INVITATION', '30/1h'),
      /** Messages sent by one user. */
      messages: rateLimit('LECTERN_LIMIT_MESSAGES', '60/1m'),
      /** Uploads started by one user. */
      uploads: rateLimit('LECTERN_LIMIT_UPLOADS', '120/10m'),
      /** Bulk actions (media bulk, outline delete, zip, conversation export) by one user. */
      bulk: rateLimit('LECTERN_LIMIT_BULK', '30/1m'),
      /** Writes sent with an Idempotency-Key by one user (each answer is kept a day). */
      keyedWrites: rateLimit('LECTERN_LIMIT_KEYED_WRITES', '300/1m'),
    },
    /**
     * Adaptive streaming: after a lesson video is processed, the media:transcode job makes its HLS
     * ladder (360p, 540p, 720p, never above the source). On by default in production (a built
     * server), off in development; LECTERN_HLS=0 or 1 says otherwise. The test harness runs
     * its servers with it off, except the HLS tests' own.
     */
    hls: process.env.LECTERN_HLS?.trim() ? flag('LECTERN_HLS') : process.env.NODE_ENV === 'production',
    /**
     * The key of the HMAC that signs playlist and segment addresses (server/services/media/hls-signature.ts);
     * unset, one derived from NUXT_SESSION_PASSWORD. Every instance must have the same.
     */
    hlsSigningSecret: text('LECTERN_HLS_SECRET'),
    /** How long a signed playlist or segment address works (a CDN may cache it as long). */
    hlsUrlSeconds: positiveNumber('LECTERN_HLS_URL_SECONDS', 4 * 3600),
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
