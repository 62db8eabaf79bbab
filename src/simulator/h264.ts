// A minimal H.264 (Baseline, CAVLC) encoder for pictures that are mostly flat and change a little
// from frame to frame: a keyframe is an IDR of I_PCM macroblocks (raw samples), a later frame is a
// P slice in which unchanged macroblocks are skipped (P_Skip, copied from the previous frame) and
// changed ones are sent as I_PCM again. No transform, prediction or rate control: the decoder
// reproduces the samples exactly. Syntax per ITU-T H.264 §7.3 (SPS, PPS, slice header, slice data).

export interface Planes {
  /** Luma, width × height; chroma 4:2:0, (width / 2) × (height / 2) each. */
  y: Uint8Array
  cb: Uint8Array
  cr: Uint8Array
}

class BitWriter {
  private bytes: number[] = []
  private cur = 0
  private n = 0

  u(bits: number, value: number): void {
    for (let i = bits - 1; i >= 0; i--) this.bit((value >>> i) & 1)
  }
  bit(b: number): void {
    this.cur = (this.cur << 1) | b
    if (++this.n === 8) this.flush()
  }
  /** Exp-Golomb ue(v). */
  ue(value: number): void {
    const v = value + 1
    const len = 32 - Math.clz32(v)
    this.u(len - 1, 0)
    this.u(len, v)
  }
  se(value: number): void {
    this.ue(value <= 0 ? -2 * value : 2 * value - 1)
  }
  alignZero(): void {
    while (this.n !== 0) this.bit(0)
  }
  /** Whole bytes; the writer must be aligned. */
  raw(data: Uint8Array): void {
    for (const b of data) this.bytes.push(b)
  }
  trailing(): Uint8Array {
    this.bit(1)
    this.alignZero()
    return Uint8Array.from(this.bytes)
  }
  private flush(): void {
    this.bytes.push(this.cur)
    this.cur = 0
    this.n = 0
  }
}

/** NAL unit bytes: header, then the RBSP with emulation-prevention bytes inserted (§7.4.1). */
function nal(refIdc: number, type: number, rbsp: Uint8Array): Uint8Array {
  const out = new Uint8Array(1 + rbsp.length + Math.ceil(rbsp.length / 2))
  out[0] = (refIdc << 5) | type
  let o = 1
  let zeros = 0
  for (const b of rbsp) {
    if (zeros >= 2 && b <= 3) {
      out[o++] = 3
      zeros = 0
    }
    out[o++] = b
    zeros = b === 0 ? zeros + 1 : 0
  }
  return out.subarray(0, o)
}

const LOG2_MAX_FRAME_NUM = 4

export class PcmEncoder {
  readonly mbWidth: number
  readonly mbHeight: number
  readonly sps: Uint8Array
  readonly pps: Uint8Array
  private prev: Planes | null = null
  private frameNum = 0
  private idrId = 0

  /** `width` a multiple of 16; `height` even (coded to a multiple of 16 and cropped). */
  constructor(
    readonly width: number,
    readonly height: number,
  ) {
    this.mbWidth = width / 16
    this.mbHeight = Math.ceil(height / 16)
    this.sps = this.writeSps()
    this.pps = this.writePps()
  }

  /** The coded size: planes given to `encode` are this big. */
  get codedHeight(): number {
    return this.mbHeight * 16
  }

  private writeSps(): Uint8Array {
    const w = new BitWriter()
    w.u(8, 66) // profile_idc: Baseline
    w.u(8, 0xc0) // constraint_set0_flag, constraint_set1_flag
    w.u(8, 30) // level_idc 3.0
    w.ue(0) // seq_parameter_set_id
    w.ue(LOG2_MAX_FRAME_NUM - 4)
    w.ue(2) // pic_order_cnt_type 2: output order is decoding order
    w.ue(1) // max_num_ref_frames
    w.u(1, 0) // gaps_in_frame_num_value_allowed_flag
    w.ue(this.mbWidth - 1)
    w.ue(this.mbHeight - 1)
    w.u(1, 1) // frame_mbs_only_flag
    w.u(1, 1) // direct_8x8_inference_flag
    const cropBottom = (this.mbHeight * 16 - this.height) / 2
    w.u(1, cropBottom > 0 ? 1 : 0) // frame_cropping_flag
    if (cropBottom > 0) {
      w.ue(0)
      w.ue(0)
      w.ue(0)
      w.ue(cropBottom)
    }
    w.u(1, 0) // vui_parameters_present_flag
    return nal(3, 7, w.trailing())
  }

