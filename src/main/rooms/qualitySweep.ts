// Quality per room for the rooms list, fetched in the background inside each action's rate budget:
// users now and at peak from DescribeTRTCRealTimeScaleData, video and audio stutter from
// DescribeTRTCRealTimeQualityData, both per RoomId (003_530a54cf0f8c0df7.txt L4033–L5233); the
// room's users from DescribeUserInfo (L12232–L12526) and the worst user's packet loss from
// DescribeCallDetailInfo (L11850–L12231). The rooms in view go first, then live rooms, then the
// rest; every call is 'background' priority, so a user's own call takes the next free request slot.
// Results are cached per app and pushed to the window as they arrive, with progress; live rooms are
// swept again after a pause. The user lists double as an index to find a user across rooms.
import type { RoomQuality, RoomRow, UserSighting } from '../../shared/contract/contract'
import type { DescribeTrtcDataResponse } from '../../shared/trtc/realtime'
import type { DescribeCallDetailInfoResponse, UserInformation } from '../../shared/trtc/roomsQuality'
import { FLAG_AUDIO_STUTTER, FLAG_LOSS, FLAG_VIDEO_STUTTER } from '../../shared/dashboard/roomFlags'
import { ok, type Result } from '../../shared/errors'
import type { Emit } from '../ipc/dispatch'
import type { CloudAccess, CloudHandle } from './cloudAccess'
import { describeUserPages } from './roomsService'

/** "The premium edition can query the last 1 hours" of real-time scale data (L4042–L4043). */
export const REALTIME_LOOKBACK_S = 3600
// Two rooms at a time keep both actions at their 20/s (a room takes less than a slot) without
// crowding the process that also answers the user.
const WORKERS = 2
const PUBLISH_MS = 400
/** "The end time and start time cannot be more than four hours apart" without DataType (L12295–L12298). */
const USERS_SPAN_S = 4 * 3600
/** With DataType "up to six users during a period of up to one hour" (L11854–L11858, L11964–L11971). */
const LOSS_SPAN_S = 3600
const LOSS_BATCH = 6
/** Users measured for loss per room: four calls; a bigger room says how many of its users were measured. */
export const LOSS_USERS = 24
/** Rooms remembered per app (quality and user lists) before rooms outside the current list are dropped. */
const CACHE_ROOMS = 20_000
const USERS_PAGES = 10

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

