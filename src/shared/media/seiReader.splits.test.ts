// Where the input is cut must never change what is read: every fixture, cut in two at many
// places or fed a byte at a time, gives exactly the messages (offset, time, type, payload) of the
// whole file, and the same warnings.
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it, vi } from 'vitest'
import { createSeiReader, type SeiMessage } from './seiReader'

const dir = join(__dirname, '../../../tests/fixtures/media')
const files = readdirSync(dir).filter((f) => /\.(mp4|flv|mpegts|h264|h265)$/.test(f))
const key = (m: SeiMessage) => `${m.offset}/${m.ptsMs}/${m.payloadType}/${m.uuid ?? ''}/${Buffer.from(m.payload).toString('hex')}`

function readAll(pieces: Iterable<Uint8Array>, create = createSeiReader): { keys: string[]; warnings: string[] } {
  const r = create()
  const out: SeiMessage[] = []
  for (const p of pieces) out.push(...r.push(p))
  out.push(...r.end())
  return { keys: out.map(key), warnings: r.warnings.map((w) => JSON.stringify(w)) }
}

function* bytewise(bytes: Uint8Array): Iterable<Uint8Array> {
  for (let i = 0; i < bytes.length; i++) yield bytes.subarray(i, i + 1)
}

describe('SEI reader input splits', () => {
  it('raw and MPEG-TS streams read the same where there is no Buffer (the previewer runs in a browser)', async () => {
    const saved = globalThis.Buffer
    vi.resetModules()
    let browserLike: typeof createSeiReader
    try {
      ;(globalThis as { Buffer?: unknown }).Buffer = undefined
      browserLike = (await import('./seiReader')).createSeiReader
    } finally {
      globalThis.Buffer = saved
    }
    for (const file of files.filter((f) => /\.(mpegts|h264|h265)$/.test(f))) {
      const bytes = new Uint8Array(readFileSync(join(dir, file)))
      const whole = readAll([bytes])
      expect(whole.keys.length, file).toBeGreaterThan(0)
      expect(readAll([bytes], browserLike), file).toEqual(whole)
      expect(readAll(bytewise(bytes), browserLike), file).toEqual(whole)
    }
  })
  for (const file of files) {
    it(`${file}: a byte at a time, whole and truncated, gives the same messages and warnings (offsets included)`, () => {
      const bytes = new Uint8Array(readFileSync(join(dir, file)))
      for (const cut of [bytes.length, Math.floor(bytes.length * 0.73), Math.floor(bytes.length * 0.31) + 5]) {
        const input = bytes.subarray(0, cut)
        expect(readAll(bytewise(input)), `${file} cut at ${cut}`).toEqual(readAll([input]))
      }
    })
  }
  for (const file of files) {
    it(`${file}: any two-piece split reads like the whole`, () => {
      const bytes = new Uint8Array(readFileSync(join(dir, file)))
      const whole = readAll([bytes]).keys
      // Every box, tag and packet header lies within the first bytes of some 11-byte step.
      for (let k = 1; k < bytes.length; k += 11) {
        const got = readAll([bytes.subarray(0, k), bytes.subarray(k)]).keys
        if (got.length !== whole.length || got.some((g, i) => g !== whole[i])) expect.fail(`${file} cut at ${k}: ${got.length} messages, ${whole.length} whole`)
      }
    })
  }
})
