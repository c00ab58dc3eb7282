// Closing or reloading the tab while changes wait for the connection (unsent-changes.ts) asks
// first; browsers show their own wording. Moving between the app's pages loses nothing: the
// changes wait in the query client, not in the page.
import type { QueryClient } from '@tanstack/vue-query'
import { hasUnsentChanges } from '~/composables/queries/unsent-changes'

export default defineNuxtPlugin({
  name: 'unsent-changes',
  dependsOn: ['vue-query'],
  setup(nuxtApp) {
    const client = nuxtApp.$queryClient as QueryClient
    useEventListener(window, 'beforeunload', (event: BeforeUnloadEvent) => {
      if (!hasUnsentChanges(client)) return
      event.preventDefault()
      event.returnValue = ''
    })
  },
})
