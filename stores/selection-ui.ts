// Selection state for a selectable list, one store per scope ('media', 'lessons:<course>'):
// the committed selection, the anchor for Shift ranges, the focused item, and a drag in
// progress (its phase, rectangle and the preview of what releasing would select). The preview is
// separate from the committed selection until release, so Esc restores it untouched. Pinia holds
// ids only; the items come from Vue Query and their displayed order from the component.
import { defineStore } from 'pinia'
import { computed, ref } from 'vue'
import { merge, rangeBetween } from '../utils/selection/selection-ops'
import type { MergeMode } from '../utils/selection/selection-ops'
import type { Point } from '../utils/selection/hit-test'

export type DragPhase = 'idle' | 'pressed' | 'dragging'

export const useSelectionUiStore = (scope: string) => defineStore(`selection-ui:${scope}`, () => {
  const selected = ref(new Set<string>())
  const anchor = ref<string | null>(null)
  const focused = ref<string | null>(null)
  const phase = ref<DragPhase>('idle')
  const origin = ref<Point | null>(null)
  const pointer = ref<Point | null>(null)
  const mode = ref<MergeMode>('replace')
  const preview = ref<Set<string> | null>(null)

  /** What the screen shows as selected: the drag's preview while dragging, else the selection. */
  const shown = computed(() => preview.value ?? selected.value)
  const count = computed(() => selected.value.size)
  const isSelected = (id: string) => shown.value.has(id)

  function only(id: string) {
    selected.value = new Set([id])
    anchor.value = id
    focused.value = id
  }
  function toggle(id: string) {
    const next = new Set(selected.value)
    if (!next.delete(id)) next.add(id)
    selected.value = next
    anchor.value = id
    focused.value = id
  }
  /** Shift+click / Shift+arrow: the range from the anchor to `id` in the displayed order (added to the rest with `keep`). */
  function extendTo(id: string, order: readonly string[], keep = false) {
    const from = anchor.value && order.includes(anchor.value) ? anchor.value : id
    const range = rangeBetween(order, from, id)
    selected.value = keep ? merge(selected.value, range, 'add') : new Set(range)
    anchor.value = from
    focused.value = id
  }
  function selectAll(order: readonly string[]) {
    selected.value = new Set(order)
  }
  function clear() {
    selected.value = new Set()
    anchor.value = null
  }
  function focus(id: string | null) {
    focused.value = id
  }
  /** Keeps only ids still present (after a filter or a delete), so nothing hidden stays selected. */
  function retain(ids: ReadonlySet<string>) {
    const next = new Set([...selected.value].filter(id => ids.has(id)))
    if (next.size !== selected.value.size) selected.value = next
    if (anchor.value && !ids.has(anchor.value)) anchor.value = null
  }
  function set(ids: Iterable<string>) {
    selected.value = new Set(ids)
  }

  /** The pointer went down on empty space: maybe a drag, maybe a click (decided by the threshold). */
  function press(point: Point, merging: MergeMode) {
    phase.value = 'pressed'
    origin.value = point
    pointer.value = point
    mode.value = merging
  }
  function startDrag() {
    if (phase.value === 'pressed') phase.value = 'dragging'
  }
  /** The rectangle moved: the preview is the selection as it was, merged with what the rectangle touches. */
  function dragTo(point: Point, hits: Iterable<string>) {
    if (phase.value !== 'dragging') return
    pointer.value = point
    preview.value = merge(selected.value, hits, mode.value)
  }
  /** Release: the preview becomes the selection. A press that never became a drag clears it (a click on empty space). */
  function release() {
    if (phase.value === 'dragging' && preview.value) selected.value = preview.value
    else if (phase.value === 'pressed' && mode.value === 'replace') clear()
    endDrag()
  }
  /** Esc during a drag: the selection stays exactly as it was before it. */
  function cancelDrag() {
    endDrag()
  }
  function endDrag() {
    phase.value = 'idle'
    origin.value = null
    pointer.value = null
    preview.value = null
  }

  return {
    selected, anchor, focused, phase, origin, pointer, mode, preview, shown, count,
    isSelected, only, toggle, extendTo, selectAll, clear, focus, retain, set, press, startDrag, dragTo, release, cancelDrag,
  }
})()
