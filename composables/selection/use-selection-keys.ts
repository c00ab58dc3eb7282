// The keyboard of a selectable grid or list (roving focus): arrows move the focus (by a row of
// `columns` in a grid), Shift+arrows extend the selection from the anchor, Space toggles the
// focused item, Enter opens it, Ctrl/Cmd+A selects everything shown, Esc clears, Delete asks to
// delete the selection. Positions are in the displayed order, never the store's.
import type { SelectionStore } from './select-by-click'
import { onMac } from './select-by-click'
import { nextFocusIndex } from '~/utils/selection/keyboard'
import { isToggleKey } from '~/utils/selection/selection-ops'

export interface SelectionKeysOptions {
  store: SelectionStore
  order: () => readonly string[]
  columns: () => number
  /** Bring the item into view and give it the DOM focus (it may not be rendered yet). */
  reveal: (id: string) => void
  /** Enter on the focused item. */
  open?: (id: string) => void
  /** Delete (Backspace on a Mac keyboard) with something selected. */
  remove?: () => void
}

export function useSelectionKeys(options: SelectionKeysOptions) {
  const { store } = options

  function onKeydown(event: KeyboardEvent) {
    // Keys typed into a field inside an item (a rename box) are the field's own.
    if ((event.target as Element | null)?.closest?.('input, textarea, select, [contenteditable="true"]')) return
    const isMac = onMac()
    const order = options.order()
    const current = store.focused && order.includes(store.focused) ? store.focused : null
    const index = current ? order.indexOf(current) : -1

    // Alt+arrows belong to the item (the editor moves a lesson with them).
    const next = event.altKey ? null : nextFocusIndex(event.key, index, order.length, options.columns())
    if (next !== null) {
      event.preventDefault()
      const id = order[next]!
      if (event.shiftKey) {
        // No anchor on screen yet: the range starts where the focus was.
        if (!store.anchor || !order.includes(store.anchor)) store.extendTo(current ?? id, order)
        store.extendTo(id, order)
      }
      else {
        store.focus(id)
      }
      options.reveal(id)
      return
    }

    switch (event.key) {
      case ' ':
        if (!current) return
        event.preventDefault()
        store.toggle(current)
        return
      case 'Enter':
        if (!current || !options.open) return
        event.preventDefault()
        store.only(current)
        options.open(current)
        return
      case 'Escape':
        // A drag in progress handles its own Esc (it restores the selection before it).
        if (store.phase !== 'idle' || !store.count) return
        event.preventDefault()
        store.clear()
        return
      case 'Delete':
      case 'Backspace':
        if (event.key === 'Backspace' && !isMac) return
        if (!store.count || !options.remove) return
        event.preventDefault()
        options.remove()
        return
    }
    if (event.key.toLowerCase() === 'a' && isToggleKey(event, isMac) && !event.shiftKey && !event.altKey) {
      event.preventDefault()
      store.selectAll(order)
    }
  }

  /** Focus that arrives by Tab or by a click is where the keys start from. */
  function onFocusin(event: FocusEvent) {
    const id = (event.target as Element | null)?.closest?.<HTMLElement>('[data-id]')?.dataset.id
    if (id && id !== store.focused && options.order().includes(id)) store.focus(id)
  }

  return { onKeydown, onFocusin }
}
