// Multi-select of lessons in the course editor, with the same store shape and input composables as
// the media grid: a click on a row's empty space selects it alone, its box toggles, Ctrl/Cmd
// toggles, Shift takes the range in the order on screen (across chapters), a rectangle dragged
// from empty space selects the rows it crosses (hit-tested against row rectangles measured once
// when the drag starts), and the keyboard works on the boxes (roving focus). Lessons in collapsed
// chapters, in chapters marked for deletion and not yet saved are not on the list.
import type { Chapter } from '#shared/types/outline'
import { selectByClick } from './select-by-click'
import { useDragSelect } from './use-drag-select'
import { useSelectionKeys } from './use-selection-keys'
import { useOutlineUiStore } from '~/stores/outline-ui'
import { usePreferencesUiStore } from '~/stores/preferences-ui'
import { useSelectionUiStore } from '~/stores/selection-ui'
import { hitsInRects } from '~/utils/selection/hit-test'
import type { Rect } from '~/utils/selection/hit-test'

/** Where a press belongs to a control (rename, handles, buttons, fields), not to selection. */
const CONTROLS = 'button, input, select, textarea, a, label, audio, video, [contenteditable="true"], [role="checkbox"], [role="toolbar"]'
/** Never hit: a row not on screen (a collapsed chapter). */
const NOWHERE: Rect = { left: Infinity, top: Infinity, right: -Infinity, bottom: -Infinity }

export interface LessonSelectionOptions {
  courseId: string
  chapters: () => Chapter[]
  /** The outline's element: content coordinates are relative to it, and rows are looked up in it. */
  root: () => HTMLElement | null
  /** Delete with lessons selected. */
  remove: () => void
}

export function useLessonSelection(options: LessonSelectionOptions) {
  const store = useSelectionUiStore(`lessons:${options.courseId}`)
  const ui = useOutlineUiStore()
  const preferences = usePreferencesUiStore()

  /** Every selectable lesson in the order on screen: chapter by chapter, top to bottom. */
  const order = computed(() => options.chapters()
    .filter(c => !preferences.isChapterCollapsed(c.courseId, c.id) && !ui.isPendingDelete('chapter', c.id) && !c.id.startsWith('optimistic-'))
    .flatMap(c => c.lessons.filter(v => !v.id.startsWith('optimistic-')).map(v => v.id)))
  // Deleted, hidden (collapsed) and vanished lessons leave the selection.
  watch(order, ids => store.retain(new Set(ids)))
  const tabStop = computed(() => (store.focused && order.value.includes(store.focused) ? store.focused : order.value[0] ?? null))
  /** The selected lessons in the order on screen (what a bulk action acts on, in that order). */
  const selectedInOrder = computed(() => order.value.filter(id => store.selected.has(id)))

  let rects: Rect[] = []
  function measureRows() {
    const root = options.root()
    if (!root) return
    const origin = root.getBoundingClientRect()
    const boxes = new Map<string, DOMRect>()
    for (const row of root.querySelectorAll<HTMLElement>('li.lesson[data-selection-item]')) boxes.set(row.dataset.lessonId!, row.getBoundingClientRect())
    rects = order.value.map((id) => {
      const box = boxes.get(id)
      return box && box.width ? { left: box.left - origin.left, top: box.top - origin.top, right: box.right - origin.left, bottom: box.bottom - origin.top } : NOWHERE
    })
  }

  const drag = useDragSelect({
    store,
    content: options.root,
    scroller: () => (typeof document === 'undefined' ? null : document.scrollingElement as HTMLElement | null),
    hits: rect => hitsInRects(rect, rects).map(index => order.value[index]!),
    canStart: target => !target.closest(CONTROLS),
    isItem: target => !!target.closest('li.lesson[data-selection-item]'),
    beforeDrag: measureRows,
  })

  function reveal(id: string) {
    options.root()?.querySelector<HTMLElement>(`[data-lesson-select][data-id="${CSS.escape(id)}"]`)?.focus()
  }

  const keys = useSelectionKeys({ store, order: () => order.value, columns: () => 1, reveal, remove: options.remove })

  function onClick(event: MouseEvent) {
    const target = event.target as Element
    const row = target.closest<HTMLElement>('li.lesson[data-selection-item]')
    const id = row?.dataset.lessonId
    if (!id || !order.value.includes(id)) return
    if (target.closest('[data-lesson-select]')) {
      // The box is a checkbox: a plain click toggles it; Shift still takes the range.
      if (event.shiftKey) selectByClick(store, id, event, order.value)
      else store.toggle(id)
    }
    else if (target.closest(CONTROLS)) {
      return // renaming, moving, previewing, deleting: the row's own controls
    }
    else {
      selectByClick(store, id, event, order.value)
    }
    reveal(id)
  }

  /** The keyboard selects only from the boxes: elsewhere in the editor arrows and Space are the controls'. */
  function onKeydown(event: KeyboardEvent) {
    if ((event.target as Element | null)?.closest?.('[data-lesson-select]')) keys.onKeydown(event)
  }

  function onFocusin(event: FocusEvent) {
    if ((event.target as Element | null)?.closest?.('[data-lesson-select]')) keys.onFocusin(event)
  }

  onBeforeUnmount(() => {
    store.clear()
    store.focus(null)
  })

  return { store, order, tabStop, selectedInOrder, rect: drag.rect, onPointerDown: drag.onPointerDown, onClick, onKeydown, onFocusin }
}
