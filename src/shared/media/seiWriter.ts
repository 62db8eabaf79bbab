// One SEI NAL unit from messages: sei_rbsp (ISO/IEC 14496-10 §7.3.2.3.1, ITU-T H.265 §7.3.2.4),
// sei_message payload type/size as runs of 0xFF plus a last byte (§7.3.5), rbsp_trailing_bits,
// then emulation prevention (H.264 §7.4.1, H.265 §7.4.2). No start code or length prefix: the
// caller frames it for Annex B or avcC/hvcC.

export interface SeiWriterMessage {
  payloadType: number
  payload: Uint8Array
  /** user_data_unregistered (type 5): the 16-byte uuid_iso_iec_11578 written before the payload. */
  uuid?: Uint8Array
}

function ffCodedLength(value: number): number {
  return Math.floor(value / 255) + 1
}

function writeFfCoded(out: Uint8Array, at: number, value: number): number {
  let o = at
  let v = value
  while (v >= 255) {
    out[o++] = 0xff
    v -= 255
  }
  out[o++] = v
  return o
}

export function buildSeiNalUnit(codec: 'h264' | 'h265', messages: Array<{ payloadType: number; payload: Uint8Array; uuid?: Uint8Array }>): Uint8Array {
  let rbspLength = 1 // rbsp_trailing_bits
  for (const m of messages) {
    if (!Number.isInteger(m.payloadType) || m.payloadType < 0) throw new RangeError(`SEI payloadType ${m.payloadType} is not a non-negative integer`)
    if (m.uuid && m.uuid.length !== 16) throw new RangeError(`SEI uuid must be 16 bytes, got ${m.uuid.length}`)
    const size = (m.payloadType === 5 && m.uuid ? 16 : 0) + m.payload.length
    rbspLength += ffCodedLength(m.payloadType) + ffCodedLength(size) + size
  }
  const rbsp = new Uint8Array(rbspLength)
  let o = 0
  for (const m of messages) {
    const uuid = m.payloadType === 5 ? m.uuid : undefined
    o = writeFfCoded(rbsp, o, m.payloadType)
    o = writeFfCoded(rbsp, o, (uuid ? 16 : 0) + m.payload.length)
    if (uuid) {
      rbsp.set(uuid, o)
      o += 16
    }
    rbsp.set(m.payload, o)
    o += m.payload.length
  }
  rbsp[o] = 0x80

  // H.264: forbidden_zero_bit 0, nal_ref_idc 0, nal_unit_type 6. H.265: nal_unit_type 39
  // (PREFIX_SEI_NUT), nuh_layer_id 0, nuh_temporal_id_plus1 1.
  const header = codec === 'h264' ? [0x06] : [39 << 1, 0x01]
  let extra = 0
  for (let i = 0, zeros = 0; i < rbsp.length; i++) {
    const b = rbsp[i] as number
    if (zeros >= 2 && b <= 3) {
      extra++
      zeros = 0
    }
    zeros = b === 0 ? zeros + 1 : 0
  }
  const nal = new Uint8Array(header.length + rbsp.length + extra)
  nal.set(header, 0)
  let w = header.length
  for (let i = 0, zeros = 0; i < rbsp.length; i++) {
    const b = rbsp[i] as number
    if (zeros >= 2 && b <= 3) {
      nal[w++] = 0x03 // emulation_prevention_three_byte
      zeros = 0
    }
    nal[w++] = b
    zeros = b === 0 ? zeros + 1 : 0
  }
  return nal
}

// The simulator builds volume-layout SEI next to this writer; one import site is enough for it.
export { volumeLayoutPayload, type VolumeLayout } from './volumeLayout'
