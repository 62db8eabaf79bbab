// FLV (Adobe FLV 10.1 §E.2 header, §E.3 body, §E.4.1 FLVTAG, §E.4.3.1 VIDEODATA with
// AVCVIDEOPACKET) with HEVC as CodecID 12 (the common extension) and the enhanced-RTMP
// ExVideoTagHeader (veovera enhanced-rtmp v1: IsExHeader bit, VideoPacketType, FourCC).

import { ByteCursor } from './byteCursor'
import { LengthPrefixedNals, nalsInPlace } from './lengthPrefixedNals'
import { type SeiCodec } from './seiWriter'
import { type SeiSink } from './seiSink'

const FILE_HEADER = 0
const PREVIOUS_TAG_SIZE = 1
const TAG_HEADER = 2
const VIDEO_FIRST_BYTE = 3
const VIDEO_LEGACY_HEADER = 4
const VIDEO_FOURCC = 5
const VIDEO_COMPOSITION_TIME = 6
const CONFIG_RECORD = 7
const NALS = 8
const SKIP_DATA = 9

/** Real records are well under 1 KB; larger ones are not gathered. */
const maxConfigRecordBytes = 1 << 16

const fourCcCodec: Record<string, SeiCodec> = { avc1: 'h264', hvc1: 'h265' }

/** Composition time offsets are SI24 (§E.4.3.1). */
function si24(b: Uint8Array, at: number): number {
  const v = ((b[at] as number) << 16) | ((b[at + 1] as number) << 8) | (b[at + 2] as number)
  return v & 0x800000 ? v - 0x1000000 : v
}

export class FlvParser {
  codec: SeiCodec | undefined
  private readonly cursor = new ByteCursor()
  private readonly nals = new LengthPrefixedNals()
  private state = FILE_HEADER
  private left = 0
  private tagOffset = 0
  private dataSize = 0
  private timestamp = 0
  private tagCodec: SeiCodec = 'h264'
  private packetType = 0
  private exHeader = false
  private lengthSize: Partial<Record<SeiCodec, number>> = {}
  private warnedLengthSize = false
  private warnedPacketTypes = new Set<string>()

  constructor(private readonly sink: SeiSink) {}

