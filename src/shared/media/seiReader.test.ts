import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { createSeiReader, type SeiContainer, type SeiMessage, sniffContainer } from './seiReader'
import { buildSeiNalUnit } from './seiWriter'
import { decodeVolumeLayout } from './volumeLayout'
import { warningText } from './seiSink'

const fixtures = join(__dirname, '../../../tests/fixtures/media')
const load = (name: string): Uint8Array => new Uint8Array(readFileSync(join(fixtures, name)))
const fixtureUuid = '7472746364657368736569746573740a'
const text = (b: Uint8Array): string => new TextDecoder().decode(b)

function readAll(data: Uint8Array, chunks: number[] = [data.length], container?: SeiContainer) {
  const reader = createSeiReader(container ? { container } : {})
  const out: SeiMessage[] = []
  let at = 0
  for (const size of chunks) {
    out.push(...reader.push(data.subarray(at, at + size)))
    at += size
  }
  if (at < data.length) out.push(...reader.push(data.subarray(at)))
  out.push(...reader.end())
  return { messages: out, reader }
}

const cases: Array<{ file: string; container: SeiContainer; codec: 'h264' | 'h265'; startMs: number; frameMs: number }> = [
  { file: 'h264.flv', container: 'flv', codec: 'h264', startMs: 0, frameMs: 100 },
  // With audio, ffmpeg delays video by the AAC priming (1024 samples at 16 kHz), as ffprobe shows.
  { file: 'h264-audio.flv', container: 'flv', codec: 'h264', startMs: 64, frameMs: 100 },
  { file: 'h264-audio.mp4', container: 'mp4', codec: 'h264', startMs: 0, frameMs: 100 },
  { file: 'h264-audio.mpegts', container: 'ts', codec: 'h264', startMs: 1464, frameMs: 100 },
  { file: 'h265.flv', container: 'flv', codec: 'h265', startMs: 0, frameMs: 100 },
  { file: 'h265-enhanced.flv', container: 'flv', codec: 'h265', startMs: 0, frameMs: 100 },
  { file: 'h264.mp4', container: 'mp4', codec: 'h264', startMs: 0, frameMs: 100 },
  { file: 'h264-faststart.mp4', container: 'mp4', codec: 'h264', startMs: 0, frameMs: 100 },
  { file: 'h264-frag.mp4', container: 'mp4', codec: 'h264', startMs: 0, frameMs: 100 },
  { file: 'h265.mp4', container: 'mp4', codec: 'h265', startMs: 0, frameMs: 100 },
  { file: 'h265-frag.mp4', container: 'mp4', codec: 'h265', startMs: 0, frameMs: 100 },
  // ffmpeg's MPEG-TS muxer starts the clock at 1.4 s (its default muxdelay + preload).
  { file: 'h264.mpegts', container: 'ts', codec: 'h264', startMs: 1400, frameMs: 100 },
  { file: 'h265.mpegts', container: 'ts', codec: 'h265', startMs: 1400, frameMs: 100 },
  // Raw streams have no clock: pictures are counted at the default 25 fps.
  { file: 'h264.h264', container: 'h264', codec: 'h264', startMs: 0, frameMs: 40 },
  { file: 'h265.h265', container: 'h265', codec: 'h265', startMs: 0, frameMs: 40 },
]

