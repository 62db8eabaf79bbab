// MPEG-2 transport streams (ISO/IEC 13818-1): 188-byte packets (§2.4.3.2; 192 and 204 too), PAT and PMT sections
// (§2.4.4.3, §2.4.4.8), PES packets with their PTS (§2.4.3.6/7). The first H.264 (stream_type
// 0x1B) or H.265 (0x24) elementary stream of the first program is read; its PES payloads are an
// Annex B byte stream. PAT and PMT are expected to fit one packet each, as muxers write them.

import { AnnexBNals } from './annexB'
import { type SeiCodec } from './seiWriter'
import { type SeiSink } from './seiSink'

/**
 * Packet layouts: 188 bytes (§2.4.3.2); 192, a 4-byte timecode before each packet (M2TS); 204, 16
 * Reed-Solomon bytes after each packet. `lead` is where the sync byte sits in a packet.
 */
export interface TsLayout {
  stride: number
  lead: number
}
const layouts: TsLayout[] = [
  { stride: 188, lead: 0 },
  { stride: 192, lead: 4 },
  { stride: 204, lead: 0 },
]

/** The layout with the longest run of sync bytes from the start of `head` (at least two), or undefined. */
export function tsLayout(head: Uint8Array): TsLayout | undefined {
  let best: TsLayout | undefined
  let bestRun = 1
  for (const l of layouts) {
    let run = 0
    for (let at = l.lead; at < head.length && head[at] === 0x47; at += l.stride) run++
    if (run > bestRun) [best, bestRun] = [l, run]
  }
  return best
}

const streamTypeCodec: Record<number, SeiCodec> = { 0x1b: 'h264', 0x24: 'h265' }

export class MpegTsParser {
  codec: SeiCodec | undefined
  private layout: TsLayout | undefined
  /** The start of a packet cut by the end of a chunk, completed from the next one. */
  private readonly carry = new Uint8Array(204)
  private carried = 0
  /** Input offset of the next chunk's first byte. */
  private base = 0
  private packetOffset = 0
  private lostSyncAt = -1
  private pmtPid = -1
  private videoPid = -1
  private nals: AnnexBNals | undefined
  private ptsMs = 0
  private inPes = false
  private oneIn: Uint8Array | null = null
  private oneAt = -1

  constructor(private readonly sink: SeiSink) {}

  /**
   * Packets are read in place, one stride apart; only a packet cut by the end of a chunk is copied
   * (into `carry`). A packet of another PID costs a header read: nothing is allocated for it.
   */
  push(chunk: Uint8Array): void {
    const base = this.base
    this.base += chunk.length
    // The remembered 0x01 belongs to the last chunk (and the carry's bytes change): forget it.
    this.oneIn = null
    const layout = (this.layout ??= tsLayout(chunk) ?? layouts[0]!)
    const { stride, lead } = layout
    const n = chunk.length
    let i = 0
    if (this.carried > 0) {
      const need = stride - this.carried
      if (n < need) {
        this.carry.set(chunk, this.carried)
        this.carried += n
        return
      }
      this.carry.set(chunk.subarray(0, need), this.carried)
      this.carried = 0
      const start = base - (stride - need)
      if (this.carry[lead] === 0x47) {
        this.synced(start)
        this.packet(this.carry, lead + 1, lead + 188, start)
        this.oneIn = null
        i = need
      } else {
        // Not a packet after all: read its bytes again, one past where it seemed to start.
        const again = new Uint8Array(stride - 1 + n - need)
        again.set(this.carry.subarray(1, stride))
        again.set(chunk.subarray(need), stride - 1)
        this.lost(start)
        this.base = start + 1
        return this.push(again)
      }
    }
    while (i < n) {
      if (i + lead < n && chunk[i + lead] !== 0x47) {
        this.lost(base + i)
        const j = chunk.indexOf(0x47, i + lead + 1)
        if (j < 0) {
          // Keep what could be the lead of a packet whose sync byte comes next.
          i = Math.max(i + 1, n - lead)
          break
        }
        i = j - lead
        continue
      }
      if (i + stride > n) break
      this.synced(base + i)
      this.packet(chunk, i + lead + 1, i + lead + 188, base + i)
      i += stride
    }
    if (i < n) {
      this.carry.set(chunk.subarray(i))
      this.carried = n - i
    }
  }

  end(): void {
    this.nals?.flush()
    if (this.carried > 0 && (this.carried <= this.layout!.lead || this.carry[this.layout!.lead] === 0x47)) this.sink.warn('warn.ts.endsInPacket', { offset: this.base - this.carried })
    if (this.lostSyncAt >= 0) this.sink.warn('warn.ts.endsUnsynced', { offset: this.lostSyncAt })
  }

  /**
   * The next 0x01 at or after `from` in `bytes` (Infinity: none). Remembered per buffer, so each
   * byte of a chunk is searched once however many packets ask: no start code is in a payload that
   * ends before it.
   */
  nextOne(bytes: Uint8Array, from: number): number {
    if (bytes !== this.oneIn || this.oneAt < from) {
      const j = bytes.indexOf(1, from)
      this.oneIn = bytes
      this.oneAt = j < 0 ? Infinity : j
    }
    return this.oneAt
  }

