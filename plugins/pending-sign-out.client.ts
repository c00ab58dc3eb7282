// Finishes a sign-out that a closed tab left waiting for the connection
// (composables/queries/auth/pending-sign-out.ts): at the app's start, or once the browser is back
// online, before anything else is shown as signed in.
import type { QueryClient } from '@tanstack/vue-query'
import { SIGN_OUT_KEY, useSignOutMutation } from '~/composables/queries/auth/mutations'
import { isSignOutPending, signOutOnServer } from '~/composables/queries/auth/pending-sign-out'

export default defineNuxtPlugin({
  name: 'pending-sign-out',
  dependsOn: ['vue-query'],
  setup(nuxtApp) {
    const client = nuxtApp.$queryClient as QueryClient
    const { user } = useUserSession()
    // Within the Vue app's context: the mutation finds the query client by inject.
    const signOut = nuxtApp.vueApp.runWithContext(() => useSignOutMutation())
    async function finish() {
      const userId = user.value?.id
      // A sign-out already under way (this tab's, paused offline) goes on by itself.
      if (!userId || !isSignOutPending(userId) || !navigator.onLine || client.isMutating({ mutationKey: SIGN_OUT_KEY }) > 0) return
      // Not ended (the server failed or did not answer): tried again at the next start or reconnect.
      if (await signOutOnServer(() => signOut.mutateAsync())) await navigateTo('/sign-in')
    }
    nuxtApp.hooks.hookOnce('app:suspense:resolve', finish)
    useEventListener(window, 'online', finish)
  },
})