  push(chunk: Uint8Array): void {
    const c = this.cursor
    const sink = this.sink
    c.feed(chunk)
    for (;;) {
      if (this.state === TAG_HEADER && c.pending === 0) this.wholeTags()
      switch (this.state) {
        case FILE_HEADER: {
          const h = c.take(9)
          if (!h) return
          if (h[0] !== 0x46 || h[1] !== 0x4c || h[2] !== 0x56) sink.warn('warn.flv.noSignature')
          const dataOffset = (((h[5] as number) << 24) | ((h[6] as number) << 16) | ((h[7] as number) << 8) | (h[8] as number)) >>> 0
          // DataOffset is the header size, 9 in version 1; anything longer is skipped.
          this.left = Math.max(0, dataOffset - 9) + 4
          this.state = PREVIOUS_TAG_SIZE
          break
        }
        case PREVIOUS_TAG_SIZE: {
          this.left -= c.skip(this.left)
          if (this.left > 0) return
          this.state = TAG_HEADER
          break
        }
        case TAG_HEADER: {
          // Bytes gathered by an unfinished take() already count as consumed.
          this.tagOffset = c.position - c.pending
          const h = c.take(11)
          if (!h) return
          const tagType = (h[0] as number) & 0x1f
          const filter = ((h[0] as number) & 0x20) !== 0
          this.dataSize = ((h[1] as number) << 16) | ((h[2] as number) << 8) | (h[3] as number)
          this.timestamp = (((h[7] as number) << 24) | ((h[4] as number) << 16) | ((h[5] as number) << 8) | (h[6] as number)) >>> 0
          if (tagType !== 8 && tagType !== 9 && tagType !== 18) sink.warn('warn.flv.unknownTag', { type: tagType, offset: this.tagOffset })
          this.left = this.dataSize
          this.state = tagType === 9 && !filter && this.dataSize > 0 ? VIDEO_FIRST_BYTE : SKIP_DATA
          break
        }
        case VIDEO_FIRST_BYTE: {
          const h = c.take(1)
          if (!h) return
          this.left -= 1
          const b = h[0] as number
          this.exHeader = (b & 0x80) !== 0
          this.packetType = b & 0x0f
          if (this.exHeader) this.state = VIDEO_FOURCC
          else if (this.packetType === 7 || this.packetType === 12) {
            this.tagCodec = this.packetType === 7 ? 'h264' : 'h265'
            this.state = VIDEO_LEGACY_HEADER
          } else this.state = SKIP_DATA
          break
        }
        case VIDEO_LEGACY_HEADER: {
          if (this.left < 4) {
            sink.warn('warn.flv.shortVideoTag', { offset: this.tagOffset })
            this.state = SKIP_DATA
            break
          }
          const h = c.take(4)
          if (!h) return
          this.left -= 4
          this.codec ??= this.tagCodec
          const avcPacketType = h[0] as number
          if (avcPacketType === 0) this.state = CONFIG_RECORD
          else if (avcPacketType === 1) this.startNals(si24(h, 1))
          else this.state = SKIP_DATA
          break
        }
        case VIDEO_FOURCC: {
          if (this.left < 4) {
            sink.warn('warn.flv.shortFourCc', { offset: this.tagOffset })
            this.state = SKIP_DATA
            break
          }
          const h = c.take(4)
          if (!h) return
          this.left -= 4
          const fourCc = String.fromCharCode(h[0] as number, h[1] as number, h[2] as number, h[3] as number)
          const codec = fourCcCodec[fourCc]
          if (!codec) {
            this.state = SKIP_DATA
            break
          }
          this.tagCodec = codec
          this.codec ??= codec
          // VideoPacketType: 0 SequenceStart, 1 CodedFrames (with SI24 composition time),
          // 2 SequenceEnd, 3 CodedFramesX (composition time 0); others carry no NAL units we read.
          if (this.packetType === 0) this.state = CONFIG_RECORD
          else if (this.packetType === 1) this.state = VIDEO_COMPOSITION_TIME
          else if (this.packetType === 3) this.startNals(0)
          else {
            const key = `${fourCc}/${this.packetType}`
            if (this.packetType !== 2 && !this.warnedPacketTypes.has(key)) {
              this.warnedPacketTypes.add(key)
              sink.warn('warn.flv.packetTypeSkipped', { type: this.packetType, fourCc })
            }
            this.state = SKIP_DATA
          }
          break
        }
        case VIDEO_COMPOSITION_TIME: {
          if (this.left < 3) {
            sink.warn('warn.flv.shortCts', { offset: this.tagOffset })
            this.state = SKIP_DATA
            break
          }
          const h = c.take(3)
          if (!h) return
          this.left -= 3
          this.startNals(si24(h, 0))
          break
        }
        case CONFIG_RECORD: {
          if (this.left > maxConfigRecordBytes) {
            sink.warn('warn.flv.configSkipped', { bytes: this.left, offset: this.tagOffset })
            this.state = SKIP_DATA
            break
          }
          const h = c.take(this.left)
          if (!h) return
          this.left = 0
          // lengthSizeMinusOne: AVCDecoderConfigurationRecord byte 4 (ISO/IEC 14496-15 §5.3.3.1.2),
          // HEVCDecoderConfigurationRecord byte 21 (§8.3.3.1.2).
          const at = this.tagCodec === 'h264' ? 4 : 21
          const b = h[at]
          if (b === undefined) sink.warn('warn.flv.configShort', { offset: this.tagOffset })
          else this.lengthSize[this.tagCodec] = (b & 0x03) + 1
          this.state = PREVIOUS_TAG_SIZE
          this.left = 4
          break
        }
        case NALS: {
          if (!this.nals.run(c, sink)) return
          this.left = 4
          this.state = PREVIOUS_TAG_SIZE
          break
        }
        default: {
          this.left -= c.skip(this.left)
          if (this.left > 0) return
          this.left = 4
          this.state = PREVIOUS_TAG_SIZE
        }
      }
    }
  }

