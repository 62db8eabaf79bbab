import { describe, expect, it } from 'vitest'
import { createDoc, makeTile, type LayoutDoc, type Tile, type UserRef } from './model'
import { CHECK_CODES, hasErrors, imageUrls, reachesWire, validate, type Issue, type Target, type TaskContext } from './validate'

const user = (userId: string, roomId = '', roomIdType: 'number' | 'string' = 'number', streamType: 'camera' | 'screen' = 'camera'): UserRef => ({ userId, roomId, roomIdType, streamType })
function doc(patch: Partial<LayoutDoc> = {}, size = { width: 1280, height: 720 }): LayoutDoc {
  return { ...createDoc('custom', 'v', size), tiles: [makeTile('t1', { x: 0, y: 0, width: 100, height: 100 })], ...patch }
}
const withTile = (t: Partial<Tile>, patch: Partial<LayoutDoc> = {}, size?: { width: number; height: number }): LayoutDoc =>
  doc({ tiles: [{ ...makeTile('t1', { x: 0, y: 0, width: 100, height: 100 }), ...t }], ...patch }, size)
const codes = (d: LayoutDoc, target: Target, severity: Issue['severity'] = 'error', task?: TaskContext): string[] =>
  validate(d, target, task).filter((i) => i.severity === severity).map((i) => i.code)
const MAIN: TaskContext = { room: { id: '1', type: 'number' } }

