// Hostile MP4 inputs: sample tables and track runs that claim far more than their bytes hold. Each
// must parse in well under 100 ms and a few MB, whatever it declares: the work is bounded by the
// input's size, not by the counts written in it.
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { createSeiReader } from './seiReader'
import { warningText } from './seiSink'

const fixtures = join(__dirname, '../../../tests/fixtures/media')
const load = (name: string): Uint8Array => new Uint8Array(readFileSync(join(fixtures, name)))

/** Offset of the first box of this type (its size field), searching from `from`. */
function boxAt(b: Uint8Array, type: string, from = 0): number {
  const t = [...type].map((c) => c.charCodeAt(0))
  for (let i = from + 4; i + 4 <= b.length; i++) if (b[i] === t[0] && b[i + 1] === t[1] && b[i + 2] === t[2] && b[i + 3] === t[3]) return i - 4
  throw new Error(`no ${type}`)
}
const setU32 = (b: Uint8Array, at: number, v: number) => new DataView(b.buffer, b.byteOffset).setUint32(at, v >>> 0)
const getU32 = (b: Uint8Array, at: number) => new DataView(b.buffer, b.byteOffset).getUint32(at)

/** Parses `data` in one push; the wall time and the growth of memory it caused. */
function cost(data: Uint8Array): { ms: number; mb: number; warnings: string[] } {
  globalThis.gc?.()
  const before = process.memoryUsage()
  const t0 = performance.now()
  const reader = createSeiReader({ container: 'mp4' })
  reader.push(data)
  reader.end()
  const ms = performance.now() - t0
  const after = process.memoryUsage()
  const mb = (after.heapUsed + after.arrayBuffers - before.heapUsed - before.arrayBuffers) / 1048576
  return { ms, mb, warnings: reader.warnings.map(warningText) }
}

function hostileMoov(): Uint8Array {
  const b = load('h264-faststart.mp4').slice()
  // stsz: every sample 100 bytes, and 4 294 967 295 of them (a 20-byte box).
  const stsz = boxAt(b, 'stsz')
  setU32(b, stsz + 12, 100)
  setU32(b, stsz + 16, 0xffffffff)
  // stsc: every chunk holds 4 294 967 295 samples.
  const stsc = boxAt(b, 'stsc')
  setU32(b, stsc + 20, 0xffffffff)
  // stco: the chunks out of order (reversed).
  const stco = boxAt(b, 'stco')
  const n = getU32(b, stco + 12)
  const offsets = Array.from({ length: n }, (_, i) => getU32(b, stco + 16 + 4 * i)).reverse()
  offsets.forEach((o, i) => setU32(b, stco + 16 + 4 * i, o))
  return b
}

function hostileMoof(): Uint8Array {
  const b = load('h264-frag.mp4').slice()
  // Every trun claims 4 294 967 295 samples, with no per-sample fields (all from the defaults).
  for (let at = boxAt(b, 'trun'); ; ) {
    setU32(b, at + 8, getU32(b, at + 8) & 0xff000001)
    setU32(b, at + 12, 0xffffffff)
    try {
      at = boxAt(b, 'trun', at + 8)
    } catch {
      break
    }
  }
  return b
}

/** A 1.7 KB moof of 140 field-less truns, each claiming 2^32 samples, put in before the file's first moof. */
function manyRuns(): Uint8Array {
  const file = load('h264-frag.mp4')
  const trackId = getU32(file, boxAt(file, 'tfhd') + 12)
  const box = (type: string, ...parts: Uint8Array[]): Uint8Array => {
    const size = 8 + parts.reduce((n, p) => n + p.length, 0)
    const out = new Uint8Array(size)
    setU32(out, 0, size)
    out.set([...type].map((c) => c.charCodeAt(0)), 4)
    let at = 8
    for (const p of parts) {
      out.set(p, at)
      at += p.length
    }
    return out
  }
  const words = (...v: number[]) => {
    const out = new Uint8Array(4 * v.length)
    v.forEach((x, i) => setU32(out, 4 * i, x))
    return out
  }
  const truns = Array.from({ length: 140 }, () => box('trun', words(0, 0xffffffff)))
  const moof = box('moof', box('mfhd', words(0, 1)), box('traf', box('tfhd', words(0x020010, trackId, 100)), ...truns))
  const first = boxAt(file, 'moof')
  const out = new Uint8Array(file.length + moof.length)
  out.set(file.subarray(0, first))
  out.set(moof, first)
  out.set(file.subarray(first), first + moof.length)
  return out
}

/** Every chunk offset of the video track the same: its 20 chunks overlap each other. */
function overlappingChunks(): Uint8Array {
  const b = load('h264-audio.mp4').slice()
  const stco = boxAt(b, 'stco')
  const n = getU32(b, stco + 12)
  const first = getU32(b, stco + 16)
  for (let i = 0; i < n; i++) setU32(b, stco + 16 + 4 * i, first)
  return b
}

/** stsc and stts claiming 2^32 - 1 entries in boxes of a few bytes. */
function hugeEntryCounts(): Uint8Array {
  const b = load('h264-faststart.mp4').slice()
  for (const type of ['stsc', 'stts', 'stco']) setU32(b, boxAt(b, type) + 12, 0xffffffff)
  return b
}

/** Boxes of size 0 (to the end) and 1 with a 64-bit size of 2^63 inside moov. */
function zeroSizes(): Uint8Array {
  const b = load('h264-faststart.mp4').slice()
  setU32(b, boxAt(b, 'mdia'), 0)
  setU32(b, boxAt(b, 'stsd'), 1)
  return b
}

/** 20,000 trak boxes nested in each other (160 KB), then the file. */
function deepNesting(): Uint8Array {
  const depth = 20_000
  const file = load('h264-faststart.mp4')
  const out = new Uint8Array(8 + depth * 8 + file.length)
  setU32(out, 0, 8 + depth * 8)
  out.set([...'moov'].map((c) => c.charCodeAt(0)), 4)
  for (let i = 0; i < depth; i++) {
    setU32(out, 8 + i * 8, (depth - i) * 8)
    out.set([...'trak'].map((c) => c.charCodeAt(0)), 12 + i * 8)
  }
  out.set(file, 8 + depth * 8)
  return out
}

describe('hostile MP4', () => {
  for (const [name, make] of [
    ['a moov claiming 2^32 samples of one size, 2^32 per chunk, chunks out of order', hostileMoov],
    ['moofs whose truns claim 2^32 samples each', hostileMoof],
    ['a 1.7 KB moof of 140 truns claiming 2^32 samples each', manyRuns],
    ['chunk offsets that all overlap', overlappingChunks],
    ['sample-table boxes claiming 2^32 entries', hugeEntryCounts],
    ['boxes of size 0 and of a 64-bit size of 2^63', zeroSizes],
    ['20,000 boxes nested in each other', deepNesting],
  ] as const) {
    it(`${name}: < 100 ms and < 20 MB, with a warning`, () => {
      const data = make()
      cost(data) // warm the code paths
      const c = cost(data)
      expect(c.ms).toBeLessThan(100)
      expect(c.mb).toBeLessThan(20)
      expect(c.warnings.length).toBeGreaterThan(0)
    })
  }
})
