// What the caption routes answer.

/** One language of a lesson's captions. */
export interface LessonCaption {
  id: string
  lessonId: string
  language: string
  label: string
  isDefault: boolean
  cueCount: number
  updatedAt: string
}

/** A caption as the player's menu needs it. */
export type CaptionTrack = Pick<LessonCaption, 'id' | 'language' | 'label' | 'isDefault'>

/** One cue of a transcript: seconds, and its plain text (markup removed). */
export interface CaptionCue {
  start: number
  end: number
  text: string
}

export interface CaptionTranscript {
  caption: LessonCaption
  cues: CaptionCue[]
}
