import { describe, expect, it } from 'vitest'
import { applyCommand } from './commands'
import { compareSei } from './compareSei'
import { createDoc } from './model'
import type { VolumeLayout } from '../media/volumeLayout'

const sei = (regions: VolumeLayout['regions'], w = 1280, h = 720): VolumeLayout => ({ app_data: '', canvas: { w, h }, regions, ver: '1.0', ts: 1 })
const region = (uid: string, x: number, y: number, w: number, h: number) => ({ uid, zorder: 0, volume: 10, x, y, w, h })

describe('compareSei', () => {
  const grid = applyCommand(createDoc('1280x720'), { type: 'applyTemplate', starter: '2x2' })
  const named = applyCommand(grid, { type: 'bindUser', id: grid.tiles[3]!.id, user: { userId: 'vip', roomId: '', roomIdType: 'number', streamType: 'camera' } })

  it('matches users in free slots and in their named tile', () => {
    const r = compareSei(named, sei([region('a', 0, 0, 640, 360), region('vip', 640, 360, 640, 360)]))
    expect(r.comparable).toBe(true)
    expect(r.regions.map((x) => x.status)).toEqual(['match', 'match'])
    expect(r.missing).toEqual([])
  })

  it('reports a named user at the wrong place, a user where no tile is, and a named user who is absent', () => {
    const moved = compareSei(named, sei([region('vip', 0, 0, 640, 360), region('stray', 100, 100, 200, 200)]))
    expect(moved.regions[0]).toMatchObject({ uid: 'vip', status: 'moved', expected: { x: 640, y: 360, width: 640, height: 360 } })
    expect(moved.regions[1]).toEqual({ uid: 'stray', status: 'unexpected' })
    const absent = compareSei(named, sei([region('a', 0, 0, 640, 360)]))
    expect(absent.missing).toEqual([{ tileId: named.tiles[3]!.id, userId: 'vip', rect: { x: 640, y: 360, width: 640, height: 360 } }])
  })

  it('scales a design made at another canvas size, within the rounding tolerance', () => {
    const r = compareSei(grid, sei([region('a', 961, 0, 959, 540)], 1920, 1080))
    expect(r.regions[0]!.status).toBe('match')
    expect(r.scaledTiles[1]!.rect).toEqual({ x: 960, y: 0, width: 960, height: 540 })
  })

  it('says a template layout cannot be compared exactly', () => {
    const floating = applyCommand(grid, { type: 'setMode', mode: 'grid' })
    expect(compareSei(floating, sei([region('a', 0, 0, 10, 10)])).comparable).toBe(false)
  })
})