describe.each(cases)('$file', ({ file, container, codec, startMs, frameMs }) => {
  const data = load(file)
  const { messages, reader } = readAll(data)

  it('sniffs the container and codec without warnings worth a second look', () => {
    expect(reader.container).toBe(container)
    expect(reader.codec).toBe(codec)
    expect(reader.warnings.filter((w) => w.key !== 'warn.mp4.mdatFirst')).toEqual([])
  })

  it('reads the volume layout of every picture at its presentation time', () => {
    const layouts = messages.filter((m) => m.payloadType === 100)
    expect(layouts).toHaveLength(20)
    layouts.forEach((m, i) => {
      const { layout, warnings } = decodeVolumeLayout(text(m.payload))
      expect(warnings).toEqual([])
      expect(layout?.ts).toBe(i)
      expect(layout?.app_data).toBe(`frame ${i}`)
      expect(layout?.regions[0]).toEqual({ uid: 'alice', zorder: 1, volume: (i * 7) % 101, x: 0, y: 0, w: 32, h: 64 })
      expect(m.ptsMs).toBeCloseTo(startMs + i * frameMs, 6)
      expect(m.codec).toBe(codec)
    })
  })

  it('reads user_data_unregistered with its uuid, and several messages from one NAL unit', () => {
    const ours = messages.filter((m) => m.payloadType === 5 && m.uuid === fixtureUuid && text(m.payload).startsWith('picture'))
    expect(ours.map((m) => text(m.payload))).toEqual(Array.from({ length: 20 }, (_, i) => `picture ${i}`))
    const layouts = messages.filter((m) => m.payloadType === 100)
    ours.forEach((m, i) => {
      expect(m.offset).toBe(layouts[i]?.offset)
      expect(m.ptsMs).toBe(layouts[i]?.ptsMs)
    })
  })

  it('removes emulation-prevention bytes from payloads', () => {
    const binary = messages.filter((m) => m.payloadType === 200)
    expect(binary).toHaveLength(20)
    binary.forEach((m, i) => expect(Array.from(m.payload)).toEqual([0, 0, 0, 0, 0, 1, 0, 0, 2, 0, 0, 3, i, 0, 0]))
  })

  it('gives offsets that point at the SEI NAL header in the input', () => {
    for (const m of messages) {
      expect(m.offset).toBeGreaterThan(0)
      expect(m.offset).toBeLessThan(data.length)
      const b = data[m.offset] as number
      if (codec === 'h264') expect(b & 0x1f).toBe(6)
      else expect((b >> 1) & 0x3f).toBe(39)
    }
  })

  it('returns the same messages whatever the chunk sizes', () => {
    const sizes = [1, 2, 3, 5, 7, 11, 13, 188, 1000]
    const chunks: number[] = []
    for (let n = 0, k = 0; n < data.length; k++) {
      const s = sizes[k % sizes.length] as number
      chunks.push(s)
      n += s
    }
    expect(readAll(data, chunks).messages).toEqual(messages)
  })

  it('returns the messages before the cut of a truncated file, without throwing', () => {
    // Where each SEI NAL unit ends, bounded from its messages (headers, uuid, escapes, trailing bits).
    const nalEnd = new Map<number, number>()
    for (const m of messages) nalEnd.set(m.offset, (nalEnd.get(m.offset) ?? m.offset + 16) + m.payload.length + (m.uuid ? 16 : 0) + 8)
    // A TS packet is only read whole, and the unit may end in the packet after the cut.
    const slack = container === 'ts' ? 2 * 188 : 0
    const step = Math.max(1, Math.floor(data.length / 97))
    for (let cut = 0; cut < data.length; cut += step) {
      const part = readAll(data.subarray(0, cut), [Math.floor(cut / 2)])
      expect(part.messages).toEqual(messages.slice(0, part.messages.length))
      if (container !== 'mp4' || file.includes('frag') || file.includes('faststart')) {
        // Everything wholly before the cut is found (the SEI NAL needs its trailing bytes too).
        const complete = messages.filter((m) => (nalEnd.get(m.offset) ?? 0) + slack < cut)
        expect(part.messages.length).toBeGreaterThanOrEqual(complete.length)
      }
    }
  })
})

describe('MP4 with moov after mdat and interleaved audio', () => {
  const data = load('h264-audio-moovlast.mp4')

  it('cannot follow the samples from the stream alone, and says how to fix it', () => {
    const { messages, reader } = readAll(data)
    expect(messages).toEqual([])
    expect(warningText(reader.warnings[0]!)).toContain('faststart')
  })

  it('reads every message at its time when the caller passes the moov box in', () => {
    const latin1 = new TextDecoder('latin1').decode(data)
    const at = latin1.lastIndexOf('moov') - 4
    const size = new DataView(data.buffer, data.byteOffset).getUint32(at)
    const reader = createSeiReader({ mp4Moov: data.subarray(at + 8, at + size) })
    const messages = [...reader.push(data), ...reader.end()]
    expect(reader.warnings).toEqual([])
    const layouts = messages.filter((m) => m.payloadType === 100)
    expect(layouts.map((m) => m.ptsMs)).toEqual(Array.from({ length: 20 }, (_, i) => i * 100))
    expect(layouts.map((m) => decodeVolumeLayout(text(m.payload)).layout?.ts)).toEqual(Array.from({ length: 20 }, (_, i) => i))
  })
})

describe('composition times', () => {
  it('places SEI of an MP4 with B-frames at the presentation time of their pictures (ctts, elst)', () => {
    const { messages } = readAll(load('h264-bframes.mp4'))
    const idr = messages.filter((m) => m.uuid === fixtureUuid)
    expect(idr.map((m) => m.ptsMs)).toEqual([0, 1000])
    // h264_metadata writes the string with its terminating NUL.
    expect(idr.map((m) => text(m.payload))).toEqual(['ffmpeg h264_metadata\0', 'ffmpeg h264_metadata\0'])
  })
})

describe('sniffContainer', () => {
  it('recognises each container by its first bytes', () => {
    expect(sniffContainer(load('h264.flv'), false)).toBe('flv')
    expect(sniffContainer(load('h264.mp4'), false)).toBe('mp4')
    expect(sniffContainer(load('h264.mpegts'), false)).toBe('ts')
    expect(sniffContainer(load('h264.h264'), false)).toBe('h264')
    expect(sniffContainer(load('h265.h265'), false)).toBe('h265')
  })

  it('rejects text and empty input with a warning', () => {
    const notMedia = readAll(new TextEncoder().encode('<html><body>Not found</body></html>'.repeat(20)))
    expect(notMedia.messages).toEqual([])
    expect(notMedia.reader.container).toBeUndefined()
    expect(notMedia.reader.warnings.map(warningText)).toEqual(['input is not FLV, MP4, MPEG-TS or an H.264/H.265 Annex B stream'])
    const empty = readAll(new Uint8Array(0))
    expect(empty.reader.warnings.map(warningText)).toEqual(['input is empty'])
  })
})

