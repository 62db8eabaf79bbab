// Quality per room for the rooms list, fetched in the background inside each action's rate budget:
// users now and at peak from DescribeTRTCRealTimeScaleData, video and audio stutter from
// DescribeTRTCRealTimeQualityData, both per RoomId (003_530a54cf0f8c0df7.txt L4033–L5233). The rooms
// in view go first, then live rooms, then the rest; every call is 'background' priority, so a
// user's own call takes the next free request slot. Results are cached per app and window and
// pushed to the window as they arrive, with progress; live rooms are swept again after a pause.
import type { RoomQuality, RoomRow } from '../../shared/contract/contract'
import type { DescribeTrtcDataResponse } from '../../shared/trtc/realtime'
import type { Emit } from '../ipc/dispatch'
import type { CloudAccess } from './cloudAccess'

/** "The premium edition can query the last 1 hours" of real-time scale data (L4042–L4043). */
export const REALTIME_LOOKBACK_S = 3600
// Two rooms at a time keep both actions at their 20/s (a room takes less than a slot) without
// crowding the process that also answers the user.
const WORKERS = 2
const PUBLISH_MS = 400
/** Past these mean stutter rates (%) a room is flagged. */
export const FLAG_VIDEO_STUTTER = 5
export const FLAG_AUDIO_STUTTER = 3

/** One column of a real-time answer (Data.Series, L16172–L16185; the first value of a row is its time). */
function column(r: DescribeTrtcDataResponse, name: string): number[] {
  const out: number[] = []
  for (const s of r.Data?.Series ?? []) {
    const i = s.Columns.indexOf(name)
    if (i >= 0) for (const v of s.Values) if (typeof v.RowValue[i] === 'number') out.push(v.RowValue[i]!)
  }
  return out
}
const mean = (xs: number[]) => (xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : 0)

export interface SweepWindow {
  sdkAppId: number
  startTime: number
  endTime: number
}

export interface QualitySweep {
  /** Sweeps `rooms` of a window just fetched (replacing the previous window's queue). */
  track(window: SweepWindow, rooms: readonly RoomRow[]): void
  /** The rooms in view now: they go to the front of the queue. */
  focus(commIds: readonly string[]): void
  /** What is known for the window tracked now. */
  snapshot(): { window: SweepWindow | null; rows: RoomQuality[]; done: number; total: number }
  close(): void
}

