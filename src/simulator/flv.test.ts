import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import { avcFrameTag, avcSequenceHeaderTag, flvHeader, parseClip, splitAnnexB } from './flv'

describe('Annex B splitting', () => {
  it('splits on 3- and 4-byte start codes and drops the trailing zero of a 4-byte code', () => {
    const data = Uint8Array.of(0, 0, 0, 1, 0x67, 1, 2, 0, 0, 1, 0x68, 3, 0, 0, 0, 1, 0x65, 4, 5)
    expect(splitAnnexB(data).map((n) => Array.from(n))).toEqual([
      [0x67, 1, 2],
      [0x68, 3],
      [0x65, 4, 5],
    ])
    expect(splitAnnexB(Uint8Array.of(1, 2, 3))).toEqual([])
  })

  it('reads the fixture clip: SPS, PPS and 30 frames with an IDR each second', () => {
    const clip = parseClip(readFileSync(resolve(__dirname, '../../tests/fixtures/sim/clip.h264')))
    expect(clip).not.toBeNull()
    expect(clip!.sps[0]! & 0x1f).toBe(7)
    expect(clip!.sps[1]).toBe(66) // Baseline profile_idc
    expect(clip!.frames).toHaveLength(30)
    expect(clip!.frames.map((f, i) => (f.keyframe ? i : -1)).filter((i) => i >= 0)).toEqual([0, 15])
    expect(parseClip(Uint8Array.of(0, 0, 1, 0x65, 1))).toBeNull()
  })
})

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
