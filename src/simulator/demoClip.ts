// The Demo profile's clip to play into a room: a short HTTP-FLV file (320×180, 15 fps, H.264) the
// simulator serves at /media/demo-clip.flv, so "Play into room" has a real media URL offline. The
// picture is a level bar rising and falling under the clip's name; it is made once and kept.
import { avcFrameTag, avcSequenceHeaderTag, flvHeader } from './flv'
import { PcmEncoder } from './h264'
import { PictureCanvas } from './picture'

export const DEMO_CLIP_PATH = '/media/demo-clip.flv'
const SIZE = { w: 320, h: 180 }
const FPS = 15
const SECONDS = 6

let clip: Uint8Array | null = null

export function demoClipFlv(): Uint8Array {
  if (clip) return clip
  const encoder = new PcmEncoder(SIZE.w, SIZE.h)
  const canvas = new PictureCanvas(SIZE.w, SIZE.h, encoder.codedHeight)
  const parts: Uint8Array[] = [flvHeader(), avcSequenceHeaderTag(encoder.sps, encoder.pps)]
  for (let n = 0; n < FPS * SECONDS; n++) {
    // One region over the whole picture: its level bar makes a triangle wave, a beat a second.
    const phase = (n % FPS) / FPS
    const volume = Math.round(100 * (phase < 0.5 ? phase * 2 : 2 - phase * 2))
    canvas.draw({ app_data: '', ver: '', ts: 0, canvas: SIZE, regions: [{ uid: 'TRTC Desk demo clip', zorder: 0, volume, x: 0, y: 0, ...SIZE }] })
    const frame = encoder.encode(canvas.planes, n % (2 * FPS) === 0)
    parts.push(avcFrameTag(frame.nalus, frame.keyframe, Math.round((n * 1000) / FPS)))
  }
  const out = new Uint8Array(parts.reduce((s, p) => s + p.length, 0))
  let at = 0
  for (const p of parts) {
    out.set(p, at)
    at += p.length
  }
  return (clip = out)
}
