// Keyboard shortcuts while focus is inside the player (the video or its toolbar), never while
// typing: a key pressed in a text field, a select or an editable element is left alone, and
// space or Enter on a toolbar button or link presses that button. A handled key does nothing
// else: no scrolling on space, no second action by the browser's own video controls.
import type { Ref } from 'vue'
import { usePlayerUiStore } from '~/stores/player-ui'
import { usePreferencesUiStore } from '~/stores/preferences-ui'
import { formatRate, stepRate } from './use-playback-rate'
import { useCaptionsToggle } from './use-captions-toggle'

const TYPING = 'input, textarea, select, [contenteditable]:not([contenteditable="false"])'
const PRESSABLE = 'button, a[href], summary, [role="button"], [role="menuitem"]'

export function usePlayerShortcuts(area: Ref<HTMLElement | undefined>, video: Ref<HTMLVideoElement | undefined>) {
  const ui = usePlayerUiStore()
  const preferences = usePreferencesUiStore()
  const { toggleCaptions } = useCaptionsToggle(video)

  function seek(el: HTMLVideoElement, seconds: number) {
    const end = Number.isFinite(el.duration) ? el.duration : Infinity
    el.currentTime = Math.min(end, Math.max(0, el.currentTime + seconds))
    ui.announce(seconds > 0 ? `Forward ${seconds} s` : `Back ${-seconds} s`)
  }

  function playOrPause(el: HTMLVideoElement) {
    if (el.paused) {
      // A refused play (no source yet, autoplay rules) leaves it paused: nothing to announce.
      el.play().then(() => ui.announce('Playing'), () => {})
    }
    else {
      el.pause()
      ui.announce('Paused')
    }
  }

  function changeSpeed(direction: 1 | -1) {
    const rate = stepRate(preferences.playbackRate, direction)
    preferences.setPlaybackRate(rate)
    ui.announce(`Speed ${formatRate(rate)}`)
  }

  function toggleFullscreen(el: HTMLVideoElement) {
    if (document.fullscreenElement) void document.exitFullscreen()
    else void el.requestFullscreen?.().catch(() => ui.announce('Full screen is not available'))
  }

  function toggleMute(el: HTMLVideoElement) {
    el.muted = !el.muted
    ui.announce(el.muted ? 'Muted' : 'Sound on')
  }

  const actions: Record<string, (el: HTMLVideoElement) => void> = {
    ' ': playOrPause,
    'k': playOrPause,
    'ArrowLeft': el => seek(el, -5),
    'ArrowRight': el => seek(el, 5),
    'j': el => seek(el, -10),
    'l': el => seek(el, 10),
    'f': toggleFullscreen,
    'c': () => ui.announce(toggleCaptions()),
    'm': toggleMute,
    '<': () => changeSpeed(-1),
    '>': () => changeSpeed(1),
    '?': () => ui.openShortcuts(),
  }

  /** The shortcut a key event stands for, unless it belongs to a field or a pressed button. */
  function shortcutOf(event: KeyboardEvent) {
    if (event.defaultPrevented || event.ctrlKey || event.metaKey || event.altKey) return undefined
    const target = event.target as Element
    // The shortcuts help is a dialog inside the player: keys pressed there are the dialog's.
    if (target.closest(TYPING) || target.closest('dialog')) return undefined
    if ((event.key === ' ' || event.key === 'Enter') && target.closest(PRESSABLE)) return undefined
    return actions[event.key.length === 1 ? event.key.toLowerCase() : event.key]
  }

  // Listened to while capturing, and stopped there: Chromium's own video controls listen on
  // the video itself (they seek on arrows, and toggle playback on space's keyup), so a key
  // this player handles must never reach them, on its way down or up.
  useEventListener(area, 'keydown', (event: KeyboardEvent) => {
    const action = shortcutOf(event)
    const el = video.value
    if (!action || !el) return
    event.preventDefault()
    event.stopPropagation()
    action(el)
  }, { capture: true })
  useEventListener(area, 'keyup', (event: KeyboardEvent) => {
    if (!shortcutOf(event)) return
    event.preventDefault()
    event.stopPropagation()
  }, { capture: true })
}
