import { onMounted, shallowRef } from 'vue'
import type { Ref } from 'vue'
import { useIntervalFn } from '@vueuse/core'

/**
 * The time, moving once a second while the component is mounted: for countdowns ("retrying in
 * 3 s") and for noticing that a stream of progress events has stopped. Server renders start at 0
 * so both sides print the same.
 */
export function useMountedNow(everyMs = 1000): Readonly<Ref<number>> {
  const now = shallowRef(0)
  const ticking = useIntervalFn(() => (now.value = Date.now()), everyMs, { immediate: false, immediateCallback: true })
  onMounted(ticking.resume)
  return now
}
