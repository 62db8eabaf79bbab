// ISO base media files (ISO/IEC 14496-12): progressive files locate samples through the moov
// sample tables (stsz/stz2, stco/co64, stsc, stts, ctts, elst; §8.6–§8.7), fragmented files through
// moof/traf/tfhd/tfdt/trun (§8.8). Only the first video track (avc1/avc3 with avcC, hvc1/hev1 with
// hvcC; ISO/IEC 14496-15) is read; its samples are walked NAL by NAL inside mdat.
//
// When mdat comes before moov (ffmpeg's default without -movflags faststart) nothing yet says
// where samples are. Rather than hold the file, mdat is then read as one run of 4-byte-length NAL
// units — what every common muxer writes for a video-only track — and the SEI found are held (small)
// until moov arrives; each is kept only if it lies inside a video sample, whose time it takes.
// Interleaved audio breaks that run: the warning says so. A caller with random access (a local
// file) reads the moov box first and passes it in, and the sample table is then followed exactly;
// remuxing with faststart or fragmenting does the same for a pure stream.

import { ByteCursor } from './byteCursor'
import { LengthPrefixedNals, nalsInPlace } from './lengthPrefixedNals'
import { type SeiCodec } from './seiWriter'
import { isSeiNal } from './nal'
import { type NalSink, type SeiSink } from './seiSink'
import type { SayParams, WarningKey } from '../messages/catalogue'

const BOX_HEADER = 0
const LARGE_SIZE = 1
const GATHER = 2
const SKIP = 3
const MDAT = 4
const SAMPLE = 5
const SPECULATIVE = 6

const maxMoovBytes = 64 << 20
const maxMoofBytes = 16 << 20
/** Beyond this a sample table is refused: an hour at 60 fps is 216,000 samples. */
const maxSamples = 1 << 22
const maxFieldlessRun = 1 << 16
/**
 * Samples read per byte of the moov or moof that declares them. A table of per-sample sizes costs 4
 * bytes a sample; constant-size tables and field-less track runs cost almost nothing, so their
 * counts are the muxer's word alone: this keeps the work (and memory) of a box proportional to its
 * size, whatever it claims. Small boxes get at least minSampleBudget.
 */
const samplesPerByte = 16
const minSampleBudget = 4096
const sampleBudget = (boxBytes: number): number => Math.min(maxSamples, Math.max(minSampleBudget, boxBytes * samplesPerByte))
/** SEI units held while mdat precedes moov. */
const maxPendingBytes = 64 << 20

interface PendingNal {
  firstByte: number
  body: Uint8Array
  offset: number
}

/** Holds copies of candidate SEI units found before moov says the codec and the sample times. */
class PendingNals implements NalSink {
  readonly nals: PendingNal[] = []
  bytes = 0
  full = false

  constructor(private readonly sink: SeiSink) {}

  warn(key: WarningKey, params?: SayParams): void {
    this.sink.warn(key, params)
  }

  sei(_codec: SeiCodec | undefined, firstByte: number, body: Uint8Array, _ptsMs: number, offset: number): void {
    if (this.bytes + body.length > maxPendingBytes) {
      if (!this.full) this.sink.warn('warn.mp4.pendingFull', { max: maxPendingBytes })
      this.full = true
      return
    }
    this.bytes += body.length
    this.nals.push({ firstByte, body: body.slice(), offset })
  }
}

interface Samples {
  offsets: Float64Array
  sizes: Uint32Array
  ptsMs: Float64Array
  count: number
}

const noSamples: Samples = { offsets: new Float64Array(0), sizes: new Uint32Array(0), ptsMs: new Float64Array(0), count: 0 }

interface Track {
  id: number
  codec: SeiCodec
  lengthSize: number
  timescale: number
  /** Media time subtracted from every sample time (elst media_time, minus leading empty edits). */
  editShift: number
  defaultDuration: number
  defaultSize: number
  /** Decode time after the last fragment, for a traf without tfdt. */
  nextDts: number
}

function u32(b: Uint8Array, at: number): number {
  return (((b[at] as number) << 24) | ((b[at + 1] as number) << 16) | ((b[at + 2] as number) << 8) | (b[at + 3] as number)) >>> 0
}

function i32(b: Uint8Array, at: number): number {
  return ((b[at] as number) << 24) | ((b[at + 1] as number) << 16) | ((b[at + 2] as number) << 8) | (b[at + 3] as number)
}