  /**
   * Tags lying whole in the chunk, read in place: audio and script data hopped over, coded video
   * walked NAL by NAL without views or state changes. Anything else (a tag cut by the chunk's end,
   * a sequence header, an unknown type, a NAL length that does not fit) is left where it is for the
   * state machine above, which says what is wrong with it.
   */
  private wholeTags(): void {
    const c = this.cursor
    const b = c.bytes
    const n = b.length
    let i = c.index
    while (i + 11 <= n) {
      const b0 = b[i] as number
      const size = ((b[i + 1] as number) << 16) | ((b[i + 2] as number) << 8) | (b[i + 3] as number)
      const end = i + 11 + size
      if (end + 4 > n) break
      const type = b0 & 0x1f
      if (type === 9 && !(b0 & 0x20) && size > 0) {
        if (!this.videoInPlace(b, i, end, c.chunkOffset)) break
      } else if (type !== 8 && type !== 9 && type !== 18) break
      i = end + 4
    }
    c.advance(i - c.index)
  }

  /** One whole video tag at b[at, end); false when it is not a plain coded frame (nothing is then done). */
  private videoInPlace(b: Uint8Array, at: number, end: number, chunkOffset: number): boolean {
    const first = b[at + 11] as number
    const packetType = first & 0x0f
    let codec: SeiCodec
    let from: number
    let compositionTime: number
    if (first & 0x80) {
      // ExVideoTagHeader: CodedFrames (with SI24 composition time) or CodedFramesX.
      const found = fourCcCodec[String.fromCharCode(b[at + 12] as number, b[at + 13] as number, b[at + 14] as number, b[at + 15] as number)]
      if (!found || (packetType !== 1 && packetType !== 3)) return false
      codec = found
      from = at + (packetType === 1 ? 19 : 16)
      compositionTime = packetType === 1 ? si24(b, at + 16) : 0
    } else {
      if (packetType !== 7 && packetType !== 12) return true // another codec: nothing to read
      if (b[at + 12] !== 1) return false // sequence header, end of sequence
      codec = packetType === 7 ? 'h264' : 'h265'
      from = at + 16
      compositionTime = si24(b, at + 13)
    }
    const lengthSize = this.lengthSize[codec]
    if (lengthSize === undefined || from > end) return false
    const timestamp = ((((b[at + 7] as number) << 24) | ((b[at + 4] as number) << 16) | ((b[at + 5] as number) << 8) | (b[at + 6] as number)) >>> 0) + compositionTime
    if (!nalsInPlace(b, from, end, codec, lengthSize, timestamp, chunkOffset, this.sink)) return false
    this.codec ??= codec
    return true
  }

  end(): void {
    const clean = (this.state === TAG_HEADER && this.cursor.pending === 0) || (this.state === PREVIOUS_TAG_SIZE && this.left === 4)
    if (!clean) this.sink.warn('warn.flv.endsInTag', { offset: this.tagOffset })
  }

  private startNals(compositionTime: number): void {
    let lengthSize = this.lengthSize[this.tagCodec]
    if (lengthSize === undefined) {
      lengthSize = 4
      if (!this.warnedLengthSize) {
        this.warnedLengthSize = true
        this.sink.warn('warn.flv.noSequenceHeader')
      }
    }
    this.nals.start(this.tagCodec, lengthSize, this.left, this.timestamp + compositionTime)
    this.left = 0
    this.state = NALS
  }
}
