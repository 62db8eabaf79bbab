import { describe, expect, it } from 'vitest'
import { applyCommand } from './commands'
import { createDoc, type LayoutDoc } from './model'
import { validate } from './validate'
import { gridCells, previewTemplate, starterLayout, STARTERS, type SimUser } from './templates'

const users = (n: number, audioOnly: number[] = []): SimUser[] => Array.from({ length: n }, (_, i) => ({ id: `u${i + 1}`, audioOnly: audioOnly.includes(i + 1) }))
const inside = (r: { x: number; y: number; width: number; height: number }, w: number, h: number): boolean => r.x >= 0 && r.y >= 0 && r.x + r.width <= w && r.y + r.height <= h

describe('previewTemplate', () => {
  it('reproduces the SEI example grid: 3 users on 1080×960, last row centred (003 L2225–L2228)', () => {
    const p = previewTemplate('grid', users(3), { width: 1080, height: 960 }, 'mcu')
    expect(p.approximate).toBe(true)
    expect(p.tiles.map(({ x, y, width, height }) => ({ x, y, w: width, h: height }))).toEqual([
      { x: 0, y: 0, w: 540, h: 480 },
      { x: 540, y: 0, w: 540, h: 480 },
      { x: 270, y: 480, w: 540, h: 480 },
    ])
  })
  it('caps the grid at 16 for MCU and 24 mixed videos for recording (L16106–L16107)', () => {
    expect(previewTemplate('grid', users(20), { width: 1280, height: 720 }, 'mcu').tiles).toHaveLength(16)
    expect(previewTemplate('grid', users(20), { width: 1280, height: 720 }, 'mcu').hiddenUserIds).toEqual(['u17', 'u18', 'u19', 'u20'])
    expect(previewTemplate('grid', users(30), { width: 1280, height: 720 }, 'recording').tiles).toHaveLength(24)
  })
  it('leaves audio-only users out under MCU unless asked, and always shows them when recording', () => {
    const us = users(4, [2])
    expect(previewTemplate('grid', us, { width: 1280, height: 720 }, 'mcu').tiles.map((t) => t.userId)).toEqual(['u1', 'u3', 'u4'])
    expect(previewTemplate('grid', us, { width: 1280, height: 720 }, 'mcu', { showAudioOnly: true }).tiles).toHaveLength(4)
    expect(previewTemplate('floating', us, { width: 1280, height: 720 }, 'recording').tiles).toHaveLength(4)
  })
  it('floating: big first user, 15 small in 4 rows of 4 from the bottom-left (MCU)', () => {
    const p = previewTemplate('floating', users(20), { width: 1280, height: 720 }, 'mcu')
    expect(p.tiles).toHaveLength(16)
    expect(p.tiles[0]).toMatchObject({ userId: 'u1', big: true, x: 0, y: 0, width: 1280, height: 720 })
    const small = p.tiles.slice(1)
    expect(small[0]).toMatchObject({ x: 0, userId: 'u2' })
    expect(small[0]!.y + small[0]!.height).toBe(720)
    expect(new Set(small.map((t) => t.y)).size).toBe(4)
    expect(small.every((t) => t.z > p.tiles[0]!.z && inside(t, 1280, 720))).toBe(true)
  })
  it('floating honours the big-screen user; recording switches to 5 per row above 17', () => {
    expect(previewTemplate('floating', users(3), { width: 1280, height: 720 }, 'mcu', { bigScreenUserId: 'u3' }).tiles[0]?.userId).toBe('u3')
    const p = previewTemplate('floating', users(18), { width: 1280, height: 720 }, 'recording')
    expect(new Set(p.tiles.slice(1).map((t) => t.y)).size).toBe(4) // 17 small in rows of 5
  })
  it('screen sharing: big left, two columns of 8 on the right; empty big area without a big user', () => {
    const p = previewTemplate('screenShare', users(16), { width: 1280, height: 720 }, 'mcu', { bigScreenUserId: 'u1' })
    expect(p.tiles[0]).toMatchObject({ userId: 'u1', big: true, x: 0 })
    const small = p.tiles.slice(1)
    expect(small).toHaveLength(15)
    expect(new Set(small.map((t) => t.x)).size).toBe(2)
    expect(small.every((t) => t.x >= p.tiles[0]!.width && inside(t, 1280, 720))).toBe(true)
    const none = previewTemplate('screenShare', users(2), { width: 1280, height: 720 }, 'recording')
    expect(none.tiles.every((t) => !t.big)).toBe(true)
    expect(none.emptyBigArea).toMatchObject({ x: 0, y: 0 })
  })
  it('recording screen sharing: extra videos go to a bottom row; align right mirrors', () => {
    const p = previewTemplate('screenShare', users(22), { width: 1280, height: 720 }, 'recording', { bigScreenUserId: 'u1' })
    expect(p.tiles).toHaveLength(22)
    const bottomRow = p.tiles.filter((t) => t.y + t.height === 720 && t.y > 600)
    expect(bottomRow.length).toBeGreaterThanOrEqual(5)
    expect(p.tiles.every((t) => inside(t, 1280, 720))).toBe(true)
    const right = previewTemplate('screenShare', users(5), { width: 1280, height: 720 }, 'recording', { bigScreenUserId: 'u1', bigOnRight: true })
    expect(right.tiles[0]!.x + right.tiles[0]!.width).toBe(1280)
    expect(right.tiles.slice(1).every((t) => t.x === 0)).toBe(true)
  })
  it('grid cells never leave the canvas', () => {
    for (let n = 1; n <= 25; n++) for (const r of gridCells(n, { width: 1920, height: 1080 })) expect(inside(r, 1920, 1080)).toBe(true)
  })
})

