import { beforeEach, describe, expect, it } from 'vitest'
import { createPinia, setActivePinia } from 'pinia'
import { useSelectionUiStore } from '../../stores/selection-ui'
import { hitsInGrid, hitsInRects, pastThreshold, rectFrom } from '../../utils/selection/hit-test'
import { isMacPlatform, merge, mergeModeOf, rangeBetween } from '../../utils/selection/selection-ops'

const ids = (s: Iterable<string>) => [...s].sort()

describe('selection operations', () => {
  it('takes a range in the displayed order, either direction', () => {
    const shown = ['e', 'b', 'd', 'a', 'c'] // sorted and filtered as on screen, not as stored
    expect(rangeBetween(shown, 'b', 'a')).toEqual(['b', 'd', 'a'])
    expect(rangeBetween(shown, 'a', 'b')).toEqual(['b', 'd', 'a'])
    expect(rangeBetween(shown, 'a', 'zz')).toEqual([])
  })

  it('merges a drag with the selection before it: replace, add, subtract', () => {
    const base = new Set(['a', 'b'])
    expect(ids(merge(base, ['c'], 'replace'))).toEqual(['c'])
    expect(ids(merge(base, ['b', 'c'], 'add'))).toEqual(['a', 'b', 'c'])
    expect(ids(merge(base, ['b', 'c'], 'subtract'))).toEqual(['a'])
    expect(ids(base)).toEqual(['a', 'b']) // never changed in place
  })

  it('reads modifiers per platform: Cmd on macOS, Ctrl elsewhere; Alt subtracts', () => {
    const keys = { shiftKey: false, ctrlKey: false, metaKey: false, altKey: false }
    expect(mergeModeOf({ ...keys, metaKey: true }, true)).toBe('add')
    expect(mergeModeOf({ ...keys, metaKey: true }, false)).toBe('replace')
    expect(mergeModeOf({ ...keys, ctrlKey: true }, false)).toBe('add')
    expect(mergeModeOf({ ...keys, shiftKey: true }, false)).toBe('add')
    expect(mergeModeOf({ ...keys, altKey: true, shiftKey: true }, false)).toBe('subtract')
    expect(isMacPlatform('MacIntel')).toBe(true)
    expect(isMacPlatform('Linux x86_64')).toBe(false)
  })
})

describe('hit-testing from geometry', () => {
  // 4 columns of 100×80 with 10 px gaps from (20, 30): cell (row r, col c) spans x 20+110c…+100, y 30+90r…+80.
  const grid = { columns: 4, width: 100, height: 80, gap: 10, left: 20, top: 30 }

  it('finds the cells a rectangle overlaps, across rows', () => {
    expect(hitsInGrid(rectFrom({ x: 50, y: 50 }, { x: 250, y: 150 }), grid, 12)).toEqual([0, 1, 2, 4, 5, 6])
    expect(hitsInGrid(rectFrom({ x: 250, y: 150 }, { x: 50, y: 50 }), grid, 12)).toEqual([0, 1, 2, 4, 5, 6])
  })

  it('touches nothing inside a gap, and nothing past the last item', () => {
    expect(hitsInGrid(rectFrom({ x: 121, y: 40 }, { x: 129, y: 300 }), grid, 12)).toEqual([])
    expect(hitsInGrid(rectFrom({ x: 0, y: 215 }, { x: 1000, y: 1000 }), grid, 10)).toEqual([8, 9])
  })

  it('costs the same for 10 000 items: only the spanned rows are visited', () => {
    const hits = hitsInGrid(rectFrom({ x: 20, y: 30 + 90 * 2000 }, { x: 460, y: 30 + 90 * 2000 + 10 }), grid, 10_000)
    expect(hits).toEqual([8000, 8001, 8002, 8003])
  })

  it('hit-tests arbitrary rectangles (rows of a list)', () => {
    const rows = [0, 1, 2, 3].map(i => ({ left: 0, right: 500, top: i * 40, bottom: i * 40 + 36 }))
    expect(hitsInRects(rectFrom({ x: 10, y: 50 }, { x: 20, y: 100 }), rows)).toEqual([1, 2])
  })

  it('tells a click from a drag by a small threshold', () => {
    expect(pastThreshold({ x: 10, y: 10 }, { x: 13, y: 12 })).toBe(false)
    expect(pastThreshold({ x: 10, y: 10 }, { x: 15, y: 10 })).toBe(true)
  })
})

describe('useSelectionUiStore', () => {
  beforeEach(() => setActivePinia(createPinia()))
  const shown = ['a', 'b', 'c', 'd', 'e']

  it('clicks select one, the toggle key adds or removes, Shift selects the range from the anchor in displayed order', () => {
    const selection = useSelectionUiStore('test')
    selection.only('b')
    selection.toggle('d')
    expect(ids(selection.selected)).toEqual(['b', 'd'])
    selection.toggle('b')
    expect(ids(selection.selected)).toEqual(['d'])
    selection.toggle('d')
    selection.toggle('d') // the anchor is the last item clicked
    selection.extendTo('a', ['d', 'e', 'c', 'b', 'a']) // re-sorted: the range follows the screen
    expect(ids(selection.selected)).toEqual(['a', 'b', 'c', 'd', 'e'])
    selection.only('e')
    selection.extendTo('c', shown, true)
    expect(ids(selection.selected)).toEqual(['c', 'd', 'e'])
  })

  it('previews a drag without touching the selection, commits it on release, and Esc cancels', () => {
    const selection = useSelectionUiStore('test')
    selection.set(['a'])
    selection.press({ x: 0, y: 0 }, 'add')
    selection.startDrag()
    selection.dragTo({ x: 50, y: 50 }, ['c', 'd'])
    expect(ids(selection.shown)).toEqual(['a', 'c', 'd'])
    expect(ids(selection.selected)).toEqual(['a'])
    selection.cancelDrag()
    expect(ids(selection.shown)).toEqual(['a'])
    expect(selection.phase).toBe('idle')

    selection.press({ x: 0, y: 0 }, 'subtract')
    selection.startDrag()
    selection.dragTo({ x: 50, y: 50 }, ['a', 'b'])
    selection.release()
    expect(ids(selection.selected)).toEqual([])

    selection.set(['a', 'b'])
    selection.press({ x: 0, y: 0 }, 'replace')
    selection.release() // a click on empty space, never a drag
    expect(ids(selection.selected)).toEqual([])
  })

  it('selects all shown, clears, and drops ids no longer shown', () => {
    const selection = useSelectionUiStore('test')
    selection.selectAll(shown)
    expect(selection.count).toBe(5)
    selection.retain(new Set(['a', 'e']))
    expect(ids(selection.selected)).toEqual(['a', 'e'])
    selection.clear()
    expect(selection.count).toBe(0)
  })

  it('keeps one store per scope', () => {
    useSelectionUiStore('media').only('a')
    expect(useSelectionUiStore('lessons').count).toBe(0)
    expect(useSelectionUiStore('media').count).toBe(1)
  })
})
