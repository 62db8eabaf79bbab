// The picture of a simulated mixed stream: each region of the task's current layout filled with
// its user's colour (shared/media/userColour.ts, the overlay's colour too), the user ID written in
// its top-left corner and a level bar along its bottom driven by the volume the SEI carries. It is
// drawn from the same volume layout as the SEI, so the picture and the overlay can be checked
// against each other.
import { userColour, type Rgb } from '../shared/media/userColour'
import type { VolumeLayout } from '../shared/media/volumeLayout'
import type { Planes } from './h264'

// 3 × 5 glyphs, one row per 3-bit number (MSB left). Lower case is drawn as upper case.
const GLYPHS: Record<string, number[]> = {
  A: [2, 5, 7, 5, 5], B: [6, 5, 6, 5, 6], C: [3, 4, 4, 4, 3], D: [6, 5, 5, 5, 6], E: [7, 4, 6, 4, 7], F: [7, 4, 6, 4, 4],
  G: [3, 4, 5, 5, 3], H: [5, 5, 7, 5, 5], I: [7, 2, 2, 2, 7], J: [1, 1, 1, 5, 2], K: [5, 5, 6, 5, 5], L: [4, 4, 4, 4, 7],
  M: [5, 7, 7, 5, 5], N: [6, 5, 5, 5, 5], O: [2, 5, 5, 5, 2], P: [6, 5, 6, 4, 4], Q: [2, 5, 5, 6, 3], R: [6, 5, 6, 5, 5],
  S: [3, 4, 2, 1, 6], T: [7, 2, 2, 2, 2], U: [5, 5, 5, 5, 7], V: [5, 5, 5, 5, 2], W: [5, 5, 7, 7, 5], X: [5, 5, 2, 5, 5],
  Y: [5, 5, 2, 2, 2], Z: [7, 1, 2, 4, 7], '0': [7, 5, 5, 5, 7], '1': [2, 6, 2, 2, 7], '2': [6, 1, 2, 4, 7], '3': [6, 1, 2, 1, 6],
  '4': [5, 5, 7, 1, 1], '5': [7, 4, 6, 1, 6], '6': [3, 4, 7, 5, 7], '7': [7, 1, 1, 2, 2], '8': [7, 5, 7, 5, 7], '9': [7, 5, 7, 1, 6],
  _: [0, 0, 0, 0, 7], '-': [0, 0, 7, 0, 0], '.': [0, 0, 0, 0, 2],
}
const SCALE = 2

interface Yuv {
  y: number
  cb: number
  cr: number
}

/** BT.601 limited range, as decoders assume for a stream without colour information. */
export function toYuv(c: Rgb): Yuv {
  const clamp = (v: number): number => Math.max(1, Math.min(254, Math.round(v)))
  return {
    y: clamp(16 + (65.481 * c.r + 128.553 * c.g + 24.966 * c.b) / 255),
    cb: clamp(128 + (-37.797 * c.r - 74.203 * c.g + 112 * c.b) / 255),
    cr: clamp(128 + (112 * c.r - 93.786 * c.g - 18.214 * c.b) / 255),
  }
}

const BACKGROUND: Yuv = toYuv({ r: 24, g: 26, b: 32 })
const WHITE: Yuv = toYuv({ r: 250, g: 250, b: 250 })
const BAR_TRACK: Yuv = toYuv({ r: 0, g: 0, b: 0 })

export class PictureCanvas {
  readonly planes: Planes

  constructor(
    readonly width: number,
    readonly height: number,
    /** Coded height (a multiple of 16): the rows past `height` stay background and are cropped. */
    codedHeight: number,
  ) {
    this.planes = { y: new Uint8Array(width * codedHeight), cb: new Uint8Array((width / 2) * (codedHeight / 2)), cr: new Uint8Array((width / 2) * (codedHeight / 2)) }
  }

  /** Draws a volume layout whose coordinates are on its own canvas, scaled to this picture. */
  draw(layout: VolumeLayout | null): void {
    this.rect(0, 0, this.width, this.planes.y.length / this.width, BACKGROUND)
    if (!layout || layout.canvas.w <= 0 || layout.canvas.h <= 0) return
    const sx = this.width / layout.canvas.w
    const sy = this.height / layout.canvas.h
    for (const r of [...layout.regions].sort((a, b) => a.zorder - b.zorder)) {
      const x = Math.round(r.x * sx)
      const y = Math.round(r.y * sy)
      const w = Math.round(r.w * sx)
      const h = Math.round(r.h * sy)
      if (w <= 0 || h <= 0) continue
      this.rect(x, y, w, h, toYuv(userColour(r.uid)))
      this.text(r.uid, x + 6, y + 6, w - 12)
      const barH = Math.max(4, Math.min(10, Math.round(h / 24)))
      this.rect(x + 6, y + h - barH - 6, w - 12, barH, BAR_TRACK)
      this.rect(x + 6, y + h - barH - 6, Math.round(((w - 12) * Math.max(0, Math.min(100, r.volume))) / 100), barH, WHITE)
    }
  }

  private rect(x0: number, y0: number, w: number, h: number, c: Yuv): void {
    const W = this.width
    const H = this.planes.y.length / W
    const x1 = Math.min(W, x0 + w)
    const y1 = Math.min(H, y0 + h)
    const xs = Math.max(0, x0)
    const ys = Math.max(0, y0)
    if (x1 <= xs || y1 <= ys) return
    for (let y = ys; y < y1; y++) this.planes.y.fill(c.y, y * W + xs, y * W + x1)
    const CW = W / 2
    for (let y = ys >> 1; y < (y1 + 1) >> 1; y++) {
      this.planes.cb.fill(c.cb, y * CW + (xs >> 1), y * CW + ((x1 + 1) >> 1))
      this.planes.cr.fill(c.cr, y * CW + (xs >> 1), y * CW + ((x1 + 1) >> 1))
    }
  }

  /** Luma only: white glyphs keep the region's chroma, which reads as a light tint of its colour. */
  private text(s: string, x: number, y: number, maxWidth: number): void {
    const advance = 4 * SCALE
    const fit = Math.max(0, Math.floor(maxWidth / advance))
    const W = this.width
    const H = this.height
    ;[...s.toUpperCase()].slice(0, fit).forEach((ch, i) => {
      const rows = GLYPHS[ch]
      if (!rows) return
      rows.forEach((bits, row) => {
        for (let col = 0; col < 3; col++) {
          if (!((bits >> (2 - col)) & 1)) continue
          for (let dy = 0; dy < SCALE; dy++)
            for (let dx = 0; dx < SCALE; dx++) {
              const px = x + i * advance + col * SCALE + dx
              const py = y + row * SCALE + dy
              if (px >= 0 && px < W && py >= 0 && py < H) this.planes.y[py * W + px] = WHITE.y
            }
        }
      })
    })
  }
}
