import { describe, expect, it } from 'vitest'
import { parseSeiNal, unescapedCopy } from './nal'
import { warningText } from './seiSink'

const bytes = (...b: number[]) => Uint8Array.from(b)

function parse(codec: 'h264' | 'h265', nal: Uint8Array) {
  const warnings: string[] = []
  const messages = parseSeiNal(codec, nal.subarray(1), (key, params) => warnings.push(warningText({ key, params: { ...params, nal: 0 } })))
  return { messages, warnings }
}

describe('unescapedCopy', () => {
  it('drops the 0x03 after two zeros, and copies: the result never shares the input’s memory', () => {
    expect(Array.from(unescapedCopy(bytes(1, 0, 0, 3, 0, 0, 0, 3, 1)))).toEqual([1, 0, 0, 0, 0, 0, 1])
    expect(Array.from(unescapedCopy(bytes(0, 0, 3, 3)))).toEqual([0, 0, 3])
    const plain = bytes(1, 2, 3, 0, 0, 4)
    const copy = unescapedCopy(plain)
    expect(Array.from(copy)).toEqual(Array.from(plain))
    expect(copy.buffer).not.toBe(plain.buffer)
    const big = new Uint8Array(40_000).fill(7)
    expect(unescapedCopy(big).buffer).not.toBe(big.buffer)
  })
})

describe('parseSeiNal', () => {
  it('reads 0xFF-extended type and size', () => {
    const payload = new Array(300).fill(0x61)
    const { messages } = parse('h264', bytes(6, 0xff, 0xff, 2, 0xff, 45, ...payload, 0x80))
    expect(messages[0]?.payloadType).toBe(512)
    expect(messages[0]?.payload.length).toBe(300)
  })

  it('skips the second header byte of H.265 and reads several messages until the trailing bits', () => {
    const { messages, warnings } = parse('h265', bytes(0x4e, 0x01, 100, 1, 7, 101, 0, 0x80, 0, 0))
    expect(messages.map((m) => [m.payloadType, Array.from(m.payload)])).toEqual([
      [100, [7]],
      [101, []],
    ])
    expect(warnings).toEqual([])
  })

  it('keeps the messages before a size that runs past the NAL unit', () => {
    const { messages, warnings } = parse('h264', bytes(6, 100, 1, 9, 101, 50, 1, 2, 0x80))
    expect(messages.map((m) => m.payloadType)).toEqual([100])
    expect(warnings[0]).toContain('runs past')
  })

  it('warns about user_data_unregistered too short for its uuid', () => {
    const { messages, warnings } = parse('h264', bytes(6, 5, 3, 1, 2, 3, 0x80))
    expect(messages).toEqual([])
    expect(warnings[0]).toContain('uuid')
  })

  it('reports a cut inside the type or size', () => {
    expect(parse('h264', bytes(6, 0xff)).warnings).toEqual(['SEI message cut inside payloadType (NAL at offset 0)'])
    expect(parse('h264', bytes(6, 100, 0xff)).warnings).toEqual(['SEI message cut inside payloadSize (NAL at offset 0)'])
  })
})