  private lost(at: number): void {
    if (this.lostSyncAt < 0) this.lostSyncAt = at
  }

  private synced(at: number): void {
    if (this.lostSyncAt >= 0) this.sink.warn('warn.ts.syncLost', { offset: this.lostSyncAt, at })
    this.lostSyncAt = -1
  }

  /** The packet in bytes[from, to) after its sync byte; `at` is the input offset where the packet starts. */
  private packet(bytes: Uint8Array, from: number, to: number, at: number): void {
    const b0 = bytes[from] as number
    if (b0 & 0x80) return // transport_error_indicator
    const pid = ((b0 & 0x1f) << 8) | (bytes[from + 1] as number)
    if (pid !== 0 && pid !== this.pmtPid && pid !== this.videoPid) return
    const afc = ((bytes[from + 2] as number) >> 4) & 3
    if (!(afc & 1)) return
    let start = from + 3
    if (afc & 2) start += 1 + (bytes[from + 3] as number)
    if (start >= to) return
    const pusi = (b0 & 0x40) !== 0
    this.packetOffset = at + this.layout!.lead
    if (pid === 0) {
      if (pusi) this.pat(bytes.subarray(start, to))
    } else if (pid === this.pmtPid) {
      if (pusi) this.pmt(bytes.subarray(start, to))
    } else if (this.nals) {
      const payloadOffset = at + (start - from) + 1 + this.layout!.lead
      if (pusi) this.pesStart(bytes.subarray(start, to), payloadOffset, this.nals)
      else if (this.inPes && !this.nals.passOver(bytes, start, to, this)) this.nals.push(bytes.subarray(start, to), payloadOffset, this.ptsMs)
    }
  }

  /** The section after pointer_field, with section_length checked against the packet. */
  private section(payload: Uint8Array, tableId: number): Uint8Array | undefined {
    const pointer = payload[0]
    if (pointer === undefined) return undefined
    const s = payload.subarray(1 + pointer)
    if (s.length < 3 || s[0] !== tableId) return undefined
    const length = (((s[1] as number) & 0x0f) << 8) | (s[2] as number)
    if (3 + length > s.length || length < 9) {
      this.sink.warn('warn.ts.sectionTooBig', { table: tableId })
      return undefined
    }
    return s.subarray(0, 3 + length - 4) // without CRC_32
  }

  private pat(payload: Uint8Array): void {
    const s = this.section(payload, 0x00)
    if (!s) return
    for (let i = 8; i + 4 <= s.length; i += 4) {
      const program = ((s[i] as number) << 8) | (s[i + 1] as number)
      if (program === 0) continue // network_PID
      this.pmtPid = (((s[i + 2] as number) & 0x1f) << 8) | (s[i + 3] as number)
      return
    }
  }

  private pmt(payload: Uint8Array): void {
    const s = this.section(payload, 0x02)
    if (!s || this.videoPid >= 0) return
    const programInfoLength = (((s[10] as number) & 0x0f) << 8) | (s[11] as number)
    for (let i = 12 + programInfoLength; i + 5 <= s.length; ) {
      const streamType = s[i] as number
      const pid = (((s[i + 1] as number) & 0x1f) << 8) | (s[i + 2] as number)
      const esInfoLength = (((s[i + 3] as number) & 0x0f) << 8) | (s[i + 4] as number)
      const codec = streamTypeCodec[streamType]
      if (codec) {
        this.videoPid = pid
        this.codec = codec
        this.nals = new AnnexBNals(codec, this.sink)
        return
      }
      i += 5 + esInfoLength
    }
  }

  private pesStart(payload: Uint8Array, payloadOffset: number, nals: AnnexBNals): void {
    nals.flush()
    this.inPes = false
    if (payload.length < 9 || payload[0] !== 0 || payload[1] !== 0 || payload[2] !== 1) {
      this.sink.warn('warn.ts.noPesStart', { offset: this.packetOffset })
      return
    }
    const flags = payload[7] as number
    const headerDataLength = payload[8] as number
    const esStart = 9 + headerDataLength
    if (esStart > payload.length) {
      this.sink.warn('warn.ts.pesHeaderTooBig', { offset: this.packetOffset })
      return
    }
    if (flags & 0x80) {
      if (headerDataLength < 5) {
        this.sink.warn('warn.ts.pesNoPts', { offset: this.packetOffset })
        return
      }
      const p = payload
      // PTS[32..30], PTS[29..15], PTS[14..0] around marker bits, in 90 kHz units (§2.4.3.7).
      const pts = (((p[9] as number) >> 1) & 7) * 2 ** 30 + (p[10] as number) * 2 ** 22 + ((p[11] as number) >> 1) * 2 ** 15 + (p[12] as number) * 2 ** 7 + ((p[13] as number) >> 1)
      this.ptsMs = pts / 90
    }
    this.inPes = true
    nals.push(payload.subarray(esStart), payloadOffset + esStart, this.ptsMs)
  }
}
