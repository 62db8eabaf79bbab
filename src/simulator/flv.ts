// A small FLV muxer for one H.264 track (FLV 10.1 spec, §E.4.3 video tags, §E.4.3.1
// AVCVIDEOPACKET) and the H.264 Annex B splitting it needs (ISO/IEC 14496-10 Annex B, §7.4.1.2).
// Pure: bytes in, bytes out.

export interface Frame {
  /** NAL units without start codes, SPS/PPS and encoder SEI removed. */
  nalus: Uint8Array[]
  keyframe: boolean
}

export interface Clip {
  sps: Uint8Array
  pps: Uint8Array
  frames: Frame[]
}

/** Splits an Annex B byte stream on 3- and 4-byte start codes. */
export function splitAnnexB(data: Uint8Array): Uint8Array[] {
  const out: Uint8Array[] = []
  let start = -1
  let i = 0
  while (i + 2 < data.length) {
    if (data[i] === 0 && data[i + 1] === 0 && data[i + 2] === 1) {
      if (start >= 0) {
        let end = i
        if (end > start && data[end - 1] === 0) end--
        out.push(data.subarray(start, end))
      }
      i += 3
      start = i
    } else i++
  }
  if (start >= 0 && start < data.length) out.push(data.subarray(start))
  return out.filter((n) => n.length > 0)
}

/** Groups a single-slice-per-picture Annex B clip into frames, keeping SPS/PPS aside. */
export function parseClip(data: Uint8Array): Clip | null {
  let sps: Uint8Array | undefined
  let pps: Uint8Array | undefined
  const frames: Frame[] = []
  for (const nal of splitAnnexB(data)) {
    const type = (nal[0] ?? 0) & 0x1f
    if (type === 7) sps ??= nal
    else if (type === 8) pps ??= nal
    else if (type === 1 || type === 5) frames.push({ nalus: [nal], keyframe: type === 5 })
  }
  return sps && pps && frames.length > 0 ? { sps, pps, frames } : null
}

export function flvHeader(): Uint8Array {
  // "FLV", version 1, flags 0x01 (video only), header size 9, then PreviousTagSize0 = 0.
  return Uint8Array.of(0x46, 0x4c, 0x56, 1, 0x01, 0, 0, 0, 9, 0, 0, 0, 0)
}

function tag(type: number, timestampMs: number, data: Uint8Array): Uint8Array {
  const out = new Uint8Array(11 + data.length + 4)
  const v = new DataView(out.buffer)
  const ts = Math.max(0, Math.floor(timestampMs)) >>> 0
  out[0] = type
  out[1] = (data.length >>> 16) & 0xff
  out[2] = (data.length >>> 8) & 0xff
  out[3] = data.length & 0xff
  out[4] = (ts >>> 16) & 0xff
  out[5] = (ts >>> 8) & 0xff
  out[6] = ts & 0xff
  out[7] = (ts >>> 24) & 0xff // TimestampExtended
  out.set(data, 11)
  v.setUint32(11 + data.length, 11 + data.length)
  return out
}

/** AVC sequence header: an AVCDecoderConfigurationRecord (ISO/IEC 14496-15 §5.2.4.1). */
export function avcSequenceHeaderTag(sps: Uint8Array, pps: Uint8Array): Uint8Array {
  const rec = new Uint8Array(6 + 2 + sps.length + 1 + 2 + pps.length)
  let o = 0
  rec[o++] = 1
  rec[o++] = sps[1] ?? 66
  rec[o++] = sps[2] ?? 0
  rec[o++] = sps[3] ?? 30
  rec[o++] = 0xff // lengthSizeMinusOne = 3
  rec[o++] = 0xe1 // one SPS
  rec[o++] = (sps.length >>> 8) & 0xff
  rec[o++] = sps.length & 0xff
  rec.set(sps, o)
  o += sps.length
  rec[o++] = 1
  rec[o++] = (pps.length >>> 8) & 0xff
  rec[o++] = pps.length & 0xff
  rec.set(pps, o)
  const body = new Uint8Array(5 + rec.length)
  body.set([0x17, 0, 0, 0, 0])
  body.set(rec, 5)
  return tag(9, 0, body)
}

/** One picture as an AVCVIDEOPACKET of 4-byte length-prefixed NAL units. */
export function avcFrameTag(nalus: Uint8Array[], keyframe: boolean, timestampMs: number): Uint8Array {
  const size = nalus.reduce((n, x) => n + 4 + x.length, 0)
  const body = new Uint8Array(5 + size)
  const v = new DataView(body.buffer)
  body.set([keyframe ? 0x17 : 0x27, 1, 0, 0, 0])
  let o = 5
  for (const n of nalus) {
    v.setUint32(o, n.length)
    body.set(n, o + 4)
    o += 4 + n.length
  }
  return tag(9, timestampMs, body)
}
