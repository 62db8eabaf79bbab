import { describe, expect, it } from 'vitest'
import { buildSeiNalUnit } from './seiWriter'

const bytes = (...b: number[]) => Uint8Array.from(b)

describe('buildSeiNalUnit', () => {
  it('writes an H.264 SEI NAL with type, size and trailing bits', () => {
    expect(buildSeiNalUnit('h264', [{ payloadType: 100, payload: bytes(0x41, 0x42) }])).toEqual(bytes(0x06, 100, 2, 0x41, 0x42, 0x80))
  })

  it('writes the two-byte H.265 prefix SEI header', () => {
    expect(buildSeiNalUnit('h265', [{ payloadType: 100, payload: bytes(0x41) }])).toEqual(bytes(0x4e, 0x01, 100, 1, 0x41, 0x80))
  })

  it('codes type and size of 255 and more with 0xFF extension bytes', () => {
    const nal = buildSeiNalUnit('h264', [{ payloadType: 300, payload: new Uint8Array(600).fill(0x61) }])
    expect(Array.from(nal.subarray(0, 6))).toEqual([0x06, 0xff, 45, 0xff, 0xff, 90])
    expect(nal.length).toBe(1 + 2 + 3 + 600 + 1)
    expect(nal[nal.length - 1]).toBe(0x80)
  })

  it('prepends the uuid for user_data_unregistered and counts it in the size', () => {
    const uuid = Uint8Array.from({ length: 16 }, (_, i) => 0x10 + i)
    const nal = buildSeiNalUnit('h264', [{ payloadType: 5, payload: bytes(0x68, 0x69), uuid }])
    expect(Array.from(nal)).toEqual([0x06, 5, 18, ...uuid, 0x68, 0x69, 0x80])
  })

  it('inserts emulation-prevention bytes after two zeros before a byte up to 3', () => {
    const nal = buildSeiNalUnit('h264', [{ payloadType: 100, payload: bytes(0, 0, 0, 0, 0, 1, 0, 0, 2, 0, 0, 3, 0, 0, 4) }])
    expect(Array.from(nal)).toEqual([0x06, 100, 15, 0, 0, 3, 0, 0, 3, 0, 1, 0, 0, 3, 2, 0, 0, 3, 3, 0, 0, 4, 0x80])
  })

  it('puts several messages in one NAL', () => {
    const nal = buildSeiNalUnit('h265', [
      { payloadType: 100, payload: bytes(1) },
      { payloadType: 200, payload: bytes(2, 3) },
    ])
    expect(Array.from(nal)).toEqual([0x4e, 0x01, 100, 1, 1, 200, 2, 2, 3, 0x80])
  })
})
