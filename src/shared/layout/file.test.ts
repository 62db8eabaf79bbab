import { describe, expect, it } from 'vitest'
import { applyCommand } from './commands'
import { FILE_FORMAT, FILE_VERSION, parseLayoutFile, serialize } from './file'
import { createDoc, type LayoutDoc } from './model'

function richDoc(): LayoutDoc {
  let d = createDoc('1920x1080', 'Show')
  d = applyCommand(d, { type: 'applyTemplate', starter: 'pip' })
  d = applyCommand(d, { type: 'bindUser', id: 't1', user: { userId: 'host', roomId: 'studio', roomIdType: 'string', streamType: 'screen' } })
  d = applyCommand(d, { type: 'setTileProps', ids: ['t2'], props: { crop: { x: 1, y: 1, w: 100, h: 100 }, alpha: 200, placeholder: { name: 'p.png', dataRef: 'local:1' } } })
  d = applyCommand(d, { type: 'addWatermark', watermark: { kind: 'text', text: 'LIVE', fontSize: 20, fontColor: '#ffffff', backgroundColor: null, x: 10, y: 10, width: 100, height: 30 } })
  d = applyCommand(d, { type: 'setSei', sei: { passThrough: { payloadType: 5, uuid: '00112233445566778899aabbccddeeff', content: 'x', interval: 1000, followIdr: false } } })
  d = applyCommand(d, { type: 'setAudio', audio: { subscribe: [{ userId: 'host', roomId: 'studio', roomIdType: 'string' }], unsubscribe: null } })
  return d
}

const v1File = {
  format: 'trtc-desk-layout',
  version: 1,
  doc: {
    name: 'Old layout',
    canvas: { width: 1280, height: 720, background: 0xff8800 },
    tiles: [
      { id: 'a', x: 0, y: 0, width: 640, height: 720, zOrder: 2, renderMode: 2, userId: 'alice', roomId: '295066' },
      { id: 'b', x: 640, y: 0, width: 640, height: 720, userId: 'bob', roomId: 'lobby', label: 'Guest' },
      { id: 'c', x: 0, y: 0, width: 10, height: 10 },
    ],
  },
}

describe('layout file', () => {
  it('round-trips the current version', () => {
    const d = richDoc()
    const text = serialize(d)
    expect(JSON.parse(text)).toMatchObject({ format: FILE_FORMAT, version: FILE_VERSION })
    const back = parseLayoutFile(text)
    expect(back).toEqual({ ok: true, value: d })
  })

  it('migrates version 1: zOrder → z, numeric colours and render modes, flat users → bindings', () => {
    const r = parseLayoutFile(JSON.stringify(v1File))
    if (!r.ok) throw new Error(r.error.message)
    const d = r.value
    expect(d.version).toBe(2)
    expect(d.canvas).toMatchObject({ width: 1280, height: 720, preset: '1280x720', backgroundColor: '#ff8800' })
    expect(d.mode).toBe('custom')
    expect(d.tiles[0]).toMatchObject({ id: 'a', z: 2, renderMode: 'fitBlack', label: 'alice', binding: { kind: 'user', userId: 'alice', roomId: '295066', roomIdType: 'number', streamType: 'camera' } })
    expect(d.tiles[1]).toMatchObject({ z: 0, renderMode: 'crop', label: 'Guest', binding: { roomId: 'lobby', roomIdType: 'string' } })
    expect(d.tiles[2]).toMatchObject({ binding: { kind: 'slot' }, label: '' })
    expect(d.watermarks).toEqual([])
    // The migrated document saves as version 2 and reads back the same.
    expect(parseLayoutFile(serialize(d))).toEqual({ ok: true, value: d })
  })

  it('explains bad files without throwing', () => {
    const cases: [string, RegExp][] = [
      ['not json', /not valid JSON/],
      ['[1,2]', /no JSON object/],
      ['{"format":"other","version":2}', /not a TRTC Desk layout file/],
      ['{"format":"trtc-desk-layout"}', /no valid version/],
      ['{"format":"trtc-desk-layout","version":3,"doc":{}}', /version 3, made by a newer TRTC Desk/],
      ['{"format":"trtc-desk-layout","version":1,"doc":{"canvas":{"width":0,"height":5},"tiles":[]}}', /version 1 layout file is damaged: canvas\.width/],
      [JSON.stringify({ format: 'trtc-desk-layout', version: 2, doc: { ...richDoc(), tiles: [{ ...richDoc().tiles[0], renderMode: 'zoom' }] } }), /tiles\.0\.renderMode/],
      [JSON.stringify({ format: 'trtc-desk-layout', version: 2, doc: { ...richDoc(), canvas: { ...richDoc().canvas, backgroundColor: 'red' } } }), /canvas\.backgroundColor/],
      [JSON.stringify({ format: 'trtc-desk-layout', version: 2, doc: { ...richDoc(), tiles: [richDoc().tiles[0], richDoc().tiles[0]] } }), /tile id "t1" appears twice/],
    ]
    for (const [text, message] of cases) {
      const r = parseLayoutFile(text)
      expect(r.ok, text).toBe(false)
      if (!r.ok) {
        expect(r.error.code).toBe('file.invalid')
        expect(r.error.message).toMatch(message)
      }
    }
  })

  it('never throws on damaged text', () => {
    const text = serialize(richDoc())
    let seed = 12345
    const rnd = (n: number): number => {
      seed = (seed * 1103515245 + 12345) % 2147483648
      return seed % n
    }
    for (let i = 0; i < 500; i++) {
      const at = rnd(text.length)
      const damaged = i % 2 === 0 ? text.slice(0, at) : text.slice(0, at) + '"}[0,'.charAt(rnd(5)) + text.slice(at + 1)
      const r = parseLayoutFile(damaged)
      if (!r.ok) expect(r.error.code).toBe('file.invalid')
    }
  })
})
