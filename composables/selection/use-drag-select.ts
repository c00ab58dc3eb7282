// Rectangle selection with the pointer, for any selectable layout. A press on empty space (or
// wherever `canStart` allows) becomes a drag only past a small threshold, so a click stays a
// click. Pointer moves are coalesced into one update per animation frame; hits come from the
// caller's geometry (`hits`), never from querying the DOM per item. Coordinates are the content's
// (an element that moves when scrolled), so the rectangle stays anchored while the container
// scrolls, by the user's wheel or by autoscroll near its edges. Esc cancels and leaves the
// selection as it was; the committed selection only changes on release (the store's preview).
import { computed, onScopeDispose, shallowRef } from 'vue'
import { useEventListener } from '@vueuse/core'
import type { SelectionStore } from './select-by-click'
import { onMac } from './select-by-click'
import { autoscrollStep } from '~/utils/selection/autoscroll'
import { pastThreshold, rectFrom } from '~/utils/selection/hit-test'
import type { Point, Rect } from '~/utils/selection/hit-test'
import { mergeModeOf } from '~/utils/selection/selection-ops'
import { pressedOnScrollbar } from '~/utils/selection/scrollbar'

export interface DragSelectOptions {
  store: SelectionStore
  /** The element whose top-left corner is (0, 0) of content coordinates; it moves as its container scrolls. */
  content: () => HTMLElement | null
  /** What scrolls under the content (autoscroll follows its visible edges). */
  scroller: () => HTMLElement | null
  /** The ids a rectangle in content coordinates touches. */
  hits: (rect: Rect) => Iterable<string>
  /** May a press on this element start a rectangle? (Not on a drag handle, a field, a button.) */
  canStart?: (target: Element) => boolean
  /** Is this element (or one of its ancestors) an item? A press there that stays a click is the item's click. */
  isItem?: (target: Element) => boolean
  /** Just before the first rectangle: a chance to measure what `hits` needs. */
  beforeDrag?: () => void
}

export function useDragSelect(options: DragSelectOptions) {
  const { store } = options
  let client: Point | null = null
  let frame = 0
  let pressedOnItem = false
  let dragged = false
  let pointerId: number | null = null

  /** The window while a press is held, else nothing: the listeners below follow it, and go with the scope. */
  const pressing = shallowRef<Window | null>(null)
  useEventListener(pressing, 'pointermove', onPointerMove)
  useEventListener(pressing, 'pointerup', onPointerUp)
  useEventListener(pressing, ['pointercancel', 'blur'], cancel)
  useEventListener(pressing, 'keydown', onKeydown, { capture: true })

  const toContent = (point: Point): Point | null => {
    const box = options.content()?.getBoundingClientRect()
    return box ? { x: point.x - box.left, y: point.y - box.top } : null
  }

  /** The rectangle to draw, in content coordinates, while dragging. */
  const rect = computed<Rect | null>(() => (store.phase === 'dragging' && store.origin && store.pointer ? rectFrom(store.origin, store.pointer) : null))

  function onPointerDown(event: PointerEvent) {
    // A finger on a touch screen scrolls; rectangles are for mice and pens.
    if (event.button !== 0 || !event.isPrimary || event.pointerType === 'touch' || store.phase !== 'idle') return
    const target = event.target as Element
    if (options.canStart && !options.canStart(target)) return
    if (pressedOnScrollbar(event, options.scroller())) return
    const point = toContent({ x: event.clientX, y: event.clientY })
    if (!point) return
    pressedOnItem = !!options.isItem?.(target)
    dragged = false
    pointerId = event.pointerId
    client = { x: event.clientX, y: event.clientY }
    store.press(point, mergeModeOf(event, onMac()))
    pressing.value = window
  }

  function onPointerMove(event: PointerEvent) {
    if (event.pointerId !== pointerId) return
    client = { x: event.clientX, y: event.clientY }
    if (store.phase === 'dragging') event.preventDefault() // no text selection while drawing
    frame ||= requestAnimationFrame(update)
  }

  /** Once per frame: the latest pointer position, the rectangle, its hits, and autoscroll. */
  function update() {
    frame = 0
    if (!client || store.phase === 'idle') return // cancelled (Esc) while the button is still down
    let point = toContent(client)
    if (!point) return
    if (store.phase === 'pressed') {
      if (!pastThreshold(store.origin!, point)) return
      options.beforeDrag?.()
      store.startDrag()
      dragged = true
      window.getSelection()?.removeAllRanges()
    }
    const step = scrollStep(client)
    if (step.x || step.y) {
      options.scroller()?.scrollBy(step.x, step.y)
      point = toContent(client) ?? point // the content moved under a still pointer
    }
    store.dragTo(point, options.hits(rectFrom(store.origin!, point)))
    // Near an edge the pointer may not move at all: keep scrolling every frame until it leaves.
    if (step.x || step.y) frame = requestAnimationFrame(update)
  }

  function scrollStep(point: Point): Point {
    const scroller = options.scroller()
    if (!scroller) return { x: 0, y: 0 }
    const box = scroller.getBoundingClientRect()
    // Only the part of the container inside the window counts: its edges there are what the user sees.
    const top = Math.max(box.top, 0)
    const bottom = Math.min(box.bottom, window.innerHeight)
    const y = scroller.scrollHeight > scroller.clientHeight ? autoscrollStep(point.y, top, bottom) : 0
    const canGoUp = scroller.scrollTop > 0
    const canGoDown = scroller.scrollTop + scroller.clientHeight < scroller.scrollHeight - 1
    return { x: 0, y: (y < 0 && canGoUp) || (y > 0 && canGoDown) ? y : 0 }
  }

  function onPointerUp(event: PointerEvent) {
    if (event.pointerId !== pointerId) return
    if (store.phase === 'dragging') {
      client = { x: event.clientX, y: event.clientY }
      update() // the last position counts even if no frame ran since it
    }
    stopFrames()
    if (store.phase === 'pressed' && pressedOnItem) store.cancelDrag() // the item's own click decides
    else if (store.phase !== 'idle') store.release()
    // The click that ends a drag (or a cancelled press) must not also select or open the item under it.
    if (dragged) swallowNextClick()
    finish()
  }

  function onKeydown(event: KeyboardEvent) {
    if (event.key !== 'Escape') return
    event.preventDefault()
    event.stopPropagation()
    store.cancelDrag()
    stopFrames()
    dragged = true // the button is still down: its release is not a click
  }

  /** A lost pointer or a lost window: the selection stays exactly as it was before the press. */
  function cancel() {
    store.cancelDrag()
    finish()
  }

  function stopFrames() {
    if (frame) cancelAnimationFrame(frame)
    frame = 0
  }

  function finish() {
    stopFrames()
    client = null
    pointerId = null
    dragged = false
    pressing.value = null
  }

  onScopeDispose(() => {
    if (store.phase !== 'idle') cancel()
  })

  return { onPointerDown, rect }
}

/**
 * Hand-written: it outlives the gesture's handlers for one task and belongs to no component
 * (a `once` listener that removes itself, or is removed when the task ends without a click).
 */
function swallowNextClick() {
  const swallow = (event: MouseEvent) => {
    event.stopPropagation()
    event.preventDefault()
  }
  window.addEventListener('click', swallow, { capture: true, once: true })
  setTimeout(() => window.removeEventListener('click', swallow, { capture: true }), 0)
}
