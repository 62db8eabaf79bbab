// NAL unit headers, emulation-prevention removal and SEI message parsing for H.264
// (ISO/IEC 14496-10 §7.3.1, §7.3.2.3.1, §7.3.5) and H.265 (ISO/IEC 23008-2 §7.3.1.2, §7.3.5).

import { type SeiCodec } from './seiWriter'
import type { SayParams, WarningKey } from '../messages/catalogue'

export interface ParsedSei {
  payloadType: number
  /** payload type 5: uuid_iso_iec_11578 as 32 lowercase hex digits. */
  uuid?: string
  /** The payload after the uuid for type 5; never a view of the input chunk, so it does not keep it alive. */
  payload: Uint8Array
}

export function nalUnitType(codec: SeiCodec, firstByte: number): number {
  return codec === 'h264' ? firstByte & 0x1f : (firstByte >> 1) & 0x3f
}

/** H.264 nal_unit_type 6; H.265 PREFIX_SEI_NUT 39 and SUFFIX_SEI_NUT 40. */
export function isSeiNal(codec: SeiCodec, firstByte: number): boolean {
  if (firstByte & 0x80) return false // forbidden_zero_bit
  const type = nalUnitType(codec, firstByte)
  return codec === 'h264' ? type === 6 : type === 39 || type === 40
}

const hex = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, '0'))

export function toHex(bytes: Uint8Array): string {
  let s = ''
  for (const b of bytes) s += hex[b]
  return s
}

/** more_rbsp_data() at a message boundary: false once only rbsp_trailing_bits (and zero padding) remain. */
function moreRbspData(rbsp: Uint8Array, at: number): boolean {
  if (at >= rbsp.length) return false
  if (rbsp[at] !== 0x80) return true
  for (let i = at + 1; i < rbsp.length; i++) if (rbsp[i] !== 0) return true
  return false
}

// Payloads are handed out as views of 64 KiB slabs this module fills: one memory copy per NAL unit
// (emulation prevention removed on the way, only when there is some), no allocation per unit or
// message, and never a view of the caller's chunk, which the caller may reuse.
const slabBytes = 1 << 16
let slab = new Uint8Array(slabBytes)
let slabUsed = 0

/** `escaped` without its emulation-prevention bytes (each 0x03 after two zeros, §7.4.1.1), in fresh memory that no one else writes. */
export function unescapedCopy(escaped: Uint8Array): Uint8Array {
  const n = escaped.length
  let dst: Uint8Array
  if (n > slabBytes >> 2) dst = new Uint8Array(n)
  else {
    if (slabUsed + n > slabBytes) {
      slab = new Uint8Array(slabBytes)
      slabUsed = 0
    }
    dst = slab.subarray(slabUsed, slabUsed + n)
  }
  // The first emulation-prevention byte (00 00 03): only the 03s are looked at, found natively.
  let first = -1
  for (let i = escaped.indexOf(3, 2); i >= 0; i = escaped.indexOf(3, i + 1)) {
    if (escaped[i - 1] === 0 && escaped[i - 2] === 0) {
      first = i
      break
    }
  }
  let o = n
  if (first < 0) dst.set(escaped)
  else {
    dst.set(escaped.subarray(0, first))
    o = first
    let zeros = 0
    for (let i = first + 1; i < n; i++) {
      const b = escaped[i] as number
      if (zeros >= 2 && b === 3) {
        zeros = 0
        continue
      }
      dst[o++] = b
      zeros = b === 0 ? zeros + 1 : 0
    }
  }
  if (dst.buffer === slab.buffer) slabUsed += o
  return dst.subarray(0, o)
}

let lastUuidBytes = new Uint8Array(16)
let lastUuid = ''

/** The uuid as hex; a stream repeats one or two, so the last is remembered. */
function uuidOf(bytes: Uint8Array): string {
  for (let i = 0; i < 16; i++) {
    if (bytes[i] !== lastUuidBytes[i]) {
      lastUuidBytes = bytes.slice(0, 16)
      lastUuid = toHex(lastUuidBytes)
      break
    }
  }
  return lastUuid
}

/** Receives each SEI message of a NAL unit: its payloadType, the uuid of type 5, the payload. */
export type SeiVisitor = (payloadType: number, uuid: string | undefined, payload: Uint8Array) => void

/** The SEI messages of one NAL unit body, as a list (see walkSeiNal). */
export function parseSeiNal(codec: SeiCodec, bodyAfterFirstByte: Uint8Array, warn: (key: WarningKey, params?: SayParams) => void): ParsedSei[] {
  const out: ParsedSei[] = []
  walkSeiNal(codec, bodyAfterFirstByte, warn, (payloadType, uuid, payload) => out.push(uuid === undefined ? { payloadType, payload } : { payloadType, uuid, payload }))
  return out
}

/**
 * Walks the SEI messages of one NAL unit body (the bytes after the first header byte, still
 * escaped). Malformed data ends the walk with a warning; messages before it are kept.
 */
export function walkSeiNal(codec: SeiCodec, bodyAfterFirstByte: Uint8Array, warn: (key: WarningKey, params?: SayParams) => void, visit: SeiVisitor): void {
  const rbsp = unescapedCopy(codec === 'h265' ? bodyAfterFirstByte.subarray(1) : bodyAfterFirstByte)
  let at = 0
  while (moreRbspData(rbsp, at)) {
    let payloadType = 0
    let b = rbsp[at++]
    while (b === 0xff) {
      payloadType += 255
      b = rbsp[at++]
    }
    if (b === undefined) {
      warn('warn.nal.cutInType')
      break
    }
    payloadType += b
    let payloadSize = 0
    b = rbsp[at++]
    while (b === 0xff) {
      payloadSize += 255
      b = rbsp[at++]
    }
    if (b === undefined) {
      warn('warn.nal.cutInSize')
      break
    }
    payloadSize += b
    if (at + payloadSize > rbsp.length) {
      warn('warn.nal.pastNal', { bytes: payloadSize, left: rbsp.length - at })
      break
    }
    const data = rbsp.subarray(at, at + payloadSize)
    at += payloadSize
    if (payloadType === 5) {
      if (payloadSize < 16) {
        warn('warn.nal.noUuid', { bytes: payloadSize })
        continue
      }
      visit(payloadType, uuidOf(data), data.subarray(16))
    } else visit(payloadType, undefined, data)
  }
}
