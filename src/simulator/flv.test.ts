import { describe, expect, it } from 'vitest'
import { avcFrameTag, avcSequenceHeaderTag, flvHeader } from './flv'

describe('FLV tags', () => {
  it('writes the header and a sequence header with the AVCDecoderConfigurationRecord', () => {
    expect(Array.from(flvHeader())).toEqual([0x46, 0x4c, 0x56, 1, 1, 0, 0, 0, 9, 0, 0, 0, 0])
    const sps = Uint8Array.of(0x67, 66, 0xc0, 30, 0xaa)
    const pps = Uint8Array.of(0x68, 0xce)
    const tag = avcSequenceHeaderTag(sps, pps)
    const dataSize = 5 + 11 + sps.length + pps.length
    expect(Array.from(tag.subarray(0, 11))).toEqual([9, 0, 0, dataSize, 0, 0, 0, 0, 0, 0, 0])
    expect(Array.from(tag.subarray(11, 11 + dataSize))).toEqual([0x17, 0, 0, 0, 0, 1, 66, 0xc0, 30, 0xff, 0xe1, 0, 5, ...sps, 1, 0, 2, ...pps])
    expect(new DataView(tag.buffer).getUint32(tag.length - 4)).toBe(11 + dataSize)
  })

  it('writes length-prefixed NAL units with the extended timestamp byte', () => {
    const tag = avcFrameTag([Uint8Array.of(0x41, 9), Uint8Array.of(0x06, 1)], false, 0x01020304)
    expect(Array.from(tag.subarray(4, 8))).toEqual([0x02, 0x03, 0x04, 0x01])
    expect(Array.from(tag.subarray(11, 11 + 17))).toEqual([0x27, 1, 0, 0, 0, 0, 0, 0, 2, 0x41, 9, 0, 0, 0, 2, 0x06, 1])
  })
})
