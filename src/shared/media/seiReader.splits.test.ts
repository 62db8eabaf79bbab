// Where the input is cut must never change what is read: every fixture, cut in two at many
// places, gives exactly the messages (offset, time, type, payload) of the whole file.
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { createSeiReader, type SeiMessage } from './seiReader'

const dir = join(__dirname, '../../../tests/fixtures/media')
const files = readdirSync(dir).filter((f) => /\.(mp4|flv|mpegts|h264|h265)$/.test(f))
const key = (m: SeiMessage) => `${m.offset}/${m.ptsMs}/${m.payloadType}/${m.uuid ?? ''}/${Buffer.from(m.payload).toString('hex')}`

function read(pieces: Uint8Array[]): string[] {
  const r = createSeiReader()
  const out: SeiMessage[] = []
  for (const p of pieces) out.push(...r.push(p))
  out.push(...r.end())
  return out.map(key)
}

describe('SEI reader input splits', () => {
  for (const file of files) {
    it(`${file}: any two-piece split reads like the whole`, () => {
      const bytes = new Uint8Array(readFileSync(join(dir, file)))
      const whole = read([bytes])
      // Every box, tag and packet header lies within the first bytes of some 11-byte step.
      for (let k = 1; k < bytes.length; k += 11) {
        const got = read([bytes.subarray(0, k), bytes.subarray(k)])
        if (got.length !== whole.length || got.some((g, i) => g !== whole[i])) expect.fail(`${file} cut at ${k}: ${got.length} messages, ${whole.length} whole`)
      }
    })
  }
})
