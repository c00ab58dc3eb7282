// The browser's idea of being online, as Vue Query pauses and resumes mutations on it.
import { onlineManager } from '@tanstack/vue-query'

/** Online until mounted (the server render and the first client render agree), then live. */
export function useNetworkOnline(): Readonly<Ref<boolean>> {
  const online = ref(true)
  onMounted(() => {
    online.value = onlineManager.isOnline()
    const stop = onlineManager.subscribe((value) => {
      online.value = value
    })
    onBeforeUnmount(stop)
  })
  return online
}
