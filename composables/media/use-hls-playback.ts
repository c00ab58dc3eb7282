// Plays a lesson's video adaptively: its HLS master playlist through hls.js wherever Media Source
// Extensions exist (Chromium answers "maybe" to canPlayType for HLS and then plays it badly, so
// that answer is not trusted), else the browser's own HLS (Safari on iOS), else the original file
// (no ladder yet, or a browser with neither). A stream that fails for good falls back to the
// original at the same second. hls.js is loaded only here, on demand: pages that never play a
// lesson, and the visitors' pages sent without JavaScript, never fetch it.
// The caller's <video> has no src of its own.
// The element says how it plays (data-streaming: hls, native or original; data-level: the height
// hls.js plays now) for the browser tests and anyone debugging a stall.
import type { Ref } from 'vue'
import type Hls from 'hls.js'

export interface PlaybackSource {
  /** The master playlist, or null when the video has no ladder. */
  hlsUrl: string | null
  /** The original file, Range-streamed. */
  originalUrl: string
}

export function useHlsPlayback(video: Ref<HTMLVideoElement | undefined>, source: () => PlaybackSource) {
  let player: Hls | null = null
  // Each attach supersedes the one before (a lesson change while hls.js is still loading).
  let generation = 0

  function detach() {
    player?.destroy()
    player = null
  }

  function playOriginal(el: HTMLVideoElement, at = 0) {
    detach()
    el.dataset.streaming = 'original'
    delete el.dataset.level
    if (at > 0) el.addEventListener('loadedmetadata', () => (el.currentTime = at), { once: true })
    el.src = source().originalUrl
  }

  async function attach() {
    const run = ++generation
    detach()
    const el = video.value
    if (!el) return
    const { hlsUrl } = source()
    if (!hlsUrl) return playOriginal(el)
    const { default: HlsPlayer } = await import('hls.js')
    if (run !== generation || video.value !== el) return
    if (HlsPlayer.isSupported()) {
      // Start on the lowest rendition: on a weak link the first picture comes soonest, and hls.js
      // moves up as soon as it has measured the link (its default guesses 500 kbit/s first).
      const hls = new HlsPlayer({ startLevel: 0 })
      player = hls
      el.dataset.streaming = 'hls'
      hls.on(HlsPlayer.Events.LEVEL_SWITCHED, (_event, { level }) => {
        el.dataset.level = String(hls.levels[level]?.height ?? '')
      })
      hls.on(HlsPlayer.Events.ERROR, (_event, data) => {
        if (data.fatal && player === hls) playOriginal(el, el.currentTime)
      })
      hls.loadSource(hlsUrl)
      hls.attachMedia(el)
    }
    else if (el.canPlayType('application/vnd.apple.mpegurl')) {
      el.dataset.streaming = 'native'
      el.src = hlsUrl
    }
    else {
      playOriginal(el)
    }
  }

  // The element gets its source here, on the client, never from the template: a lesson whose
  // ladder becomes ready while it plays keeps playing what it started with (the next visit streams).
  onMounted(() => {
    watch([video, () => source().originalUrl], () => void attach(), { immediate: true })
  })
  onBeforeUnmount(() => {
    generation++
    detach()
  })
}
