// Serves the catalog pages of cookie-less visitors from a few-second cache of their HTML
// (server/services/catalog/page-html-cache.ts): `render:before` answers a hit without rendering,
// `render:response` keeps a fresh 200 that set no cookie. `x-lectern-page-cache` says which.
import { anonymousCatalogKey, cachedPage, keepPage } from '../services/catalog/page-html-cache'

export default defineNitroPlugin((nitroApp) => {
  nitroApp.hooks.hook('render:before', (context) => {
    const { event } = context
    const key = anonymousCatalogKey({ method: event.method, path: event.path, cookie: getRequestHeader(event, 'cookie') })
    if (!key) return
    event.context.anonymousPageKey = key
    const hit = cachedPage(key)
    if (hit) context.response = { ...hit, headers: { ...hit.headers, 'x-lectern-page-cache': 'hit' } }
  })

  nitroApp.hooks.hook('render:response', (response, { event }) => {
    const key = event.context.anonymousPageKey as string | undefined
    if (!key || response.headers?.['x-lectern-page-cache'] === 'hit') return
    response.headers = { ...response.headers, 'x-lectern-page-cache': 'miss' }
    if (response.statusCode && response.statusCode !== 200) return
    if (typeof response.body !== 'string' || event.node.res.getHeader('set-cookie')) return
    keepPage(key, { body: response.body, statusCode: 200, headers: { ...response.headers } })
  })
})
