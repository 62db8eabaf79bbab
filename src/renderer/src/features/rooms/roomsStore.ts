// Rooms: the time window, every page of rooms, the selected room's users, moderation with
// confirmed results, and the audit log. Made by a factory so tests pass their own api and clock.
import { createStore, type StoreApi } from 'zustand/vanilla'
import type { Api } from '../../../../shared/contract/client'
import type { AuditEntry, ModerationOutcome, ModerationRequest, RoomQuality, RoomRow, RoomsQualityEvent, ScheduledUnblock, UserRow, UserSighting } from '../../../../shared/contract/contract'
import type { AppError } from '../../../../shared/errors'

export type WindowPreset = '1h' | '6h' | '24h' | 'custom'
export type SortKey = 'start' | 'duration' | 'status' | 'roomId' | 'users' | 'stutter' | 'loss'
export type StatusFilter = 'all' | 'active' | 'finished'

const presetSeconds: Record<Exclude<WindowPreset, 'custom'>, number> = { '1h': 3600, '6h': 6 * 3600, '24h': 24 * 3600 }
// DescribeRoomInfo: at most 24 h between start and end, and only the last 14 days
// (003_530a54cf0f8c0df7.txt L11160, L11165).
export const MAX_SPAN_S = 24 * 3600
export const MAX_AGE_S = 14 * 24 * 3600
export const REFRESH_MS = 20_000
/** Users charted at once: DescribeCallDetailInfo's six users per call (003_530a54cf0f8c0df7.txt L11964–L11971). */
export const MAX_CHARTED = 6

export interface RoomsState {
  sdkAppId: number | null
  preset: WindowPreset
  customStart: number
  customEnd: number
  utc: boolean
  loading: boolean
  progress: { fetched: number; total: number } | null
  rooms: RoomRow[]
  fetchedAt: number | null
  error: AppError | null
  query: string
  status: StatusFilter
  sort: { key: SortKey; desc: boolean }
  paused: boolean
  selected: RoomRow | null
  users: UserRow[]
  usersLoading: boolean
  usersError: AppError | null
  /** Users to act on (remove, block) — apart from the users charted. */
  picked: string[]
  /** Users whose quality is charted; empty = the room's first six. */
  charted: string[]
  /** A user search across the window's rooms: what was asked, and what came back. */
  userSearch: { query: string; loading: boolean; sightings: UserSighting[]; rooms: number; error: AppError | null } | null
  busy: boolean
  outcomes: ModerationOutcome[]
  audit: AuditEntry[]
  scheduled: ScheduledUnblock[]
  /** Quality per room (commId) of the listed window, as main's sweep reports it. */
  quality: Record<string, RoomQuality>
  qualityProgress: { done: number; total: number; nextSweepAt: number | null } | null
  qualityPushed(e: Omit<RoomsQualityEvent, 'nextSweepAt'> & { nextSweepAt?: number | null }): void
  scheduledPushed(list: ScheduledUnblock[]): void
  scheduledCancelled(id: string): Promise<void>
  appSelected(sdkAppId: number | null): void
  presetSelected(preset: WindowPreset): void
  customWindowChanged(start: number, end: number): void
  utcToggled(utc: boolean): void
  queryChanged(query: string): void
  statusChanged(status: StatusFilter): void
  sortChanged(key: SortKey): void
  pauseToggled(): void
  refreshRequested(background?: boolean): Promise<void>
  cancelRequested(): void
  progressPushed(p: { jobId: string; fetched: number; total: number }): void
  /** Opens a room, with these users charted when given. */
  roomOpened(room: RoomRow | null, chart?: string[]): Promise<void>
  userPicked(userId: string, on: boolean): void
  /** The users to chart (at most six; none = the room's first six). */
  chartedChanged(userIds: string[]): void
  userSearched(query: string | null): Promise<void>
  allUsersPicked(on: boolean): void
  moderationRequested(req: ModerationRequest): Promise<boolean>
  auditRequested(): Promise<void>
  /** The open room's users and the audit log again (a robot joined or left). */
  usersRequested(): Promise<void>
}

export function windowOf(s: Pick<RoomsState, 'preset' | 'customStart' | 'customEnd'>, nowS: number): { start: number; end: number } {
  if (s.preset === 'custom') return { start: s.customStart, end: s.customEnd }
  return { start: nowS - presetSeconds[s.preset], end: nowS }
}

