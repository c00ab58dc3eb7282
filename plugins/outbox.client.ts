// The outbox (composables/queries/conversation/outbox.ts): what sending does is registered on the
// client before anything can send; the signed-in user's stored outbox is restored once the page
// has hydrated (restored bubbles are not in the server's HTML) and follows the session: another
// account gets its own, and a new sign-in restores what a cleared cache let go.
import type { QueryClient } from '@tanstack/vue-query'
import { useApi } from '~/composables/api/api-client'
import { registerOutbox } from '~/composables/queries/conversation/outbox'
import { keepOutbox } from '~/composables/queries/conversation/outbox-storage'

export default defineNuxtPlugin({
  name: 'outbox',
  dependsOn: ['vue-query'],
  setup(nuxtApp) {
    const client = nuxtApp.$queryClient as QueryClient
    registerOutbox(client, useApi())
    const { user } = useUserSession()
    let stop: (() => void) | undefined
    // After the page's own hydration (its suspense), not merely the app's mount.
    nuxtApp.hooks.hookOnce('app:suspense:resolve', () => {
      watch(user, (now) => {
        stop?.()
        stop = now ? keepOutbox(client, now.id) : undefined
      }, { immediate: true })
    })
  },
})
