// Fails start-up with a clear message instead of serving with a missing or weak session secret.
// (In dev, nuxt-auth-utils writes a random NUXT_SESSION_PASSWORD into .env on first start.)
export default defineNitroPlugin(() => {
  const password = lecternConfig().sessionPassword || useRuntimeConfig().session?.password || ''
  if (password.length < 32) {
    const message = 'NUXT_SESSION_PASSWORD must be set to at least 32 random characters '
      + '(e.g. `openssl rand -hex 32`); it seals the session cookies.'
    console.error(`[lectern] ${message}`)
    throw new Error(message)
  }
  const config = lecternConfig() // throws on malformed LECTERN_* numbers before the first request does
  if (config.smtp && !config.siteUrl) {
    // Without it a reset link would be built on the request's Host, which the requester chooses:
    // anyone could ask a reset for a victim with `Host: evil.example` and collect the token.
    const message = 'NUXT_PUBLIC_SITE_URL must be set when mail is sent (LECTERN_SMTP_*): links in '
      + 'password-reset and invitation mails are built on it, never on a request\'s Host header.'
    console.error(`[lectern] ${message}`)
    throw new Error(message)
  }
})
