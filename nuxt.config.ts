// Lectern: one Nuxt app for the course studio (/studio), the student portal and messaging.
// The root layout (pages/, components/, server/ … at the top) follows ../shared/STYLE.md.
export default defineNuxtConfig({
  modules: ['nuxt-auth-utils', '@pinia/nuxt'],
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

  runtimeConfig: {
    // NUXT_SESSION_PASSWORD seals the cookie; Lectern's own settings are LECTERN_* (server/utils/config.ts).
    session: {
      name: 'lectern-session',
      maxAge: 60 * 60 * 24 * 14,
      cookie: { sameSite: 'lax' },
    },
  },
  dir: { app: 'app' },
  srcDir: '.',
  compatibilityDate: '2026-11-01',

  nitro: {
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
    'nitro:config': (config) => {
      config.experimental = { ...config.experimental, websocket: true }
      // nuxt-auth-utils puts settings for ~50 OAuth providers in the runtime config; Lectern uses
      // none. Nitro copies the runtime config for every page render and looks each key up in the
      // environment (NUXT_OAUTH_…): ~300 keys, a tenth of a bare page's server CPU (bench/ssr.bench.ts).
      if (config.runtimeConfig) delete config.runtimeConfig.oauth
    },
  },
})