describe('starterLayout', () => {
  it('covers the canvas exactly for the grids', () => {
    for (const id of ['2x2', '3x3', 'sideBySide', 'onePlusThree'] as const) {
      const t = starterLayout(id, { width: 1921, height: 1081 })
      expect(t.reduce((s, r) => s + r.width * r.height, 0)).toBe(1921 * 1081)
    }
    expect(STARTERS.map((s) => starterLayout(s.id, { width: 1280, height: 720 }).length)).toEqual([4, 9, 2, 2, 5, 4])
  })
  it('puts the picture-in-picture inset on top in the bottom-right corner', () => {
    const [full, inset] = starterLayout('pip', { width: 1280, height: 720 })
    expect(full).toMatchObject({ width: 1280, height: 720, z: 0 })
    expect(inset).toMatchObject({ width: 320, height: 180, z: 1 })
    expect(inset!.x + inset!.width).toBeLessThan(1280)
  })
})

describe('convert to custom', () => {
  it('yields editable tiles that validate cleanly in both dialects', () => {
    for (const dialect of ['mcu', 'recording'] as const)
      for (const mode of ['floating', 'grid', 'screenShare'] as const) {
        let d: LayoutDoc = applyCommand(createDoc('1280x720'), { type: 'setMode', mode, template: { bigScreenUser: { userId: 'u1', roomId: '', roomIdType: 'number', streamType: 'screen' } } })
        d = applyCommand(d, { type: 'convertTemplateToCustom', users: users(dialect === 'mcu' ? 16 : 25), dialect })
        expect(d.mode).toBe('custom')
        expect(d.tiles.length).toBe(dialect === 'mcu' ? 16 : 24)
        expect(d.tiles.find((t) => t.binding.kind === 'user' && t.binding.userId === 'u1')?.binding).toMatchObject(mode === 'grid' ? { streamType: 'camera' } : { streamType: 'screen' })
        expect(validate(d, dialect).filter((i) => i.severity === 'error'), `${dialect} ${mode}`).toEqual([])
      }
  })
})
