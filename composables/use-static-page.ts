// Whether the page being rendered ships without the app's JavaScript: an anonymous visitor's
// public page (server/middleware/05.static-public-pages.ts). A control that needs JavaScript
// renders its plain-HTML form there instead (a link where the app would open a dialog).
// Always false in the browser: a page that runs this code has its JavaScript.
export function useStaticPage(): boolean {
  if (import.meta.client) return false
  return useRequestEvent()?.context.staticPage === true
}
