// The page's stylesheet <link>s go after its content instead of in <head>. With
// `features.inlineStyles` (nuxt.config.ts) every component rendered on the server already has its
// CSS inline in <head>; what is still linked belongs to components the client shows later (a
// dialog, an error state) or repeats inline CSS. In <head> each link blocks the first paint for a
// round trip (on a phone's 4G line, most of the time to first paint); after the content it blocks
// nothing that is already on the screen, and is loaded before the app starts (module scripts wait
// for stylesheets), so a dialog opened later is styled.
// nuxt-security may have written the CSP nonce in first (its plugins run before the app's).
const STYLESHEET = /<link (?:nonce="[^"]*" )?rel="stylesheet"[^>]*>/g

export default defineNitroPlugin((nitroApp) => {
  nitroApp.hooks.hook('render:html', (html) => {
    const moved: string[] = []
    html.head = html.head.map(part => part.replace(STYLESHEET, (link) => {
      moved.push(link)
      return ''
    }))
    if (moved.length) html.bodyAppend.push(moved.join(''))
  })
})
