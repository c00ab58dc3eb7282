import { onBeforeUnmount, onMounted, ref } from 'vue'
import type { Ref } from 'vue'

/**
 * The time, moving once a second while the component is mounted: for countdowns ("retrying in
 * 3 s") and for noticing that a stream of progress events has stopped. Server renders start at 0
 * so both sides print the same.
 */
export function useNow(everyMs = 1000): Ref<number> {
  const now = ref(0)
  let timer: ReturnType<typeof setInterval> | undefined
  onMounted(() => {
    now.value = Date.now()
    timer = setInterval(() => (now.value = Date.now()), everyMs)
  })
  onBeforeUnmount(() => clearInterval(timer))
  return now
}
