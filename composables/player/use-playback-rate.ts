// The remembered playback speed, applied to whichever <video> the player shows. The rate is set
// as the element's default too: loading a source (a new lesson, hls.js attaching its media
// source) resets playbackRate to defaultPlaybackRate.
import type { Ref } from 'vue'
import { PLAYBACK_RATES, usePreferencesUiStore } from '~/stores/preferences-ui'
import type { PlaybackRate } from '~/stores/preferences-ui'

export const formatRate = (rate: number) => `${rate}×`

/** The next speed up (+1) or down (-1), staying at the ends of the range. */
export function stepRate(rate: PlaybackRate, direction: 1 | -1): PlaybackRate {
  const index = PLAYBACK_RATES.indexOf(rate) + direction
  return PLAYBACK_RATES[Math.min(PLAYBACK_RATES.length - 1, Math.max(0, index))]!
}

export function usePlaybackRate(video: Ref<HTMLVideoElement | undefined>) {
  const preferences = usePreferencesUiStore()

  watch([video, () => preferences.playbackRate], ([el, rate]) => {
    if (!el) return
    el.defaultPlaybackRate = rate
    el.playbackRate = rate
  }, { immediate: true })

  // The browser's own controls offer speeds too (Chromium's overflow menu): one of ours chosen
  // there is remembered like one chosen from the toolbar.
  useEventListener(video, 'ratechange', () => {
    const chosen = PLAYBACK_RATES.find(rate => rate === video.value?.playbackRate)
    if (chosen && chosen !== preferences.playbackRate) preferences.setPlaybackRate(chosen)
  })
}
