import { beforeEach, describe, expect, it, vi } from 'vitest'
import { createPinia, setActivePinia } from 'pinia'
import { useSelectionUiStore } from '../../stores/selection-ui'
import { useMediaUiStore } from '../../stores/media-ui'
import { layoutGrid, layoutList } from '../../utils/selection/grid-layout'
import { autoscrollStep } from '../../utils/selection/autoscroll'
import { nextFocusIndex } from '../../utils/selection/keyboard'
import { hitsInGrid, rectFrom } from '../../utils/selection/hit-test'
import { pressedOnScrollbar } from '../../utils/selection/scrollbar'
import { selectByClick } from '../../composables/selection/select-by-click'
import { useSelectionKeys } from '../../composables/selection/use-selection-keys'

const ids = (s: Iterable<string>) => [...s].sort()
const keys = { shiftKey: false, ctrlKey: false, metaKey: false, altKey: false }

describe('the grid layout', () => {
  it('fits as many columns of the minimum width as the container holds and stretches them to fill it', () => {
    expect(layoutGrid(1000, { minWidth: 180, height: 200, gap: 12 })).toEqual({ columns: 5, width: (1000 - 48) / 5, height: 200, gap: 12, left: 0, top: 0 })
    expect(layoutGrid(100, { minWidth: 180, height: 200, gap: 12 }).columns).toBe(1)
    expect(layoutList(800, 52)).toEqual({ columns: 1, width: 800, height: 52, gap: 0, left: 0, top: 0 })
  })

  it('places the cells where hit-testing looks for them', () => {
    const grid = layoutGrid(1000, { minWidth: 180, height: 200, gap: 12 })
    // The middle of row 3, column 4 (0-based 2 and 3) hits exactly that tile.
    const x = 3 * (grid.width + grid.gap) + grid.width / 2
    const y = 2 * (grid.height + grid.gap) + grid.height / 2
    expect(hitsInGrid(rectFrom({ x, y }, { x, y }), grid, 100)).toEqual([2 * 5 + 3])
  })
})

describe('autoscroll', () => {
  it('scrolls nowhere in the middle, faster the deeper into the edge band, and towards that edge', () => {
    expect(autoscrollStep(300, 0, 600)).toBe(0)
    expect(autoscrollStep(590, 0, 600)).toBeGreaterThan(autoscrollStep(560, 0, 600))
    expect(autoscrollStep(560, 0, 600)).toBeGreaterThan(0)
    expect(autoscrollStep(5, 0, 600)).toBeLessThan(0)
    expect(autoscrollStep(900, 0, 600)).toBe(autoscrollStep(600, 0, 600)) // past the edge: full speed, no more
  })
})

describe('keyboard focus movement', () => {
  it('moves by one item sideways and by a row of columns up and down, stopping at the edges', () => {
    expect(nextFocusIndex('ArrowRight', 2, 14, 5)).toBe(3)
    expect(nextFocusIndex('ArrowLeft', 0, 14, 5)).toBeNull()
    expect(nextFocusIndex('ArrowDown', 2, 14, 5)).toBe(7)
    expect(nextFocusIndex('ArrowUp', 2, 14, 5)).toBeNull()
    expect(nextFocusIndex('ArrowDown', 8, 14, 5)).toBe(13) // into the short last row: its last item
    expect(nextFocusIndex('ArrowDown', 12, 14, 5)).toBeNull()
    expect(nextFocusIndex('End', 2, 14, 5)).toBe(13)
    expect(nextFocusIndex('ArrowRight', 2, 14, 1)).toBeNull() // a list has no sideways
    expect(nextFocusIndex('ArrowDown', -1, 14, 5)).toBe(0)
    expect(nextFocusIndex('x', 2, 14, 5)).toBeNull()
  })
})