  private writePps(): Uint8Array {
    const w = new BitWriter()
    w.ue(0) // pic_parameter_set_id
    w.ue(0) // seq_parameter_set_id
    w.u(1, 0) // entropy_coding_mode_flag: CAVLC
    w.u(1, 0) // bottom_field_pic_order_in_frame_present_flag
    w.ue(0) // num_slice_groups_minus1
    w.ue(0) // num_ref_idx_l0_default_active_minus1
    w.ue(0) // num_ref_idx_l1_default_active_minus1
    w.u(1, 0) // weighted_pred_flag
    w.u(2, 0) // weighted_bipred_idc
    w.se(0) // pic_init_qp_minus26
    w.se(0) // pic_init_qs_minus26
    w.se(0) // chroma_qp_index_offset
    w.u(1, 1) // deblocking_filter_control_present_flag
    w.u(1, 0) // constrained_intra_pred_flag
    w.u(1, 0) // redundant_pic_cnt_present_flag
    return nal(3, 8, w.trailing())
  }

  /**
   * One coded picture as NAL units (no start codes): an IDR when `keyframe` or when there is no
   * previous picture, else a P slice carrying only the macroblocks that differ from the previous one.
   */
  encode(p: Planes, keyframe: boolean): { nalus: Uint8Array[]; keyframe: boolean; changed: number } {
    const idr = keyframe || this.prev === null
    const w = new BitWriter()
    w.ue(0) // first_mb_in_slice
    w.ue(idr ? 7 : 5) // slice_type: I or P, all slices of the picture alike
    w.ue(0) // pic_parameter_set_id
    if (idr) this.frameNum = 0
    w.u(LOG2_MAX_FRAME_NUM, this.frameNum)
    if (idr) w.ue(this.idrId++ & 0xffff)
    if (!idr) {
      w.u(1, 0) // num_ref_idx_active_override_flag
      w.u(1, 0) // ref_pic_list_modification_flag_l0
    }
    // dec_ref_pic_marking
    if (idr) {
      w.u(1, 0) // no_output_of_prior_pics_flag
      w.u(1, 0) // long_term_reference_flag
    } else w.u(1, 0) // adaptive_ref_pic_marking_mode_flag: sliding window
    w.se(0) // slice_qp_delta
    w.ue(1) // disable_deblocking_filter_idc: off, samples stay exact
    let skipped = 0
    let changed = 0
    const total = this.mbWidth * this.mbHeight
    for (let mb = 0; mb < total; mb++) {
      if (!idr && !this.differs(p, mb)) {
        skipped++
        continue
      }
      if (!idr) {
        w.ue(skipped) // mb_skip_run
        skipped = 0
      }
      w.ue(idr ? 25 : 30) // mb_type I_PCM (5 + 25 in a P slice)
      w.alignZero() // pcm_alignment_zero_bit
      w.raw(this.macroblock(p, mb))
      changed++
    }
    if (!idr && skipped > 0) w.ue(skipped)
    const slice = nal(idr ? 3 : 2, idr ? 5 : 1, w.trailing())
    this.frameNum = (this.frameNum + 1) % (1 << LOG2_MAX_FRAME_NUM)
    this.prev = { y: p.y.slice(), cb: p.cb.slice(), cr: p.cr.slice() }
    return { nalus: idr ? [this.sps, this.pps, slice] : [slice], keyframe: idr, changed }
  }

  private differs(p: Planes, mb: number): boolean {
    const prev = this.prev!
    const W = this.width
    const mx = (mb % this.mbWidth) * 16
    const my = Math.floor(mb / this.mbWidth) * 16
    for (let y = 0; y < 16; y++) {
      const o = (my + y) * W + mx
      for (let x = 0; x < 16; x++) if (p.y[o + x] !== prev.y[o + x]) return true
    }
    const CW = W / 2
    for (let y = 0; y < 8; y++) {
      const o = (my / 2 + y) * CW + mx / 2
      for (let x = 0; x < 8; x++) if (p.cb[o + x] !== prev.cb[o + x] || p.cr[o + x] !== prev.cr[o + x]) return true
    }
    return false
  }

  /** pcm_sample_luma[256], pcm_sample_chroma[2 × 64] in raster order within the macroblock. */
  private macroblock(p: Planes, mb: number): Uint8Array {
    const out = new Uint8Array(384)
    const W = this.width
    const mx = (mb % this.mbWidth) * 16
    const my = Math.floor(mb / this.mbWidth) * 16
    let o = 0
    for (let y = 0; y < 16; y++) out.set(p.y.subarray((my + y) * W + mx, (my + y) * W + mx + 16), (o += 16) - 16)
    const CW = W / 2
    for (const plane of [p.cb, p.cr]) for (let y = 0; y < 8; y++) out.set(plane.subarray((my / 2 + y) * CW + mx / 2, (my / 2 + y) * CW + mx / 2 + 8), (o += 8) - 8)
    return out
  }
}
