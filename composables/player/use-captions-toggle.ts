// C turns captions on and off. The tracks are the <track> elements the player renders; "off"
// hides the showing track (mode "hidden": its cues still load, so a transcript keeps following)
// and "on" shows the language last shown on this visit, else the lesson's default track, else
// the first one.
import type { Ref } from 'vue'
import { usePlayerUiStore } from '~/stores/player-ui'

const isCaptions = (track: TextTrack) => track.kind === 'captions' || track.kind === 'subtitles'

export function useCaptionsToggle(video: Ref<HTMLVideoElement | undefined>) {
  const ui = usePlayerUiStore()
  const tracks = () => [...(video.value?.textTracks ?? [])].filter(isCaptions)

  // Whatever turned a track on (this toggle, a captions menu, the browser's own controls), C
  // brings that language back next time.
  useEventListener(() => video.value?.textTracks, 'change', () => {
    const showing = tracks().find(track => track.mode === 'showing')
    if (showing) ui.rememberCaptions(showing.language)
  })

  function defaultTrack(all: TextTrack[]): TextTrack | undefined {
    const elements = [...(video.value?.querySelectorAll('track') ?? [])]
    return all.find(track => track.language === ui.captionsLanguage)
      ?? all.find(track => elements.some(el => el.track === track && el.default))
      ?? all[0]
  }

  /** Turns captions on or off; answers what to tell the student. */
  function toggleCaptions(): string {
    const all = tracks()
    const showing = all.filter(track => track.mode === 'showing')
    if (showing.length) {
      for (const track of showing) track.mode = 'hidden'
      return 'Captions off'
    }
    const track = defaultTrack(all)
    if (!track) return 'This lesson has no captions'
    track.mode = 'showing'
    return `Captions on: ${track.label || track.language}`
  }

  return { toggleCaptions }
}
