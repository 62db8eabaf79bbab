// MPEG-2 transport streams (ISO/IEC 13818-1): 188-byte packets (§2.4.3.2), PAT and PMT sections
// (§2.4.4.3, §2.4.4.8), PES packets with their PTS (§2.4.3.6/7). The first H.264 (stream_type
// 0x1B) or H.265 (0x24) elementary stream of the first program is read; its PES payloads are an
// Annex B byte stream. PAT and PMT are expected to fit one packet each, as muxers write them.

import { AnnexBNals } from './annexB'
import { ByteCursor } from './byteCursor'
import { type SeiCodec } from './seiWriter'
import { type SeiSink } from './seiSink'

const SYNC = 0
const PACKET = 1

const streamTypeCodec: Record<number, SeiCodec> = { 0x1b: 'h264', 0x24: 'h265' }

export class MpegTsParser {
  codec: SeiCodec | undefined
  private readonly cursor = new ByteCursor()
  private state = SYNC
  private packetOffset = 0
  private lostSyncAt = -1
  private pmtPid = -1
  private videoPid = -1
  private nals: AnnexBNals | undefined
  private ptsMs = 0
  private inPes = false

  constructor(private readonly sink: SeiSink) {}

  push(chunk: Uint8Array): void {
    const c = this.cursor
    c.feed(chunk)
    for (;;) {
      if (this.state === SYNC) {
        const at = c.position
        const b = c.take(1)
        if (!b) return
        if (b[0] === 0x47) {
          if (this.lostSyncAt >= 0) this.sink.warn('warn.ts.syncLost', { offset: this.lostSyncAt, at })
          this.lostSyncAt = -1
          this.packetOffset = at
          this.state = PACKET
        } else if (this.lostSyncAt < 0) this.lostSyncAt = at
      } else {
        const p = c.take(187)
        if (!p) return
        this.packet(p)
        this.state = SYNC
      }
    }
  }

  end(): void {
    this.nals?.flush()
    if (this.state === PACKET || this.cursor.pending > 0) this.sink.warn('warn.ts.endsInPacket', { offset: this.packetOffset })
    if (this.lostSyncAt >= 0) this.sink.warn('warn.ts.endsUnsynced', { offset: this.lostSyncAt })
  }

  /** p: the packet after its sync byte. */
  private packet(p: Uint8Array): void {
    const b0 = p[0] as number
    if (b0 & 0x80) return // transport_error_indicator
    const pusi = (b0 & 0x40) !== 0
    const pid = ((b0 & 0x1f) << 8) | (p[1] as number)
    const afc = ((p[2] as number) >> 4) & 3
    if (!(afc & 1)) return
    let start = 3
    if (afc & 2) start += 1 + (p[3] as number)
    if (start >= p.length) return
    const payload = p.subarray(start)
    if (pid === 0) {
      if (pusi) this.pat(payload)
    } else if (pid === this.pmtPid) {
      if (pusi) this.pmt(payload)
    } else if (pid === this.videoPid && this.nals) {
      const payloadOffset = this.packetOffset + 1 + start
      if (pusi) this.pesStart(payload, payloadOffset, this.nals)
      else if (this.inPes) this.nals.push(payload, payloadOffset, this.ptsMs)
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
