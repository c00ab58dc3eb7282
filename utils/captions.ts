// Which of a lesson's captions the player shows, from the browser's remembered choice.
import { captionLanguageName } from '#shared/schemas/caption'
import type { CaptionTrack } from '#shared/types/caption'

export const CAPTIONS_OFF = 'off'

/**
 * 'off' → none; a language → that language where the lesson has it (else the lesson's default: a
 * student who picked French still gets captions on a lesson without French); nothing remembered →
 * the lesson's default.
 */
export function chosenCaption(captions: readonly CaptionTrack[], preference: string | null): CaptionTrack | null {
  if (preference === CAPTIONS_OFF) return null
  return captions.find(c => c.language === preference) ?? captions.find(c => c.isDefault) ?? captions[0] ?? null
}

/** The cue playing at `time` (seconds), by index; -1 between cues. Cues are in start order. */
export function activeCueIndex(cues: readonly { start: number, end: number }[], time: number): number {
  let found = -1
  for (let i = 0; i < cues.length; i++) {
    const cue = cues[i]!
    if (cue.start > time) break
    if (time < cue.end) found = i
  }
  return found
}

/** "Captions in English and French": what a lesson's CC badge says to a screen reader and on hover. */
export function captionsSummary(languages: readonly string[]): string {
  const names = languages.map(tag => captionLanguageName(tag) ?? tag)
  const list = new Intl.ListFormat('en', { type: 'conjunction' }).format(names)
  return `Captions in ${list}`
}