/** A room's user sessions as the sweep read them, with each user's mean packet loss when measured. */
interface Presence {
  userId: string
  joinTs: number
  leaveTs: number
  finished: boolean
}
interface RoomUsers {
  sessions: Presence[]
  loss: Map<string, number>
}

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
  /**
   * Where users whose ID contains `query` were during the window tracked now: from the user lists
   * swept so far, and for rooms not swept yet one DescribeUserInfo call per room for that exact ID.
   */
  findUser(query: string): Promise<Result<{ sightings: UserSighting[]; rooms: number }>>
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
  const users = new Map<number, Map<string, RoomUsers>>()
  let generation = 0
  let running = 0
  let timer: NodeJS.Timeout | null = null
  let closed = false
  const perApp = <T,>(all: Map<number, Map<string, T>>, sdkAppId: number): Map<string, T> => {
    let m = all.get(sdkAppId)
    if (!m) all.set(sdkAppId, (m = new Map()))
    return m
  }
  const rowsOf = (): Map<string, RoomQuality> => (window ? perApp(cache, window.sdkAppId) : new Map())
  const usersOf = (sdkAppId: number): Map<string, RoomUsers> => perApp(users, sdkAppId)
  const listed = () => {
    const rows = rowsOf()
    return rooms.flatMap((r) => rows.get(r.commId) ?? [])
  }
  const stale = (r: RoomRow, q: RoomQuality | undefined) => !q || (!r.finished && deps.now() - q.fetchedAt >= resweepMs)

  // Rooms in view first, then live rooms by size (as last measured), then the rest, in list order.
  const order = () => {
    const rank = (r: RoomRow) => (focused.has(r.commId) ? 0 : r.finished ? 2 : 1)
    const known = rowsOf()
    const size = (r: RoomRow) => known.get(r.commId)?.peakUsers ?? 0
    queue.sort((a, b) => rank(a) - rank(b) || (rank(a) === 1 ? size(b) - size(a) : 0))
  }

  const presence = (u: UserInformation): Presence => ({ userId: u.UserId, joinTs: u.JoinTs, leaveTs: u.LeaveTs, finished: u.Finished })

  /** A room's user sessions over [from, to], or null when the query failed. */
  async function roomUsers(h: CloudHandle, w: SweepWindow, room: RoomRow, from: number, to: number, userIds?: string[], priority: 'user' | 'background' = 'background'): Promise<Presence[] | null> {
    const r = await describeUserPages(h, { sdkAppId: w.sdkAppId, commId: room.commId, from, to, ...(userIds ? { userIds } : {}) }, priority, USERS_PAGES)
    return r.ok ? r.value.map(presence) : null
  }

  /** Each user's mean packet loss (the worse of audio and video, %) over [from, to], six users a call. */
  async function roomLoss(h: CloudHandle, w: SweepWindow, room: RoomRow, from: number, to: number, ids: string[]): Promise<Map<string, number>> {
    const batches: string[][] = []
    for (let i = 0; i < ids.length; i += LOSS_BATCH) batches.push(ids.slice(i, i + LOSS_BATCH))
    const answers = await Promise.all(
      batches.map((UserIds) =>
        h.client.call<DescribeCallDetailInfoResponse>(
          'DescribeCallDetailInfo',
          { CommId: room.commId, SdkAppId: w.sdkAppId, StartTime: from, EndTime: to, UserIds, DataType: ['aLoss', 'bigvLoss'], PageSize: UserIds.length },
          { region: h.region, priority: 'background', mutating: false },
        ),
      ),
    )
    const loss = new Map<string, number>()
    for (const a of answers) {
      if (!a.ok) continue
      for (const d of a.value.Data ?? []) {
        // Upstream series only (PeerId empty, L15759–L15781); a user who sent nothing reads 0.
        if (d.PeerId) continue
        const m = mean(d.Content.map((c) => c.Value))
        loss.set(d.UserId, Math.max(loss.get(d.UserId) ?? 0, +m.toFixed(2)))
      }
    }
    return loss
  }

  async function measure(w: SweepWindow, room: RoomRow): Promise<RoomQuality> {
    const nowS = Math.floor(deps.now() / 1000)
    const end = Math.min(w.endTime, room.finished && room.destroyTime ? room.destroyTime : nowS, nowS)
    const from = Math.max(w.startTime, room.createTime, nowS - REALTIME_LOOKBACK_S + 60)
    const none = { usersNow: null, peakUsers: null, videoStutter: null, audioStutter: null, worstUser: null, measuredUsers: 0, totalUsers: null }
    const base = { commId: room.commId, fetchedAt: deps.now() }
    const handle = await deps.cloud.current()
    if (!handle.ok) return { ...base, ...none, flagged: false, unavailable: 'error' }
    const h = handle.value
    const usersFrom = Math.max(w.startTime, room.createTime, end - USERS_SPAN_S)
    const realTime = end > from
    const body = { SdkAppId: String(w.sdkAppId), StartTime: from, EndTime: end, RoomId: room.roomId }
    const opts = { priority: 'background' as const, mutating: false }
    const [scale, quality, sessions] = await Promise.all([
      realTime ? h.client.call<DescribeTrtcDataResponse>('DescribeTRTCRealTimeScaleData', body, opts) : null,
      realTime ? h.client.call<DescribeTrtcDataResponse>('DescribeTRTCRealTimeQualityData', body, opts) : null,
      end > usersFrom ? roomUsers(h, w, room, usersFrom, end) : Promise.resolve([]),
    ])
    // The worst user over the room's last hour in the window: the users there then, first joined first.
    const lossFrom = Math.max(usersFrom, end - LOSS_SPAN_S)
    const present = [...new Set((sessions ?? []).filter((u) => u.leaveTs >= lossFrom && u.joinTs <= end).map((u) => u.userId))]
    const measured = present.slice(0, LOSS_USERS)
    const loss = measured.length && end > lossFrom ? await roomLoss(h, w, room, lossFrom, end, measured) : new Map<string, number>()
    if (sessions) usersOf(w.sdkAppId).set(room.commId, { sessions, loss })
    let worstUser: RoomQuality['worstUser'] = null
    for (const [userId, l] of loss) if (!worstUser || l > worstUser.loss) worstUser = { userId, loss: l }
    const people = { worstUser, measuredUsers: loss.size, totalUsers: sessions ? new Set(sessions.map((u) => u.userId)).size : null }
    const lossFlag = worstUser !== null && worstUser.loss >= FLAG_LOSS
    if (!scale || !quality) return { ...base, ...none, ...people, flagged: lossFlag, unavailable: 'tooOld' }
    if (!scale.ok || !quality.ok) {
      const e = !scale.ok ? scale.error : !quality.ok ? quality.error : null
      return { ...base, ...none, ...people, flagged: lossFlag, unavailable: e?.code === 'tencent.editionRequired' ? 'edition' : 'error' }
    }
    const userCounts = column(scale.value, 'userCount')
    const video = mean(column(quality.value, 'videoFreezeRate'))
    const audio = mean(column(quality.value, 'audioFreezeRate'))
    return {
      ...base,
      ...people,
      usersNow: room.finished ? 0 : (userCounts.at(-1) ?? 0),
      peakUsers: userCounts.length ? Math.max(...userCounts) : 0,
      videoStutter: +video.toFixed(2),
      audioStutter: +audio.toFixed(2),
      flagged: video >= FLAG_VIDEO_STUTTER || audio >= FLAG_AUDIO_STUTTER || lossFlag,
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
      // Bounded: past CACHE_ROOMS remembered rooms, those not in this list are forgotten.
      const index = usersOf(w.sdkAppId)
      if (known.size > CACHE_ROOMS || index.size > CACHE_ROOMS) {
        const listedIds = new Set(rooms.map((r) => r.commId))
        for (const m of [known, index]) for (const k of m.keys()) if (!listedIds.has(k)) m.delete(k)
      }
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
    async findUser(query) {
      const q = query.trim().toLowerCase()
      const w = window
      if (!w || !q) return ok({ sightings: [], rooms: 0 })
      const index = usersOf(w.sdkAppId)
      const found: UserSighting[] = []
      const sighted = (room: RoomRow, sessions: Presence[], loss: Map<string, number> | undefined) => {
        const byUser = new Map<string, Presence[]>()
        for (const u of sessions) if (u.userId.toLowerCase().includes(q)) byUser.set(u.userId, [...(byUser.get(u.userId) ?? []), u])
        for (const [userId, list] of byUser)
          found.push({ userId, room, sessions: list.map(({ joinTs, leaveTs, finished }) => ({ joinTs, leaveTs, finished })), loss: loss?.get(userId) ?? null })
      }
      const unswept: RoomRow[] = []
      for (const room of rooms) {
        const known = index.get(room.commId)
        if (known) sighted(room, known.sessions, known.loss)
        else unswept.push(room)
      }
      // Rooms the sweep has not reached: asked for this exact ID, at the user's priority, two at a time.
      if (unswept.length) {
        const handle = await deps.cloud.current()
        if (!handle.ok) return handle
        const exact = query.trim()
        const queue = [...unswept]
        const lane = async () => {
          for (let room = queue.shift(); room; room = queue.shift()) {
            const nowS = Math.floor(deps.now() / 1000)
            const end = Math.min(w.endTime, room.finished && room.destroyTime ? room.destroyTime : nowS, nowS)
            const from = Math.max(w.startTime, room.createTime, end - USERS_SPAN_S)
            if (end <= from) continue
            const list = await roomUsers(handle.value, w, room, from, end, [exact], 'user')
            if (list) sighted(room, list.filter((u) => u.userId === exact), undefined)
          }
        }
        await Promise.all([lane(), lane()])
      }
      found.sort((a, b) => a.userId.localeCompare(b.userId) || b.sessions[0]!.joinTs - a.sessions[0]!.joinTs)
      return ok({ sightings: found.slice(0, 200), rooms: rooms.length })
    },
    close() {
      closed = true
      generation++
      if (timer) clearTimeout(timer)
      if (flushTimer) clearTimeout(flushTimer)
    },
  }
}
