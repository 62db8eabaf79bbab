// `tsx bench/sei.ts`: SEI reading throughput and memory on ≥ 1 GiB inputs. Each case writes its
// input to a temp file (streamed, never held), reads it back in 4 MiB chunks through
// createSeiReader, prints one JSON line, and deletes the file.
//
// MBps counts reading the file and parsing it, parseMBps only the time inside push(); both are
// wall time, so the cpu* figures are given too.
//
// Cases: a 1080p-like H.264 FLV (40 KB pictures, 200 KB keyframes, AAC audio tags, a volume
// layout SEI on every picture); the same pictures as a fragmented MP4 (one moof per 2 s GOP, header
// and moov from the committed fixture); and the committed 64x64 FLV's tags repeated (256 MiB), the
// worst case: nearly every byte is SEI.
import { randomFillSync } from 'node:crypto'
import { closeSync, mkdtempSync, openSync, readFileSync, readSync, rmSync, statSync, writeSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createSeiReader } from '../src/shared/media/seiReader'
import { buildSeiNalUnit } from '../src/shared/media/seiWriter'
import { volumeLayoutPayload } from '../src/shared/media/volumeLayout'

const GiB = 1 << 30
const chunkBytes = 4 << 20
const gop = 50
const frameMs = 40
const fixtures = join(__dirname, '../tests/fixtures/media')

const sei = buildSeiNalUnit('h264', [
  {
    payloadType: 100,
    payload: volumeLayoutPayload({
      app_data: '',
      canvas: { w: 1920, h: 1080 },
      regions: [
        { uid: 'anchor_1', zorder: 1, volume: 45, x: 0, y: 0, w: 960, h: 1080 },
        { uid: 'anchor_2', zorder: 1, volume: 91, x: 960, y: 0, w: 960, h: 1080 },
      ],
      ver: '1.0',
      ts: 1648544726,
    }),
  },
])

/** One picture as length-prefixed NAL units: the SEI, then one slice of random bytes. */
function picture(index: number): Uint8Array {
  const key = index === 0
  const slice = new Uint8Array(key ? 200_000 : 40_000)
  randomFillSync(slice)
  slice[0] = key ? 0x65 : 0x41
  const out = new Uint8Array(4 + sei.length + 4 + slice.length)
  const v = new DataView(out.buffer)
  v.setUint32(0, sei.length)
  out.set(sei, 4)
  v.setUint32(4 + sei.length, slice.length)
  out.set(slice, 8 + sei.length)
  return out
}

const pictures = Array.from({ length: gop }, (_, i) => picture(i))

function concat(parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0))
  let at = 0
  for (const p of parts) {
    out.set(p, at)
    at += p.length
  }
  return out
}

function flvTag(type: number, data: Uint8Array): Uint8Array {
  const out = new Uint8Array(11 + data.length + 4)
  const v = new DataView(out.buffer)
  v.setUint32(0, (type << 24) | data.length)
  out.set(data, 11)
  v.setUint32(11 + data.length, 11 + data.length)
  return out
}

function setFlvTime(block: Uint8Array, at: number, ms: number): void {
  block[at + 4] = (ms >> 16) & 0xff
  block[at + 5] = (ms >> 8) & 0xff
  block[at + 6] = ms & 0xff
  block[at + 7] = (ms >>> 24) & 0xff
}

/** Writes blocks until the file reaches `target` bytes; `next(i)` returns block i (it may reuse a buffer). */
function writeFile(path: string, head: Uint8Array, target: number, next: (i: number) => Uint8Array): number {
  const fd = openSync(path, 'w')
  try {
    writeSync(fd, head)
    let size = head.length
    for (let i = 0; size < target; i++) {
      const block = next(i)
      writeSync(fd, block)
      size += block.length
    }
    return size
  } finally {
    closeSync(fd)
  }
}

function flv1080(path: string): number {
  const avcC = Uint8Array.of(1, 0x64, 0, 0x28, 0xff, 0xe1, 0, 4, 0x67, 0x64, 0, 0x28, 1, 0, 2, 0x68, 0xee)
  const head = concat([Uint8Array.of(0x46, 0x4c, 0x56, 1, 5, 0, 0, 0, 9, 0, 0, 0, 0), flvTag(9, concat([Uint8Array.of(0x17, 0, 0, 0, 0), avcC]))])
  const tags: Uint8Array[] = []
  const times: Array<[number, number]> = [] // [offset in block, ms within the GOP]
  let at = 0
  const audio = new Uint8Array(372)
  randomFillSync(audio)
  audio[0] = 0xaf
  audio[1] = 1
  pictures.forEach((p, i) => {
    const video = flvTag(9, concat([Uint8Array.of(i === 0 ? 0x17 : 0x27, 1, 0, 0, 0), p]))
    for (const [tag, ms] of [
      [video, i * frameMs],
      [flvTag(8, audio), i * frameMs],
      [flvTag(8, audio), i * frameMs + 21],
    ] as const) {
      tags.push(tag)
      times.push([at, ms])
      at += tag.length
    }
  })
  const block = concat(tags)
  return writeFile(path, head, GiB, (r) => {
    for (const [offset, ms] of times) setFlvTime(block, offset, r * gop * frameMs + ms)
    return block
  })
}

