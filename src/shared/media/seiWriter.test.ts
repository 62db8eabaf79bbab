import { describe, expect, it } from 'vitest'
import { buildSeiNalUnit, volumeLayoutPayload } from './seiWriter'
import { decodeVolumeLayout } from './volumeLayout'

const hex = (b: Uint8Array): string => Buffer.from(b).toString('hex')

describe('buildSeiNalUnit', () => {
  it('writes an H.264 type-100 SEI with header, size and trailing bits', () => {
    const nal = buildSeiNalUnit('h264', [{ payloadType: 100, payload: Uint8Array.of(0x41, 0x42) }])
    expect(hex(nal)).toBe('06' + '64' + '02' + '4142' + '80')
  })

  it('writes the H.265 prefix SEI two-byte header', () => {
    const nal = buildSeiNalUnit('h265', [{ payloadType: 100, payload: Uint8Array.of(0x41) }])
    expect(hex(nal)).toBe('4e01' + '64' + '01' + '41' + '80')
  })

  it('codes type and size ≥ 255 with 0xFF extension bytes', () => {
    const payload = new Uint8Array(300).fill(0x61)
    const nal = buildSeiNalUnit('h264', [{ payloadType: 300, payload }])
    // 300 = 255 + 45 for both the type and the size.
    expect(hex(nal.subarray(0, 5))).toBe('06ff2dff2d')
    expect(nal.length).toBe(1 + 2 + 2 + 300 + 1)
    expect(nal[nal.length - 1]).toBe(0x80)
  })

  it('prepends the UUID for type 5 and counts it in the size', () => {
    const uuid = Uint8Array.from({ length: 16 }, (_, i) => 0x10 + i)
    const nal = buildSeiNalUnit('h264', [{ payloadType: 5, uuid, payload: Uint8Array.of(0x7a) }])
    expect(hex(nal)).toBe('06' + '05' + '11' + hex(uuid) + '7a' + '80')
  })

  it('inserts emulation-prevention bytes after two zeros before 00..03', () => {
    const payload = Uint8Array.of(0, 0, 0, 0, 0, 1, 0, 0, 2, 0, 0, 3, 0, 0, 4)
    const nal = buildSeiNalUnit('h264', [{ payloadType: 100, payload }])
    expect(hex(nal)).toBe('06640f' + '000003' + '00000300' + '01' + '000003' + '02' + '000003' + '03' + '000004' + '80')
  })

  it('writes several messages in one NAL unit', () => {
    const nal = buildSeiNalUnit('h264', [
      { payloadType: 100, payload: Uint8Array.of(1) },
      { payloadType: 101, payload: Uint8Array.of(2, 3) },
    ])
    expect(hex(nal)).toBe('06' + '640101' + '65020203' + '80')
  })

  it('rejects a UUID that is not 16 bytes', () => {
    expect(() => buildSeiNalUnit('h264', [{ payloadType: 5, uuid: new Uint8Array(3), payload: new Uint8Array(0) }])).toThrow(RangeError)
  })
})

describe('volume layout', () => {
  const sample = {
    app_data: '',
    canvas: { w: 1080, h: 960 },
    regions: [
      { uid: '65949987242835883c', zorder: 2, volume: 45, x: 270, y: 480, w: 540, h: 480 },
      { uid: '659c9d8d242b328d31', zorder: 2, volume: 0, x: 0, y: 0, w: 540, h: 480 },
      { uid: '64989a82272b308c', zorder: 2, volume: 91, x: 540, y: 0, w: 540, h: 480 },
    ],
    ver: '1.0',
    ts: 1648544726,
  }

  it('round-trips the documented example (003_530a54cf0f8c0df7.txt L2222)', () => {
    const text = new TextDecoder().decode(volumeLayoutPayload(sample))
    expect(decodeVolumeLayout(text)).toEqual({ layout: sample, warnings: [] })
  })

  it('ignores extra fields', () => {
    const r = decodeVolumeLayout(JSON.stringify({ ...sample, extra: 1, regions: [{ ...sample.regions[0], more: 'x' }] }))
    expect(r.layout?.regions[0]).toEqual(sample.regions[0])
  })

  it('rejects wrong types and out-of-range volume', () => {
    expect(decodeVolumeLayout(JSON.stringify({ ...sample, regions: [{ ...sample.regions[0], uid: 7 }] })).layout).toBeUndefined()
    expect(decodeVolumeLayout(JSON.stringify({ ...sample, regions: [{ ...sample.regions[0], volume: 101 }] })).layout).toBeUndefined()
    expect(decodeVolumeLayout(JSON.stringify({ ...sample, canvas: { w: '1080', h: 960 } })).layout).toBeUndefined()
    expect(decodeVolumeLayout('{"canvas":{"w":1e999,"h":1},"regions":[],"ts":1}').layout).toBeUndefined()
    expect(decodeVolumeLayout('not json').warnings).toEqual(['volume layout: not JSON'])
  })

  it('warns about regions outside the canvas but keeps them', () => {
    const r = decodeVolumeLayout(JSON.stringify({ ...sample, regions: [{ ...sample.regions[0], x: 1000 }] }))
    expect(r.layout?.regions).toHaveLength(1)
    expect(r.warnings[0]).toMatch(/outside the 1080x960 canvas/)
  })
})
