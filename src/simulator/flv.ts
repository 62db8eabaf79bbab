// A small FLV muxer for one H.264 track (FLV 10.1 spec, §E.4.3 video tags, §E.4.3.1
// AVCVIDEOPACKET).
// Pure: bytes in, bytes out.

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
