// Program: the running mix's real picture, decoded through MSE by mpegts.js from bytes main pulls,
// with the volume-layout SEI drawn over it at the picture's own time (the SEI's PTS against the
// video's currentTime), each region in its user's colour with a level meter. Every state is said in
// words: connecting, playing, reconnecting, no signal, no layout SEI, cannot decode.
import mpegts from 'mpegts.js'
import { useEffect, useRef, useState } from 'react'
import { api } from '../../api'
import type { LiveSeiStatus, MixTask } from '../../../../shared/contract/contract'
import { compareSei } from '../../../../shared/layout/compareSei'
import type { LayoutDoc } from '../../../../shared/layout/model'
import { layoutAt, type SeiEntry } from '../../../../shared/media/seiEntry'
import { cssColour, userColour } from '../../../../shared/media/userColour'
import type { VolumeLayout } from '../../../../shared/media/volumeLayout'
import { useT } from '../shell/context'
import { dropLive, firstVideoTimestamp, liveKey, MainProcessLoader, pushLive } from './liveLoader'
import { errorText } from '../../i18n/i18n'

const KEEP = 600
const NO_SIGNAL_MS = 3000
const NO_SEI_MS = 4000

export type ProgramState = 'idle' | 'connecting' | 'playing' | 'reconnecting' | 'noSignal' | 'noSei' | 'undecodable' | 'stopped'

export interface ProgramInfo {
  state: ProgramState
  /** Seconds from the cloud stamping a layout (its ts) to us reading it, skew corrected; null until known. */
  latencyS: number | null
  /** Named users the layout reserves a tile for who are absent from the picture now. */
  missing: string[]
  detail: string | null
}

/**
 * Paint timing for the benchmark (bench/program.ts), one record per layout the overlay changed to:
 * main's emission, the window's receipt and the paint (wall clock, ms), and how far the picture
 * was past the layout's PTS when it was painted.
 */
declare global {
  interface Window {
    __programPaints?: Array<{ mainAt: number; windowAt: number; paintedAt: number; pastDueMs: number }>
  }
}

