import { describe, expect, it } from 'vitest'
import { templateTiles, volumeAt } from './mixing'
import { createWorld } from './world'

describe('dynamic layout templates', () => {
  it('reproduces the grid of the documented SEI example: three users on 1080×960', () => {
    // 003_530a54cf0f8c0df7.txt L2225–L2228: 540×480 tiles at (0,0), (540,0) and (270,480).
    const { small, big } = templateTiles(3, { w: 1080, h: 960 }, 3, false)
    expect(big).toBeUndefined()
    expect(small.map((t) => [t.x, t.y, t.w, t.h])).toEqual([
      [0, 0, 540, 480],
      [540, 0, 540, 480],
      [270, 480, 540, 480],
    ])
  })

  it('caps the grid at 16 screens and keeps every tile on the canvas', () => {
    const { small } = templateTiles(3, { w: 1280, h: 720 }, 20, false)
    expect(small).toHaveLength(16)
    for (const t of small) {
      expect(t.x + t.w).toBeLessThanOrEqual(1280)
      expect(t.y + t.h).toBeLessThanOrEqual(720)
    }
  })

  it('floats up to 15 small screens, 4 per row from the bottom left, over a full-canvas big screen', () => {
    const { big, small } = templateTiles(1, { w: 1280, h: 720 }, 20, true)
    expect(big).toEqual({ x: 0, y: 0, w: 1280, h: 720, zOrder: 0 })
    expect(small).toHaveLength(15)
    expect(small[0]!.y).toBeGreaterThan(small[4]!.y) // second row sits above the first
    expect(small.slice(0, 4).map((t) => t.y)).toEqual([small[0]!.y, small[0]!.y, small[0]!.y, small[0]!.y])
    expect(small.every((t) => t.zOrder > big!.zOrder && t.y >= 0)).toBe(true)
  })

  it('puts the shared screen on the left and up to two columns of 8 on the right', () => {
    const { big, small } = templateTiles(2, { w: 1200, h: 800 }, 10, true)
    expect(big).toMatchObject({ x: 0, y: 0, w: 1200 - 2 * 200, h: 800 })
    expect(new Set(small.map((t) => t.x))).toEqual(new Set([800, 1000]))
    expect(small.filter((t) => t.x === 800)).toHaveLength(8)
    expect(templateTiles(2, { w: 1200, h: 800 }, 3, false).big).toBeUndefined()
  })
})

describe('simulated volumes', () => {
  it('are deterministic, within 0–100, varying over time, and 0 for muted audio', () => {
    const w = createWorld('vol')
    const series = Array.from({ length: 40 }, (_, i) => volumeAt(w, 'alice', true, i * 500))
    expect(series).toEqual(Array.from({ length: 40 }, (_, i) => volumeAt(createWorld('vol'), 'alice', true, i * 500)))
    expect(series.every((v) => v >= 0 && v <= 100)).toBe(true)
    expect(new Set(series).size).toBeGreaterThan(5)
    expect(volumeAt(w, 'alice', false, 1000)).toBe(0)
  })
})
