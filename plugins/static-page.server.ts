// A page sent without the app's JavaScript (an anonymous visitor's public page,
// server/middleware/05.static-public-pages.ts) is marked <html data-static>, as <html
// data-hydrated> marks one the app took over: scripts and browser tests know which to wait for.
// It gets one small inline script instead of the app: forms held while the server cannot be
// reached (assets/scripts/hold-forms-offline.js). Inline, because a phone on a slow link would
// otherwise fetch a file for it; the nonce Content-Security-Policy admits it.
import holdFormsOffline from '~/assets/scripts/hold-forms-offline.js?raw'

export default defineNuxtPlugin(() => {
  if (!useStaticPage()) return
  useHead({
    htmlAttrs: { 'data-static': 'true' },
    script: [{ innerHTML: holdFormsOffline, tagPosition: 'bodyClose' }],
  })
})