export function ProgramMonitor(props: { task: MixTask | null; onAir: LayoutDoc | null; onInfo?(info: ProgramInfo): void }) {
  const t = useT()
  const tRef = useRef(t)
  useEffect(() => {
    tRef.current = t
  }, [t])
  const video = useRef<HTMLVideoElement>(null)
  const overlay = useRef<HTMLCanvasElement>(null)
  const [info, setInfo] = useState<ProgramInfo>({ state: 'idle', latencyS: null, missing: [], detail: null })
  const url = props.task?.liveUrl ?? null
  const onAir = useRef(props.onAir)
  useEffect(() => {
    onAir.current = props.onAir
  }, [props.onAir])
  const { onInfo } = props
  useEffect(() => onInfo?.(info), [info, onInfo])

  useEffect(() => {
    if (!url || !video.current) {
      setInfo({ state: 'idle', latencyS: null, missing: [], detail: null })
      return
    }
    const el = video.current
    let session: string | null = null
    let stopped = false
    let player: mpegts.Player | null = null
    let generation = -1
    let base: number | null = null
    let head = new Uint8Array(0)
    let entries: SeiEntry[] = []
    let receivedAt = new Map<SeiEntry, { mainAt: number; windowAt: number }>()
    let lastBytes = 0
    let lastLayoutAt = 0
    let liveSince = 0
    let status: LiveSeiStatus['state'] = 'connecting'
    let undecodable: string | null = null
    let skewMs = 0
    let latencyS: number | null = null
    let painted: SeiEntry | null = null
    void api['cloud.status']().then((r) => r.ok && (skewMs = r.value.skewMs))

    const openPlayer = (gen: number) => {
      player?.destroy()
      if (generation >= 0) dropLive(liveKey(session!, generation))
      generation = gen
      base = null
      head = new Uint8Array(0)
      entries = []
      receivedAt = new Map()
      undecodable = null
      const p = mpegts.createPlayer(
        { type: 'flv', isLive: true, hasAudio: false, hasVideo: true, url: liveKey(session!, gen) },
        { customLoader: MainProcessLoader as unknown as mpegts.CustomLoaderConstructor, enableWorker: false, enableStashBuffer: false, liveBufferLatencyChasing: true, liveBufferLatencyMaxLatency: 0.8, liveBufferLatencyMinRemain: 0.2, lazyLoad: false, autoCleanupSourceBuffer: true },
      )
      p.on(mpegts.Events.ERROR, (_type: string, detail: string) => {
        undecodable = detail
      })
      p.attachMediaElement(el)
      p.load()
      void Promise.resolve(p.play()).catch(() => undefined)
      player = p
    }

    const offMedia = api.on('sei.liveMedia', (m) => {
      if (m.id !== session || stopped) return
      if (m.generation !== generation) openPlayer(m.generation)
      lastBytes = performance.now()
      if (base === null && head.length < 1 << 16) {
        const next = new Uint8Array(head.length + m.chunk.length)
        next.set(head)
        next.set(m.chunk, head.length)
        head = next
        base = firstVideoTimestamp(head)
      }
      pushLive(liveKey(session, generation), m.chunk)
    })
    const offEntries = api.on('sei.liveEntries', (m) => {
      if (m.id !== session || stopped) return
      const at = m.receivedAt
      const windowAt = Date.now()
      for (const e of m.entries) if (e.layout) receivedAt.set(e, { mainAt: at, windowAt })
      entries = [...entries, ...m.entries].slice(-KEEP)
      const last = [...m.entries].reverse().find((e) => e.layout)
      if (last?.layout) {
        lastLayoutAt = performance.now()
        // ts is the server's clock in whole seconds at output (003_530a54cf0f8c0df7.txt L2240).
        latencyS = (at + skewMs - last.layout.ts * 1000) / 1000
      }
    })
    const offStatus = api.on('sei.liveStatus', (s) => {
      if (s.id !== session) return
      status = s.state
      if (s.state === 'live') liveSince = performance.now()
      setInfo((i) => ({ ...i, detail: s.reason ? `${tRef.current(s.reason.key, s.reason.params)} ${tRef.current('err.stream.retryIn', { seconds: s.retryInS ?? 0 })}` : null }))
    })

    // Paint the overlay at the picture's time, and say what state the monitor is in.
    let frame = 0
    const paint = () => {
      frame = requestAnimationFrame(paint)
      const now = performance.now()
      const c = overlay.current
      const ptsMs = base === null ? null : base + el.currentTime * 1000
      const entry = ptsMs === null ? undefined : layoutAt(entries, ptsMs)
      if (c) drawOverlay(c, el, entry?.layout ?? null)
      if (entry && entry !== painted) {
        painted = entry
        // What the overlay shows, for assistive tools and tests.
        if (c) c.dataset.layout = JSON.stringify({ canvas: entry.layout!.canvas, regions: entry.layout!.regions.map(({ uid, x, y, w, h }) => ({ uid, x, y, w, h })) })
        const r = receivedAt.get(entry)
        if (r !== undefined && ptsMs !== null) (window.__programPaints ??= []).push({ ...r, paintedAt: Date.now(), pastDueMs: ptsMs - entry.ptsMs })
      }
      const state: ProgramState =
        undecodable !== null
          ? 'undecodable'
          : status === 'stopped'
            ? 'stopped'
            : status === 'reconnecting'
              ? 'reconnecting'
              : status !== 'live'
                ? 'connecting'
                : now - Math.max(lastBytes, liveSince) > NO_SIGNAL_MS
                  ? 'noSignal'
                  : now - Math.max(lastLayoutAt, liveSince) > NO_SEI_MS
                    ? 'noSei'
                    : 'playing'
      const doc = onAir.current
      const missing = entry?.layout && doc ? compareSei(doc, entry.layout).missing.map((m) => m.userId) : []
      setInfo((i) =>
        i.state === state && i.latencyS === latencyS && i.missing.join() === missing.join() && (state !== 'undecodable' || i.detail === undecodable)
          ? i
          : { state, latencyS, missing, detail: state === 'undecodable' ? undecodable : i.detail },
      )
    }
    frame = requestAnimationFrame(paint)

    void api['sei.liveStart']({ url, media: true }).then((r) => {
      if (stopped) {
        if (r.ok) void api['sei.liveStop']({ id: r.value.id })
        return
      }
      if (r.ok) session = r.value.id
      else setInfo({ state: 'undecodable', latencyS: null, missing: [], detail: errorText(tRef.current, r.error) })
    })

    return () => {
      stopped = true
      cancelAnimationFrame(frame)
      offMedia()
      offEntries()
      offStatus()
      player?.destroy()
      if (session) {
        if (generation >= 0) dropLive(liveKey(session, generation))
        void api['sei.liveStop']({ id: session })
      }
    }
  }, [url])

  return (
    <div className="program-monitor" data-testid="program-monitor" data-state={info.state}>
      <video ref={video} muted playsInline className="program-video" data-testid="program-video" />
      <canvas ref={overlay} className="program-overlay" data-testid="program-overlay" />
      {info.state !== 'playing' && (
        <div className="program-state" role="status" data-testid="program-state">
          <strong>{t(`show.state.${info.state}`)}</strong>
          <span>{t(`show.state.${info.state}.hint`)}</span>
          {info.detail && <span className="muted small">{info.detail}</span>}
        </div>
      )}
    </div>
  )
}

