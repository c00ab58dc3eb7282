// Keyboard behaviour of a drawer that covers the page while it is open (a side panel that becomes a
// drawer on narrow screens, so it cannot be a native <dialog> on every width): focus moves in when
// it opens, Tab and Shift+Tab stay inside it, Escape closes it from wherever focus is, and focus
// goes back to the button that opened it when it closes.
import type { MaybeRefOrGetter, Ref } from 'vue'

const FOCUSABLE = 'a[href], button:not([disabled]), input:not([disabled]), select:not([disabled]), textarea:not([disabled]), [tabindex]:not([tabindex="-1"])'

export function useDrawerFocus(options: {
  /** The drawer's element (its focus stays inside while open). */
  panel: Ref<HTMLElement | undefined>
  open: MaybeRefOrGetter<boolean>
  close: () => void
  /** Where focus goes when the drawer closes: the button that opened it. */
  opener: Ref<HTMLElement | undefined>
}): void {
  const focusables = () => [...(options.panel.value?.querySelectorAll<HTMLElement>(FOCUSABLE) ?? [])].filter(el => el.offsetParent !== null)

  watch(() => toValue(options.open), async (open, wasOpen) => {
    await nextTick()
    if (open) focusables()[0]?.focus()
    else if (wasOpen) options.opener.value?.focus()
  })

  useEventListener(document, 'keydown', (event: KeyboardEvent) => {
    if (!toValue(options.open)) return
    if (event.key === 'Escape') {
      event.preventDefault()
      options.close()
      return
    }
    if (event.key !== 'Tab') return
    const items = focusables()
    if (!items.length) return
    const first = items[0]!
    const last = items[items.length - 1]!
    const inside = options.panel.value?.contains(document.activeElement)
    if (event.shiftKey && (document.activeElement === first || !inside)) {
      event.preventDefault()
      last.focus()
    }
    else if (!event.shiftKey && (document.activeElement === last || !inside)) {
      event.preventDefault()
      first.focus()
    }
  })
}
