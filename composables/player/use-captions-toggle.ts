// C turns captions on and off. The tracks are the <track> elements the player renders; the choice
// is the captions preference (stores/preferences-ui.ts, the cookie the server renders
// `<track default>` from), the one the captions menu shows and writes. C writes it too, so the
// menu, the transcript and the next page load agree with what C did. "Off" hides the showing
// track; "on" shows the student's language where the video has it (the preference keeps it while
// captions are off, so C brings back the one they had), else the first track: the lesson's
// default, which the server lists first.
import type { Ref } from 'vue'
import { usePreferencesUiStore } from '~/stores/preferences-ui'
import { CAPTIONS_OFF } from '~/utils/captions'

const isCaptions = (track: TextTrack) => track.kind === 'captions' || track.kind === 'subtitles'

export function useCaptionsToggle(video: Ref<HTMLVideoElement | undefined>) {
  const preferences = usePreferencesUiStore()
  const tracks = () => [...(video.value?.textTracks ?? [])].filter(isCaptions)

  /** Turns captions on or off; answers what to tell the student. */
  function toggleCaptions(): string {
    const all = tracks()
    const showing = all.filter(track => track.mode === 'showing')
    if (showing.length) {
      for (const track of showing) track.mode = 'hidden'
      preferences.setCaptions(CAPTIONS_OFF)
      return 'Captions off'
    }
    const track = all.find(track => track.language === preferences.captionsLanguage) ?? all[0]
    if (!track) return 'This lesson has no captions'
    track.mode = 'showing'
    preferences.setCaptions(track.language)
    return `Captions on: ${track.label || track.language}`
  }

  return { toggleCaptions }
}
