// The media grid's geometry from its width alone: as many columns of at least `minWidth` as fit,
// stretched to fill the row, every tile the same height. Hit-testing and the virtualiser both
// read this one geometry, so a rectangle selects exactly the tiles drawn under it.
import type { GridGeometry } from './hit-test'

export interface TileSize {
  minWidth: number
  height: number
  gap: number
}

export function layoutGrid(containerWidth: number, tile: TileSize): GridGeometry {
  const available = Math.max(0, containerWidth)
  const columns = Math.max(1, Math.floor((available + tile.gap) / (tile.minWidth + tile.gap)))
  const width = Math.max(0, (available - tile.gap * (columns - 1)) / columns)
  return { columns, width, height: tile.height, gap: tile.gap, left: 0, top: 0 }
}

/** A list is a grid of one column as wide as the container, rows touching. */
export const layoutList = (containerWidth: number, rowHeight: number): GridGeometry =>
  ({ columns: 1, width: Math.max(0, containerWidth), height: rowHeight, gap: 0, left: 0, top: 0 })
