// Wires the realtime path for a signed-in tab: socket client → observer → cache updaters, and
// the tab's visibility → socket (presence: away while every tab of the user is hidden).
// While the socket is not live, Vue Query falls back to plain requests: refetch on window focus
// and every 30 s. (`localStorage['lectern:realtime-fallback'] = 'off'` switches the fallback off,
// so a test can prove an update came through the socket.)
import type { QueryClient } from '@tanstack/vue-query'
import { userChannel } from '#shared/realtime/channels'
import { registerCacheUpdaters } from '~/composables/realtime/cache-updaters'
import { createRealtimeObserver } from '~/composables/realtime/observer'
import type { SocketStatus } from '~/composables/realtime/observer'
import { RealtimeSocketClient } from '~/composables/realtime/socket-client'
import { isSignOutPending } from '~/composables/queries/auth/pending-sign-out'
import type { RealtimeApi } from '~/composables/realtime/realtime-api'

const FALLBACK_INTERVAL_MS = 30_000

export default defineNuxtPlugin({
  name: 'realtime',
  dependsOn: ['vue-query'],
  setup(nuxtApp): { provide: { realtime: RealtimeApi } } {
    const queryClient = nuxtApp.$queryClient as QueryClient
    const observer = createRealtimeObserver()
    const status = ref<SocketStatus>('idle')
    // Read once at start (a test's switch, set before the page loads): not state to follow.
    const fallbackOff = localStorage.getItem('lectern:realtime-fallback') === 'off'
    const live = () => status.value === 'open'

    const socket = new RealtimeSocketClient({
      url: () => `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}/_ws`,
      observer,
    })
    observer.on('socket:status', (event) => {
      status.value = event.status
    })
    registerCacheUpdaters(observer, queryClient)
    // The browser knows first when the network goes and comes back. A sign-out waiting for the
    // connection ends this session's sockets anyway: no reconnecting for it.
    const { user } = useUserSession()
    const signingOut = () => !!user.value && isSignOutPending(user.value.id)
    useEventListener(window, 'offline', () => socket.offline())
    useEventListener(window, 'online', () => !signingOut() && socket.online())
    // The plugin runs in the app's effect scope: this listener lives as long as the tab.
    watch(useDocumentVisibility(), (visibility) => {
      socket.setVisibility(visibility === 'hidden' ? 'hidden' : 'visible')
    }, { immediate: true })

    queryClient.setDefaultOptions({
      ...queryClient.getDefaultOptions(),
      queries: {
        ...queryClient.getDefaultOptions().queries,
        refetchOnWindowFocus: () => !fallbackOff && !live(),
      },
    })
    const fallback = useIntervalFn(() => queryClient.refetchQueries({ type: 'active' }), FALLBACK_INTERVAL_MS, { immediate: false })
    watch(live, (isLive) => {
      fallback.pause()
      if (!isLive && !fallbackOff && status.value !== 'idle') fallback.resume()
    })

    // The signed-in user's own channel is always on; pages retain more (useRealtimeChannel).
    let releaseUserChannel: (() => void) | undefined
    watch(() => user.value?.id, (userId) => {
      releaseUserChannel?.()
      releaseUserChannel = undefined
      socket.stop()
      if (!userId || signingOut()) return
      releaseUserChannel = socket.retain(userChannel(userId))
      socket.start()
    }, { immediate: true })

    return {
      provide: {
        realtime: {
          status: readonly(status),
          retain: (channel: string) => socket.retain(channel),
          signalTyping: (conversationId: string) => socket.signal({ op: 'typing', conversationId }),
          observer,
        },
      },
    }
  },
})
