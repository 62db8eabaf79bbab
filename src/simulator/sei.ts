// H.264 SEI NAL units for the simulator's live streams (ISO/IEC 14496-10 §7.3.2.3.1 sei_rbsp,
// §7.3.4 emulation prevention). Payload type 5 is user_data_unregistered: a 16-byte UUID then data.

export interface SeiMessage {
  payloadType: number
  /** For payload type 5: the 16-byte UUID as 32 hex digits. */
  uuid?: string
  payload: Uint8Array
}

function ffCoded(value: number, out: number[]): void {
  let v = value
  while (v >= 255) {
    out.push(255)
    v -= 255
  }
  out.push(v)
}

/** Inserts 0x03 after any two zero bytes followed by a byte ≤ 3. */
export function addEmulationPrevention(rbsp: Uint8Array): Uint8Array {
  const out: number[] = []
  let zeros = 0
  for (const b of rbsp) {
    if (zeros >= 2 && b <= 3) {
      out.push(3)
      zeros = 0
    }
    out.push(b)
    zeros = b === 0 ? zeros + 1 : 0
  }
  return Uint8Array.from(out)
}

export function buildH264SeiNal(messages: SeiMessage[]): Uint8Array {
  const rbsp: number[] = []
  for (const m of messages) {
    const uuid = m.payloadType === 5 ? Uint8Array.from((m.uuid ?? '').match(/../g) ?? [], (h) => parseInt(h, 16)) : new Uint8Array(0)
    ffCoded(m.payloadType, rbsp)
    ffCoded(uuid.length + m.payload.length, rbsp)
    rbsp.push(...uuid, ...m.payload)
  }
  rbsp.push(0x80) // rbsp_trailing_bits
  const body = addEmulationPrevention(Uint8Array.from(rbsp))
  const nal = new Uint8Array(1 + body.length)
  nal[0] = 0x06 // nal_ref_idc 0, nal_unit_type 6
  nal.set(body, 1)
  return nal
}
