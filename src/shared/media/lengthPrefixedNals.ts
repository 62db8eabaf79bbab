// Walks the NAL units of one FLV video tag or MP4 sample: each is preceded by a big-endian length
// of lengthSizeMinusOne + 1 bytes (ISO/IEC 14496-15 §5.3.2 AVC, §8.3.2 HEVC). Only SEI units are
// gathered; every other unit is skipped by its length after one header byte.

import { type ByteCursor } from './byteCursor'
import { isSeiNal } from './nal'
import { type SeiCodec } from './seiWriter'
import { type NalSink } from './seiSink'

const LENGTH = 0
const HEADER = 1
const SKIP = 2
const COLLECT = 3

/** SEI units above this size are skipped: real ones carry a few KB, and gathering is a copy. */
export const maxSeiNalBytes = 1 << 20

/**
 * The NAL units of one tag or sample lying whole in b[from, end), read in place (no views but the
 * SEI bodies handed out). False, with nothing handed out, unless the lengths chain exactly to the
 * end and no SEI unit is over the size limit: the caller then walks it with LengthPrefixedNals,
 * which says what is wrong.
 */
export function nalsInPlace(b: Uint8Array, from: number, end: number, codec: SeiCodec, lengthSize: number, ptsMs: number, chunkOffset: number, sink: NalSink): boolean {
  for (let p = from; p < end; ) {
    if (end - p < lengthSize) return false
    let len = 0
    for (let k = 0; k < lengthSize; k++) len = len * 256 + (b[p + k] as number)
    p += lengthSize
    if (len > end - p || (len > maxSeiNalBytes && isSeiNal(codec, b[p] as number))) return false
    p += len
  }
  for (let p = from; p < end; ) {
    let len = 0
    for (let k = 0; k < lengthSize; k++) len = len * 256 + (b[p + k] as number)
    p += lengthSize
    if (len > 0 && isSeiNal(codec, b[p] as number)) sink.sei(codec, b[p] as number, b.subarray(p + 1, p + len), ptsMs, chunkOffset + p)
    p += len
  }
  return true
}

export class LengthPrefixedNals {
  /** undefined: the codec is not known yet, so a unit that is SEI in either is gathered. */
  private codec: SeiCodec | undefined = 'h264'
  private lengthSize = 4
  private remaining = 0
  private ptsMs = 0
  private state = LENGTH
  private left = 0
  private nalOffset = 0
  private firstByte = 0

  start(codec: SeiCodec | undefined, lengthSize: number, regionLength: number, ptsMs: number): void {
    this.codec = codec
    this.lengthSize = lengthSize
    this.remaining = regionLength
    this.ptsMs = ptsMs
    this.state = LENGTH
  }

  /** Consumes what it can; true once the whole region is consumed. */
  run(cursor: ByteCursor, sink: NalSink): boolean {
    for (;;) {
      switch (this.state) {
        case LENGTH: {
          if (this.remaining === 0) return true
          if (this.remaining < this.lengthSize) {
            sink.warn('warn.nals.stray', { bytes: this.remaining, offset: cursor.position })
            this.left = this.remaining
            this.remaining = 0
            this.state = SKIP
            break
          }
          const v = cursor.take(this.lengthSize)
          if (!v) return false
          this.remaining -= this.lengthSize
          let len = 0
          for (let i = 0; i < v.length; i++) len = len * 256 + (v[i] as number)
          this.nalOffset = cursor.position
          if (len > this.remaining) {
            sink.warn('warn.nals.pastSample', { length: len, offset: this.nalOffset, left: this.remaining })
            this.left = this.remaining
            this.remaining = 0
            this.state = SKIP
            break
          }
          this.remaining -= len
          if (len === 0) break
          this.left = len
          this.state = HEADER
          break
        }
        case HEADER: {
          const v = cursor.take(1)
          if (!v) return false
          this.left -= 1
          const b = v[0] as number
          this.firstByte = b
          const sei = this.codec ? isSeiNal(this.codec, b) : isSeiNal('h264', b) || isSeiNal('h265', b)
          if (!sei) this.state = SKIP
          else if (this.left > maxSeiNalBytes) {
            sink.warn('warn.nals.seiTooBig', { bytes: this.left + 1, offset: this.nalOffset, max: maxSeiNalBytes })
            this.state = SKIP
          } else this.state = COLLECT
          break
        }
        case SKIP: {
          this.left -= cursor.skip(this.left)
          if (this.left > 0) return false
          this.state = LENGTH
          break
        }
        default: {
          const body = cursor.take(this.left)
          if (!body) return false
          sink.sei(this.codec, this.firstByte, body, this.ptsMs, this.nalOffset)
          this.state = LENGTH
        }
      }
    }
  }
}
