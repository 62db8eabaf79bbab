// The mixed stream of a running relay task as HTTP-FLV: the fixture clip looped at 15 fps with
// timestamps that keep increasing, carrying the volume-layout SEI of the task's current layout and
// any pass-through SEI (003_530a54cf0f8c0df7.txt L2215–L2244, L15312–L15358).
import type { ServerResponse } from 'node:http'
import { avcFrameTag, avcSequenceHeaderTag, flvHeader, type Clip } from './flv'
import { buildSeiNalUnit, type SeiMessageInput } from '../shared/media/seiWriter'
import { volumeLayoutPayload } from '../shared/media/volumeLayout'
import { volumeLayoutAt, type MixTask } from './mixing'
import type { Overlay, World } from './world'

export const CLIP_FPS = 15
/** Frames sent at once when a viewer connects, like a CDN's GOP cache. */
const BURST_FRAMES = CLIP_FPS

export interface LiveSource {
  clip: Clip
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
): SeiMessageInput[] {
  const out: SeiMessageInput[] = []
  const lv = task.layoutVolume
  if (lv && (tMs - last.layout >= lv.intervalMs || (lv.followIdr && keyframe))) {
    out.push({ payloadType: lv.payloadType, payload: volumeLayoutPayload(volumeLayoutAt(world, task, { overlay }, tMs)) })
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
  res.writeHead(200, { 'Content-Type': 'video/x-flv', 'Cache-Control': 'no-cache', Connection: 'close' })
  res.write(flvHeader())
  res.write(avcSequenceHeaderTag(src.clip.sps, src.clip.pps))
  const frameMs = 1000 / CLIP_FPS
  const last = { layout: -Infinity, pass: -Infinity }
  let n = 0
  const startMs = src.nowMs()
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
    const frame = src.clip.frames[n % src.clip.frames.length]
    if (!frame) return false
    const ts = n * frameMs
    const sei = seiDue(task, src.world, src.overlay, startMs + ts, frame.keyframe, last)
    const nalus = sei.length > 0 ? [buildSeiNalUnit('h264', sei), ...frame.nalus] : frame.nalus
    n++
    return res.write(avcFrameTag(nalus, frame.keyframe, ts))
  }
  for (let i = 0; i < BURST_FRAMES && !state.closed; i++) sendFrame()
  if (!state.closed) {
    state.timer = setInterval(() => {
      // Catch up to wall time so a slow consumer does not stretch the timeline.
      const due = Math.floor((src.nowMs() - startMs) / frameMs) + BURST_FRAMES
      while (n < due && !state.closed) if (!sendFrame()) break
    }, Math.round(frameMs))
  }
  res.on('close', stop)
  return stop
}
