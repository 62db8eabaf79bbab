// The simulator's H.264 writer decoded by ffmpeg: the samples come back exactly, skipped
// macroblocks keep the previous picture, and the layout picture puts each user's colour at the
// centre of their region.
import { execFileSync } from 'node:child_process'
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { userColour } from '../shared/media/userColour'
import { PcmEncoder, type Planes } from './h264'
import { PictureCanvas, toYuv } from './picture'

const W = 640
const H = 360
const dir = mkdtempSync(join(tmpdir(), 'h264-'))

/** Annex B → ffmpeg → raw yuv420p frames of W × H. */
function decode(frames: Uint8Array[][]): Planes[] {
  const annexB = Buffer.concat(frames.flat().flatMap((n) => [Buffer.from([0, 0, 0, 1]), Buffer.from(n)]))
  const input = join(dir, 'in.h264')
  writeFileSync(input, annexB)
  const out = join(dir, 'out.yuv')
  execFileSync('ffmpeg', ['-v', 'error', '-y', '-i', input, '-f', 'rawvideo', '-pix_fmt', 'yuv420p', out])
  const raw = readFileSync(out)
  const size = (W * H * 3) / 2
  return Array.from({ length: raw.length / size }, (_, i) => {
    const f = raw.subarray(i * size, (i + 1) * size)
    return { y: f.subarray(0, W * H), cb: f.subarray(W * H, W * H * 1.25), cr: f.subarray(W * H * 1.25) }
  })
}

describe('PcmEncoder', () => {
  it('round-trips the samples exactly through a real decoder, IDR and P frames alike', () => {
    const enc = new PcmEncoder(W, H)
    const CH = enc.codedHeight
    const frames: Uint8Array[][] = []
    const sent: Planes[] = []
    let changedInP = 0
    for (let f = 0; f < 20; f++) {
      const p: Planes = { y: new Uint8Array(W * CH).fill(60), cb: new Uint8Array((W / 2) * (CH / 2)).fill(128), cr: new Uint8Array((W / 2) * (CH / 2)).fill(128) }
      // A moving bright block, a fixed coloured block and a few samples of 0 (emulation prevention).
      for (let y = 100; y < 160; y++) p.y.fill(220, y * W + 40 + f * 8, y * W + 140 + f * 8)
      for (let y = 20; y < 60; y++) p.cb.fill(40, y * (W / 2) + 10, y * (W / 2) + 60)
      p.y.fill(0, 300 * W, 300 * W + 64)
      const out = enc.encode(p, f === 10)
      expect(out.keyframe).toBe(f === 0 || f === 10)
      if (!out.keyframe) changedInP = Math.max(changedInP, out.changed)
      frames.push(out.nalus)
      sent.push({ y: p.y.slice(0, W * H), cb: p.cb.slice(0, (W * H) / 4), cr: p.cr.slice(0, (W * H) / 4) })
    }
    const got = decode(frames)
    expect(got).toHaveLength(20)
    got.forEach((g, i) => {
      expect(Buffer.compare(Buffer.from(g.y), Buffer.from(sent[i]!.y)), `luma of frame ${i}`).toBe(0)
      expect(Buffer.compare(Buffer.from(g.cb), Buffer.from(sent[i]!.cb)), `Cb of frame ${i}`).toBe(0)
    })
    // Only the macroblocks the block moved over are sent again: a small part of the 40 × 23.
    expect(changedInP).toBeGreaterThan(0)
    expect(changedInP).toBeLessThan(40)
  })
})

describe('PictureCanvas', () => {
  it("fills each region with its user's colour, scaled from the layout's canvas", () => {
    const enc = new PcmEncoder(W, H)
    const canvas = new PictureCanvas(W, H, enc.codedHeight)
    canvas.draw({ app_data: '', canvas: { w: 1280, h: 720 }, ver: '1.0', ts: 0, regions: [
      { uid: 'alice', zorder: 0, volume: 50, x: 0, y: 0, w: 640, h: 360 },
      { uid: 'bob_2', zorder: 0, volume: 0, x: 640, y: 360, w: 640, h: 360 },
    ] })
    const [got] = decode([enc.encode(canvas.planes, true).nalus])
    const at = (x: number, y: number) => ({ y: got!.y[y * W + x], cb: got!.cb[(y >> 1) * (W / 2) + (x >> 1)], cr: got!.cr[(y >> 1) * (W / 2) + (x >> 1)] })
    expect(at(160, 90)).toEqual(toYuv(userColour('alice')))
    expect(at(480, 270)).toEqual(toYuv(userColour('bob_2')))
    expect(userColour('alice')).not.toEqual(userColour('bob_2'))
    // The level bar: alice at 50 % has a white bar over half her region's width, bob none.
    const bar = (x0: number, x1: number, y: number) => Array.from({ length: x1 - x0 }, (_, i) => got!.y[y * W + x0 + i]!)
    expect(bar(330, 470, 356).some((v) => v > 200)).toBe(false)
    expect(bar(10, 150, 170).every((v) => v > 200)).toBe(true)
    expect(bar(170, 310, 170).some((v) => v > 200)).toBe(false)
  })
})
