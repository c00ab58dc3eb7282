// Where a conversation's stream is scrolled: start at the bottom; stay there when new messages
// come if the reader was there; when older ones are prepended, keep the reader's place. After a
// jump to a day, start at the first message of that day (or the nearest after it) instead, and
// never follow new messages down until the window reaches the newest.
import type { Ref } from 'vue'

/** Scrolls the stream so the first day group on or after `day` is at the top; false if none is drawn. */
export function scrollToDay(el: HTMLElement, day: string): boolean {
  const groups = [...el.querySelectorAll<HTMLElement>('[data-day]')]
  const target = groups.find(g => g.dataset.day! >= day) ?? groups.at(-1)
  if (!target) return false
  el.scrollTop += target.getBoundingClientRect().top - el.getBoundingClientRect().top
  // Keyboard and screen-reader users land where the eye does.
  target.querySelector<HTMLElement>('.day-label')?.focus({ preventScroll: true })
  return true
}

export function useStreamScroll(scroller: Ref<HTMLElement | undefined>, stream: {
  /** The day jumped to, or null for the latest messages. */
  day: () => string | null
  /** How many messages are loaded (it changes when a page or a message arrives or leaves). */
  count: () => number
  /** Whether the stream has data to draw. */
  loaded: () => boolean
  /** Whether what is loaded reaches the newest message (so new ones appear at the bottom). */
  atLatest: () => boolean
}) {
  const nearBottom = () => {
    const el = scroller.value
    return !el || el.scrollHeight - el.scrollTop - el.clientHeight < 80
  }
  let stick = !stream.day()
  let loadingOlder = false
  /** A day to bring into view once its window is drawn. */
  let pendingJump = stream.day()
  watch(stream.day, (day) => {
    pendingJump = day
    stick = !day
  })

  watch(() => [stream.day(), stream.count()], async () => {
    // Measured before the DOM grows (the stream may not be drawn yet on the first load).
    const before = scroller.value ? { height: scroller.value.scrollHeight, top: scroller.value.scrollTop } : undefined
    await nextTick()
    const el = scroller.value
    if (!el || !stream.loaded()) return
    if (pendingJump) {
      if (scrollToDay(el, pendingJump)) pendingJump = null
    }
    else if (!before || stick) {
      el.scrollTop = el.scrollHeight
    }
    else if (loadingOlder) {
      el.scrollTop = before.top + (el.scrollHeight - before.height)
    }
    // Otherwise new messages landed below while the reader is further up: the view stays put.
    loadingOlder = false
  })

  onMounted(() => {
    const el = scroller.value
    if (el && pendingJump) {
      if (scrollToDay(el, pendingJump)) pendingJump = null
    }
    else if (el) {
      el.scrollTop = el.scrollHeight
    }
  })

  return {
    onScroll() {
      stick = nearBottom() && stream.atLatest()
    },
    /** Older messages are about to be prepended: the reader's place is kept. */
    loadingOlder() {
      loadingOlder = true
    },
    /** Newer messages are about to be appended below what the reader looks at, which stays where it is. */
    loadingNewer() {
      stick = false
    },
    /** The reader wrote a message: the stream follows it (and what comes after it) to the bottom. */
    followNewest() {
      stick = true
    },
    /** Brings a drawn message to the middle of the view (a back-dated message just sent). */
    scrollToMessage(messageId: string) {
      const el = scroller.value
      const target = el?.querySelector<HTMLElement>(`[data-message-id="${CSS.escape(messageId)}"]`)
      if (!el || !target) return
      stick = false
      const offset = target.getBoundingClientRect().top - el.getBoundingClientRect().top
      el.scrollTop += offset - (el.clientHeight - target.offsetHeight) / 2
    },
    /** Brings a day already drawn back into view (a jump to the day already shown). */
    scrollToDay(day: string) {
      if (scroller.value) scrollToDay(scroller.value, day)
    },
  }
}
