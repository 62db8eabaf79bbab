// The mixed stream of a running relay task as HTTP-FLV: a picture of the task's current layout
// (picture.ts: each user's region in their colour, their ID and a level bar) encoded as it changes
// (h264.ts), 15 fps with an IDR every 2 s, carrying the volume-layout SEI drawn from the same layout
// and any pass-through SEI (003_530a54cf0f8c0df7.txt L2215–L2244, L15312–L15358).
import type { ServerResponse } from 'node:http'
import { avcFrameTag, avcSequenceHeaderTag, flvHeader } from './flv'
import { PcmEncoder } from './h264'
import { PictureCanvas } from './picture'
import { buildSeiNalUnit, type SeiMessageInput } from '../shared/media/seiWriter'
import { volumeLayoutPayload, type VolumeLayout } from '../shared/media/volumeLayout'
import { volumeLayoutAt, type MixTask } from './mixing'
import type { Overlay, World } from './world'

export const LIVE_FPS = 15
/** An IDR every 2 s, as a CDN-friendly GOP. */
const GOP_FRAMES = 2 * LIVE_FPS
/** Frames sent at once when a viewer connects, like a CDN's GOP cache: the last second. */
const BURST_FRAMES = LIVE_FPS
/** The picture's size; the layout is scaled from the task's canvas. */
export const PICTURE = { width: 640, height: 360 }

export interface LiveSource {
  world: World
  overlay: Overlay
  /** Server clock in ms (fault offset applied). */
  nowMs: () => number
  /** The task as it is now; undefined once stopped. */
  task: () => MixTask | undefined
}

const encoder = new TextEncoder()

function hexBytes(hex: string): Uint8Array {
  return Uint8Array.from(hex.match(/../g) ?? [], (h) => parseInt(h, 16))
}

/** SEI messages due with the frame at `tMs`, tracking the last emission per kind. */
export function seiDue(
  task: MixTask,
  world: World,
  overlay: Overlay,
  tMs: number,
  keyframe: boolean,
  last: { layout: number; pass: number },
  layout: VolumeLayout = volumeLayoutAt(world, task, { overlay }, tMs),
): SeiMessageInput[] {
  const out: SeiMessageInput[] = []
  const lv = task.layoutVolume
  if (lv && (tMs - last.layout >= lv.intervalMs || (lv.followIdr && keyframe))) {
    out.push({ payloadType: lv.payloadType, payload: volumeLayoutPayload(layout) })
    last.layout = tMs
  }
  const pt = task.passThrough
  if (pt && (tMs - last.pass >= pt.intervalMs || (pt.followIdr && keyframe))) {
    out.push({ payloadType: pt.payloadType, ...(pt.uuid ? { uuid: hexBytes(pt.uuid) } : {}), payload: encoder.encode(pt.content) })
    last.pass = tMs
  }
  return out
}

/** Streams until the client disconnects or the task stops. Returns a function that stops it. */
export function serveLive(res: ServerResponse, src: LiveSource): () => void {
  const encoder = new PcmEncoder(PICTURE.width, PICTURE.height)
  const canvas = new PictureCanvas(PICTURE.width, PICTURE.height, encoder.codedHeight)
  res.writeHead(200, { 'Content-Type': 'video/x-flv', 'Cache-Control': 'no-cache', Connection: 'close' })
  res.write(flvHeader())
  res.write(avcSequenceHeaderTag(encoder.sps, encoder.pps))
  const frameMs = 1000 / LIVE_FPS
  const last = { layout: -Infinity, pass: -Infinity }
  let n = 0
  // The burst is the second before the viewer connected, so its SEI times are in the past.
  const startMs = src.nowMs() - BURST_FRAMES * frameMs
  const state: { timer?: NodeJS.Timeout; closed: boolean } = { closed: false }
  const stop = (): void => {
    if (state.closed) return
    state.closed = true
    if (state.timer) clearInterval(state.timer)
    res.end()
  }
  const sendFrame = (): boolean => {
    const task = src.task()
    if (!task) {
      stop()
      return false
    }
    const ts = n * frameMs
    const layout = volumeLayoutAt(src.world, task, { overlay: src.overlay }, startMs + ts)
    canvas.draw(layout)
    const frame = encoder.encode(canvas.planes, n % GOP_FRAMES === 0)
    const sei = seiDue(task, src.world, src.overlay, startMs + ts, frame.keyframe, last, layout)
    // SEI NAL units go after SPS/PPS and before the slice (H.264 §7.4.1.2.3).
    const slice = frame.nalus[frame.nalus.length - 1]!
    const nalus = sei.length > 0 ? [...frame.nalus.slice(0, -1), buildSeiNalUnit('h264', sei), slice] : frame.nalus
    n++
    return res.write(avcFrameTag(nalus, frame.keyframe, ts))
  }
  for (let i = 0; i < BURST_FRAMES && !state.closed; i++) sendFrame()
  if (!state.closed) {
    state.timer = setInterval(() => {
      // Catch up to wall time so a slow consumer does not stretch the timeline.
      const due = Math.floor((src.nowMs() - startMs) / frameMs)
      while (n < due && !state.closed) if (!sendFrame()) break
    }, Math.round(frameMs))
  }
  res.on('close', stop)
  return stop
}