export function createQualitySweep(deps: { cloud: CloudAccess; emit: Emit; now: () => number; resweepMs?: number }): QualitySweep {
  const resweepMs = deps.resweepMs ?? 60_000
  let window: SweepWindow | null = null
  let rooms: RoomRow[] = []
  let queue: RoomRow[] = []
  let focused = new Set<string>()
  // Per app, per room: the list refreshes its window every few seconds, and a room measured a
  // moment ago is not measured again until the next sweep.
  const cache = new Map<number, Map<string, RoomQuality>>()
  let generation = 0
  let running = 0
  let timer: NodeJS.Timeout | null = null
  let closed = false
  const rowsOf = (): Map<string, RoomQuality> => {
    if (!window) return new Map()
    let m = cache.get(window.sdkAppId)
    if (!m) cache.set(window.sdkAppId, (m = new Map()))
    return m
  }
  const listed = () => {
    const rows = rowsOf()
    return rooms.flatMap((r) => rows.get(r.commId) ?? [])
  }
  const stale = (r: RoomRow, q: RoomQuality | undefined) => !q || (!r.finished && deps.now() - q.fetchedAt >= resweepMs)

  // Rooms in view first, then live rooms, then the rest, each in list order.
  const order = () => {
    const rank = (r: RoomRow) => (focused.has(r.commId) ? 0 : r.finished ? 2 : 1)
    queue.sort((a, b) => rank(a) - rank(b))
  }

  async function measure(w: SweepWindow, room: RoomRow): Promise<RoomQuality> {
    const nowS = Math.floor(deps.now() / 1000)
    const from = Math.max(w.startTime, room.createTime, nowS - REALTIME_LOOKBACK_S + 60)
    const to = Math.min(w.endTime, room.finished && room.destroyTime ? room.destroyTime : nowS, nowS)
    const base = { commId: room.commId, fetchedAt: deps.now() }
    if (to <= from) return { ...base, usersNow: null, peakUsers: null, videoStutter: null, audioStutter: null, flagged: false, unavailable: 'tooOld' }
    const handle = await deps.cloud.current()
    if (!handle.ok) return { ...base, usersNow: null, peakUsers: null, videoStutter: null, audioStutter: null, flagged: false, unavailable: 'error' }
    const { client } = handle.value
    const body = { SdkAppId: String(w.sdkAppId), StartTime: from, EndTime: to, RoomId: room.roomId }
    const opts = { priority: 'background' as const, mutating: false }
    const [scale, quality] = await Promise.all([
      client.call<DescribeTrtcDataResponse>('DescribeTRTCRealTimeScaleData', body, opts),
      client.call<DescribeTrtcDataResponse>('DescribeTRTCRealTimeQualityData', body, opts),
    ])
    if (!scale.ok || !quality.ok) {
      const e = !scale.ok ? scale.error : !quality.ok ? quality.error : null
      return { ...base, usersNow: null, peakUsers: null, videoStutter: null, audioStutter: null, flagged: false, unavailable: e?.code === 'tencent.editionRequired' ? 'edition' : 'error' }
    }
    const users = column(scale.value, 'userCount')
    const video = mean(column(quality.value, 'videoFreezeRate'))
    const audio = mean(column(quality.value, 'audioFreezeRate'))
    return {
      ...base,
      usersNow: room.finished ? 0 : (users.at(-1) ?? 0),
      peakUsers: users.length ? Math.max(...users) : 0,
      videoStutter: +video.toFixed(2),
      audioStutter: +audio.toFixed(2),
      flagged: video >= FLAG_VIDEO_STUTTER || audio >= FLAG_AUDIO_STUTTER,
    }
  }

  // Rows go to the window in batches (at most every PUBLISH_MS, and at once when a sweep ends), so
  // a sweep re-renders the rooms list a few times a second, not once per room.
  let outbox: RoomQuality[] = []
  let flushTimer: NodeJS.Timeout | null = null
  const flush = () => {
    if (flushTimer) clearTimeout(flushTimer)
    flushTimer = null
    if (!window) return
    const pending = queue.length + running
    deps.emit('rooms.quality', { ...window, rows: outbox, done: listed().length, total: rooms.length, nextSweepAt: pending === 0 ? deps.now() + resweepMs : null })
    outbox = []
  }
  const publish = (fresh: RoomQuality[]) => {
    outbox.push(...fresh)
    if (queue.length + running === 0) flush()
    else flushTimer ??= setTimeout(flush, PUBLISH_MS)
  }

  function pump(): void {
    while (!closed && running < WORKERS && queue.length > 0 && window) {
      const w = window
      const gen = generation
      const room = queue.shift()!
      running++
      void measure(w, room)
        .then((q) => {
          if (gen === generation) rowsOf().set(room.commId, q)
        })
        .finally(() => {
          running--
          if (gen === generation) {
            const q = rowsOf().get(room.commId)
            if (q) publish([q])
            if (queue.length === 0 && running === 0) scheduleResweep()
          }
          pump()
        })
    }
  }

  function scheduleResweep(): void {
    if (timer) clearTimeout(timer)
    timer = setTimeout(() => {
      timer = null
      queue = rooms.filter((r) => stale(r, rowsOf().get(r.commId)))
      order()
      pump()
    }, resweepMs)
  }

  return {
    track(w, list) {
      generation++
      window = w
      rooms = [...list]
      const known = rowsOf()
      queue = rooms.filter((r) => stale(r, known.get(r.commId)))
      order()
      if (queue.length === 0) publish([])
      else {
        if (timer) clearTimeout(timer)
        timer = null
        pump()
      }
    },
    focus(commIds) {
      focused = new Set(commIds)
      order()
    },
    snapshot() {
      const rows = listed()
      return { window, rows, done: rows.length, total: rooms.length }
    },
    close() {
      closed = true
      generation++
      if (timer) clearTimeout(timer)
      if (flushTimer) clearTimeout(flushTimer)
    },
  }
}
