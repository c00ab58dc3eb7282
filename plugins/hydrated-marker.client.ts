// Marks <html data-hydrated> once Vue has taken over the server-rendered page, so browser tests
// (and anyone scripting Lectern) can wait for interactivity instead of guessing with timeouts.
export default defineNuxtPlugin((nuxtApp) => {
  nuxtApp.hook('app:suspense:resolve', () => {
    document.documentElement.dataset.hydrated = 'true'
  })
})
