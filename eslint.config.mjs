// Lint, including the architecture's layer rules (ARCHITECTURE.md "Layer rules"):
// - components, pages, layouts and stores never call the network themselves: server state goes
//   through the Vue Query composables in composables/queries;
// - stores hold UI state only, so they import no query, form or server code;
// - query composables hold server state only, so they import no store (the caller writes UI state);
// - nothing on the client side imports server code;
// - on the server, imports go one way (routes, plugins and infrastructure → services → database):
//   Prisma only in services and the database layer, services never import routes or plugins,
//   and a service announces a write only through its domain's announce-….ts helper.
import { createConfigForNuxt } from '@nuxt/eslint-config/flat'

const serverCode = {
  group: ['~~/server/*', '~/server/*', '#server/*', '**/server/**'],
  message: 'Client code must not import server code; call the API through a Vue Query composable.',
}
// Why: a query outside services can skip the ownership check that lives in each service's query,
// and infrastructure (sockets, uploads, jobs) that queries tables couples them to the schema.
const prismaClient = {
  group: ['**/database/db', '**/database/db.ts', '**/utils/db', '**/utils/db.ts', '**/generated/prisma/**', '**/server/generated/**'],
  message: 'Prisma only in server/services (and the database layer, seed, migrations, tests, benchmarks): call a service instead.',
}
// Why: services are called by routes, plugins and infrastructure; importing back would make circles
// and put HTTP concerns into the work.
const outwardFromServices = {
  group: ['**/api/**', '**/routes/**', '**/plugins/**'],
  message: 'Services never import routes (server/api, server/routes) or plugins: pass what they need as arguments.',
}
// Why: one documented way to announce a write (server/realtime/broadcast.ts).
const broadcastOutsideAnnounce = {
  group: ['**/realtime/broadcast'],
  message: 'A service announces its write through its domain\'s announce-….ts helper, not broadcast() directly.',
}
const directFetch = {
  selector: 'CallExpression[callee.name=/^(\\$fetch|useFetch|useLazyFetch|useRequestFetch|useAsyncData|useLazyAsyncData|fetch)$/]',
  message: 'Server data comes from Vue Query composables (composables/queries), not from fetch calls in components, pages or stores.',
}

export default createConfigForNuxt({
  features: { stylistic: true, typescript: { strict: false } },
  dirs: { src: ['.'] },
})
  .append({ ignores: ['server/generated/**', '.data/**', '.output/**', '.nuxt/**'] })
  .append({
    files: ['components/**', 'pages/**', 'layouts/**', 'middleware/**', 'plugins/**', 'app.vue', 'error.vue', 'composables/**'],
    rules: { 'no-restricted-imports': ['error', { patterns: [serverCode] }] },
  })
  .append({
    files: ['components/**', 'pages/**', 'layouts/**', 'app.vue', 'error.vue'],
    rules: { 'no-restricted-syntax': ['error', directFetch] },
  })
  .append({
    files: ['stores/**'],
    rules: {
      'no-restricted-syntax': ['error', directFetch],
      'no-restricted-imports': ['error', {
        patterns: [serverCode, {
          group: ['**/composables/queries/**', '~/composables/queries/*', '**/composables/forms/**', '~/composables/forms/*', '@tanstack/vue-query', 'vee-validate', '@vee-validate/*'],
          message: 'Pinia stores hold UI state only (ids, flags, preferences): no server data, no form values.',
        }],
      }],
    },
  })
  .append({
    // Vue's single-word component names: Nuxt pages and layouts are named by their files.
    files: ['pages/**', 'layouts/**', 'app.vue', 'error.vue'],
    rules: { 'vue/multi-word-component-names': 'off' },
  })
  .append({
    // Prisma only in services: everything else that runs Lectern's code (prisma/, scripts/db/,
    // tests/ and bench/ open the database themselves; client folders cannot import server code at all).
    files: ['server/**', 'shared/**', 'utils/**', '*.ts', '*.mjs'],
    ignores: ['server/services/**', 'server/database/**', 'server/generated/**'],
    rules: { 'no-restricted-imports': ['error', { patterns: [prismaClient] }] },
  })
  .append({
    files: ['server/services/**'],
    rules: { 'no-restricted-imports': ['error', { patterns: [outwardFromServices, broadcastOutsideAnnounce] }] },
  })
  .append({
    files: ['server/services/**/announce-*.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: [outwardFromServices] }] },
  })
  .append({
    // The Vue Query layer never writes Pinia (ARCHITECTURE.md "Layer rules"): what a page does with
    // a mutation's answer (keep failed files selected, close a dialog) is UI state, so the caller
    // writes it, from mutate()'s callbacks or from options the composable calls back. Stores are
    // auto-imported too (@pinia/nuxt), so calling one is refused as well as importing it.
    files: ['composables/queries/**'],
    rules: {
      'no-restricted-syntax': ['error', {
        selector: 'CallExpression[callee.name=/^use\\w*Store$/]',
        message: 'Query composables hold server state only: leave UI state (Pinia) to the caller (mutate callbacks or a component-level composable).',
      }],
      'no-restricted-imports': ['error', {
        patterns: [serverCode, {
          group: ['~/stores/*', '~~/stores/*', '@/stores/*', '**/stores/**', 'pinia', '@pinia/*'],
          message: 'Query composables hold server state only: leave UI state (Pinia) to the caller (mutate callbacks or a component-level composable).',
        }],
      }],
    },
  })
