import { describe, expect, it } from 'vitest'
import { applyCommand, resizeRect, stackOrder, type Command } from './commands'
import { createDoc, makeTile, type LayoutDoc, type Tile } from './model'

function docWith(...tiles: Tile[]): LayoutDoc {
  return { ...createDoc('1280x720'), tiles }
}
const tile = (doc: LayoutDoc, id: string): Tile => {
  const t = doc.tiles.find((x) => x.id === id)
  if (!t) throw new Error(`no tile ${id}`)
  return t
}

describe('createDoc', () => {
  it('uses the preset sizes and an empty custom layout', () => {
    expect(createDoc('1080x1920').canvas).toMatchObject({ width: 1080, height: 1920, preset: '1080x1920', backgroundColor: '#000000' })
    expect(createDoc('custom', 'x', { width: 640, height: 360 }).canvas).toMatchObject({ width: 640, height: 360, preset: 'custom' })
    const d = createDoc('1920x1080')
    expect(d.mode).toBe('custom')
    expect(d.tiles).toEqual([])
    expect(JSON.parse(JSON.stringify(d))).toEqual(d)
  })
})

describe('applyCommand', () => {
  const base = docWith(makeTile('t1', { x: 0, y: 0, width: 640, height: 360 }, 0), makeTile('t2', { x: 640, y: 0, width: 640, height: 360 }, 1))

  it('returns the same object when nothing changes', () => {
    const noops: Command[] = [
      { type: 'moveTiles', ids: ['t1'], dx: 0, dy: 0 },
      { type: 'moveTiles', ids: ['t1'], dx: -50, dy: -50 }, // already in the top-left corner
      { type: 'moveTiles', ids: ['nope'], dx: 5, dy: 5 },
      { type: 'setTileRect', id: 't1', rect: { x: 0, y: 0, width: 640, height: 360 } },
      { type: 'setTileProps', ids: ['t1'], props: { renderMode: 'crop', label: '' } },
      { type: 'removeTiles', ids: ['zz'] },
      { type: 'reorder', ids: ['t2'], op: 'bringToFront' },
      { type: 'reorder', ids: ['t1'], op: 'sendToBack' },
      { type: 'unlock', ids: ['t1'] },
      { type: 'unbind', id: 't1' },
      { type: 'setName', name: base.name },
      { type: 'setMode', mode: 'custom' },
      { type: 'setSei', sei: {} },
      { type: 'setAudio', audio: { subscribe: null, unsubscribe: null } },
      { type: 'setCanvas', preset: '1280x720' },
      { type: 'align', ids: ['t1'], edge: 'left', relativeTo: 'selection' },
      { type: 'distribute', ids: ['t1', 't2'], axis: 'horizontal' },
      { type: 'removeWatermark', id: 'w9' },
      { type: 'convertTemplateToCustom', users: [], dialect: 'mcu' },
    ]
    for (const c of noops) expect(applyCommand(base, c), c.type).toBe(base)
  })

  it('adds a tile with the next id on top, clamped to the canvas', () => {
    const d = applyCommand(base, { type: 'addTile', rect: { x: 1200, y: 700, width: 200, height: 100 } })
    expect(d.tiles).toHaveLength(3)
    expect(tile(d, 't3')).toMatchObject({ x: 1080, y: 620, width: 200, height: 100, z: 2, binding: { kind: 'slot' } })
    expect(base.tiles).toHaveLength(2) // not mutated
    expect(applyCommand(base, { type: 'addTile', id: 't1' })).toBe(base)
  })

  it('moves a group as one and stops it at the canvas edge', () => {
    const d = applyCommand(base, { type: 'moveTiles', ids: ['t1', 't2'], dx: 10.4, dy: 500 })
    // The group is already as wide as the canvas: no horizontal room; vertically 720 − 360 = 360.
    expect(tile(d, 't1')).toMatchObject({ x: 0, y: 360 })
    expect(tile(d, 't2')).toMatchObject({ x: 640, y: 360 })
    const one = applyCommand(base, { type: 'moveTiles', ids: ['t1'], dx: 2000, dy: 7 })
    expect(tile(one, 't1')).toMatchObject({ x: 640, y: 7 })
  })

  it('does not move or resize locked tiles', () => {
    const locked = applyCommand(base, { type: 'lock', ids: ['t1'] })
    expect(tile(locked, 't1').locked).toBe(true)
    expect(applyCommand(locked, { type: 'moveTiles', ids: ['t1'], dx: 5, dy: 5 })).toBe(locked)
    expect(applyCommand(locked, { type: 'resizeTile', id: 't1', handle: 'se', dx: 5, dy: 5 })).toBe(locked)
    expect(applyCommand(locked, { type: 'setTileRect', id: 't1', rect: { x: 1, y: 1, width: 2, height: 2 } })).toBe(locked)
    const moved = applyCommand(locked, { type: 'moveTiles', ids: ['t1', 't2'], dx: 0, dy: 10 })
    expect(tile(moved, 't1').y).toBe(0)
    expect(tile(moved, 't2').y).toBe(10)
  })

  it('clamps setTileRect to the canvas', () => {
    const d = applyCommand(base, { type: 'setTileRect', id: 't1', rect: { x: -20, y: 600, width: 2000, height: 200 } })
    expect(tile(d, 't1')).toMatchObject({ x: 0, y: 520, width: 1280, height: 200 })
  })

  it('sets properties, binds and unbinds users', () => {
    let d = applyCommand(base, { type: 'setTileProps', ids: ['t1', 't2'], props: { renderMode: 'fitBlack', alpha: 128 } })
    expect(d.tiles.map((t) => t.renderMode)).toEqual(['fitBlack', 'fitBlack'])
    d = applyCommand(d, { type: 'bindUser', id: 't1', user: { userId: 'alice', roomId: '295066', roomIdType: 'number', streamType: 'camera' } })
    expect(tile(d, 't1')).toMatchObject({ binding: { kind: 'user', userId: 'alice', roomId: '295066' }, label: 'alice' })
    d = applyCommand(d, { type: 'unbind', id: 't1' })
    expect(tile(d, 't1')).toMatchObject({ binding: { kind: 'slot' }, label: '' })
  })

  it('duplicates as unbound slots above everything', () => {
    let d = applyCommand(base, { type: 'bindUser', id: 't1', user: { userId: 'alice', roomId: '', roomIdType: 'number', streamType: 'camera' } })
    d = applyCommand(d, { type: 'duplicateTiles', ids: ['t1', 't2'] })
    expect(d.tiles.map((t) => t.id)).toEqual(['t1', 't2', 't3', 't4'])
    expect(tile(d, 't3')).toMatchObject({ x: 20, y: 20, z: 2, binding: { kind: 'slot' }, label: 'alice' })
    expect(tile(d, 't4')).toMatchObject({ x: 640, y: 20, z: 3 }) // clamped: 660 + 640 > 1280
  })

  it('reorders by stacking order', () => {
    const d0 = docWith(makeTile('a', { x: 0, y: 0, width: 10, height: 10 }, 0), makeTile('b', { x: 0, y: 0, width: 10, height: 10 }, 0), makeTile('c', { x: 0, y: 0, width: 10, height: 10 }, 0))
    const ids = (d: LayoutDoc): string[] => stackOrder(d.tiles).map((t) => t.id)
    expect(ids(d0)).toEqual(['a', 'b', 'c'])
    expect(ids(applyCommand(d0, { type: 'reorder', ids: ['a'], op: 'bringForward' }))).toEqual(['b', 'a', 'c'])
    expect(ids(applyCommand(d0, { type: 'reorder', ids: ['a'], op: 'bringToFront' }))).toEqual(['b', 'c', 'a'])
    expect(ids(applyCommand(d0, { type: 'reorder', ids: ['c'], op: 'sendBackward' }))).toEqual(['a', 'c', 'b'])
    expect(ids(applyCommand(d0, { type: 'reorder', ids: ['b', 'c'], op: 'sendToBack' }))).toEqual(['b', 'c', 'a'])
    expect(ids(applyCommand(d0, { type: 'reorder', ids: ['a', 'b'], op: 'bringForward' }))).toEqual(['c', 'a', 'b'])
    expect(applyCommand(d0, { type: 'reorder', ids: ['c'], op: 'bringForward' })).toBe(d0)
    expect(applyCommand(d0, { type: 'reorder', ids: ['a'], op: 'bringToFront' }).tiles.map((t) => t.z)).toEqual([2, 0, 1])
  })

  it('aligns to the selection and to the canvas', () => {
    const d0 = docWith(makeTile('a', { x: 10, y: 10, width: 100, height: 50 }), makeTile('b', { x: 300, y: 200, width: 200, height: 100 }))
    const right = applyCommand(d0, { type: 'align', ids: ['a', 'b'], edge: 'right', relativeTo: 'selection' })
    expect(right.tiles.map((t) => t.x + t.width)).toEqual([500, 500])
    const vc = applyCommand(d0, { type: 'align', ids: ['a', 'b'], edge: 'vcenter', relativeTo: 'selection' })
    expect(vc.tiles.map((t) => t.y + t.height / 2)).toEqual([155, 155])
    const hc = applyCommand(d0, { type: 'align', ids: ['a'], edge: 'hcenter', relativeTo: 'canvas' })
    expect(tile(hc, 'a').x).toBe(590)
    const bottom = applyCommand(d0, { type: 'align', ids: ['a', 'b'], edge: 'bottom', relativeTo: 'canvas' })
    expect(bottom.tiles.map((t) => t.y + t.height)).toEqual([720, 720])
    const top = applyCommand(d0, { type: 'align', ids: ['a', 'b'], edge: 'top', relativeTo: 'selection' })
    expect(top.tiles.map((t) => t.y)).toEqual([10, 10])
    const left = applyCommand(d0, { type: 'align', ids: ['a', 'b'], edge: 'left', relativeTo: 'canvas' })
    expect(left.tiles.map((t) => t.x)).toEqual([0, 0])
  })

  it('distributes with equal gaps, keeping the outer tiles', () => {
    const d0 = docWith(
      makeTile('a', { x: 0, y: 0, width: 100, height: 10 }),
      makeTile('b', { x: 150, y: 100, width: 200, height: 10 }),
      makeTile('c', { x: 900, y: 300, width: 100, height: 10 }),
    )
    const h = applyCommand(d0, { type: 'distribute', ids: ['a', 'b', 'c'], axis: 'horizontal' })
    expect(h.tiles.map((t) => t.x)).toEqual([0, 400, 900]) // gaps of 300
    const v = applyCommand(d0, { type: 'distribute', ids: ['c', 'a', 'b'], axis: 'vertical' })
    expect(v.tiles.map((t) => t.y)).toEqual([0, 150, 300])
  })

  it('scales content with the canvas size', () => {
    const d = applyCommand(base, { type: 'setCanvas', preset: '1920x1080' })
    expect(d.canvas).toMatchObject({ width: 1920, height: 1080, preset: '1920x1080' })
    expect(tile(d, 't2')).toMatchObject({ x: 960, y: 0, width: 960, height: 540 })
    const custom = applyCommand(base, { type: 'setCanvas', width: 1280, height: 1280, scaleContent: false })
    expect(custom.canvas.preset).toBe('custom')
    expect(tile(custom, 't2')).toEqual(tile(base, 't2'))
    const bg = applyCommand(base, { type: 'setCanvas', backgroundColor: '#336699', backgroundImage: { name: 'bg.png', url: 'https://example.com/bg.png' } })
    expect(bg.canvas).toMatchObject({ backgroundColor: '#336699', backgroundImage: { name: 'bg.png' } })
    expect(bg.tiles).toBe(base.tiles)
  })

  it('adds, updates and removes watermarks', () => {
    let d = applyCommand(base, { type: 'addWatermark', watermark: { kind: 'image', image: { name: 'logo.png', url: 'https://example.com/logo.png' }, x: 64, y: 64, width: 64, height: 64, z: 3 } })
    d = applyCommand(d, { type: 'addWatermark', watermark: { kind: 'text', text: 'LIVE', fontSize: 24, fontColor: '#ffffff', backgroundColor: null, x: 1200, y: 10, width: 200, height: 40 } })
    expect(d.watermarks.map((w) => w.id)).toEqual(['w1', 'w2'])
    expect(d.watermarks[1]).toMatchObject({ x: 1080 })
    const same = applyCommand(d, { type: 'updateWatermark', id: 'w1', props: { x: 64 } })
    expect(same).toBe(d)
    d = applyCommand(d, { type: 'updateWatermark', id: 'w2', props: { text: 'ON AIR', fontSize: 30 } })
    expect(d.watermarks[1]).toMatchObject({ kind: 'text', text: 'ON AIR', fontSize: 30 })
    d = applyCommand(d, { type: 'removeWatermark', id: 'w1' })
    expect(d.watermarks.map((w) => w.id)).toEqual(['w2'])
  })

  it('sets audio, SEI and mode', () => {
    const alice = { userId: 'alice', roomId: '1', roomIdType: 'number' as const }
    let d = applyCommand(base, { type: 'setAudio', audio: { subscribe: [alice], unsubscribe: null } })
    expect(d.audio.subscribe).toEqual([alice])
    d = applyCommand(d, { type: 'setSei', sei: { layoutVolume: { appData: 'x', payloadType: 100, interval: 1000, followIdr: true } } })
    expect(d.sei.layoutVolume?.appData).toBe('x')
    expect(d.sei.passThrough).toBeNull()
    d = applyCommand(d, { type: 'setMode', mode: 'floating', template: { showAudioOnly: true } })
    expect(d.mode).toBe('floating')
    expect(d.template.showAudioOnly).toBe(true)
    expect(d.template.renderMode).toBe('crop')
  })

  it('applies a starter layout keeping bound users in order', () => {
    let d = applyCommand(base, { type: 'bindUser', id: 't2', user: { userId: 'bob', roomId: '', roomIdType: 'number', streamType: 'camera' } })
    d = applyCommand(d, { type: 'applyTemplate', starter: '2x2' })
    expect(d.tiles).toHaveLength(4)
    expect(d.tiles[0]).toMatchObject({ x: 0, y: 0, width: 640, height: 360, binding: { kind: 'user', userId: 'bob' } })
    expect(d.tiles[3]).toMatchObject({ x: 640, y: 360, label: '', binding: { kind: 'slot' } })
  })

  it('converts a dynamic template into editable custom tiles', () => {
    let d = applyCommand(createDoc('custom', 'g', { width: 1080, height: 960 }), { type: 'setMode', mode: 'grid' })
    d = applyCommand(d, {
      type: 'convertTemplateToCustom',
      users: [
        { id: 'u1', audioOnly: false },
        { id: 'u2', audioOnly: false },
        { id: 'u3', audioOnly: false },
        { id: 'u4', audioOnly: true },
      ],
      dialect: 'mcu',
    })
    expect(d.mode).toBe('custom')
    expect(d.tiles.map((t) => [t.x, t.y, t.width, t.height])).toEqual([
      [0, 0, 540, 480],
      [540, 0, 540, 480],
      [270, 480, 540, 480],
    ])
    expect(d.tiles.every((t) => t.binding.kind === 'user' && !t.locked)).toBe(true)
    const moved = applyCommand(d, { type: 'moveTiles', ids: ['t3'], dx: -270, dy: 0 })
    expect(tile(moved, 't3').x).toBe(0)
  })
})

