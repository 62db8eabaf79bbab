// Annex B byte streams (ISO/IEC 14496-10 Annex B, ISO/IEC 23008-2 Annex B): NAL units separated
// by 00 00 01 start codes (a leading zero_byte makes 00 00 00 01). Used for raw .h264/.h265 files
// and for the PES payloads of MPEG-TS. Only SEI units are gathered; other units are passed over
// with a native search for the next start code.

import { maxSeiNalBytes } from './lengthPrefixedNals'
import { isSeiNal, nalUnitType } from './nal'
import { type SeiCodec } from './seiWriter'
import { type SeiSink } from './seiSink'

type IndexOf = (this: Uint8Array, needle: Uint8Array, from: number) => number
/**
 * Node's Buffer search looks for all three bytes in native code (memchr for the first, then a
 * compare): about four times as fast as stopping at every 0x01 in JavaScript. Browsers have no
 * such search for bytes; there the 0x01s are found natively and their two bytes before looked at.
 */
const bufferIndexOf = (globalThis as { Buffer?: { prototype: { indexOf: IndexOf } } }).Buffer?.prototype.indexOf
const startCode = new Uint8Array([0, 0, 1])

export class AnnexBNals {
  private inNal = false
  private zeros = 0
  private readonly header = new Uint8Array(3)
  private headerLength = 0
  private decided = false
  private collecting = false
  private tooBig = false
  private buf = new Uint8Array(256)
  private bufLength = 0
  private nalOffset = 0
  private nalPts = 0
  private pictures = 0

  /**
   * frameDurationMs: raw streams carry no clock, so times come from counting pictures (a VCL NAL
   * that starts a picture) at this frame duration, in decoding order. Without it, NALs take the
   * time passed with the piece they start in (the PES time in MPEG-TS).
   */
  constructor(
    private readonly codec: SeiCodec,
    private readonly sink: SeiSink,
    private readonly frameDurationMs?: number,
  ) {}

  /** A piece of the byte stream; offset is the input offset of piece[0]. */
  push(piece: Uint8Array, offset: number, ptsMs: number): void {
    const n = piece.length
    let i = 0
    while (i < n) {
      if (this.inNal && this.decided && !this.collecting) {
        // Inside a unit that is not read: straight to the next start code.
        const j = this.nextStartCode(piece, i)
        if (j < 0) return this.trailingZeros(piece, i, n)
        this.endNal()
        this.inNal = true
        this.nalOffset = offset + j + 1
        this.nalPts = ptsMs
        this.zeros = 0
        i = j + 1
        continue
      }
      const j = piece.indexOf(1, i)
      const end = j < 0 ? n : j
      if (end > i) this.content(piece, i, end)
      if (j < 0) return
      if (this.zeros >= 2) {
        this.endNal()
        this.inNal = true
        this.nalOffset = offset + j + 1
        this.nalPts = ptsMs
        this.zeros = 0
      } else this.content(piece, j, j + 1)
      i = j + 1
    }
  }

  /**
   * Inside a unit that is not read, a piece holding no start code changes nothing but the count of
   * trailing zeros: it is passed over without a view, looking only at the two bytes before each
   * 0x01 (`ones` finds them, remembering across pieces). False when the piece must go through
   * push(): a start code is in it, or a unit is being read.
   */
  passOver(bytes: Uint8Array, from: number, to: number, ones: { nextOne(bytes: Uint8Array, from: number): number }): boolean {
    if (!this.inNal || !this.decided || this.collecting) return false
    for (let j = ones.nextOne(bytes, from); j < to; j = ones.nextOne(bytes, j + 1)) if (this.zerosBefore(bytes, from, j) >= 2) return false
    this.trailingZeros(bytes, from, to)
    return true
  }

  /** Where the next start code's 0x01 is at or after `from`, counting zeros that ended the previous piece; -1: none. */
  private nextStartCode(bytes: Uint8Array, from: number): number {
    if (!bufferIndexOf) {
      let j = bytes.indexOf(1, from)
      while (j >= 0 && this.zerosBefore(bytes, from, j) < 2) j = bytes.indexOf(1, j + 1)
      return j
    }
    // A start code split across pieces ends in the first two bytes.
    if (bytes[from] === 1 && this.zerosBefore(bytes, from, from) >= 2) return from
    if (bytes[from + 1] === 1 && this.zerosBefore(bytes, from, from + 1) >= 2) return from + 1
    const k = bufferIndexOf.call(bytes, startCode, from)
    return k < 0 ? -1 : k + 2
  }

