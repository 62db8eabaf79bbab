import { describe, expect, it } from 'vitest'
import { createDoc, makeTile, type LayoutDoc, type Tile, type UserRef } from './model'
import { hasErrors, validate, type Issue, type Target } from './validate'

const user = (userId: string, roomId = '', roomIdType: 'number' | 'string' = 'number', streamType: 'camera' | 'screen' = 'camera'): UserRef => ({ userId, roomId, roomIdType, streamType })
function doc(patch: Partial<LayoutDoc> = {}, size = { width: 1280, height: 720 }): LayoutDoc {
  return { ...createDoc('custom', 'v', size), tiles: [makeTile('t1', { x: 0, y: 0, width: 100, height: 100 })], ...patch }
}
const withTile = (t: Partial<Tile>, patch: Partial<LayoutDoc> = {}, size?: { width: number; height: number }): LayoutDoc =>
  doc({ tiles: [{ ...makeTile('t1', { x: 0, y: 0, width: 100, height: 100 }), ...t }], ...patch }, size)
const codes = (d: LayoutDoc, target: Target, severity: Issue['severity'] = 'error'): string[] => validate(d, target).filter((i) => i.severity === severity).map((i) => i.code)

describe('validate', () => {
  it('accepts a plain layout in both dialects', () => {
    expect(validate(doc(), 'mcu')).toEqual([])
    expect(validate(doc(), 'recording')).toEqual([])
    expect(hasErrors(validate(doc(), 'mcu'))).toBe(false)
  })

  it('MCU canvas: width ≤ 1920 and height ≤ 1080 (L16359–L16363)', () => {
    expect(codes(doc({}, { width: 1920, height: 1080 }), 'mcu')).toEqual([])
    expect(codes(doc({}, { width: 1921, height: 1080 }), 'mcu')).toEqual(['canvas.width'])
    expect(codes(doc({}, { width: 1080, height: 1081 }), 'mcu')).toEqual(['canvas.height'])
  })

  it('recording canvas: sides ≤ 1920 and area ≤ 1920×1080 (L16382–L16390)', () => {
    expect(codes(doc({}, { width: 1080, height: 1920 }), 'recording')).toEqual([])
    expect(codes(doc({}, { width: 1921, height: 100 }), 'recording')).toEqual(['canvas.width'])
    expect(codes(doc({}, { width: 1100, height: 1920 }), 'recording')).toEqual(['canvas.area'])
    expect(codes(doc({}, { width: 100, height: 1921 }), 'recording')).toEqual(['canvas.height'])
    expect(codes(doc({}, { width: 0, height: 0 }), 'recording', 'warning')).toContain('canvas.empty')
  })

  it('tiles stay inside the canvas: x + width ≤ W, y + height ≤ H (L15215–L15227, L15530–L15536)', () => {
    for (const target of ['mcu', 'recording'] as const) {
      expect(codes(withTile({ x: 1180, width: 100 }), target)).toEqual([])
      expect(codes(withTile({ x: 1181, width: 100 }), target)).toEqual(['tile.bounds'])
      expect(codes(withTile({ y: 621, height: 100 }), target)).toEqual(['tile.bounds'])
      expect(codes(withTile({ x: -1 }), target)).toEqual(['tile.bounds'])
      expect(codes(withTile({ x: 0.5 }), target)).toEqual(['tile.integer'])
    }
    const issue = validate(withTile({ y: 621, height: 100 }), 'mcu')[0]
    expect(issue).toMatchObject({ tileId: 't1', field: 'height' })
    expect(issue?.message).toMatch(/past the canvas height 720/)
    expect(codes(withTile({ width: 0 }), 'mcu', 'warning')).toEqual(['tile.empty'])
  })

  it('recording layers start at 0 (L15574); MCU ZOrder has no stated range', () => {
    expect(codes(withTile({ z: -1 }), 'recording')).toEqual(['tile.layer'])
    expect(codes(withTile({ z: -1 }), 'mcu')).toEqual([])
  })

  it('render modes exist per dialect (L15232–L15239, L15548–L15567)', () => {
    expect(codes(withTile({ renderMode: 'stretch' }), 'mcu')).toEqual(['renderMode.unavailable'])
    expect(codes(withTile({ renderMode: 'smart' }), 'mcu')).toEqual(['renderMode.unavailable'])
    expect(codes(withTile({ renderMode: 'fitBlack' }), 'mcu')).toEqual([])
    expect(codes(withTile({ renderMode: 'fit' }), 'recording')).toEqual(['renderMode.unavailable'])
    expect(codes(withTile({ renderMode: 'smart' }), 'recording')).toEqual([])
    expect(codes({ ...doc({ tiles: [] }), mode: 'grid', template: { ...createDoc('custom').template, renderMode: 'stretch' } }, 'mcu')).toEqual(['renderMode.unavailable'])
    const bg = doc()
    bg.canvas.backgroundRenderMode = 'smart'
    expect(codes(bg, 'mcu')).toEqual(['renderMode.unavailable'])
    bg.canvas.backgroundRenderMode = 'fit'
    expect(codes(bg, 'recording')).toEqual(['renderMode.unavailable'])
  })

  it('tile count: recording at most 25 (L15641–L15643); MCU over 16 is a warning', () => {
    const tiles = (n: number): Tile[] => Array.from({ length: n }, (_, i) => makeTile(`t${i}`, { x: i, y: 0, width: 10, height: 10 }))
    expect(codes(doc({ tiles: tiles(25) }), 'recording')).toEqual([])
    expect(codes(doc({ tiles: tiles(24) }), 'recording', 'warning')).toEqual([])
    expect(codes(doc({ tiles: tiles(25) }), 'recording', 'warning')).toEqual(['tiles.count']) // 24 videos when mixed (L16106–L16107)
    expect(codes(doc({ tiles: tiles(26) }), 'recording')).toEqual(['tiles.count'])
    expect(codes(doc({ tiles: tiles(16) }), 'mcu', 'warning')).toEqual([])
    expect(codes(doc({ tiles: tiles(17) }), 'mcu', 'warning')).toEqual(['tiles.count'])
    expect(codes(doc({ tiles: [] }), 'mcu', 'warning')).toEqual(['tiles.none'])
    expect(codes({ ...doc(), mode: 'grid' }, 'mcu', 'warning')).toEqual(['tiles.ignored'])
  })

  it('alpha is 0–255 and recording-only (L15543–L15546)', () => {
    expect(codes(withTile({ alpha: 255 }), 'recording')).toEqual([])
    expect(codes(withTile({ alpha: 0 }), 'recording')).toEqual([])
    expect(codes(withTile({ alpha: 256 }), 'recording')).toEqual(['tile.alpha'])
    expect(codes(withTile({ alpha: -1 }), 'mcu')).toEqual(['tile.alpha'])
    expect(codes(withTile({ alpha: 100 }), 'mcu', 'warning')).toEqual(['tile.alpha'])
  })

  it('custom crop: offsets > 0, offset + size ≤ 10000 (L15147–L15167)', () => {
    expect(codes(withTile({ crop: { x: 1, y: 1, w: 9999, h: 9999 } }), 'mcu')).toEqual([])
    expect(codes(withTile({ crop: { x: 2, y: 1, w: 9999, h: 100 } }), 'mcu')).toEqual(['crop.range'])
    expect(codes(withTile({ crop: { x: 1, y: 1, w: 0, h: 100 } }), 'mcu')).toEqual(['crop.range'])
    expect(codes(withTile({ crop: { x: 0, y: 5, w: 10, h: 10 } }), 'mcu', 'warning')).toEqual(['crop.zeroOffset'])
    expect(codes(withTile({ crop: { x: 1, y: 1, w: 10, h: 10 } }), 'recording', 'warning')).toEqual(['crop.ignored'])
  })

  it('user IDs and room IDs of bound users (002 L66, 000 L32)', () => {
    expect(codes(withTile({ binding: { kind: 'user', ...user('good_user-1', '4294967295') } }), 'mcu')).toEqual([])
    expect(codes(withTile({ binding: { kind: 'user', ...user('bad user') } }), 'mcu')).toEqual(['user.id'])
    expect(codes(withTile({ binding: { kind: 'user', ...user('u', '4294967296') } }), 'mcu')).toEqual(['room.numeric'])
    expect(codes(withTile({ binding: { kind: 'user', ...user('u', '0') } }), 'mcu')).toEqual(['room.numeric'])
    expect(codes(withTile({ binding: { kind: 'user', ...user('u', 'abc') } }), 'mcu')).toEqual(['room.numeric'])
    expect(codes(withTile({ binding: { kind: 'user', ...user('u', 'abc', 'string') } }), 'mcu')).toEqual([])
    expect(codes(withTile({ binding: { kind: 'user', ...user('u', 'a\u0001', 'string') } }), 'mcu')).toEqual(['room.string'])
    expect(codes(withTile({ binding: { kind: 'user', ...user('u', '123', 'string') } }), 'mcu', 'warning')).toEqual(['room.string'])
  })

  it('one user stream fills at most one tile', () => {
    const tiles = [
      { ...makeTile('a', { x: 0, y: 0, width: 10, height: 10 }), binding: { kind: 'user' as const, ...user('u', '1') } },
      { ...makeTile('b', { x: 0, y: 0, width: 10, height: 10 }), binding: { kind: 'user' as const, ...user('u', '1') } },
      { ...makeTile('c', { x: 0, y: 0, width: 10, height: 10 }), binding: { kind: 'user' as const, ...user('u', '1', 'number', 'screen') } },
      { ...makeTile('d', { x: 0, y: 0, width: 10, height: 10 }), binding: { kind: 'user' as const, ...user('u', '2') } },
    ]
    expect(validate(doc({ tiles }), 'mcu').filter((i) => i.code === 'binding.duplicate').map((i) => i.tileId)).toEqual(['b'])
    // Recording is one room: the same user ID in two rooms is the same user, and two rooms is itself an error.
    expect(codes(doc({ tiles }), 'recording').sort()).toEqual(['binding.duplicate', 'binding.duplicate', 'rooms.multiple'])
  })

  it('dynamic MCU templates mix one room only (L2101–L2104)', () => {
    const base = { ...doc({ tiles: [] }), mode: 'floating' as const }
    const one = { ...base, template: { ...base.template, bigScreenUser: user('host', '1') }, audio: { subscribe: [{ userId: 'a', roomId: '1', roomIdType: 'number' as const }], unsubscribe: null } }
    expect(codes(one, 'mcu')).toEqual([])
    const two = { ...one, audio: { subscribe: [{ userId: 'a', roomId: '2', roomIdType: 'number' as const }], unsubscribe: null } }
    expect(codes(two, 'mcu')).toEqual(['rooms.multiple'])
    expect(codes({ ...base, mode: 'screenShare' as const }, 'mcu', 'warning')).toEqual(['template.bigScreenUser'])
  })

  it('colours are #RRGGBB', () => {
    const d = doc()
    d.canvas.backgroundColor = '#12345'
    expect(codes(d, 'mcu')).toEqual(['color.format'])
    const wm = doc({ watermarks: [{ id: 'w1', kind: 'text', text: 'x', fontSize: 12, fontColor: '0xFFFFFF', backgroundColor: '#GGGGGG', x: 0, y: 0, width: 10, height: 10 }] })
    expect(codes(wm, 'mcu')).toEqual(['color.format', 'color.format'])
  })

  it('watermarks: bounds, recording range and count, images need a URL', () => {
    const img = (x: number, url = 'https://e.com/a.png'): Extract<LayoutDoc['watermarks'][number], { kind: 'image' }> => ({ id: `w${x}`, kind: 'image', image: { name: 'a.png', url }, x, y: 0, width: 100, height: 10, z: 0 })
    expect(codes(doc({ watermarks: [img(1180)] }), 'recording')).toEqual([])
    expect(codes(doc({ watermarks: [img(1181)] }), 'recording')).toEqual(['watermark.bounds'])
    expect(codes(doc({ watermarks: [img(1181)] }), 'mcu', 'warning')).toEqual(['watermark.bounds'])
    expect(codes(doc({ watermarks: Array.from({ length: 26 }, (_, i) => img(i)) }), 'recording')).toEqual(['watermarks.count'])
    expect(codes(doc({ watermarks: [{ ...img(0), image: { name: 'local.png', dataRef: 'blob:1' } }] }), 'mcu')).toEqual(['image.url'])
    expect(codes(doc({ watermarks: [img(0, 'https://e.com/a.gif')] }), 'mcu', 'warning')).toEqual(['image.format'])
    const text = doc({ watermarks: [{ id: 'w1', kind: 'text', text: '', fontSize: 0, fontColor: '#ffffff', backgroundColor: null, x: 0, y: 0, width: 10, height: 10 }] })
    expect(codes(text, 'mcu')).toEqual(['watermark.text', 'watermark.fontSize'])
    expect(codes(text, 'recording', 'warning')).toEqual(['watermark.textUnsupported'])
  })

  it('SEI: AppData < 4096 characters, payload types, UUID (L15322–L15352)', () => {
    const lv = (appData: string, payloadType: number): LayoutDoc => doc({ sei: { layoutVolume: { appData, payloadType, interval: 1000, followIdr: false }, passThrough: null } })
    expect(codes(lv('a'.repeat(4095), 100), 'mcu')).toEqual([])
    expect(codes(lv('a'.repeat(4096), 100), 'mcu')).toEqual(['sei.appData'])
    expect(codes(lv('', 99), 'mcu')).toEqual(['sei.payloadType'])
    expect(codes(lv('', 254), 'mcu')).toEqual([])
    expect(codes(lv('', 255), 'mcu')).toEqual(['sei.payloadType'])
    expect(codes(lv('', 244), 'mcu')).toEqual(['sei.payloadType'])
    expect(codes(lv('', 5), 'mcu')).toEqual(['sei.payloadType'])
    const pt = (payloadType: number, uuid: string | null): LayoutDoc => doc({ sei: { layoutVolume: null, passThrough: { payloadType, uuid, content: 'c', interval: 1000, followIdr: true } } })
    expect(codes(pt(5, '0123456789abcdef0123456789abcdef'), 'mcu')).toEqual([])
    expect(codes(pt(5, '0123456789abcdef0123456789abcde'), 'mcu')).toEqual(['sei.uuid'])
    expect(codes(pt(5, null), 'mcu')).toEqual(['sei.uuid'])
    expect(codes(pt(6, null), 'mcu')).toEqual(['sei.payloadType'])
    expect(codes(pt(100, null), 'mcu')).toEqual([])
    expect(codes(pt(244, null), 'mcu')).toEqual(['sei.payloadType'])
    expect(codes(pt(100, 'ab'), 'mcu', 'warning')).toEqual(['sei.uuid'])
    expect(codes(pt(100, null), 'recording', 'warning')).toEqual(['sei.ignored'])
  })

  it('audio lists: recording ≤ 32 each and not both (L16103–L16170); MCU warns on a user in both', () => {
    const a = (n: number, p = 'u'): { userId: string; roomId: string; roomIdType: 'number' }[] => Array.from({ length: n }, (_, i) => ({ userId: `${p}${i}`, roomId: '', roomIdType: 'number' }))
    expect(codes(doc({ audio: { subscribe: a(32), unsubscribe: null } }), 'recording')).toEqual([])
    expect(codes(doc({ audio: { subscribe: a(33), unsubscribe: null } }), 'recording')).toEqual(['audio.count'])
    expect(codes(doc({ audio: { subscribe: a(1), unsubscribe: a(1, 'x') } }), 'recording')).toEqual(['audio.both'])
    expect(codes(doc({ audio: { subscribe: a(2), unsubscribe: a(1) } }), 'mcu', 'warning')).toEqual(['audio.both'])
  })

  it('the placeholder fit is a relay setting', () => {
    expect(codes(withTile({ placeholderFit: 'scaleBlack' }), 'mcu', 'warning')).toEqual([])
    expect(codes(withTile({ placeholderFit: 'scaleBlack' }), 'recording', 'warning')).toEqual(['placeholder.fit'])
  })

  it('images without a URL cannot be sent', () => {
    expect(codes(withTile({ placeholder: { name: 'p.png', dataRef: 'local' } }), 'mcu')).toEqual(['image.url'])
    const d = doc()
    d.canvas.backgroundImage = { name: 'bg.png' }
    expect(codes(d, 'recording')).toEqual(['image.url'])
  })
})