/** Why a window cannot be queried, or null when it can. */
export function windowProblem(start: number, end: number, nowS: number): 'order' | 'span' | 'age' | null {
  if (!(end > start)) return 'order'
  if (end - start > MAX_SPAN_S) return 'span'
  if (start < nowS - MAX_AGE_S) return 'age'
  return null
}

export function createRoomsStore(deps: { api: Api; now: () => number }): StoreApi<RoomsState> {
  const { api } = deps
  const nowS = () => Math.floor(deps.now() / 1000)
  let jobSeq = 0
  let currentJob: string | null = null
  return createStore<RoomsState>((set, get) => {
  async function loadUsers(room: RoomRow) {
    const sdkAppId = get().sdkAppId
    if (sdkAppId === null) return
    set({ usersLoading: true })
    const end = room.finished && room.destroyTime > 0 ? room.destroyTime : nowS()
    const r = await api['rooms.users']({ sdkAppId, commId: room.commId, startTime: room.createTime, endTime: Math.max(end, room.createTime + 1) })
    if (get().selected?.commId !== room.commId) return
    set(r.ok ? { users: r.value, usersLoading: false, usersError: null } : { usersLoading: false, usersError: r.error })
  }
  return {
    sdkAppId: null,
    preset: '1h',
    customStart: nowS() - 3600,
    customEnd: nowS(),
    utc: false,
    loading: false,
    progress: null,
    rooms: [],
    fetchedAt: null,
    error: null,
    query: '',
    status: 'all',
    sort: { key: 'start', desc: true },
    paused: false,
    selected: null,
    users: [],
    usersLoading: false,
    usersError: null,
    picked: [],
    charted: [],
    userSearch: null,
    busy: false,
    outcomes: [],
    audit: [],
    scheduled: [],
    quality: {},
    qualityProgress: null,
    qualityPushed(e) {
      // Only the app on screen; a new window starts from what main has for it.
      if (e.sdkAppId !== get().sdkAppId) return
      const quality = { ...get().quality }
      for (const q of e.rows) quality[q.commId] = q
      set({ quality, qualityProgress: { done: e.done, total: e.total, nextSweepAt: e.nextSweepAt ?? null } })
    },
    scheduledPushed: (scheduled) => set({ scheduled }),
    async scheduledCancelled(id) {
      const r = await api['moderation.cancelScheduled']({ id })
      if (r.ok) set({ scheduled: r.value })
    },
    appSelected(sdkAppId) {
      if (sdkAppId === get().sdkAppId) return
      set({ sdkAppId, rooms: [], fetchedAt: null, selected: null, users: [], error: null, quality: {}, qualityProgress: null, userSearch: null })
      if (sdkAppId === null) return
      // What main's sweep already knows for this app (e.g. after the window reloads), then a fresh list.
      void api['rooms.qualitySnapshot']().then((r) => r.ok && r.value && get().qualityPushed(r.value))
      void get().refreshRequested()
    },
    presetSelected(preset) {
      set({ preset })
      if (preset !== 'custom') void get().refreshRequested()
    },
    customWindowChanged: (customStart, customEnd) => set({ customStart, customEnd }),
    utcToggled: (utc) => set({ utc }),
    queryChanged: (query) => set({ query }),
    statusChanged: (status) => set({ status }),
    sortChanged(key) {
      const sort = get().sort
      set({ sort: sort.key === key ? { key, desc: !sort.desc } : { key, desc: key !== 'roomId' } })
    },
    pauseToggled: () => set({ paused: !get().paused }),
    async refreshRequested(background = false) {
      const s = get()
      if (s.sdkAppId === null) return
      if (background && s.loading) return
      const { start, end } = windowOf(s, nowS())
      if (windowProblem(start, end, nowS())) return
      const jobId = `rooms-${++jobSeq}`
      if (currentJob) void api['rooms.cancel']({ jobId: currentJob })
      currentJob = jobId
      set({ loading: true, progress: { fetched: 0, total: 0 } })
      const r = await api['rooms.fetch']({ jobId, sdkAppId: s.sdkAppId, startTime: start, endTime: end, background })
      if (currentJob !== jobId) return
      currentJob = null
      if (r.ok) set({ loading: false, progress: null, rooms: r.value.rooms, fetchedAt: r.value.fetchedAt, error: null })
      // The last good list stays on screen, marked stale by the error and its age.
      else set({ loading: false, progress: null, error: r.error })
    },
    cancelRequested() {
      if (currentJob) void api['rooms.cancel']({ jobId: currentJob })
    },
    progressPushed(p) {
      if (p.jobId === currentJob) set({ progress: { fetched: p.fetched, total: p.total } })
    },
    async roomOpened(room, chart) {
      set({ selected: room, users: [], picked: [], charted: chart?.slice(0, MAX_CHARTED) ?? [], outcomes: [], usersError: null })
      if (!room) return
      void api['moderation.scheduled']().then((r) => r.ok && set({ scheduled: r.value }))
      // The audit log tells each user row what moderation did.
      void get().auditRequested()
      await loadUsers(room)
    },
    userPicked(userId, on) {
      const picked = get().picked.filter((u) => u !== userId)
      set({ picked: on ? [...picked, userId] : picked })
    },
    chartedChanged(userIds) {
      set({ charted: [...new Set(userIds)].slice(0, MAX_CHARTED) })
    },
    async userSearched(query) {
      const q = query?.trim() ?? ''
      if (q.length < 2) return set({ userSearch: null })
      set({ userSearch: { query: q, loading: true, sightings: [], rooms: 0, error: null } })
      const r = await api['rooms.findUser']({ query: q })
      if (get().userSearch?.query !== q) return
      set({ userSearch: r.ok ? { query: q, loading: false, ...r.value, error: null } : { query: q, loading: false, sightings: [], rooms: 0, error: r.error } })
    },
    allUsersPicked(on) {
      set({ picked: on ? [...new Set(get().users.filter((u) => !u.finished).map((u) => u.userId))] : [] })
    },
    async moderationRequested(req) {
      set({ busy: true })
      const r = await api['moderation.run'](req)
      if (!r.ok) {
        set({ busy: false, outcomes: [{ action: req.action, userIds: 'userIds' in req ? req.userIds : [], ok: false, error: r.error }] })
        return false
      }
      set({ busy: false, outcomes: r.value, picked: [] })
      // The rows' badges follow at once from the calls just audited, and the timed unblocks scheduled.
      void get().auditRequested()
      void api['moderation.scheduled']().then((s) => s.ok && set({ scheduled: s.value }))
      const room = get().selected
      if (room) await loadUsers(room)
      if (req.action === 'dismiss') void get().refreshRequested()
      return r.value.every((o) => o.ok)
    },
    async usersRequested() {
      const room = get().selected
      void get().auditRequested()
      if (room) await loadUsers(room)
    },
    async auditRequested() {
      const r = await api['audit.list']()
      if (r.ok) set({ audit: r.value.slice().reverse() })
    },
  }
  })
}

