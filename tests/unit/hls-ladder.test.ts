import { describe, expect, it } from 'vitest'
import { planLadder } from '../../server/services/upload/hls-ladder'

const heights = (width: number, height: number) => planLadder({ width, height }).map(r => `${r.width}x${r.height}`)

describe('the HLS ladder', () => {
  it('has the rungs up to the source\'s height, lowest first, never enlarged', () => {
    expect(heights(1920, 1080)).toEqual(['640x360', '960x540', '1280x720'])
    expect(heights(1280, 720)).toEqual(['640x360', '960x540', '1280x720'])
    expect(heights(960, 540)).toEqual(['640x360', '960x540'])
  })

  it('adds the source\'s own height when it falls between rungs or below them', () => {
    expect(heights(854, 480)).toEqual(['640x360', '854x480'])
    expect(heights(320, 240)).toEqual(['320x240'])
  })

  it('keeps the source\'s shape with even sizes, portrait too', () => {
    expect(heights(1080, 1920)).toEqual(['202x360', '304x540', '406x720'])
    expect(heights(1440, 1080)).toEqual(['480x360', '720x540', '960x720'])
  })

  it('gives a height between rungs a rate scaled by its pixels', () => {
    const [, own] = planLadder({ width: 854, height: 480 })
    expect(own).toMatchObject({ height: 480, audioKbps: 128 })
    expect(own!.videoKbps).toBeGreaterThan(800)
    expect(own!.videoKbps).toBeLessThan(1400)
  })
})
