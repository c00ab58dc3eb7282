// Serves the catalog pages of cookie-less visitors from a few-second cache of their HTML
// (server/services/catalog/page-html-cache.ts): `render:before` answers a hit without rendering,
// `render:response` keeps a fresh 200 that set no cookie. `x-lectern-page-cache` says which.
// A hit replays the nonce its HTML was rendered with: nuxt-security builds the CSP header from
// `event.context.security.nonce` after `render:before`. Reusing a nonce for those few seconds gives
// nothing away: the cached HTML is fixed, and any catalog write drops it.
import { anonymousCatalogKey, cachedPage, keepPage } from '../services/catalog/page-html-cache'

export default defineNitroPlugin((nitroApp) => {
  nitroApp.hooks.hook('render:before', (context) => {
    const { event } = context
    const key = anonymousCatalogKey({ method: event.method, path: event.path, cookie: getRequestHeader(event, 'cookie') })
    if (!key) return
    event.context.anonymousPageKey = key
    const hit = cachedPage(key)
    if (!hit) return
    const { nonce, ...page } = hit
    if (nonce && event.context.security) event.context.security.nonce = nonce
    context.response = { ...page, headers: { ...page.headers, 'x-lectern-page-cache': 'hit' } }
  })

  nitroApp.hooks.hook('render:response', (response, { event }) => {
    const key = event.context.anonymousPageKey as string | undefined
    if (!key || response.headers?.['x-lectern-page-cache'] === 'hit') return
    response.headers = { ...response.headers, 'x-lectern-page-cache': 'miss' }
    if (response.statusCode && response.statusCode !== 200) return
    if (typeof response.body !== 'string' || event.node.res.getHeader('set-cookie')) return
    keepPage(key, { body: response.body, statusCode: 200, headers: { ...response.headers }, nonce: event.context.security?.nonce })
  })
})