function flvFixtureTags(path: string): number {
  const fixture = new Uint8Array(readFileSync(join(fixtures, 'h264.flv')))
  const headerEnd = 13
  // The fixture's first tags are metadata and the sequence header; the rest repeat.
  const v = new DataView(fixture.buffer, fixture.byteOffset)
  let at = headerEnd
  let bodyStart = -1
  const times: Array<[number, number]> = []
  while (at + 11 <= fixture.length) {
    const size = v.getUint32(at) & 0xffffff
    const ms = ((fixture[at + 7] as number) << 24) | (v.getUint32(at + 4) >>> 8)
    if (fixture[at] === 9 && fixture[at + 12] === 1 && bodyStart < 0) bodyStart = at
    if (bodyStart >= 0) times.push([at - bodyStart, ms])
    at += 11 + size + 4
  }
  const block = fixture.slice(bodyStart, at)
  const span = 2000
  // A quarter GiB: every 90-byte picture carries three SEI messages, so this case measures the
  // cost per message rather than per byte.
  return writeFile(path, fixture.subarray(0, bodyStart), GiB / 4, (r) => {
    for (const [offset, ms] of times) setFlvTime(block, offset, r * span + ms)
    return block
  })
}

function box(type: string, ...parts: Uint8Array[]): Uint8Array {
  const body = concat(parts)
  const out = new Uint8Array(8 + body.length)
  new DataView(out.buffer).setUint32(0, out.length)
  for (let i = 0; i < 4; i++) out[4 + i] = type.charCodeAt(i)
  out.set(body, 8)
  return out
}

function u32s(...values: number[]): Uint8Array {
  const out = new Uint8Array(4 * values.length)
  const v = new DataView(out.buffer)
  values.forEach((x, i) => v.setUint32(4 * i, x >>> 0))
  return out
}

function mp4Fragmented(path: string): number {
  const fixture = new Uint8Array(readFileSync(join(fixtures, 'h264-frag.mp4')))
  const text = new TextDecoder('latin1').decode(fixture)
  const head = fixture.subarray(0, text.indexOf('moof') - 4)
  const tkhd = text.indexOf('tkhd') + 4
  const trackId = new DataView(fixture.buffer, fixture.byteOffset).getUint32(tkhd + (fixture[tkhd] === 1 ? 20 : 12))
  const mdhd = text.indexOf('mdhd') + 4
  const timescale = new DataView(fixture.buffer, fixture.byteOffset).getUint32(mdhd + (fixture[mdhd] === 1 ? 20 : 12))
  const duration = (timescale * frameMs) / 1000
  const build = (sequence: number, baseTime: number, dataOffset: number) =>
    box(
      'moof',
      box('mfhd', u32s(0, sequence)),
      box(
        'traf',
        box('tfhd', u32s(0x020000, trackId)), // default-base-is-moof
        box('tfdt', Uint8Array.of(1, 0, 0, 0), u32s(Math.floor(baseTime / 2 ** 32), baseTime % 2 ** 32)),
        box('trun', u32s(0x000301, gop, dataOffset), ...pictures.map((p) => u32s(duration, p.length))),
      ),
    )
  const mdatSize = 8 + pictures.reduce((n, p) => n + p.length, 0)
  const moofSize = build(0, 0, 0).length
  const block = concat([build(1, 0, moofSize + 8), u32s(mdatSize), Uint8Array.of(0x6d, 0x64, 0x61, 0x74), ...pictures])
  return writeFile(path, head, GiB, (r) => {
    block.set(build(r + 1, r * gop * duration, moofSize + 8))
    return block
  })
}

function measure(name: string, make: (path: string) => number): void {
  const dir = mkdtempSync(join(tmpdir(), 'sei-bench-'))
  const path = join(dir, name)
  try {
    const size = make(path)
    const reader = createSeiReader()
    let messages = 0
    let parseMs = 0
    let parseCpuMs = 0
    const cpuStart = process.cpuUsage()
    const rssStart = process.memoryUsage().rss
    const started = performance.now()
    // One 4 MiB buffer, refilled: push() keeps no reference to a chunk once it returns.
    const buffer = new Uint8Array(chunkBytes)
    const fd = openSync(path, 'r')
    try {
      for (let n = readSync(fd, buffer, 0, chunkBytes, null); n > 0; n = readSync(fd, buffer, 0, chunkBytes, null)) {
        const t = performance.now()
        const c = process.cpuUsage()
        messages += reader.push(buffer.subarray(0, n)).length
        parseMs += performance.now() - t
        const used = process.cpuUsage(c)
        parseCpuMs += (used.user + used.system) / 1000
      }
    } finally {
      closeSync(fd)
    }
    messages += reader.end().length
    const totalMs = performance.now() - started
    const cpu = process.cpuUsage(cpuStart)
    const line = {
      case: name,
      bytes: statSync(path).size,
      container: reader.container,
      messages,
      warnings: reader.warnings.length,
      MBps: Math.round(size / 1e3 / totalMs),
      parseMBps: Math.round(size / 1e3 / parseMs),
      // On a shared machine wall time includes waiting for a core; CPU time does not.
      cpuMBps: Math.round(size / 1e3 / ((cpu.user + cpu.system) / 1000)),
      parseCpuMBps: Math.round(size / 1e3 / parseCpuMs),
      rssStartMB: Math.round(rssStart / 2 ** 20),
      rssEndMB: Math.round(process.memoryUsage().rss / 2 ** 20),
      maxRssMB: Math.round(process.resourceUsage().maxRSS / 1024),
    }
    process.stdout.write(JSON.stringify(line) + '\n')
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}

function run(): void {
  const only = process.argv[2]
  const cases: Array<[string, (path: string) => number]> = [
    ['flv-h264-1080p.flv', flv1080],
    ['mp4-fragmented-h264-1080p.mp4', mp4Fragmented],
    ['flv-h264-64x64-fixture-tags.flv', flvFixtureTags],
  ]
  for (const [name, make] of cases) if (!only || name.startsWith(only)) measure(name, make)
}

run()