function u64(b: Uint8Array, at: number): number {
  return u32(b, at) * 2 ** 32 + u32(b, at + 4)
}

function fourCc(b: Uint8Array, at: number): string {
  return String.fromCharCode(b[at] as number, b[at + 1] as number, b[at + 2] as number, b[at + 3] as number)
}

/** Child boxes of b[from, to): calls visit(type, payloadStart, end); stops at the first malformed header. */
function boxes(b: Uint8Array, from: number, to: number, visit: (type: string, start: number, end: number) => void): void {
  let at = from
  while (at + 8 <= to) {
    let size = u32(b, at)
    const type = fourCc(b, at + 4)
    let header = 8
    if (size === 1) {
      if (at + 16 > to) return
      size = u64(b, at + 8)
      header = 16
    } else if (size === 0) size = to - at
    if (size < header || at + size > to) return
    visit(type, at + header, at + size)
    at += size
  }
}

function find(b: Uint8Array, from: number, to: number, type: string): [number, number] | undefined {
  let found: [number, number] | undefined
  boxes(b, from, to, (t, s, e) => {
    if (!found && t === type) found = [s, e]
  })
  return found
}

export class Mp4Parser {
  codec: SeiCodec | undefined
  private readonly cursor = new ByteCursor()
  private readonly nals = new LengthPrefixedNals()
  private state = BOX_HEADER
  private boxOffset = 0
  private boxType = ''
  private boxSize = 0
  private left = 0
  private mdatEnd = 0
  private track: Track | undefined
  private moovSeen = false
  private samples: Samples = noSamples
  private next = 0
  private pending: PendingNals

  private readonly preloaded: boolean

  /** moov: the payload of the file's moov box, when the caller could read it ahead of mdat. */
  constructor(
    private readonly sink: SeiSink,
    moov?: Uint8Array,
  ) {
    this.pending = new PendingNals(sink)
    this.preloaded = moov !== undefined
    if (moov) this.moov(moov)
  }

  push(chunk: Uint8Array): void {
    const c = this.cursor
    c.feed(chunk)
    for (;;) {
      switch (this.state) {
        case BOX_HEADER: {
          // Bytes gathered by an unfinished take() already count as consumed.
          this.boxOffset = c.position - c.pending
          const h = c.take(8)
          if (!h) return
          this.boxSize = u32(h, 0)
          this.boxType = fourCc(h, 4)
          if (this.boxSize === 1) {
            this.state = LARGE_SIZE
            break
          }
          // size 0: the box runs to the end of the file.
          this.openBox(this.boxSize === 0 ? Infinity : this.boxSize, 8)
          break
        }
        case LARGE_SIZE: {
          const h = c.take(8)
          if (!h) return
          this.openBox(u64(h, 0), 16)
          break
        }
        case GATHER: {
          const body = c.take(this.left)
          if (!body) return
          if (this.boxType === 'moov') this.moov(body)
          else this.moof(body)
          this.state = BOX_HEADER
          break
        }
        case SKIP: {
          this.left -= c.skip(this.left)
          if (this.left > 0) return
          this.state = BOX_HEADER
          break
        }
        case MDAT: {
          const p = c.position
          if (p >= this.mdatEnd) {
            this.state = BOX_HEADER
            break
          }
          const s = this.samples
          while (this.next < s.count && (s.offsets[this.next] as number) < p) this.next++
          const offset = this.next < s.count ? (s.offsets[this.next] as number) : Infinity
          if (offset >= this.mdatEnd) {
            this.left = this.mdatEnd - p
            this.state = SKIP
            break
          }
          if (offset > p) {
            if (c.skip(offset - p) === 0) return
            break
          }
          const size = Math.min(s.sizes[this.next] as number, this.mdatEnd - p)
          const track = this.track as Track
          // A sample lying whole in the chunk is read in place; anything else by the state machine.
          if (c.pending === 0 && c.available >= size && nalsInPlace(c.bytes, c.index, c.index + size, track.codec, track.lengthSize, s.ptsMs[this.next] as number, c.chunkOffset, this.sink)) {
            c.advance(size)
            this.next++
            break
          }
          this.nals.start(track.codec, track.lengthSize, size, s.ptsMs[this.next] as number)
          this.next++
          this.state = SAMPLE
          break
        }
        case SAMPLE: {
          if (!this.nals.run(c, this.sink)) return
          this.state = MDAT
          break
        }
        default: {
          if (!this.nals.run(c, this.pending)) return
          this.state = BOX_HEADER
        }
      }
    }
  }

