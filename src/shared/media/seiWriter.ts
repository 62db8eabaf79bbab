// SEI NAL units for H.264 (ISO/IEC 14496-10 §7.3.2.3.1 sei_rbsp, §7.3.5 sei_message) and H.265
// (ISO/IEC 23008-2 §7.3.2.4, prefix SEI nal_unit_type 39). Emulation prevention follows
// 14496-10 §7.4.1 / 23008-2 §7.4.2: a 0x03 after any two zero bytes that precede a byte ≤ 0x03.

export type SeiCodec = 'h264' | 'h265'

export interface SeiMessageInput {
  payloadType: number
  payload: Uint8Array
  /** user_data_unregistered (type 5) only: the 16-byte uuid_iso_iec_11578 written before the payload. */
  uuid?: Uint8Array
}

/** payloadType and payloadSize are coded as a run of 0xFF bytes plus a last byte (§7.3.5). */
function codedLength(value: number): number {
  return Math.floor(value / 255) + 1
}

function writeCoded(out: Uint8Array, at: number, value: number): number {
  let v = value
  let i = at
  while (v >= 255) {
    out[i++] = 0xff
    v -= 255
  }
  out[i++] = v
  return i
}

function insertEmulationPrevention(rbsp: Uint8Array, headerSize: number): Uint8Array {
  let extra = 0
  let zeros = 0
  for (let i = headerSize; i < rbsp.length; i++) {
    const b = rbsp[i] as number
    if (zeros >= 2 && b <= 3) {
      extra++
      zeros = 0
    }
    zeros = b === 0 ? zeros + 1 : 0
  }
  if (extra === 0) return rbsp
  const out = new Uint8Array(rbsp.length + extra)
  out.set(rbsp.subarray(0, headerSize))
  let o = headerSize
  zeros = 0
  for (let i = headerSize; i < rbsp.length; i++) {
    const b = rbsp[i] as number
    if (zeros >= 2 && b <= 3) {
      out[o++] = 3
      zeros = 0
    }
    out[o++] = b
    zeros = b === 0 ? zeros + 1 : 0
  }
  return out
}

/**
 * One SEI NAL unit, without start code or length prefix. For payload type 5 the uuid (16 bytes) is
 * prepended to the payload and counted in payloadSize; without a uuid the payload is written as
 * given (it must then already start with one).
 */
export function buildSeiNalUnit(codec: SeiCodec, messages: Array<{ payloadType: number; payload: Uint8Array; uuid?: Uint8Array }>): Uint8Array {
  const headerSize = codec === 'h264' ? 1 : 2
  let size = headerSize + 1 // header + rbsp_trailing_bits
  for (const m of messages) {
    const body = m.payload.length + (m.payloadType === 5 && m.uuid ? m.uuid.length : 0)
    size += codedLength(m.payloadType) + codedLength(body) + body
  }
  const rbsp = new Uint8Array(size)
  if (codec === 'h264') {
    rbsp[0] = 0x06 // forbidden_zero_bit 0, nal_ref_idc 0, nal_unit_type 6
  } else {
    rbsp[0] = 39 << 1 // forbidden_zero_bit 0, nal_unit_type 39 (PREFIX_SEI_NUT), nuh_layer_id 0
    rbsp[1] = 0x01 // nuh_temporal_id_plus1 1
  }
  let at = headerSize
  for (const m of messages) {
    const uuid = m.payloadType === 5 && m.uuid ? m.uuid : undefined
    at = writeCoded(rbsp, at, m.payloadType)
    at = writeCoded(rbsp, at, m.payload.length + (uuid ? uuid.length : 0))
    if (uuid) {
      rbsp.set(uuid, at)
      at += uuid.length
    }
    rbsp.set(m.payload, at)
    at += m.payload.length
  }
  rbsp[at] = 0x80 // rbsp_stop_one_bit then alignment zeros
  return insertEmulationPrevention(rbsp, headerSize)
}
