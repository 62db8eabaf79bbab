// `tsx bench/sei.ts [case]`: SEI reading against the bare read loop and ffmpeg, side by side.
// Each case writes its input to a temp file (streamed, never held). Then, three rounds, each
// contender in turn: the bare read loop (read the file into one buffer, touch nothing), our whole
// loop (`sei --count`, the built CLI: read, parse, count), ffmpeg's SEI path
// (`-bsf:v filter_units=pass_types=6`, when ffmpeg is installed), and for raw streams the scan
// floor (the read loop plus a native search for start codes: what no raw reader can beat). One
// JSON line per case: medians of the three rounds and their ratios, messages, µs per message, and
// the CLI's peak memory.
//
// Cases: 1080p-like pictures (40 KB slices, 200 KB keyframes, a volume-layout SEI on every picture)
// in H.264 and H.265, each as FLV with AAC tags (H.265: enhanced FLV), as fragmented MP4, as
// MPEG-TS with an audio PID, and as a raw Annex B stream; and the committed 64x64 FLV's tags
// repeated (SEI on every tiny picture: the cost per message rather than per byte).
import { randomFillSync } from 'node:crypto'
import { spawnSync } from 'node:child_process'
import { closeSync, mkdtempSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { buildSeiNalUnit } from '../src/shared/media/seiWriter'
import { volumeLayoutPayload } from '../src/shared/media/volumeLayout'

const GiB = 1 << 30
const gop = 50
const frameMs = 40
const fixtures = join(__dirname, '../tests/fixtures/media')

const sei264 = buildSeiNalUnit('h264', [
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

const sei265 = buildSeiNalUnit('h265', [{ payloadType: 100, payload: volumeLayoutPayload({ app_data: '', canvas: { w: 1920, h: 1080 }, regions: [{ uid: 'anchor_1', zorder: 1, volume: 45, x: 0, y: 0, w: 1920, h: 1080 }], ver: '1.0', ts: 1648544726 }) }])

/** One picture as length-prefixed NAL units: the SEI, then one slice of random bytes. */
function picture(index: number, codec: 'h264' | 'h265' = 'h264'): Uint8Array {
  const key = index === 0
  const slice = new Uint8Array(key ? 200_000 : 40_000)
  randomFillSync(slice)
  if (codec === 'h264') slice[0] = key ? 0x65 : 0x41
  else slice.set(key ? [0x26, 0x01] : [0x02, 0x01])
  const sei = codec === 'h264' ? sei264 : sei265
  const out = new Uint8Array(4 + sei.length + 4 + slice.length)
  const v = new DataView(out.buffer)
  v.setUint32(0, sei.length)
  out.set(sei, 4)
  v.setUint32(4 + sei.length, slice.length)
  out.set(slice, 8 + sei.length)
  return out
}

const pictures264 = Array.from({ length: gop }, (_, i) => picture(i))
const pictures265 = Array.from({ length: gop }, (_, i) => picture(i, 'h265'))

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

/** H.264 in classic FLV, or H.265 in enhanced FLV ('hvc1', CodedFramesX) after the enhanced fixture's SequenceStart. */
const flv1080 = (codec: 'h264' | 'h265') => (path: string): number => {
  let head: Uint8Array
  if (codec === 'h264') {
    const [sps, pps] = paramSets('h264') as [Uint8Array, Uint8Array]
    const avcC = concat([Uint8Array.of(1, sps[1]!, sps[2]!, sps[3]!, 0xff, 0xe1, sps.length >> 8, sps.length & 0xff), sps, Uint8Array.of(1, pps.length >> 8, pps.length & 0xff), pps])
    head = concat([Uint8Array.of(0x46, 0x4c, 0x56, 1, 5, 0, 0, 0, 9, 0, 0, 0, 0), flvTag(9, concat([Uint8Array.of(0x17, 0, 0, 0, 0), avcC]))])
  } else {
    const fixture = new Uint8Array(readFileSync(join(fixtures, 'h265-enhanced.flv')))
    const first = 13 + 11 + ((fixture[14]! << 16) | (fixture[15]! << 8) | fixture[16]!) + 4
    head = fixture.slice(0, first)
  }
  const tags: Uint8Array[] = []
  const times: Array<[number, number]> = [] // [offset in block, ms within the GOP]
  let at = 0
  const audio = new Uint8Array(372)
  randomFillSync(audio)
  audio[0] = 0xaf
  audio[1] = 1
  ;(codec === 'h264' ? pictures264 : pictures265).forEach((p, i) => {
    const header = codec === 'h264' ? Uint8Array.of(i === 0 ? 0x17 : 0x27, 1, 0, 0, 0) : Uint8Array.of(i === 0 ? 0x93 : 0xa3, 0x68, 0x76, 0x63, 0x31)
    const video = flvTag(9, concat([header, p]))
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

const mp4Fragmented = (codec: 'h264' | 'h265') => (path: string): number => {
  const pictures = codec === 'h264' ? pictures264 : pictures265
  const fixture = new Uint8Array(readFileSync(join(fixtures, `${codec}-frag.mp4`)))
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

/** The parameter sets of a committed Annex B fixture (H.264 SPS/PPS, H.265 VPS/SPS/PPS), so ffmpeg knows the stream. */
function paramSets(codec: 'h264' | 'h265'): Uint8Array[] {
  const bytes = new Uint8Array(readFileSync(join(fixtures, codec === 'h264' ? 'h264.h264' : 'h265.h265')))
  const starts: number[] = []
  for (let i = 0; i + 3 < bytes.length; i++) if (bytes[i] === 0 && bytes[i + 1] === 0 && bytes[i + 2] === 1) starts.push(i + 3)
  const units = starts.map((s, k) => {
    let end = k + 1 < starts.length ? starts[k + 1]! - 3 : bytes.length
    while (end > s && bytes[end - 1] === 0) end--
    return bytes.subarray(s, end)
  })
  const wanted = codec === 'h264' ? [7, 8] : [32, 33, 34]
  const type = (u: Uint8Array) => (codec === 'h264' ? u[0]! & 0x1f : (u[0]! >> 1) & 0x3f)
  return wanted.map((t) => units.find((u) => type(u) === t)!)
}

/** Annex B: (parameter sets before a keyframe,) the SEI, one slice of random bytes with emulation prevention; each after a start code. */
function annexBPicture(codec: 'h264' | 'h265', index: number): Uint8Array {
  const key = index === 0
  const raw = new Uint8Array(key ? 200_000 : 40_000)
  randomFillSync(raw)
  const slice = new Uint8Array(raw.length + (raw.length >> 7) + 8)
  const header = codec === 'h264' ? [key ? 0x65 : 0x41] : [key ? 0x26 : 0x02, 0x01]
  let o = 0
  for (const b of [0, 0, 1, ...header]) slice[o++] = b
  let zeros = 0
  for (const b of raw) {
    if (zeros >= 2 && b <= 3) {
      slice[o++] = 3
      zeros = 0
    }
    slice[o++] = b
    zeros = b === 0 ? zeros + 1 : 0
  }
  if (slice[o - 1] === 0) slice[o++] = 0x80
  const s = codec === 'h264' ? sei264 : sei265
  const params = key ? paramSets(codec).flatMap((u) => [Uint8Array.of(0, 0, 0, 1), u]) : []
  return concat([...params, Uint8Array.of(0, 0, 0, 1), s, slice.subarray(0, o)])
}


function rawAnnexB(codec: 'h264' | 'h265') {
  return (path: string): number => {
    const block = concat(Array.from({ length: gop }, (_, i) => annexBPicture(codec, i)))
    return writeFile(path, new Uint8Array(0), GiB / 2, () => block)
  }
}

/** 188-byte packets of one PID carrying `payload` from a payload_unit_start (the last one padded). */
function tsPackets(pid: number, payload: Uint8Array, cc: { n: number }): Uint8Array {
  const count = Math.ceil(payload.length / 184)
  const out = new Uint8Array(count * 188)
  for (let p = 0, at = 0; p < count; p++) {
    const o = p * 188
    const left = payload.length - at
    const take = Math.min(184, left)
    out[o] = 0x47
    out[o + 1] = (p === 0 ? 0x40 : 0) | (pid >> 8)
    out[o + 2] = pid & 0xff
    if (take === 184) {
      out[o + 3] = 0x10 | (cc.n++ & 15)
      out.set(payload.subarray(at, at + 184), o + 4)
    } else {
      // Adaptation field stuffing before the last bytes (ISO/IEC 13818-1 §2.4.3.5).
      out[o + 3] = 0x30 | (cc.n++ & 15)
      const afl = 183 - take
      out[o + 4] = afl
      if (afl > 0) {
        out[o + 5] = 0
        out.fill(0xff, o + 6, o + 5 + afl)
      }
      out.set(payload.subarray(at, at + take), o + 5 + afl)
    }
    at += take
  }
  return out
}

/** CRC_32 of PSI sections (ISO/IEC 13818-1 Annex A): polynomial 0x04C11DB7, MSB first, no final xor. */
function crc32Mpeg(bytes: Uint8Array): number {
  let crc = 0xffffffff
  for (const b of bytes) {
    crc ^= b << 24
    for (let k = 0; k < 8; k++) crc = crc & 0x80000000 ? (crc << 1) ^ 0x04c11db7 : crc << 1
  }
  return crc >>> 0
}

function mpegTs(codec: 'h264' | 'h265') {
  return (path: string): number => {
    const pat = Uint8Array.of(0, 0x00, 0xb0, 13, 0, 1, 0xc1, 0, 0, 0, 1, 0xf0, 0x00, 0, 0, 0, 0)
    const pmt = Uint8Array.of(0, 0x02, 0xb0, 23, 0, 1, 0xc1, 0, 0, 0xe1, 0x00, 0xf0, 0, codec === 'h264' ? 0x1b : 0x24, 0xe1, 0x00, 0xf0, 0, 0x0f, 0xe1, 0x01, 0xf0, 0, 0, 0, 0, 0)
    const cc = { n: 0 }
    const acc = { n: 0 }
    const audio = new Uint8Array(400)
    randomFillSync(audio)
    audio.set([0, 0, 1, 0xc0, 0, 0, 0x80, 0x80, 5, 0x21, 0, 1, 0, 1])
    const pictures = Array.from({ length: gop }, (_, i) => annexBPicture(codec, i))
    for (const section of [pat, pmt]) {
      const crc = crc32Mpeg(section.subarray(1, section.length - 4))
      new DataView(section.buffer).setUint32(section.length - 4, crc)
    }
    const head = concat([tsPackets(0, pat, { n: 0 }), tsPackets(0x1000, pmt, { n: 0 })])
    return writeFile(path, head, GiB / 2, (r) => {
      const parts: Uint8Array[] = []
      pictures.forEach((p, i) => {
        const pts = ((r * gop + i) * frameMs * 90) % 2 ** 32
        const pes = concat([Uint8Array.of(0, 0, 1, 0xe0, 0, 0, 0x80, 0x80, 5, 0x21 | ((pts >>> 29) & 0x0e), (pts >>> 22) & 0xff, ((pts >>> 14) & 0xfe) | 1, (pts >>> 7) & 0xff, ((pts << 1) & 0xfe) | 1), p])
        parts.push(tsPackets(0x100, pes, cc), tsPackets(0x101, audio, acc), tsPackets(0x101, audio, acc))
      })
      return concat(parts)
    })
  }
}

const root = join(__dirname, '..')
const cli = join(root, 'out/cli/sei.cjs')
const hasFfmpeg = spawnSync('ffmpeg', ['-version']).status === 0

/** The bare read loop in its own process: the same buffer size as the CLI's, nothing touched. */
const bareLoop = `const fs = require('fs'); const fd = fs.openSync(process.argv[1], 'r'); const b = new Uint8Array(256 << 10); const t = performance.now(); let n = 0, k
while ((k = fs.readSync(fd, b, 0, b.length, null)) > 0) n += k
console.log(JSON.stringify({ ms: performance.now() - t, bytes: n }))`

/**
 * For raw Annex B, the least any reader must do: the same read loop plus Node's native search for
 * every 00 00 01 start code in each chunk, and nothing else (no NAL headers, no SEI, no carry
 * across chunks). It bounds what ratio to the bare loop a raw reader can reach on this machine.
 */
const scanFloor = `const fs = require('fs'); const fd = fs.openSync(process.argv[1], 'r'); const b = Buffer.alloc(256 << 10); const sc = Buffer.from([0, 0, 1]); const t = performance.now(); let n = 0, k, codes = 0
while ((k = fs.readSync(fd, b, 0, b.length, null)) > 0) { const c = k === b.length ? b : b.subarray(0, k); for (let j = c.indexOf(sc); j >= 0; j = c.indexOf(sc, j + 3)) codes++; n += k }
console.log(JSON.stringify({ ms: performance.now() - t, bytes: n, codes }))`

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!

function timed(cmd: string, args: string[], mayFail = false): { wallMs: number; stdout: string; stderr: string; failed: boolean } {
  const t = performance.now()
  const r = spawnSync(cmd, args, { encoding: 'utf8', maxBuffer: 1 << 26 })
  if (r.status !== 0 && !mayFail) throw new Error(`${cmd} ${args.join(' ')} failed: ${r.stderr}`)
  return { wallMs: performance.now() - t, stdout: r.stdout, stderr: r.stderr, failed: r.status !== 0 }
}

function measure(name: string, make: (path: string) => number): void {
  const dir = mkdtempSync(join(tmpdir(), 'sei-bench-'))
  const path = join(dir, name)
  try {
    const size = make(path)
    const bare: number[] = []
    const ours: number[] = []
    const oursWall: number[] = []
    const ffmpeg: number[] = []
    const floor: number[] = []
    const raw = /\.(h264|h265)$/.test(name)
    let summary: { messages: number; container: string; codec: string; warnings: string[]; peakMemoryMB: number } | undefined
    // ffmpeg before 6.1 reads no H.265 in FLV: the case is then measured without it, and says why.
    let ffmpegFailed: string | null = hasFfmpeg ? null : 'not installed'
    for (let round = 0; round < 3; round++) {
      bare.push((JSON.parse(timed(process.execPath, ['-e', bareLoop, path]).stdout) as { ms: number }).ms)
      if (raw) floor.push((JSON.parse(timed(process.execPath, ['-e', scanFloor, path]).stdout) as { ms: number }).ms)
      const run = timed(process.execPath, [cli, '--count', path])
      summary = JSON.parse(run.stderr.trim().split('\n').pop()!)
      ours.push((summary as unknown as { durationMs: number }).durationMs)
      oursWall.push(run.wallMs)
      if (ffmpegFailed === null) {
        const f = timed('ffmpeg', ['-v', 'error', '-i', path, '-map', '0:v', '-c', 'copy', '-bsf:v', 'filter_units=pass_types=6', '-f', 'null', '-'], true)
        if (f.failed) ffmpegFailed = f.stderr.trim().split('\n')[0]!.slice(0, 160)
        else ffmpeg.push(f.wallMs)
      }
    }
    const mbps = (ms: number) => Math.round(size / 1e3 / ms)
    const line = {
      case: name,
      bytes: size,
      container: summary!.container,
      codec: summary!.codec,
      messages: summary!.messages,
      warnings: summary!.warnings.length,
      bareMBps: mbps(median(bare)),
      oursMBps: mbps(median(ours)),
      oursOverBare: +(median(bare) / median(ours)).toFixed(2),
      ...(raw ? { scanFloorMBps: mbps(median(floor)), scanFloorOverBare: +(median(bare) / median(floor)).toFixed(2) } : {}),
      usPerMessage: +((median(ours) * 1000) / summary!.messages).toFixed(2),
      peakMemoryMB: summary!.peakMemoryMB,
      ...(ffmpegFailed === null ? { ffmpegMBps: mbps(median(ffmpeg)), cliWallMBps: mbps(median(oursWall)), cliOverFfmpeg: +(median(ffmpeg) / median(oursWall)).toFixed(2) } : { ffmpeg: ffmpegFailed }),
      rounds: 3,
    }
    process.stdout.write(JSON.stringify(line) + '\n')
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}

function run(): void {
  const only = process.argv[2]
  const cases: Array<[string, (path: string) => number]> = [
    ['flv-h264-1080p.flv', flv1080('h264')],
    ['mp4-fragmented-h264-1080p.mp4', mp4Fragmented('h264')],
    ['ts-h264-1080p.ts', mpegTs('h264')],
    ['raw-h264-1080p.h264', rawAnnexB('h264')],
    ['ts-h265-1080p.ts', mpegTs('h265')],
    ['raw-h265-1080p.h265', rawAnnexB('h265')],
    ['flv-h265-1080p.flv', flv1080('h265')],
    ['mp4-fragmented-h265-1080p.mp4', mp4Fragmented('h265')],
    ['flv-h264-64x64-fixture-tags.flv', flvFixtureTags],
  ]
  spawnSync(process.execPath, [join(root, 'scripts/build-cli.mjs')], { stdio: 'inherit' })
  for (const [name, make] of cases) if (!only || name.startsWith(only)) measure(name, make)
}

run()