  end(): void {
    if (this.pending.nals.length > 0) this.sink.warn('warn.mp4.noMoov', { count: this.pending.nals.length })
    const clean = this.state === BOX_HEADER && this.cursor.pending === 0
    const openEnded = (this.state === MDAT || this.state === SKIP || this.state === SAMPLE) && this.boxSize === 0
    if (!clean && !openEnded) this.sink.warn('warn.mp4.endsInBox', { box: this.boxType, offset: this.boxOffset })
  }

  private openBox(size: number, header: number): void {
    if (size < header) {
      this.sink.warn('warn.mp4.badBoxSize', { box: JSON.stringify(this.boxType), offset: this.boxOffset, size })
      this.left = Infinity
      this.state = SKIP
      return
    }
    this.left = size - header
    if (this.boxType === 'moov' && this.preloaded) this.state = SKIP
    else if (this.boxType === 'moov' || this.boxType === 'moof') {
      const limit = this.boxType === 'moov' ? maxMoovBytes : maxMoofBytes
      if (this.left > limit) {
        this.sink.warn('warn.mp4.boxTooLarge', { box: this.boxType, bytes: this.left, offset: this.boxOffset })
        this.state = SKIP
      } else this.state = GATHER
    } else if (this.boxType === 'mdat') {
      this.mdatEnd = this.boxOffset + size
      this.next = 0
      if (this.moovSeen) this.state = MDAT
      else {
        // 14496-15 writers use 4-byte lengths unless told otherwise (lengthSizeMinusOne = 3).
        this.nals.start(undefined, 4, this.left, 0)
        this.state = SPECULATIVE
        this.sink.warn('warn.mp4.mdatFirst', { offset: this.boxOffset })
      }
    } else this.state = SKIP
  }

  private moov(b: Uint8Array): void {
    this.moovSeen = true
    let movieTimescale = 1000
    const mvhd = find(b, 0, b.length, 'mvhd')
    if (mvhd) {
      const [s] = mvhd
      const version = b[s]
      movieTimescale = (version === 1 ? u32(b, s + 20) : u32(b, s + 12)) || 1000
    }
    const trex = new Map<number, { duration: number; size: number }>()
    const mvex = find(b, 0, b.length, 'mvex')
    if (mvex) {
      boxes(b, mvex[0], mvex[1], (t, s, e) => {
        if (t === 'trex' && e - s >= 24) trex.set(u32(b, s + 4), { duration: u32(b, s + 12), size: u32(b, s + 16) })
      })
    }
    boxes(b, 0, b.length, (type, s, e) => {
      if (type !== 'trak' || this.track) return
      const track = this.videoTrack(b, s, e, movieTimescale)
      if (!track) return
      const defaults = trex.get(track.id)
      track.defaultDuration = defaults?.duration ?? 0
      track.defaultSize = defaults?.size ?? 0
      this.track = track
      this.codec = track.codec
      this.samples = this.sampleTable(b, s, e, track)
      this.resolvePending()
    })
    if (!this.track) this.sink.warn('warn.mp4.noVideoTrack')
  }

  private videoTrack(b: Uint8Array, from: number, to: number, movieTimescale: number): Track | undefined {
    const tkhd = find(b, from, to, 'tkhd')
    const mdia = find(b, from, to, 'mdia')
    if (!tkhd || !mdia) return undefined
    const hdlr = find(b, mdia[0], mdia[1], 'hdlr')
    if (!hdlr || hdlr[1] - hdlr[0] < 12 || fourCc(b, hdlr[0] + 8) !== 'vide') return undefined
    const mdhd = find(b, mdia[0], mdia[1], 'mdhd')
    if (!mdhd) return undefined
    const timescale = (b[mdhd[0]] === 1 ? u32(b, mdhd[0] + 20) : u32(b, mdhd[0] + 12)) || 1
    const stsd = this.stbl(b, mdia, 'stsd')
    if (!stsd || stsd[1] - stsd[0] < 8 + 8 + 78) return undefined
    // The first VisualSampleEntry (§12.1.3): 8-byte box header, 78 bytes of fields, then its boxes.
    const entry = stsd[0] + 8
    const entryEnd = Math.min(stsd[1], entry + u32(b, entry))
    const format = fourCc(b, entry + 4)
    const codec: SeiCodec | undefined = format === 'avc1' || format === 'avc3' ? 'h264' : format === 'hvc1' || format === 'hev1' ? 'h265' : undefined
    if (!codec) return undefined
    const config = find(b, entry + 8 + 78, entryEnd, codec === 'h264' ? 'avcC' : 'hvcC')
    // lengthSizeMinusOne: avcC byte 4, hvcC byte 21 (14496-15 §5.3.3.1.2, §8.3.3.1.2).
    const at = codec === 'h264' ? 4 : 21
    let lengthSize = 4
    if (config && config[0] + at < config[1]) lengthSize = ((b[config[0] + at] as number) & 3) + 1
    else this.sink.warn('warn.mp4.noDecoderConfig', { format, box: codec === 'h264' ? 'avcC' : 'hvcC' })
    const id = u32(b, tkhd[0] + (b[tkhd[0]] === 1 ? 20 : 12))
    return { id, codec, lengthSize, timescale, editShift: this.editShift(b, from, to, timescale, movieTimescale), defaultDuration: 0, defaultSize: 0, nextDts: 0 }
  }

