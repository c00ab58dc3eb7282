import { describe, expect, it } from 'vitest'
import { activeCueIndex, captionsSummary, chosenCaption } from '../../utils/captions'

const captions = [
  { id: 'de', language: 'de', label: 'Deutsch', isDefault: true },
  { id: 'en', language: 'en', label: 'English', isDefault: false },
]

describe('the player\'s captions choice', () => {
  it('shows the lesson\'s default until the student picks, then their language where the lesson has it, or none when off', () => {
    expect(chosenCaption(captions, null)?.id).toBe('de')
    expect(chosenCaption(captions, 'en')?.id).toBe('en')
    expect(chosenCaption(captions, 'fr')?.id).toBe('de')
    expect(chosenCaption(captions, 'off')).toBeNull()
    expect(chosenCaption([], null)).toBeNull()
  })

  it('finds the cue playing at a time, none between cues', () => {
    const cues = [{ start: 0, end: 2 }, { start: 3, end: 5 }, { start: 4, end: 6 }]
    expect([0, 1.9, 2.5, 3, 4.5, 5.5, 7].map(t => activeCueIndex(cues, t))).toEqual([0, 0, -1, 1, 2, 2, -1])
  })

  it('says which languages a lesson is captioned in', () => {
    expect(captionsSummary(['en', 'es'])).toBe('Captions in English and Spanish')
  })
})
