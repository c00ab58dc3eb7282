// Pure selection arithmetic shared by every selectable list (the media grid, the editor's
// lessons): ranges in the order shown on screen, and how a drag's hits merge with what was
// selected before it (replace, add with Shift/Ctrl/Cmd, subtract with Alt).
export type MergeMode = 'replace' | 'add' | 'subtract'

/** The ids from `from` to `to` inclusive, in the displayed order (either direction); [] if either is not shown. */
export function rangeBetween(order: readonly string[], from: string, to: string): string[] {
  const a = order.indexOf(from)
  const b = order.indexOf(to)
  if (a === -1 || b === -1) return []
  return order.slice(Math.min(a, b), Math.max(a, b) + 1)
}

export function merge(base: ReadonlySet<string>, hits: Iterable<string>, mode: MergeMode): Set<string> {
  if (mode === 'replace') return new Set(hits)
  const result = new Set(base)
  for (const id of hits) {
    if (mode === 'add') result.add(id)
    else result.delete(id)
  }
  return result
}

/** The modifier keys of a pointer event as a merge mode; Cmd on macOS plays Ctrl's part elsewhere. */
export function mergeModeOf(event: { shiftKey: boolean, ctrlKey: boolean, metaKey: boolean, altKey: boolean }, isMac: boolean): MergeMode {
  if (event.altKey) return 'subtract'
  if (event.shiftKey || (isMac ? event.metaKey : event.ctrlKey)) return 'add'
  return 'replace'
}

/** Is this the platform's "toggle" modifier (Cmd on macOS, Ctrl elsewhere)? */
export const isToggleKey = (event: { ctrlKey: boolean, metaKey: boolean }, isMac: boolean) => (isMac ? event.metaKey : event.ctrlKey)

export const isMacPlatform = (platform: string) => /mac|iphone|ipad|ipod/i.test(platform)