describe('selecting with clicks and keys', () => {
  beforeEach(() => setActivePinia(createPinia()))
  const order = ['e', 'b', 'd', 'a', 'c']

  it('reads a click: plain selects one, the platform toggle key toggles, Shift takes the displayed range', () => {
    const store = useSelectionUiStore('clicks')
    expect(selectByClick(store, 'b', keys, order, false)).toBe('only')
    expect(selectByClick(store, 'c', { ...keys, metaKey: true }, order, false)).toBe('only') // Cmd is not the toggle off a Mac
    expect(selectByClick(store, 'a', { ...keys, metaKey: true }, order, true)).toBe('toggle')
    expect(ids(store.selected)).toEqual(['a', 'c'])
    expect(selectByClick(store, 'b', { ...keys, shiftKey: true }, order, true)).toBe('range')
    expect(ids(store.selected)).toEqual(['a', 'b', 'd'])
    selectByClick(store, 'e', { ...keys, shiftKey: true, ctrlKey: true }, order, false) // Ctrl+Shift adds the range
    expect(ids(store.selected)).toEqual(['a', 'b', 'd', 'e'])
  })

  function keyboard(columns = 2) {
    const store = useSelectionUiStore('keys')
    const revealed: string[] = []
    const opened: string[] = []
    const { onKeydown } = useSelectionKeys({
      store,
      order: () => order,
      columns: () => columns,
      reveal: id => revealed.push(id),
      open: id => opened.push(id),
      remove: () => useMediaUiStore().openBulkDialog('trash'),
    })
    const press = (key: string, modifiers: Partial<typeof keys> = {}) => {
      const event = { key, ...keys, ...modifiers, target: null, preventDefault: vi.fn() }
      onKeydown(event as unknown as KeyboardEvent)
      return event.preventDefault.mock.calls.length > 0
    }
    return { store, press, revealed, opened }
  }

  it('moves the focus without selecting, extends with Shift from the anchor, toggles with Space', () => {
    const { store, press, revealed } = keyboard()
    store.only('b')
    expect(press('ArrowDown')).toBe(true)
    expect(store.focused).toBe('a') // b is index 1; down a row of 2 is index 3
    expect(ids(store.selected)).toEqual(['b'])
    press('ArrowLeft', { shiftKey: true })
    expect(store.focused).toBe('d')
    expect(ids(store.selected)).toEqual(['b', 'd'])
    press(' ')
    expect(ids(store.selected)).toEqual(['b'])
    expect(revealed).toEqual(['a', 'd'])
  })

  it('starts a Shift range at the focused item when nothing anchors it', () => {
    const { store, press } = keyboard()
    store.focus('d')
    press('ArrowRight', { shiftKey: true })
    expect(ids(store.selected)).toEqual(['a', 'd'])
  })

  it('selects everything shown with Ctrl+A, clears with Esc, opens with Enter, and asks for the bulk trash dialog on Delete', () => {
    const { store, press, opened } = keyboard()
    press('a', { ctrlKey: true })
    expect(store.count).toBe(5)
    expect(press('Escape')).toBe(true)
    expect(store.count).toBe(0)
    expect(press('Escape')).toBe(false) // nothing to clear: Esc is left to others (a dialog, a panel)
    expect(press('Delete')).toBe(false) // nothing selected: nothing to delete
    expect(useMediaUiStore().bulkDialog).toBeNull()
    store.focus('d')
    press('Enter')
    expect(opened).toEqual(['d'])
    expect(ids(store.selected)).toEqual(['d'])
    expect(press('Delete')).toBe(true)
    expect(useMediaUiStore().bulkDialog).toBe('trash')
  })

  it('leaves Esc to a drag in progress and Alt+arrows to the item', () => {
    const { store, press } = keyboard()
    store.set(['a'])
    store.press({ x: 0, y: 0 }, 'replace')
    press('Escape')
    expect(store.count).toBe(1)
    store.cancelDrag()
    store.focus('e')
    expect(press('ArrowDown', { altKey: true })).toBe(false)
    expect(store.focused).toBe('e')
  })
})

describe('a press on the scroller\'s own scrollbar', () => {
  // A 400×300 scroller at (100, 50) with a 1 px border and a 15 px scrollbar on the right and at
  // the bottom: its client area is 383×283 from (101, 51).
  const scroller = {
    getBoundingClientRect: () => ({ left: 100, top: 50, right: 500, bottom: 350, width: 400, height: 300, x: 100, y: 50, toJSON: () => ({}) }) as DOMRect,
    clientLeft: 1,
    clientTop: 1,
    clientWidth: 383,
    clientHeight: 283,
  }
  const press = (clientX: number, clientY: number, target: unknown = scroller) => ({ target, clientX, clientY })

  it('is on the scrollbar right of the client area or below it, and not in the client area', () => {
    expect(pressedOnScrollbar(press(490, 100), scroller)).toBe(true) // the vertical bar
    expect(pressedOnScrollbar(press(484, 100), scroller)).toBe(true) // its first pixel
    expect(pressedOnScrollbar(press(483, 100), scroller)).toBe(false) // the last pixel of content
    expect(pressedOnScrollbar(press(200, 340), scroller)).toBe(true) // the horizontal bar
    expect(pressedOnScrollbar(press(200, 100), scroller)).toBe(false) // empty space in the grid
  })

  it('is never on it when the press is on something inside the scroller, or there is no scroller', () => {
    expect(pressedOnScrollbar(press(490, 100, {}), scroller)).toBe(false)
    expect(pressedOnScrollbar(press(490, 100), null)).toBe(false)
  })
})
