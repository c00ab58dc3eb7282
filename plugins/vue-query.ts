// Vue Query owns all server state. On the server, queries prefetched during render are
// dehydrated into the payload; the client hydrates them, so a server-rendered list is not
// fetched a second time on load. Failed queries travel too (as plain error data, rebuilt into
// ApiRequestError in the browser), so a page rendered as "not found" hydrates as "not found"
// instead of flashing a loading state that does not match the server's HTML.
import { QueryCache, QueryClient, VueQueryPlugin, defaultShouldDehydrateQuery, dehydrate, hydrate } from '@tanstack/vue-query'
import type { DefaultError, DefaultedQueryObserverOptions, DehydratedState, QueryKey, QueryObserverOptions } from '@tanstack/vue-query'
import { ApiRequestError, retriesSafely } from '~/composables/api/api-client'
import { isServerRendered } from '~/composables/queries/ssr-query'

/**
 * The server's client runs only the queries the render waits for (marked `serverRendered`,
 * composables/queries/ssr-query.ts); every other one stays idle there, whatever its own `enabled`
 * says, and starts in the browser. A query started on the server and not waited for could answer
 * after the HTML was rendered without it but before the payload was written: the browser would
 * hydrate data the HTML does not show.
 */
class ServerRenderClient extends QueryClient {
  override defaultQueryOptions<TQueryFnData = unknown, TError = DefaultError, TData = TQueryFnData, TQueryData = TQueryFnData, TQueryKey extends QueryKey = QueryKey, TPageParam = never>(
    options: QueryObserverOptions<TQueryFnData, TError, TData, TQueryData, TQueryKey, TPageParam> | DefaultedQueryObserverOptions<TQueryFnData, TError, TData, TQueryData, TQueryKey>,
  ): DefaultedQueryObserverOptions<TQueryFnData, TError, TData, TQueryData, TQueryKey> {
    const defaulted = super.defaultQueryOptions(options)
    return isServerRendered(defaulted.meta) || defaulted.enabled === false ? defaulted : { ...defaulted, enabled: false }
  }
}

export default defineNuxtPlugin({
  name: 'vue-query',
  setup(nuxtApp) {
    const state = useState<DehydratedState | null>('vue-query', () => null)

    const queryClient = new (import.meta.server ? ServerRenderClient : QueryClient)({
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
          // A failed query is not retried just because a component mounts: the server's error
          // render must hydrate as an error. Error states carry a Retry button; transient
          // failures from the server render are retried once hydration is done (below).
          retryOnMount: false,
        },
        mutations: {
          // A write that failed on the line is sent again when that is safe (retriesSafely), after
          // 1, 2 and 4 s; offline meanwhile, it waits for the connection (unsent-changes.ts).
          // Only then does it fail and roll back.
          retry: (failureCount, error) => failureCount < 3 && retriesSafely(error),
          retryDelay: failureCount => 1000 * 2 ** failureCount,
        },
      },
    })

    nuxtApp.vueApp.use(VueQueryPlugin, { queryClient })
    nuxtApp.provide('queryClient', queryClient)

    if (import.meta.server) {
      nuxtApp.hooks.hook('app:rendered', () => {
        state.value = toPayload(dehydrate(queryClient, { shouldDehydrateQuery: query => defaultShouldDehydrateQuery(query) || query.state.status === 'error' }))
      })
    }
    if (import.meta.client) {
      nuxtApp.hooks.hook('app:created', () => {
        if (state.value) hydrate(queryClient, fromPayload(state.value))
      })
      nuxtApp.hooks.hook('app:suspense:resolve', () => {
        const transient = (error: unknown) => !(error instanceof ApiRequestError && error.status >= 400 && error.status < 500)
        void queryClient.refetchQueries({ predicate: query => query.state.status === 'error' && transient(query.state.error) })
      })
    }
  },
})

type PlainError = { name: 'ApiRequestError', status: number, code: ApiRequestError['code'], message: string, fields?: Record<string, string[]>, details?: Record<string, unknown> }

/** The payload is serialised with devalue, which takes plain data only: errors become plain objects. */
function toPayload(state: DehydratedState): DehydratedState {
  return {
    ...state,
    queries: state.queries.map((query) => {
      const error = query.state.error
      if (!error) return query
      const plain: PlainError = error instanceof ApiRequestError
        ? { name: 'ApiRequestError', status: error.status, code: error.code, message: error.message, fields: error.fields, details: error.details }
        : { name: 'ApiRequestError', status: 0, code: 'UNAVAILABLE', message: (error as Error).message ?? 'Something went wrong' }
      return { ...query, state: { ...query.state, error: plain as unknown as Error, fetchFailureReason: plain as unknown as Error } }
    }),
  }
}

function fromPayload(state: DehydratedState): DehydratedState {
  return {
    ...state,
    queries: state.queries.map((query) => {
      const plain = query.state.error as unknown as PlainError | null
      if (!plain || plain.name !== 'ApiRequestError') return query
      const error = new ApiRequestError(plain.status, { code: plain.code, message: plain.message, fields: plain.fields, details: plain.details })
      return { ...query, state: { ...query.state, error, fetchFailureReason: error } }
    }),
  }
}
