// When each channel last carried an event, as this instance heard it (with Redis, every instance
// hears every event). A subscription's answer says how long ago that was: a page loads its data and
// then subscribes, so an event published in between reached no one, and the page refetches only
// when there was such an event (a page opened on a quiet channel costs no second request).
const WINDOW_MS = 5 * 60_000

const lastEventAt = new Map<string, number>()
let sweeper: ReturnType<typeof setInterval> | undefined

export function noteChannelEvent(channel: string): void {
  // Re-inserted, so the map stays in order of last event and the sweep stops at the first recent one.
  lastEventAt.delete(channel)
  lastEventAt.set(channel, performance.now())
  sweeper ??= setInterval(sweep, WINDOW_MS).unref()
}

/** How long ago the channel's last event went out, in ms; null when none did in the last five minutes. */
export function lastEventAgoMs(channel: string): number | null {
  const at = lastEventAt.get(channel)
  if (at === undefined) return null
  const ago = performance.now() - at
  return ago < WINDOW_MS ? Math.round(ago) : null
}

function sweep(): void {
  const cutoff = performance.now() - WINDOW_MS
  for (const [channel, at] of lastEventAt) {
    if (at >= cutoff) break
    lastEventAt.delete(channel)
  }
}
