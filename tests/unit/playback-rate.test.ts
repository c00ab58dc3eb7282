import { describe, expect, it } from 'vitest'
import { formatRate, stepRate } from '../../composables/player/use-playback-rate'

describe('the player\'s speeds', () => {
  it('steps through the offered speeds and stays at either end', () => {
    expect(stepRate(1, 1)).toBe(1.25)
    expect(stepRate(1, -1)).toBe(0.75)
    expect(stepRate(0.75, -1)).toBe(0.75)
    expect(stepRate(2, 1)).toBe(2)
  })

  it('writes a speed the way the toolbar and the screen reader say it', () => {
    expect(formatRate(1.5)).toBe('1.5×')
    expect(formatRate(1)).toBe('1×')
  })
})