  /** Zeros (up to 2) right before bytes[j], counting those that ended the previous piece when j is near `from`. */
  private zerosBefore(bytes: Uint8Array, from: number, j: number): number {
    if (j - from >= 2) return bytes[j - 1] !== 0 ? 0 : bytes[j - 2] === 0 ? 2 : 1
    if (j - from === 1) return bytes[j - 1] !== 0 ? 0 : 1 + this.zeros
    return this.zeros
  }

  private trailingZeros(bytes: Uint8Array, from: number, to: number): void {
    let k = to - 1
    while (k >= from && bytes[k] === 0) k--
    this.zeros = k < from ? this.zeros + (to - from) : to - 1 - k
  }

  /** Ends the last NAL unit at the end of the stream (or of a PES packet). */
  flush(): void {
    this.endNal()
    this.zeros = 0
  }

  private content(piece: Uint8Array, from: number, to: number): void {
    let k = to - 1
    while (k >= from && piece[k] === 0) k--
    this.zeros = k < from ? this.zeros + (to - from) : to - 1 - k
    if (!this.inNal) return
    let at = from
    if (!this.decided) {
      while (this.headerLength < 3 && at < to) this.header[this.headerLength++] = piece[at++] as number
      if (this.headerLength < 3) return
      this.decide()
    }
    if (this.collecting && at < to) this.append(piece, at, to)
  }

  private decide(): void {
    this.decided = true
    const h = this.header
    const b0 = h[0] as number
    const type = nalUnitType(this.codec, b0)
    const duration = this.frameDurationMs
    if (duration !== undefined && this.headerLength === 3) {
      const startsPicture = this.codec === 'h264' ? type >= 1 && type <= 5 && ((h[1] as number) & 0x80) !== 0 : type <= 31 && ((h[2] as number) & 0x80) !== 0
      if (startsPicture) this.pictures++
    }
    if (!isSeiNal(this.codec, b0)) return
    this.collecting = true
    this.tooBig = false
    this.bufLength = 0
    this.append(h, 0, this.headerLength)
    if (duration !== undefined) {
      // A prefix SEI belongs to the picture that follows it, a suffix SEI (H.265 type 40) to the one before.
      const index = this.codec === 'h265' && type === 40 ? this.pictures - 1 : this.pictures
      this.nalPts = Math.max(0, index) * duration
    }
  }

  private append(bytes: Uint8Array, from: number, to: number): void {
    if (this.tooBig) return
    const need = this.bufLength + (to - from)
    if (need > maxSeiNalBytes + 16) {
      this.tooBig = true
      this.sink.warn('warn.annexB.seiTooBig', { offset: this.nalOffset, max: maxSeiNalBytes })
      return
    }
    if (need > this.buf.length) {
      const bigger = new Uint8Array(Math.max(need, this.buf.length * 2))
      bigger.set(this.buf.subarray(0, this.bufLength))
      this.buf = bigger
    }
    this.buf.set(bytes.subarray(from, to), this.bufLength)
    this.bufLength = need
  }

  private endNal(): void {
    if (!this.inNal) return
    if (!this.decided && this.headerLength > 0) this.decide()
    if (this.collecting && !this.tooBig) {
      // The zeros of the next start code (and trailing_zero_8bits) were gathered with the unit;
      // an SEI unit ends in its rbsp_stop_one_bit, never in a zero byte.
      let len = this.bufLength
      while (len > 0 && this.buf[len - 1] === 0) len--
      this.sink.sei(this.codec, this.buf[0] as number, this.buf.subarray(1, len), this.nalPts, this.nalOffset)
      if (this.buf.length > 1 << 16) this.buf = new Uint8Array(256)
    }
    this.inNal = false
    this.decided = false
    this.collecting = false
    this.headerLength = 0
    this.bufLength = 0
  }
}