describe('FLV details', () => {
  const tag = (type: number, ms: number, body: number[]): number[] => {
    const size = body.length
    const total = 11 + size
    return [type, size >> 16, (size >> 8) & 0xff, size & 0xff, (ms >> 16) & 0xff, (ms >> 8) & 0xff, ms & 0xff, ms >>> 24, 0, 0, 0, ...body, 0, 0, total >> 8, total & 0xff]
  }
  const header = [0x46, 0x4c, 0x56, 1, 1, 0, 0, 0, 9, 0, 0, 0, 0]

  it('honours a 2-byte NAL length from the AVC sequence header, composition time and extended timestamps', () => {
    const sei = Array.from(buildSeiNalUnit('h264', [{ payloadType: 100, payload: new TextEncoder().encode('hi') }]))
    const config = [1, 0x42, 0, 0x1e, 0xfd, 0xe0, 0] // lengthSizeMinusOne = 1
    const frame = [0x17, 1, 0, 0, 40, 0, sei.length, ...sei, 0, 2, 0x65, 0x88]
    const ms = 0x01000010 // needs TimestampExtended
    const data = Uint8Array.from([...header, ...tag(9, 0, [0x17, 0, 0, 0, 0, ...config]), ...tag(8, 0, [0xaf, 1, 2, 3]), ...tag(9, ms, frame)])
    const { messages, reader } = readAll(data)
    expect(reader.warnings).toEqual([])
    expect(messages).toHaveLength(1)
    expect(messages[0]).toMatchObject({ ptsMs: ms + 40, payloadType: 100, codec: 'h264' })
    expect(text(messages[0]?.payload ?? new Uint8Array())).toBe('hi')
  })

  it('warns about a NAL length that runs past its tag and keeps going', () => {
    const sei = Array.from(buildSeiNalUnit('h264', [{ payloadType: 101, payload: Uint8Array.of(9) }]))
    const bad = [0x27, 1, 0, 0, 0, 0, 0, 0, 99, 0x41]
    const good = [0x27, 1, 0, 0, 0, 0, 0, 0, sei.length, ...sei]
    const { messages, reader } = readAll(Uint8Array.from([...header, ...tag(9, 0, bad), ...tag(9, 33, good)]))
    expect(messages.map((m) => [m.ptsMs, m.payloadType])).toEqual([[33, 101]])
    expect(reader.warnings.some((w) => w.key === 'warn.nals.pastSample')).toBe(true)
  })
})

describe('MPEG-TS packet sizes', () => {
  // The 188-byte fixture rewritten as M2TS (a 4-byte timecode before each packet) and as 204-byte
  // packets (16 parity bytes after each): the same messages, each at its packet's new offset.
  const ts = load('h264.mpegts')
  const rewrite = (lead: Uint8Array, trail: Uint8Array) => {
    const out = new Uint8Array((ts.length / 188) * (188 + lead.length + trail.length))
    for (let p = 0, o = 0; p < ts.length; p += 188) {
      out.set(lead, o)
      out.set(ts.subarray(p, p + 188), o + lead.length)
      out.set(trail, o + lead.length + 188)
      o += 188 + lead.length + trail.length
    }
    return out
  }
  const plain = readAll(ts).messages
  for (const [name, lead, trail] of [
    ['192 (M2TS)', Uint8Array.of(0x47, 0, 0x47, 0), new Uint8Array(0)],
    ['204', new Uint8Array(0), new Uint8Array(16).fill(0xa5)],
  ] as const) {
    it(`reads ${name}-byte packets, whole and a byte at a time`, () => {
      const data = rewrite(lead, trail)
      expect(sniffContainer(data.subarray(0, 380), false)).toBe('ts')
      const stride = 188 + lead.length + trail.length
      const whole = readAll(data)
      expect(whole.reader.warnings).toEqual([])
      expect(whole.messages.map((m) => [m.ptsMs, m.payloadType, text(m.payload)])).toEqual(plain.map((m) => [m.ptsMs, m.payloadType, text(m.payload)]))
      expect(whole.messages.map((m) => m.offset)).toEqual(plain.map((m) => Math.floor(m.offset / 188) * stride + lead.length + (m.offset % 188)))
      const bytewise = readAll(data, Array(data.length).fill(1))
      expect(bytewise.messages).toEqual(whole.messages)
    })
  }
  it('skips what breaks sync and says where it was regained', () => {
    const data = new Uint8Array(ts.length + 7)
    data.set(ts.subarray(0, 188 * 5))
    data.set([1, 2, 3, 4, 5, 6, 7], 188 * 5)
    data.set(ts.subarray(188 * 5), 188 * 5 + 7)
    for (const chunks of [[data.length], Array(data.length).fill(1)]) {
      const { reader } = readAll(data, chunks)
      expect(reader.warnings.map(warningText)).toEqual([`MPEG-TS sync lost at offset ${188 * 5}, regained at ${188 * 5 + 7}`])
    }
  })
})
