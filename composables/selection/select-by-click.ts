// A click on an item of a selectable list, read with its modifiers: Shift takes the range from the
// anchor in the displayed order (added to the rest with Ctrl/Cmd as well), Ctrl (Cmd on macOS)
// toggles the one item, a plain click selects it alone. The caller decides what a plain click
// does besides (the library opens the file's panel).
import type { useSelectionUiStore } from '~/stores/selection-ui'
import { isMacPlatform, isToggleKey } from '~/utils/selection/selection-ops'

export type SelectionStore = ReturnType<typeof useSelectionUiStore>
export type ClickKind = 'only' | 'toggle' | 'range'
type Modifiers = { shiftKey: boolean, ctrlKey: boolean, metaKey: boolean }

export const onMac = () => typeof navigator !== 'undefined' && isMacPlatform(navigator.platform)

export function selectByClick(store: SelectionStore, id: string, event: Modifiers, order: readonly string[], isMac = onMac()): ClickKind {
  if (event.shiftKey) {
    store.extendTo(id, order, isToggleKey(event, isMac))
    return 'range'
  }
  if (isToggleKey(event, isMac)) {
    store.toggle(id)
    return 'toggle'
  }
  store.only(id)
  return 'only'
}

/**
 * Shift+click in a selectable list means "range", but the browser also reads it as "extend the
 * text selection" and paints every title between the two clicks blue. Called on mousedown (the
 * event whose default starts text selection); fields keep their own Shift+click.
 */
export function keepTextSelectionOnShiftClick(event: MouseEvent) {
  if (event.shiftKey && !(event.target as Element | null)?.closest?.('input, textarea, [contenteditable="true"]')) event.preventDefault()
}