/** The regions of `layout`, placed over the video as the element shows it (object-fit: contain). */
function drawOverlay(c: HTMLCanvasElement, el: HTMLVideoElement, layout: VolumeLayout | null): void {
  const dpr = window.devicePixelRatio || 1
  const w = Math.round(c.clientWidth * dpr)
  const h = Math.round(c.clientHeight * dpr)
  if (c.width !== w || c.height !== h) {
    c.width = w
    c.height = h
  }
  const g = c.getContext('2d')
  if (!g) return
  g.clearRect(0, 0, w, h)
  if (!layout || layout.canvas.w <= 0 || layout.canvas.h <= 0) return
  // The picture's box inside the element: the video's aspect, else the layout's.
  const aspect = el.videoWidth > 0 && el.videoHeight > 0 ? el.videoWidth / el.videoHeight : layout.canvas.w / layout.canvas.h
  const boxW = Math.min(w, h * aspect)
  const boxH = boxW / aspect
  const ox = (w - boxW) / 2
  const oy = (h - boxH) / 2
  const sx = boxW / layout.canvas.w
  const sy = boxH / layout.canvas.h
  g.font = `${Math.round(12 * dpr)}px system-ui, sans-serif`
  g.textBaseline = 'top'
  for (const r of [...layout.regions].sort((a, b) => a.zorder - b.zorder)) {
    const x = ox + r.x * sx
    const y = oy + r.y * sy
    const rw = r.w * sx
    const rh = r.h * sy
    const colour = cssColour(userColour(r.uid))
    g.lineWidth = 2 * dpr
    g.strokeStyle = colour
    g.strokeRect(x + dpr, y + dpr, rw - 2 * dpr, rh - 2 * dpr)
    // Name tag and volume meter along the right edge.
    const label = r.uid
    const tw = g.measureText(label).width + 8 * dpr
    g.fillStyle = 'rgba(0, 0, 0, 0.6)'
    g.fillRect(x + 4 * dpr, y + rh - 22 * dpr, tw, 18 * dpr)
    g.fillStyle = '#fff'
    g.fillText(label, x + 8 * dpr, y + rh - 19 * dpr)
    const meterH = (rh - 12 * dpr) * Math.max(0, Math.min(100, r.volume)) / 100
    g.fillStyle = 'rgba(0, 0, 0, 0.5)'
    g.fillRect(x + rw - 10 * dpr, y + 6 * dpr, 5 * dpr, rh - 12 * dpr)
    g.fillStyle = r.volume > 80 ? '#f04438' : r.volume > 50 ? '#fdb022' : '#32d583'
    g.fillRect(x + rw - 10 * dpr, y + rh - 6 * dpr - meterH, 5 * dpr, meterH)
  }
}