  private stbl(b: Uint8Array, mdia: [number, number], type: string): [number, number] | undefined {
    const minf = find(b, mdia[0], mdia[1], 'minf')
    const stbl = minf && find(b, minf[0], minf[1], 'stbl')
    return stbl && find(b, stbl[0], stbl[1], type)
  }

  /** elst (§8.6.6): leading empty edits delay the track, the first media_time says where it starts. */
  private editShift(b: Uint8Array, from: number, to: number, timescale: number, movieTimescale: number): number {
    const edts = find(b, from, to, 'edts')
    const elst = edts && find(b, edts[0], edts[1], 'elst')
    if (!elst) return 0
    const [s, e] = elst
    const version = b[s]
    const entrySize = version === 1 ? 20 : 12
    let delay = 0
    for (let i = 0, at = s + 8; i < u32(b, s + 4) && at + entrySize <= e; i++, at += entrySize) {
      const duration = version === 1 ? u64(b, at) : u32(b, at)
      const mediaTime = version === 1 ? u32(b, at + 8) * 2 ** 32 + u32(b, at + 12) : i32(b, at + 4)
      if (mediaTime === -1 || (version === 1 && u32(b, at + 8) === 0xffffffff)) delay += (duration * timescale) / movieTimescale
      else return mediaTime - delay
    }
    return -delay
  }

