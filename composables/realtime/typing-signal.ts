// The sending side of "is typing…": keystrokes come many per second, the signal goes at most
// once per interval (the first keystroke at once, so the other side sees it without delay). The
// receiver keeps it for TYPING_EXPIRES_MS, more than the interval, so steady typing shows as one
// unbroken indicator. A signal the socket could not send does not count, so the next keystroke
// tries again.
export const TYPING_SIGNAL_INTERVAL_MS = 2000

export function createTypingSignal(send: () => boolean, { intervalMs = TYPING_SIGNAL_INTERVAL_MS, now = Date.now } = {}): () => void {
  let lastSent = Number.NEGATIVE_INFINITY
  return () => {
    const at = now()
    if (at - lastSent < intervalMs) return
    if (send()) lastSent = at
  }
}