describe('validate', () => {
  it('accepts a plain layout in both dialects', () => {
    expect(validate(doc(), 'mcu')).toEqual([])
    expect(validate(doc(), 'recording')).toEqual([])
    expect(hasErrors(validate(doc(), 'mcu'))).toBe(false)
  })

  it('speaks in codes and parameters only, every code declared', () => {
    const issue = validate(withTile({ y: 621, height: 100 }), 'mcu')[0]
    expect(issue).toEqual({ severity: 'error', code: 'tile.bottom', params: { tile: 't1', bottom: 721, height: 720 }, tileId: 't1', field: 'height' })
    expect(CHECK_CODES).toContain(issue?.code)
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
    expect(codes(doc({ tiles: [makeTile('t1', { x: 0, y: 0, width: 0, height: 0 })] }, { width: 0, height: 0 }), 'recording', 'warning')).toContain('canvas.empty')
  })

  it('tiles stay inside the canvas: x + width ≤ W, y + height ≤ H (L15215–L15227, L15530–L15536)', () => {
    for (const target of ['mcu', 'recording'] as const) {
      expect(codes(withTile({ x: 1180, width: 100 }), target)).toEqual([])
      expect(codes(withTile({ x: 1181, width: 100 }), target)).toEqual(['tile.right'])
      expect(codes(withTile({ y: 621, height: 100 }), target)).toEqual(['tile.bottom'])
      expect(codes(withTile({ x: -1 }), target)).toEqual(['tile.negative'])
      expect(codes(withTile({ x: 0.5 }), target)).toEqual(['tile.integer'])
    }
    expect(codes(withTile({ width: 0 }), 'mcu', 'warning')).toEqual(['tile.empty'])
  })

  it('an update is checked on the running task canvas, which it cannot change (L2256–L2258)', () => {
    const wide = withTile({ x: 1300, width: 100 }, {}, { width: 1920, height: 1080 })
    expect(codes(wide, 'mcu')).toEqual([])
    expect(codes(wide, 'mcu', 'error', { canvas: { width: 1280, height: 720 } })).toEqual(['canvas.changed', 'tile.right'])
    expect(codes(withTile({}), 'recording', 'error', { canvas: { width: 1280, height: 720 } })).toEqual([])
    expect(reachesWire('canvas.changed', 'mcu')).toBe(false)
  })

  it('recording layers start at 0 (L15574); MCU ZOrder has no stated range', () => {
    expect(codes(withTile({ z: -1 }), 'recording')).toEqual(['tile.layer'])
    expect(codes(withTile({ z: -1 }), 'mcu')).toEqual([])
  })

  it('a render mode a dialect lacks is sent as its nearest and said so (L15232–L15239, L15548–L15567)', () => {
    expect(validate(withTile({ renderMode: 'stretch' }), 'mcu')).toMatchObject([{ severity: 'warning', code: 'renderMode.mapped', params: { mode: 'stretch', sent: 'fit' } }])
    expect(validate(withTile({ renderMode: 'smart' }), 'mcu')).toMatchObject([{ code: 'renderMode.mapped', params: { sent: 'crop' } }])
    expect(validate(withTile({ renderMode: 'fit' }), 'recording')).toMatchObject([{ code: 'renderMode.mapped', params: { sent: 'fitBlack' } }])
    expect(codes(withTile({ renderMode: 'smart' }), 'recording', 'warning')).toEqual([])
    const bg = doc()
    bg.canvas.backgroundRenderMode = 'smart'
    expect(codes(bg, 'mcu', 'warning')).toEqual(['renderMode.mapped'])
  })

  it('tile count: recording at most 24 videos (L15642 against L16106–L16107); MCU over 16 is a warning', () => {
    const tiles = (n: number): Tile[] => Array.from({ length: n }, (_, i) => makeTile(`t${i}`, { x: i, y: 0, width: 10, height: 10 }))
    expect(codes(doc({ tiles: tiles(24) }), 'recording')).toEqual([])
    expect(validate(doc({ tiles: tiles(25) }), 'recording')).toMatchObject([{ severity: 'error', code: 'tiles.count', params: { count: 25, max: 24 } }])
    expect(codes(doc({ tiles: tiles(16) }), 'mcu', 'warning')).toEqual([])
    expect(codes(doc({ tiles: tiles(17) }), 'mcu', 'warning')).toEqual(['tiles.count'])
    expect(codes({ ...doc(), mode: 'grid' }, 'mcu', 'warning')).toEqual(['tiles.ignored'])
  })

  it('an empty custom layout mixes nothing, audio included (L2137–L2139)', () => {
    expect(codes(doc({ tiles: [] }), 'mcu')).toEqual(['tiles.none'])
    expect(codes(doc({ tiles: [] }), 'recording')).toEqual(['tiles.none'])
  })

  it('alpha is 0–255 for recording (L15543–L15546); the relay has none', () => {
    expect(codes(withTile({ alpha: 255 }), 'recording')).toEqual([])
    expect(codes(withTile({ alpha: 0 }), 'recording')).toEqual([])
    expect(codes(withTile({ alpha: 256 }), 'recording')).toEqual(['tile.alpha'])
    expect(codes(withTile({ alpha: -1 }), 'mcu', 'warning')).toEqual(['tile.alphaIgnored'])
    expect(codes(withTile({ alpha: 100 }), 'mcu', 'warning')).toEqual(['tile.alphaIgnored'])
  })

  it('custom crop: offsets greater than 0, positive size, offset + size ≤ 10000 (L15152–L15163)', () => {
    expect(codes(withTile({ crop: { x: 1, y: 1, w: 9999, h: 9999 } }), 'mcu')).toEqual([])
    expect(codes(withTile({ crop: { x: 2, y: 1, w: 9999, h: 100 } }), 'mcu')).toEqual(['crop.limit'])
    expect(codes(withTile({ crop: { x: 1, y: 1, w: 0, h: 100 } }), 'mcu')).toEqual(['crop.size'])
    expect(codes(withTile({ crop: { x: 0, y: 5, w: 10, h: 10 } }), 'mcu')).toEqual(['crop.offset'])
    expect(codes(withTile({ crop: { x: 5, y: 0, w: 10, h: 10 } }), 'mcu')).toEqual(['crop.offset'])
    expect(codes(withTile({ crop: { x: 1, y: 1, w: 10, h: 10 } }), 'recording', 'warning')).toEqual(['crop.ignored'])
  })

  it('user IDs and room IDs of bound users (002 L66, 000 L15, 000 L32)', () => {
    expect(codes(withTile({ binding: { kind: 'user', ...user('good_user-1', '4294967295') } }), 'mcu')).toEqual([])
    expect(codes(withTile({ binding: { kind: 'user', ...user('bad user') } }), 'mcu')).toEqual(['user.id'])
    expect(codes(withTile({ binding: { kind: 'user', ...user('u'.repeat(33), '1') } }), 'mcu', 'warning')).toEqual(['user.idLong'])
    for (const bad of ['4294967296', '0', 'abc', '0x1f', '012', ' 12']) expect(codes(withTile({ binding: { kind: 'user', ...user('u', bad) } }), 'mcu')).toEqual(['room.numeric'])
    expect(codes(withTile({ binding: { kind: 'user', ...user('u', 'abc', 'string') } }), 'mcu')).toEqual([])
    expect(codes(withTile({ binding: { kind: 'user', ...user('u', 'a\u0001', 'string') } }), 'mcu')).toEqual(['room.string'])
    expect(codes(withTile({ binding: { kind: 'user', ...user('u', '123', 'string') } }), 'mcu', 'warning')).toEqual(['room.looksNumeric'])
  })

  it('a named tile without a room takes the task room, and says so (L2132–L2133)', () => {
    const d = withTile({ binding: { kind: 'user', ...user('host') } })
    expect(validate(d, 'mcu', MAIN)).toEqual([{ severity: 'warning', code: 'binding.mainRoom', params: { userId: 'host', room: '1' }, tileId: 't1', field: 'binding' }])
    expect(validate(d, 'mcu')).toMatchObject([{ code: 'binding.mainRoom', params: { room: '' } }])
    // Recording names users of its own room only, so there is nothing to say.
    expect(validate(d, 'recording', MAIN)).toEqual([])
  })

  it('one user stream fills at most one tile', () => {
    const tiles = [
      { ...makeTile('a', { x: 0, y: 0, width: 10, height: 10 }), binding: { kind: 'user' as const, ...user('u', '1') } },
      { ...makeTile('b', { x: 0, y: 0, width: 10, height: 10 }), binding: { kind: 'user' as const, ...user('u', '1') } },
      { ...makeTile('c', { x: 0, y: 0, width: 10, height: 10 }), binding: { kind: 'user' as const, ...user('u', '1', 'number', 'screen') } },
      { ...makeTile('d', { x: 0, y: 0, width: 10, height: 10 }), binding: { kind: 'user' as const, ...user('u', '2') } },
      { ...makeTile('e', { x: 0, y: 0, width: 10, height: 10 }), binding: { kind: 'user' as const, ...user('u') } },
    ]
    expect(validate(doc({ tiles }), 'mcu', MAIN).filter((i) => i.code === 'binding.duplicate').map((i) => i.tileId)).toEqual(['b', 'e'])
    // Recording is one room: the same user ID in two rooms is the same user, and another room is itself an error.
    expect(codes(doc({ tiles }), 'recording', 'error', MAIN).sort()).toEqual(['binding.duplicate', 'binding.duplicate', 'binding.duplicate', 'room.notMain'])
    expect(codes(doc({ tiles }), 'recording').sort()).toEqual(['binding.duplicate', 'binding.duplicate', 'binding.duplicate', 'rooms.multiple'])
  })

  it('dynamic MCU templates mix the main room only (L2101–L2104, L15752–L15754)', () => {
    const base = { ...doc({ tiles: [] }), mode: 'floating' as const }
    const one = { ...base, template: { ...base.template, bigScreenUser: user('host', '1') }, audio: { subscribe: [{ userId: 'a', roomId: '1', roomIdType: 'number' as const }], unsubscribe: null } }
    expect(codes(one, 'mcu', 'error', MAIN)).toEqual([])
    const other = { ...one, template: { ...one.template, bigScreenUser: user('host', '2') } }
    expect(validate(other, 'mcu', MAIN)).toMatchObject([{ code: 'room.notMain', params: { room: '2', mainRoom: '1' }, field: 'template.bigScreenUser' }])
    const two = { ...one, audio: { subscribe: [{ userId: 'a', roomId: '2', roomIdType: 'number' as const }], unsubscribe: null } }
    expect(codes(two, 'mcu', 'error', MAIN)).toEqual(['room.notMain'])
    expect(codes(two, 'mcu')).toEqual(['rooms.multiple'])
  })

  it('custom MCU layouts may mix several rooms; audio users come from one of them (L15754–L15755)', () => {
    const d = withTile({ binding: { kind: 'user', ...user('guest', '7') } }, { audio: { subscribe: [{ userId: 'guest', roomId: '7', roomIdType: 'number' }], unsubscribe: [{ userId: 'x', roomId: '9', roomIdType: 'number' }] } })
    expect(validate(d, 'mcu', MAIN).filter((i) => i.severity === 'error')).toMatchObject([{ code: 'room.notInLayout', params: { room: '9', userId: 'x' } }])
  })

  it('the screen-sharing template needs its big-screen user on the relay (L2124–L2125)', () => {
    const share = { ...doc({ tiles: [] }), mode: 'screenShare' as const }
    expect(codes(share, 'mcu')).toEqual(['template.bigScreenRequired'])
    expect(codes(share, 'recording', 'warning')).toEqual(['template.bigScreenEmpty'])
  })

  it('colours are #RRGGBB in the document', () => {
    const d = doc()
    d.canvas.backgroundColor = '#12345'
    expect(codes(d, 'mcu')).toEqual(['color.format'])
    const wm = doc({ watermarks: [{ id: 'w1', kind: 'text', text: 'x', fontSize: 12, fontColor: '0xFFFFFF', backgroundColor: '#GGGGGG', x: 0, y: 0, width: 10, height: 10 }] })
    expect(codes(wm, 'mcu')).toEqual(['color.format', 'color.format'])
  })

  it('watermarks: bounds, recording range and count; text is not supported by recording (L16405)', () => {
    const img = (x: number, url = 'https://e.com/a.png'): Extract<LayoutDoc['watermarks'][number], { kind: 'image' }> => ({ id: `w${x}`, kind: 'image', image: { name: 'a.png', url }, x, y: 0, width: 100, height: 10, z: 0 })
    expect(codes(doc({ watermarks: [img(1180)] }), 'recording')).toEqual([])
    expect(codes(doc({ watermarks: [img(1181)] }), 'recording')).toEqual(['watermark.bounds'])
    expect(codes(doc({ watermarks: [img(1181)] }), 'mcu', 'warning')).toEqual(['watermark.bounds'])
    expect(codes(doc({ watermarks: Array.from({ length: 26 }, (_, i) => img(i)) }), 'recording')).toEqual(['watermarks.count'])
    const text = doc({ watermarks: [{ id: 'w1', kind: 'text', text: '', fontSize: 0, fontColor: '#ffffff', backgroundColor: null, x: 0, y: 0, width: 10, height: 10 }] })
    expect(codes(text, 'mcu')).toEqual(['watermark.text', 'watermark.fontSize'])
    expect(codes(text, 'recording')).toEqual(['watermark.textUnsupported'])
  })

  it('SEI: AppData < 4096 characters, payload types, UUID, content (L15322–L15352)', () => {
    const lv = (appData: string, payloadType: number): LayoutDoc => doc({ sei: { layoutVolume: { appData, payloadType, interval: 1000, followIdr: false }, passThrough: null } })
    expect(codes(lv('a'.repeat(4095), 100), 'mcu')).toEqual([])
    expect(codes(lv('a'.repeat(4096), 100), 'mcu')).toEqual(['sei.appData'])
    for (const bad of [99, 255, 244, 5]) expect(codes(lv('', bad), 'mcu')).toEqual(['sei.payloadType'])
    expect(codes(lv('', 254), 'mcu')).toEqual([])
    const pt = (payloadType: number, uuid: string | null, content = 'c'): LayoutDoc => doc({ sei: { layoutVolume: null, passThrough: { payloadType, uuid, content, interval: 1000, followIdr: true } } })
    expect(codes(pt(5, '0123456789abcdef0123456789abcdef'), 'mcu')).toEqual([])
    expect(codes(pt(5, '0123456789abcdef0123456789abcde'), 'mcu')).toEqual(['sei.uuid'])
    expect(codes(pt(5, null), 'mcu')).toEqual(['sei.uuid'])
    expect(codes(pt(6, null), 'mcu')).toEqual(['sei.payloadType'])
    expect(codes(pt(100, null), 'mcu')).toEqual([])
    expect(codes(pt(100, null, ''), 'mcu')).toEqual(['sei.content'])
    expect(codes(pt(100, 'ab'), 'mcu', 'warning')).toEqual(['sei.uuidIgnored'])
    expect(codes(pt(100, null), 'recording', 'warning')).toEqual(['sei.ignored'])
  })

  it('audio lists: recording ≤ 32 each and not both (L16103–L16170); MCU warns on a user in both', () => {
    const a = (n: number, p = 'u'): { userId: string; roomId: string; roomIdType: 'number' }[] => Array.from({ length: n }, (_, i) => ({ userId: `${p}${i}`, roomId: '', roomIdType: 'number' }))
    expect(codes(doc({ audio: { subscribe: a(32), unsubscribe: null } }), 'recording')).toEqual([])
    expect(codes(doc({ audio: { subscribe: a(33), unsubscribe: null } }), 'recording')).toEqual(['audio.count'])
    expect(codes(doc({ audio: { subscribe: a(1), unsubscribe: a(1, 'x') } }), 'recording')).toEqual(['audio.bothLists'])
    expect(codes(doc({ audio: { subscribe: a(2), unsubscribe: a(1) } }), 'mcu', 'warning')).toEqual(['audio.both'])
  })

  it('the placeholder fit is a relay setting', () => {
    expect(codes(withTile({ placeholderFit: 'scaleBlack' }), 'mcu', 'warning')).toEqual([])
    expect(codes(withTile({ placeholderFit: 'scaleBlack' }), 'recording', 'warning')).toEqual(['placeholder.fit'])
  })

  it('images: a URL the cloud can fetch, no Chinese characters in the recording background (L15675–L15677)', () => {
    expect(codes(withTile({ placeholder: { name: 'p.png', dataRef: 'local' } }), 'mcu')).toEqual(['image.noUrl'])
    expect(codes(withTile({ placeholder: { name: 'p.png', url: 'p.png' } }), 'mcu')).toEqual(['image.url'])
    const d = doc()
    d.canvas.backgroundImage = { name: 'bg.png' }
    expect(codes(d, 'recording')).toEqual(['image.noUrl'])
    d.canvas.backgroundImage = { name: 'bg.png', url: 'https://e.com/背景.png' }
    expect(codes(d, 'recording')).toEqual(['image.cjk'])
    expect(codes(d, 'mcu')).toEqual([])
    d.canvas.backgroundImage = { name: 'bg.png', url: 'https://e.com/%E8%83%8C.png' }
    expect(codes(d, 'recording')).toEqual([])
  })

  it('images: PNG or JPEG of at most 5 MB, as main found them (L15446–L15447, L15577–L15580)', () => {
    const url = 'https://e.com/a'
    const d = withTile({ placeholder: { name: 'a', url } })
    expect(imageUrls(d, 'mcu')).toEqual([url])
    expect(codes(d, 'mcu', 'error', { images: { [url]: { kind: 'png', bytes: 1000 } } })).toEqual([])
    expect(codes(d, 'mcu', 'error', { images: { [url]: { kind: 'other', bytes: 1000 } } })).toEqual(['image.format'])
    expect(codes(d, 'mcu', 'error', { images: { [url]: { kind: 'jpeg', bytes: 5 * 1024 * 1024 + 1 } } })).toEqual(['image.tooLarge'])
    expect(codes(d, 'mcu', 'warning', { images: { [url]: { kind: 'unreachable' } } })).toEqual(['image.unreachable'])
    expect(reachesWire('image.format', 'mcu')).toBe(false)
  })

  it('a named user who is not in the task room now is said so (L2132–L2136)', () => {
    const d = withTile({ binding: { kind: 'user', ...user('alice', '1') } })
    expect(codes(d, 'mcu', 'warning', { ...MAIN, present: ['bob'] })).toContain('binding.absent')
    expect(codes(d, 'mcu', 'warning', { ...MAIN, present: ['alice'] })).not.toContain('binding.absent')
    expect(codes(d, 'mcu', 'warning', MAIN)).not.toContain('binding.absent')
    expect(reachesWire('binding.absent', 'mcu')).toBe(false)
  })

  it('the remaining rules: whole-pixel canvas and watermarks, template members a dialect ignores, SEI types', () => {
    expect(codes(doc({}, { width: 1280.5, height: 720 }), 'mcu')).toContain('canvas.integer')
    const base = { ...doc({ tiles: [] }), mode: 'grid' as const }
    const grid = { ...base, template: { ...base.template, bigScreenUser: user('host', '1') } }
    // MaxVideoUser belongs to floating and screen sharing (L15087–L15089).
    expect(codes(grid, 'mcu', 'warning', MAIN)).toContain('template.bigScreenIgnored')
    // PureAudioHoldPlaceMode is an MCU member; recording has none.
    const audioOnly = { ...base, template: { ...base.template, showAudioOnly: true } }
    expect(codes(audioOnly, 'recording', 'warning')).toContain('template.audioOnly')
    expect(codes(audioOnly, 'mcu', 'warning')).not.toContain('template.audioOnly')
    const img = { id: 'w1', kind: 'image' as const, image: { name: 'a.png', url: 'https://e.com/a.png' }, x: 0.5, y: 0, width: 100, height: 10, z: 0 }
    expect(codes(doc({ watermarks: [img] }), 'mcu')).toContain('watermark.integer')
    // Recording watermarks have no layer member: a layer other than 0 is not sent.
    expect(codes(doc({ watermarks: [{ ...img, x: 0, z: 3 }] }), 'recording', 'warning')).toContain('watermark.layer')
    expect(codes(doc({ watermarks: [{ ...img, x: 0, z: 3 }] }), 'mcu', 'warning')).not.toContain('watermark.layer')
    const both = doc({ sei: { layoutVolume: { appData: '', payloadType: 100, interval: 1000, followIdr: false }, passThrough: { payloadType: 100, uuid: null, content: 'c', interval: 1000, followIdr: false } } })
    expect(codes(both, 'mcu', 'warning')).toContain('sei.samePayloadType')
    expect(codes({ ...both, sei: { ...both.sei, passThrough: { ...both.sei.passThrough!, payloadType: 101 } } }, 'mcu', 'warning')).not.toContain('sei.samePayloadType')
  })
})