  private sampleTable(b: Uint8Array, from: number, to: number, track: Track): Samples {
    const mdia = find(b, from, to, 'mdia')
    if (!mdia) return noSamples
    const stsz = this.stbl(b, mdia, 'stsz')
    const stz2 = this.stbl(b, mdia, 'stz2')
    const stco = this.stbl(b, mdia, 'stco')
    const co64 = this.stbl(b, mdia, 'co64')
    const stsc = this.stbl(b, mdia, 'stsc')
    const stts = this.stbl(b, mdia, 'stts')
    const ctts = this.stbl(b, mdia, 'ctts')
    let count = 0
    let sizeAt: (i: number) => number = () => 0
    if (stsz && stsz[1] - stsz[0] >= 12) {
      const [s, e] = stsz
      const constant = u32(b, s + 4)
      count = u32(b, s + 8)
      if (constant === 0) count = Math.min(count, Math.floor((e - s - 12) / 4))
      sizeAt = constant ? () => constant : (i) => u32(b, s + 12 + 4 * i)
    } else if (stz2 && stz2[1] - stz2[0] >= 12) {
      const [s, e] = stz2
      const field = b[s + 7] as number
      count = u32(b, s + 8)
      if (field === 16) {
        count = Math.min(count, Math.floor((e - s - 12) / 2))
        sizeAt = (i) => ((b[s + 12 + 2 * i] as number) << 8) | (b[s + 13 + 2 * i] as number)
      } else if (field === 8) {
        count = Math.min(count, e - s - 12)
        sizeAt = (i) => b[s + 12 + i] as number
      } else {
        count = Math.min(count, (e - s - 12) * 2)
        sizeAt = (i) => ((b[s + 12 + (i >> 1)] as number) >> (i & 1 ? 0 : 4)) & 0x0f
      }
    }
    if (count === 0) return noSamples
    const budget = sampleBudget(b.length)
    if (count > budget) {
      this.sink.warn('warn.mp4.sampleTableTooBig', { count, budget, bytes: b.length })
      count = budget
    }
    const chunkTable = co64 ?? stco
    if (!chunkTable || !stsc) {
      this.sink.warn('warn.mp4.noChunkTable')
      return noSamples
    }
    const wide = co64 !== undefined
    const held = (box: string, declared: number, room: number): number => {
      if (declared > room) this.sink.warn('warn.mp4.tableShort', { box, count: declared, held: room })
      return Math.min(declared, room)
    }
    const chunkCount = held(wide ? 'co64' : 'stco', u32(b, chunkTable[0] + 4), Math.floor((chunkTable[1] - chunkTable[0] - 8) / (wide ? 8 : 4)))
    const stscCount = held('stsc', u32(b, stsc[0] + 4), Math.floor((stsc[1] - stsc[0] - 8) / 12))
    const out: Samples = { offsets: new Float64Array(count), sizes: new Uint32Array(count), ptsMs: new Float64Array(count), count }
    let sample = 0
    for (let r = 0; r < stscCount && sample < count; r++) {
      const at = stsc[0] + 8 + 12 * r
      const firstChunk = u32(b, at) - 1
      const perChunk = u32(b, at + 4)
      const lastChunk = r + 1 < stscCount ? u32(b, at + 12) - 1 : chunkCount
      for (let ch = Math.max(0, firstChunk); ch < Math.min(lastChunk, chunkCount) && sample < count; ch++) {
        let offset = wide ? u64(b, chunkTable[0] + 8 + 8 * ch) : u32(b, chunkTable[0] + 8 + 4 * ch)
        for (let k = 0; k < perChunk && sample < count; k++, sample++) {
          const size = sizeAt(sample)
          out.offsets[sample] = offset
          out.sizes[sample] = size
          offset += size
        }
      }
    }
    out.count = sample
    let dts = 0
    let i = 0
    if (stts) {
      const n = held('stts', u32(b, stts[0] + 4), Math.floor((stts[1] - stts[0] - 8) / 8))
      for (let r = 0; r < n && i < sample; r++) {
        const runCount = u32(b, stts[0] + 8 + 8 * r)
        const delta = u32(b, stts[0] + 12 + 8 * r)
        for (let k = 0; k < runCount && i < sample; k++, i++) {
          out.ptsMs[i] = dts
          dts += delta
        }
      }
    }
    for (; i < sample; i++) out.ptsMs[i] = dts
    if (ctts) {
      const n = Math.min(u32(b, ctts[0] + 4), Math.floor((ctts[1] - ctts[0] - 8) / 8))
      i = 0
      for (let r = 0; r < n && i < sample; r++) {
        const runCount = u32(b, ctts[0] + 8 + 8 * r)
        const offset = i32(b, ctts[0] + 12 + 8 * r)
        for (let k = 0; k < runCount && i < sample; k++, i++) out.ptsMs[i] = (out.ptsMs[i] as number) + offset
      }
    }
    for (i = 0; i < sample; i++) out.ptsMs[i] = (((out.ptsMs[i] as number) - track.editShift) * 1000) / track.timescale
    const sorted = sortByOffset(out)
    // Samples that share bytes cannot all be what the table says: the first is read, the rest are dropped.
    for (let k = 1; k < sorted.count; k++) {
      if ((sorted.offsets[k] as number) < (sorted.offsets[k - 1] as number) + (sorted.sizes[k - 1] as number)) {
        this.sink.warn('warn.mp4.overlap', { offset: sorted.offsets[k] as number })
        break
      }
    }
    return sorted
  }

