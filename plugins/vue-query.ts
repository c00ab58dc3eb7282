// Vue Query owns all server state. On the server, queries prefetched during render are
// dehydrated into the payload; the client hydrates them, so a server-rendered list is not
// fetched a second time on load.
import { QueryCache, QueryClient, VueQueryPlugin, dehydrate, hydrate } from '@tanstack/vue-query'
import type { DehydratedState } from '@tanstack/vue-query'
import { ApiRequestError } from '~/composables/api/api-client'

export default defineNuxtPlugin({
  name: 'vue-query',
  setup(nuxtApp) {
    const state = useState<DehydratedState | null>('vue-query', () => null)

    const queryClient = new QueryClient({
      queryCache: new QueryCache({
      // A session that expired while the page was open: send the user to sign in, then back.
        onError: (error) => {
          if (import.meta.client && error instanceof ApiRequestError && error.status === 401) {
            const route = useRouter().currentRoute.value
            if (route.path !== '/sign-in') navigateTo({ path: '/sign-in', query: { next: route.fullPath } })
          }
        },
      }),
      defaultOptions: {
        queries: {
          staleTime: 30_000,
          // 4xx answers will not change on retry; network failures might.
          retry: (failureCount, error) => !(error instanceof ApiRequestError && error.status >= 400 && error.status < 500) && failureCount < 2,
        },
      },
    })

    nuxtApp.vueApp.use(VueQueryPlugin, { queryClient })
    nuxtApp.provide('queryClient', queryClient)

    if (import.meta.server) {
      nuxtApp.hooks.hook('app:rendered', () => {
        state.value = dehydrate(queryClient)
      })
    }
    if (import.meta.client) {
      nuxtApp.hooks.hook('app:created', () => {
        if (state.value) hydrate(queryClient, state.value)
      })
    }
  },
})
