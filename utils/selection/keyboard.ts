// Where a navigation key moves the focus in a selectable grid or list, by position in the displayed
// order: left/right one item, up/down one row (`columns` items; a list has one column),
// Home/End to the ends. Null for keys that do not move it, or at an edge.
const STEPS: Record<string, (index: number, count: number, columns: number) => number> = {
  ArrowLeft: (index, _count, columns) => (columns > 1 ? index - 1 : index),
  ArrowRight: (index, _count, columns) => (columns > 1 ? index + 1 : index),
  ArrowUp: (index, _count, columns) => index - columns,
  // Down into a shorter last row lands on its last item, as in a file manager.
  ArrowDown: (index, count, columns) => {
    const next = index + columns
    if (next < count) return next
    return Math.floor(index / columns) < Math.floor((count - 1) / columns) ? count - 1 : index
  },
  Home: () => 0,
  End: (_index, count) => count - 1,
}

export function nextFocusIndex(key: string, index: number, count: number, columns: number): number | null {
  const step = STEPS[key]
  if (!step || count <= 0) return null
  if (index < 0) return 0 // nothing focused yet: any navigation key starts at the first item
  const next = step(index, count, columns)
  return next < 0 || next >= count || next === index ? null : next
}