  private moof(b: Uint8Array): void {
    const track = this.track
    if (!track) {
      this.sink.warn('warn.mp4.moofFirst', { offset: this.boxOffset })
      return
    }
    const moofOffset = this.boxOffset
    const offsets: number[] = []
    const sizes: number[] = []
    const times: number[] = []
    const budget = sampleBudget(b.length)
    let overBudget = false
    boxes(b, 0, b.length, (type, s, e) => {
      if (type !== 'traf') return
      const tfhd = find(b, s, e, 'tfhd')
      if (!tfhd || tfhd[1] - tfhd[0] < 8 || u32(b, tfhd[0] + 4) !== track.id) return
      const flags = u32(b, tfhd[0]) & 0xffffff
      let at = tfhd[0] + 8
      let base = moofOffset
      if (flags & 0x01) {
        base = u64(b, at)
        at += 8
      }
      if (flags & 0x02) at += 4
      let defaultDuration = track.defaultDuration
      let defaultSize = track.defaultSize
      if (flags & 0x08) {
        defaultDuration = u32(b, at)
        at += 4
      }
      if (flags & 0x10) defaultSize = u32(b, at)
      const tfdt = find(b, s, e, 'tfdt')
      let dts = track.nextDts
      if (tfdt) dts = b[tfdt[0]] === 1 ? u64(b, tfdt[0] + 4) : u32(b, tfdt[0] + 4)
      let dataEnd = base
      boxes(b, s, e, (t, ts, te) => {
        if (t !== 'trun' || te - ts < 8) return
        const version = b[ts]
        const tf = u32(b, ts) & 0xffffff
        const count = u32(b, ts + 4)
        let p = ts + 8
        let offset = dataEnd
        if (tf & 0x01) {
          offset = base + i32(b, p)
          p += 4
        }
        if (tf & 0x04) p += 4
        const fieldBytes = 4 * (((tf >> 8) & 1) + ((tf >> 9) & 1) + ((tf >> 10) & 1) + ((tf >> 11) & 1))
        if (fieldBytes > 0 && count > (te - p) / fieldBytes) {
          this.sink.warn('warn.mp4.trunShort', { offset: moofOffset, count })
        }
        // Without per-sample fields nothing bounds count but the muxer's word; a GOP is far smaller.
        const n = fieldBytes > 0 ? Math.min(count, Math.floor((te - p) / fieldBytes)) : Math.min(count, maxFieldlessRun)
        if (fieldBytes === 0 && count > maxFieldlessRun) this.sink.warn('warn.mp4.trunCapped', { offset: moofOffset, count, max: maxFieldlessRun })
        if (offsets.length + n > budget && !overBudget) {
          overBudget = true
          this.sink.warn('warn.mp4.moofTooBig', { offset: moofOffset, budget, bytes: b.length })
        }
        for (let k = 0; k < n && offsets.length < budget; k++) {
          let duration = defaultDuration
          let size = defaultSize
          let cto = 0
          if (tf & 0x100) {
            duration = u32(b, p)
            p += 4
          }
          if (tf & 0x200) {
            size = u32(b, p)
            p += 4
          }
          if (tf & 0x400) p += 4
          if (tf & 0x800) {
            cto = version === 1 ? i32(b, p) : u32(b, p)
            p += 4
          }
          offsets.push(offset)
          sizes.push(size)
          times.push(((dts + cto - track.editShift) * 1000) / track.timescale)
          offset += size
          dts += duration
        }
        dataEnd = offset
      })
      track.nextDts = dts
    })
    this.samples = sortByOffset({ offsets: Float64Array.from(offsets), sizes: Uint32Array.from(sizes), ptsMs: Float64Array.from(times), count: offsets.length })
  }

  private resolvePending(): void {
    const s = this.samples
    let dropped = 0
    const codec = this.codec as SeiCodec
    for (const m of this.pending.nals) {
      // The last sample starting at or before the message, found by bisection.
      let lo = 0
      let hi = s.count - 1
      let found = -1
      while (lo <= hi) {
        const mid = (lo + hi) >> 1
        if ((s.offsets[mid] as number) <= m.offset) {
          found = mid
          lo = mid + 1
        } else hi = mid - 1
      }
      if (found >= 0 && m.offset < (s.offsets[found] as number) + (s.sizes[found] as number) && isSeiNal(codec, m.firstByte)) {
        this.sink.sei(codec, m.firstByte, m.body, s.ptsMs[found] as number, m.offset)
      } else if (isSeiNal(codec, m.firstByte)) dropped++
    }
    if (dropped > 0) this.sink.warn('warn.mp4.outsideSamples', { count: dropped })
    this.pending = new PendingNals(this.sink)
  }
}

function sortByOffset(s: Samples): Samples {
  let sorted = true
  for (let i = 1; i < s.count && sorted; i++) if ((s.offsets[i] as number) < (s.offsets[i - 1] as number)) sorted = false
  if (sorted) return s
  const order = Array.from({ length: s.count }, (_, i) => i).sort((a, b) => (s.offsets[a] as number) - (s.offsets[b] as number))
  return {
    offsets: Float64Array.from(order, (i) => s.offsets[i] as number),
    sizes: Uint32Array.from(order, (i) => s.sizes[i] as number),
    ptsMs: Float64Array.from(order, (i) => s.ptsMs[i] as number),
    count: s.count,
  }
}
