// Which grid items a drag rectangle touches, from the grid's geometry alone: no DOM query per
// item, so it costs the same for 50 tiles or 10 000 (most of them not even rendered when the
// grid is virtualised). Coordinates are in the grid's content space (scroll included).
export interface Point { x: number, y: number }
export interface Rect { left: number, top: number, right: number, bottom: number }

/** A uniform grid: `columns` per row, each cell `width`×`height`, `gap` between, starting at (left, top). */
export interface GridGeometry {
  columns: number
  width: number
  height: number
  gap: number
  left: number
  top: number
}

export function rectFrom(a: Point, b: Point): Rect {
  return { left: Math.min(a.x, b.x), top: Math.min(a.y, b.y), right: Math.max(a.x, b.x), bottom: Math.max(a.y, b.y) }
}

/** Has the pointer moved far enough from where it went down to be a drag (not a click)? */
export const pastThreshold = (origin: Point, current: Point, threshold = 4) => Math.abs(current.x - origin.x) > threshold || Math.abs(current.y - origin.y) > threshold

/**
 * The indices of the cells the rectangle overlaps, in order. Only the rows and columns the
 * rectangle spans are visited; a rectangle lying wholly in a gap touches nothing.
 */
export function hitsInGrid(rect: Rect, grid: GridGeometry, count: number): number[] {
  if (count <= 0 || grid.columns <= 0) return []
  const strideX = grid.width + grid.gap
  const strideY = grid.height + grid.gap
  const rows = Math.ceil(count / grid.columns)
  const firstCol = Math.max(0, Math.floor((rect.left - grid.left) / strideX))
  const lastCol = Math.min(grid.columns - 1, Math.floor((rect.right - grid.left) / strideX))
  const firstRow = Math.max(0, Math.floor((rect.top - grid.top) / strideY))
  const lastRow = Math.min(rows - 1, Math.floor((rect.bottom - grid.top) / strideY))
  const hits: number[] = []
  for (let row = firstRow; row <= lastRow; row++) {
    const cellTop = grid.top + row * strideY
    if (rect.bottom < cellTop || rect.top > cellTop + grid.height) continue // only the gap below/above
    for (let col = firstCol; col <= lastCol; col++) {
      const cellLeft = grid.left + col * strideX
      if (rect.right < cellLeft || rect.left > cellLeft + grid.width) continue
      const index = row * grid.columns + col
      if (index < count) hits.push(index)
    }
  }
  return hits
}

/** Hits among items of any layout, from their rectangles (a list of rows, an editor's lessons). */
export function hitsInRects(rect: Rect, items: readonly Rect[]): number[] {
  const hits: number[] = []
  items.forEach((item, index) => {
    if (item.right >= rect.left && item.left <= rect.right && item.bottom >= rect.top && item.top <= rect.bottom) hits.push(index)
  })
  return hits
}
