import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { createSeiReader, type SeiContainer } from './seiReader'
import { mulberry32 } from '../testing/rng'
import { warningText } from './seiSink'

const fixtures = join(__dirname, '../../../tests/fixtures/media')
const corpus = readdirSync(fixtures)
  .filter((f) => /\.(flv|mp4|mpegts|h264|h265)$/.test(f))
  .map((f) => new Uint8Array(readFileSync(join(fixtures, f))))

const iterations = 100_000
const seed = Number(process.env.SEI_FUZZ_SEED ?? 0x5e1f00d)


function mutate(src: Uint8Array, rnd: () => number): Uint8Array {
  const int = (n: number) => Math.floor(rnd() * n)
  let data = src.slice()
  const edits = 1 + int(4)
  for (let e = 0; e < edits; e++) {
    // Most structure lives near the start (headers, moov, PAT/PMT), so edits favour it.
    const at = rnd() < 0.6 ? int(Math.min(data.length, 2048) || 1) : int(data.length || 1)
    switch (int(6)) {
      case 0: {
        for (let k = 1 + int(8); k > 0 && data.length > 0; k--) {
          const i = int(data.length)
          data[i] = (data[i] as number) ^ (1 << int(8))
        }
        break
      }
      case 1:
        data = data.slice(0, int(data.length + 1))
        break
      case 2: {
        const insert = Uint8Array.from({ length: 1 + int(64) }, () => int(256))
        const out = new Uint8Array(data.length + insert.length)
        out.set(data.subarray(0, at))
        out.set(insert, at)
        out.set(data.subarray(at), at + insert.length)
        data = out
        break
      }
      case 3: {
        // A random length or size field: small, huge, or just past the end.
        const v = [0, 1, 0xff, 0xffff, 0xffffff, 0xffffffff, data.length - at, int(0x100000)][int(8)] as number
        for (let k = 0; k < 4 && at + k < data.length; k++) data[at + k] = (v >>> (24 - 8 * k)) & 0xff
        break
      }
      case 4: {
        const from = int(data.length || 1)
        const len = int(Math.min(4096, data.length - from + 1))
        const out = new Uint8Array(data.length + len)
        out.set(data.subarray(0, at))
        out.set(data.subarray(from, from + len), at)
        out.set(data.subarray(at), at + len)
        data = out
        break
      }
      default:
        data.fill(rnd() < 0.5 ? 0 : 0xff, at, at + int(32))
    }
  }
  return data
}

const containers: Array<SeiContainer | undefined> = [undefined, undefined, undefined, 'flv', 'mp4', 'ts', 'h264', 'h265']

describe('createSeiReader under hostile input', () => {
  it(`survives ${iterations} mutated inputs in random chunk splits (seed ${seed})`, { timeout: 60_000 }, () => {
    const rnd = mulberry32(seed)
    let messages = 0
    for (let i = 0; i < iterations; i++) {
      const whole = corpus[Math.floor(rnd() * corpus.length)] as Uint8Array
      // Most inputs are a head of a file (headers, tables, the first pictures) to keep 100,000 runs fast.
      const source = rnd() < 0.7 ? whole.subarray(0, 256 + Math.floor(rnd() * 3000)) : whole
      const data = mutate(source, rnd)
      const container = containers[Math.floor(rnd() * containers.length)]
      try {
        const reader = createSeiReader(container ? { container } : {})
        let at = 0
        for (let chunks = 1 + Math.floor(rnd() * 6); chunks > 1 && at < data.length; chunks--) {
          const size = Math.floor(rnd() * (data.length - at + 1))
          messages += reader.push(data.subarray(at, at + size)).length
          at += size
        }
        messages += reader.push(data.subarray(at)).length
        messages += reader.end().length
        const internal = reader.warnings.find((w) => w.key === 'warn.reader.internal')
        if (internal) throw new Error(warningText(internal))
        expect(reader.warnings.length).toBeLessThanOrEqual(200)
      } catch (e) {
        throw new Error(`input ${i} with SEI_FUZZ_SEED=${seed}: ${e instanceof Error ? e.stack : String(e)}`)
      }
    }
    // The mutations leave most SEI intact, so a reader that silently gave up would show here.
    expect(messages).toBeGreaterThan(iterations * 3)
  })
})
