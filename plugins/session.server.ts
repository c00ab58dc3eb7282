// Loads the signed-in session before the page renders, in place of nuxt-auth-utils' own server
// plugin (removed in nuxt.config.ts, `app:resolve`), which always asked GET /api/_auth/session
// with an inner request. The page's request has usually read the same answer already
// (server/plugins/render-session.ts); when it has not, this asks as the module did.
import type { UserSession } from '#auth-utils'

export default defineNuxtPlugin({
  name: 'session-fetch-plugin',
  enforce: 'pre',
  async setup(nuxtApp) {
    const event = useRequestEvent()
    nuxtApp.payload.isCached = Boolean(event?.context.cache)
    if (!nuxtApp.payload.serverRendered || nuxtApp.payload.prerenderedAt || nuxtApp.payload.isCached) return
    const known = event?.context.renderSession as UserSession | null | undefined
    if (known === undefined) return useUserSession().fetch()
    useUserSession().session.value = known
    useState('nuxt-auth-ready').value = true
  },
})
