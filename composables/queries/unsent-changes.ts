// Changes made in this tab that have not gone to the server: mutations Vue Query holds while the
// browser is offline (it sends them by itself, in order, when the connection is back). They live
// only in this tab: closing or reloading it would lose them, so the tab asks first
// (plugins/unsent-changes.client.ts) and the layout says they are waiting (AppOfflineNotice).
// A request already on its way is not counted: the server has it. Mutations whose
// `meta.survivesTab` is true are left out: the outbox keeps its messages in the browser's storage,
// and a sign-out waiting for the connection is written down for the app's next start.
import { useMutationState } from '@tanstack/vue-query'
import type { Mutation, QueryClient } from '@tanstack/vue-query'

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- any mutation of the cache, whatever its types
const isUnsent = (mutation: Mutation<any, any, any, any>) =>
  mutation.state.status === 'pending' && mutation.state.isPaused && mutation.options.meta?.survivesTab !== true

export const hasUnsentChanges = (client: QueryClient) => client.getMutationCache().getAll().some(isUnsent)

/** How many changes of this tab are waiting for the connection, live. */
export function useUnsentChanges(): Readonly<Ref<number>> {
  const states = useMutationState(() => ({ filters: { predicate: isUnsent } }))
  return computed(() => states.value.length)
}
