// Lectern: one Nuxt app for the course studio (/studio), the student portal and messaging.
// The root layout (pages/, components/, server/ … at the top) follows ../shared/STYLE.md.
export default defineNuxtConfig({
  modules: ['nuxt-auth-utils', '@pinia/nuxt', '@vueuse/nuxt', '@nuxtjs/sitemap', '@nuxtjs/robots', 'nuxt-schema-org', 'nuxt-security'],
  devtools: { enabled: false },

  app: {
    head: {
      htmlAttrs: { lang: 'en' },
      titleTemplate: '%s · Lectern',
      meta: [{ name: 'viewport', content: 'width=device-width, initial-scale=1' }],
      link: [{ rel: 'icon', type: 'image/svg+xml', href: '/favicon.svg' }],
    },
  },
  css: ['~/assets/css/main.css', 'vue-sonner/style.css'],

  // SEO (Nuxt SEO's modules, all configured here and built offline): the site's address comes from
  // NUXT_PUBLIC_SITE_URL at run time (server/utils/config.ts), else from each request's origin.
  site: { name: 'Lectern' },

  runtimeConfig: {
    // NUXT_SESSION_PASSWORD seals the cookie; Lectern's own settings are LECTERN_* (server/utils/config.ts).
    session: {
      name: 'lectern-session',
      // Only an outer bound (a browser keeps a cookie at most 400 days): a session row decides
      // how long a cookie works, and sign-in seals each cookie for LECTERN_SESSION_MAX_DAYS.
      maxAge: 60 * 60 * 24 * 400,
      cookie: { sameSite: 'lax' },
    },
  },
  dir: { app: 'app' },
  srcDir: '.',
  routeRules: {
    // The zip download's refusal (a JSON page) is read back from a hidden frame of the library page.
    '/api/media/zip': { headers: { 'X-Frame-Options': 'SAMEORIGIN' } },
  },

  features: {
    // All CSS goes into the page as <style>, the global sheet included: on a phone's first visit
    // each render-blocking stylesheet is a round trip before the first paint (Lighthouse: first
    // paint 3.2 s with five <link>s on a throttled 4G line). The page's CSS is ~25 KB raw, a few
    // KB compressed with the HTML; later navigations fetch no CSS for pages already seen.
    inlineStyles: true,
  },

  experimental: {
    // No build manifest: Lectern has no client-side route rules, and fetching and compiling it
    // after load was a long task on a phone (Lighthouse: blocking time). A page whose chunks were
    // replaced by a new deploy still reloads itself on the chunk error.
    appManifest: false,
    // A page's code is fetched when a link to it is pointed at, focused or touched, not for every
    // link that scrolls into view: on a phone the catalog's links would otherwise download and run
    // most of the app's pages during the first seconds (Lighthouse: blocking time, bytes).
    defaults: { nuxtLink: { prefetchOn: { visibility: false, interaction: true } } },
  },
  compatibilityDate: '2026-11-01',

  nitro: {
    // Static files (the app's JS and CSS above all) are stored brotli- and gzip-compressed at
    // build and served as the browser accepts; pages and JSON are compressed as they go out
    // (server/plugins/compression.ts).
    compressPublicAssets: { brotli: true, gzip: true },
    // WebSockets are switched on in the nitro:config hook below, not here: seeing this flag,
    // nuxt-auth-utils would add a plugin that creates and seals a session for every request
    // (static files and anonymous pages included) so upgrade handlers can read it. Our socket
    // upgrade unseals the cookie from its headers (server/utils/auth.ts), so it needs none of that.
    // Worker scripts that jobs run as their own processes (server/workers), shipped with the build.
    serverAssets: [{ baseName: 'workers', dir: './workers' }],
    // The generated Prisma client imports with .ts extensions.
    esbuild: { options: { target: 'es2023' } },
  },

  vite: {
    optimizeDeps: {
      include: ['@tanstack/vue-query', 'vee-validate', '@vee-validate/zod', 'zod', 'vue-sonner'],
    },
  },

  typescript: {
    strict: true,
    // vue-tsc runs in .ci/run (npm run typecheck); keep builds fast.
    typeCheck: false,
  },
  telemetry: false,

  hooks: {
    // No <link rel="prefetch"> for code a page may import later: on a phone's first visit they
    // compete with the page's own code (the upload client, 14 KB, was prefetched for every visitor).
    // Pages' code is fetched when a link to them is pointed at (prefetchOn above).
    'build:manifest': (manifest) => {
      for (const chunk of Object.values(manifest)) chunk.dynamicImports = []
    },
    // plugins/session.server.ts takes the place of nuxt-auth-utils' server plugin: the same session,
    // read on the page's own request instead of an inner one (server/plugins/render-session.ts).
    'app:resolve': (app) => {
      app.plugins = app.plugins.filter(plugin => !/nuxt-auth-utils[\\/]dist[\\/]runtime[\\/]app[\\/]plugins[\\/]session\.server/.test(plugin.src))
    },
    'nitro:config': (config) => {
      config.experimental = { ...config.experimental, websocket: true }
      // nuxt-auth-utils puts settings for ~50 OAuth providers in the runtime config; Lectern uses
      // none. Nitro copies the runtime config for every page render and looks each key up in the
      // environment (NUXT_OAUTH_…): ~300 keys, a tenth of a bare page's server CPU (bench/ssr.bench.ts).
      if (config.runtimeConfig) delete config.runtimeConfig.oauth
    },
  },
  robots: {
    disallow: ['/studio', '/messages', '/learn', '/api/', '/sign-in', '/sign-up', '/forgot-password', '/reset-password', '/invitation', '/account'],
  },
  schemaOrg: {
    identity: { type: 'Organization', name: 'Lectern' },
  },
  // Security headers (docs/security.md "Cross-site and headers"). nuxt-security sends the CSP and
  // Permissions-Policy with pages (a fresh nonce per render, written into every <script>, <link>
  // and <style> Nuxt renders) and the other headers with every answer. Its request checks are off:
  // server/middleware/01.body-limit.ts limits bodies (its 8 MB cap would cut 8 MiB upload chunks),
  // the abuse limits replace its rate limiter, and its XSS validator would refuse messages that
  // contain markup (shown as text, never as HTML). Cross-site changes are refused by
  // server/middleware/00.cross-site.ts, so its CORS handler is off too (no other origin is served).
  security: {
    nonce: true,
    // Same-origin assets only: integrity hashes guard against a compromised CDN, which Lectern has not.
    sri: false,
    // Keep the browser console: the browser tests read it, and so do people reporting bugs.
    removeLoggers: false,
    requestSizeLimiter: false,
    rateLimiter: false,
    xssValidator: false,
    corsHandler: false,
    allowedMethodsRestricter: false,
    hidePoweredBy: true,
    headers: {
      contentSecurityPolicy: {
        'default-src': ['\'self\''],
        'base-uri': ['\'none\''],
        'object-src': ['\'none\''],
        'form-action': ['\'self\''],
        'frame-ancestors': ['\'none\''],
        // Nuxt's entry and inline scripts carry the request's nonce; what they load is trusted
        // through them ('strict-dynamic'); nothing else runs. JSON payloads and JSON-LD are data.
        'script-src': ['\'self\'', '\'strict-dynamic\'', '\'nonce-{{nonce}}\''],
        'script-src-attr': ['\'none\''],
        // Vue's :style bindings and vue-sonner set inline styles.
        'style-src': ['\'self\'', '\'unsafe-inline\''],
        // A course's cover is an address the instructor gives (any https site); an image runs nothing.
        'img-src': ['\'self\'', 'data:', 'blob:', 'https:'],
        'media-src': ['\'self\'', 'blob:'],
        'font-src': ['\'self\'', 'data:'],
        // 'self' covers the socket's ws:/wss: on this host (CSP level 3).
        'connect-src': ['\'self\''],
        'worker-src': ['\'self\'', 'blob:'],
        'frame-src': ['\'self\''],
        'manifest-src': ['\'self\''],
        // HSTS does this for this site; there is no other site's http content to upgrade.
        'upgrade-insecure-requests': false,
      },
      // Not sent: COEP would block media and images from another origin (an object store), and
      // CORP on our answers would stop them being shown where we link them. COOP is kept: it
      // only cuts window references between this site and others' pages.
      crossOriginEmbedderPolicy: false,
      crossOriginResourcePolicy: false,
      crossOriginOpenerPolicy: 'same-origin',
      referrerPolicy: 'strict-origin-when-cross-origin',
      // Sent by the built server, never by `nuxt dev` (which could pin https on localhost). A
      // browser honours HSTS only from an https answer (RFC 6797 §8.1), so a built server on plain
      // http (a laptop, the tests) sends it to no effect.
      strictTransportSecurity: process.env.NODE_ENV === 'development' ? false : { maxAge: 31_536_000, includeSubdomains: true },
      xContentTypeOptions: 'nosniff',
      xFrameOptions: 'DENY',
      xXSSProtection: '0',
      permissionsPolicy: {
        'camera': [],
        'microphone': [],
        'geolocation': [],
        'display-capture': [],
        'payment': [],
        'usb': [],
        // The lesson player goes full screen and picture-in-picture.
        'fullscreen': ['self'],
        'picture-in-picture': ['self'],
      },
    },
  },
  sitemap: {
    // Course pages come from the database through this route, when sitemap.xml is asked for.
    sources: ['/__sitemap__/courses'],
    // Only public pages: the studio, messages, learning and the account forms are private.
    exclude: ['/studio/**', '/messages/**', '/learn/**', '/learn', '/messages', '/studio', '/sign-in', '/sign-up', '/forgot-password', '/reset-password', '/invitation', '/account'],
    // The catalog changes as courses are published: a few minutes' cache is fresh enough.
    cacheMaxAgeSeconds: 300,
  },
})