describe('resizeRect', () => {
  const canvas = { width: 1280, height: 720 }
  const r = { x: 100, y: 100, width: 400, height: 200 }
  it('moves only the dragged edges', () => {
    expect(resizeRect(r, 'e', 50, 999, {}, canvas)).toEqual({ x: 100, y: 100, width: 450, height: 200 })
    expect(resizeRect(r, 'nw', 20, 30, {}, canvas)).toEqual({ x: 120, y: 130, width: 380, height: 170 })
    expect(resizeRect(r, 's', 0, -500, { minSize: 16 }, canvas)).toEqual({ x: 100, y: 100, width: 400, height: 16 })
    expect(resizeRect(r, 'w', 500, 0, { minSize: 10 }, canvas)).toEqual({ x: 490, y: 100, width: 10, height: 200 })
  })
  it('stops at the canvas', () => {
    expect(resizeRect(r, 'se', 5000, 5000, {}, canvas)).toEqual({ x: 100, y: 100, width: 1180, height: 620 })
    expect(resizeRect(r, 'nw', -500, -500, {}, canvas)).toEqual({ x: 0, y: 0, width: 500, height: 300 })
  })
  it('keeps the aspect ratio when asked', () => {
    expect(resizeRect(r, 'se', 200, 0, { keepAspect: true }, canvas)).toEqual({ x: 100, y: 100, width: 600, height: 300 })
    expect(resizeRect(r, 'nw', 0, -50, { keepAspect: true }, canvas)).toEqual({ x: 0, y: 50, width: 500, height: 250 })
    // Edge handle: the other dimension follows around the centre line.
    expect(resizeRect(r, 'e', 200, 0, { keepAspect: true }, canvas)).toEqual({ x: 100, y: 50, width: 600, height: 300 })
    // Limited by the canvas, the ratio still holds.
    const big = resizeRect(r, 'se', 5000, 0, { keepAspect: true }, canvas)
    expect(big.width / big.height).toBeCloseTo(2, 1)
    expect(big.y + big.height).toBeLessThanOrEqual(720)
  })
})