/**
 * The rooms shown: filtered, then sorted by the chosen key (computed once per room, not per
 * comparison: 10,000 rooms sort in a few milliseconds). `nowS` only matters when sorting by duration.
 */
export function selectVisibleRooms(s: Pick<RoomsState, 'rooms' | 'query' | 'status' | 'sort' | 'quality'>, nowS: number): RoomRow[] {
  const q = s.query.trim().toLowerCase()
  const rows = s.rooms.filter(
    (r) => (s.status === 'all' || (s.status === 'active') === !r.finished) && (!q || r.roomId.toLowerCase().includes(q) || r.creator.toLowerCase().includes(q)),
  )
  // Rooms without figures sort after those with, whichever the direction.
  const missing = s.sort.desc ? -Infinity : Infinity
  const key: Record<SortKey, (r: RoomRow) => number | string> = {
    start: (r) => r.createTime,
    duration: (r) => (r.finished ? r.destroyTime : nowS) - r.createTime,
    status: (r) => (r.finished ? 1 : 0),
    roomId: (r) => r.roomId,
    users: (r) => s.quality[r.commId]?.usersNow ?? missing,
    stutter: (r) => worstStutter(s.quality[r.commId]) ?? missing,
    loss: (r) => s.quality[r.commId]?.worstUser?.loss ?? missing,
  }
  const k = key[s.sort.key]
  const sign = s.sort.desc ? -1 : 1
  const keyed = rows.map((r) => ({ r, k: k(r) }))
  keyed.sort((a, b) => (a.k < b.k ? -1 : a.k > b.k ? 1 : 0) * sign || b.r.createTime - a.r.createTime)
  return keyed.map((x) => x.r)
}

/** A room's worst figure: the higher of its mean video and audio stutter (%), when known. */
export function worstStutter(q: RoomQuality | undefined): number | null {
  if (!q || q.videoStutter === null || q.audioStutter === null) return null
  return Math.max(q.videoStutter, q.audioStutter)
}
