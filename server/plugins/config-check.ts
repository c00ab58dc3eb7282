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
  lecternConfig() // throws on malformed LECTERN_* numbers before the first request does
})
