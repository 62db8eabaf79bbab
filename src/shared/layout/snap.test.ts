import { describe, expect, it } from 'vitest'
import { makeTile } from './model'
import { snapRect, tileAt, tilesInMarquee } from './snap'

const canvas = { width: 1280, height: 720 }

describe('hit-testing', () => {
  const tiles = [makeTile('a', { x: 0, y: 0, width: 100, height: 100 }, 1), makeTile('b', { x: 50, y: 50, width: 100, height: 100 }, 0), makeTile('c', { x: 50, y: 50, width: 10, height: 10 }, 1)]
  it('finds the topmost tile at a point', () => {
    expect(tileAt(tiles, { x: 55, y: 55 })?.id).toBe('c') // same z as a, later in the list
    expect(tileAt(tiles, { x: 70, y: 70 })?.id).toBe('a')
    expect(tileAt(tiles, { x: 120, y: 120 })?.id).toBe('b')
    expect(tileAt(tiles, { x: 150, y: 150 })).toBeUndefined() // right/bottom edges are outside
  })
  it('selects by marquee in any drag direction', () => {
    expect(tilesInMarquee(tiles, { x: 140, y: 140, width: -100, height: -100 }).map((t) => t.id)).toEqual(['a', 'b', 'c'])
    expect(tilesInMarquee(tiles, { x: 40, y: 40, width: 30, height: 30 }, 'contain').map((t) => t.id)).toEqual(['c'])
    expect(tilesInMarquee(tiles, { x: 200, y: 200, width: 10, height: 10 })).toEqual([])
  })
})

describe('snapRect', () => {
  const opts = { threshold: 8, enabled: true }
  it('snaps a moving rect to another tile edge and draws the guide across both', () => {
    const other = { x: 400, y: 300, width: 200, height: 100 }
    const r = snapRect({ x: 605, y: 10, width: 100, height: 50 }, [other], canvas, opts)
    expect(r.rect).toMatchObject({ x: 600, y: 10 })
    expect(r.dx).toBe(-5)
    expect(r.guides).toContainEqual({ axis: 'x', pos: 600, from: 10, to: 400 })
  })
  it('snaps to canvas centre and edges', () => {
    const r = snapRect({ x: 587, y: 712, width: 100, height: 10 }, [], canvas, opts)
    expect(r.rect).toMatchObject({ x: 590, y: 710 })
    expect(r.guides.map((g) => `${g.axis}${g.pos}`).sort()).toEqual(['x640', 'y720'])
  })
  it('prefers the nearest candidate', () => {
    const r = snapRect({ x: 98, y: 300, width: 50, height: 50 }, [{ x: 0, y: 0, width: 100, height: 10 }, { x: 0, y: 0, width: 95, height: 10 }], canvas, opts)
    expect(r.rect.x).toBe(100)
  })
  it('falls back to the grid, and does nothing when disabled', () => {
    const r = snapRect({ x: 333, y: 251, width: 10, height: 10 }, [], canvas, { ...opts, grid: 20 })
    expect(r.rect).toMatchObject({ x: 340, y: 260 })
    expect(r.guides).toEqual([])
    const off = snapRect({ x: 3, y: 3, width: 10, height: 10 }, [], canvas, { ...opts, enabled: false })
    expect(off.rect).toEqual({ x: 3, y: 3, width: 10, height: 10 })
  })
  it('snaps only the dragged edges when resizing', () => {
    const other = { x: 500, y: 0, width: 100, height: 100 }
    const r = snapRect({ x: 100, y: 100, width: 396, height: 200 }, [other], canvas, { ...opts, edges: 'e' })
    expect(r.rect).toEqual({ x: 100, y: 100, width: 400, height: 200 })
    // The left edge (at 100) is not under the pointer, so it does not jump to anything.
    const nw = snapRect({ x: 3, y: 97, width: 200, height: 200 }, [other], canvas, { ...opts, edges: 'nw' })
    expect(nw.rect).toEqual({ x: 0, y: 100, width: 203, height: 197 })
    const s = snapRect({ x: 3, y: 0, width: 50, height: 715 }, [], canvas, { ...opts, edges: 's' })
    expect(s.rect).toEqual({ x: 3, y: 0, width: 50, height: 720 })
  })
  it('is fast with 25 tiles', () => {
    const others = Array.from({ length: 24 }, (_, i) => ({ x: (i % 5) * 250, y: Math.floor(i / 5) * 140, width: 240, height: 130 }))
    // Median of batches, so a busy machine's stalls do not decide the result.
    const batches: number[] = []
    for (let b = 0; b < 21; b++) {
      const t0 = performance.now()
      for (let i = 0; i < 250; i++) snapRect({ x: (b * 250 + i) % 1100, y: (i * 7) % 600, width: 200, height: 120 }, others, canvas, opts)
      batches.push((performance.now() - t0) / 250)
    }
    batches.sort((a, b) => a - b)
    expect(batches[10]).toBeLessThan(0.25)
  })
})
