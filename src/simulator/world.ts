// The simulated TRTC tenant: applications, rooms, users, quality series and events, all derived from
// (seed, time) by hashing, so every action sees the same world and two servers with the same seed
// agree. Nothing here reads a clock: callers pass `now`. Moderation is the only mutable input and is
// passed in as an `Overlay` the server keeps.
import { callQualityMetrics } from '../shared/trtc/roomsQuality'

export const SLOT_S = 600
/** Longest room lifetime; bounds how far back a time-window scan must look. */
export const MAX_ROOM_S = 6 * 3600
export const HISTORY_S = 14 * 86400

// ---------------------------------------------------------------- hashing

function mix32(h: number): number {
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b)
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35)
  return (h ^ (h >>> 16)) >>> 0
}

/** Stable 32-bit hash of any mix of numbers and strings. */
export function hash(...parts: ReadonlyArray<number | string>): number {
  let h = 0x9e3779b9
  for (const p of parts) {
    const s = typeof p === 'number' ? String(p) : p
    for (let i = 0; i < s.length; i++) h = mix32(h ^ s.charCodeAt(i)) + i
    h = mix32(h ^ 0x27d4eb2f)
  }
  return h >>> 0
}

/** Uniform [0, 1) from a hash. */
export function unit(...parts: ReadonlyArray<number | string>): number {
  return hash(...parts) / 4294967296
}

function pick<T>(list: readonly T[], r: number): T {
  return list[Math.min(list.length - 1, Math.floor(r * list.length))] as T
}

// ---------------------------------------------------------------- model

export type Edition = 'free' | 'standard' | 'premium'

export interface AppInfo {
  sdkAppId: number
  name: string
  /** Rooms created per 10-minute slot. */
  roomsPerSlot: number
}

export interface World {
  seed: string
  seedHash: number
  apps: AppInfo[]
}

export interface Room {
  sdkAppId: number
  roomId: string
  isString: boolean
  createTime: number
  /** Planned end; moderation may end it earlier (see roomEnd). */
  plannedEnd: number
  creator: string
  commId: string
  slot: number
  index: number
}

export type Platform = 'Android' | 'iOS' | 'Windows' | 'Mac' | 'Web' | 'MiniProgram'

export interface UserSession {
  userId: string
  role: 'anchor' | 'audience'
  joinTs: number
  /** Planned leave time, before moderation. */
  plannedLeave: number
  platform: Platform
  deviceType: string
  os: string
  sdkVersion: string
  network: 'wifi' | '4g' | '5g' | 'wired'
  region: string
  clientIp: string
  width: number
  height: number
  fps: number
  hasVideo: boolean
  index: number
}

export interface BlockChange {
  at: number
  isMute: 0 | 1 | 2 | 3
}

/** Moderation applied to the generated world. Keys are roomKey(). */
export interface Overlay {
  removed: Map<string, Map<string, number>>
  blocked: Map<string, Map<string, BlockChange[]>>
  dismissed: Map<string, number>
  /** Robot users that tasks put in rooms (stream ingest), per room. */
  robots: Map<string, UserSession[]>
}

export function emptyOverlay(): Overlay {
  return { removed: new Map(), blocked: new Map(), dismissed: new Map(), robots: new Map() }
}

export function roomKey(sdkAppId: number, roomId: string, isString: boolean): string {
  return `${sdkAppId}:${isString ? 's' : 'n'}:${roomId}`
}

/** `roomsPerSlot` sizes the first app for load tests (e.g. 180 rooms every 10 minutes: a thousand live at once). */
export function createWorld(seed: number | string, opts: { roomsPerSlot?: number } = {}): World {
  const s = String(seed)
  const h = hash('world', s)
  const base = 1400000000 + (h % 90000) * 10
  return {
    seed: s,
    seedHash: h,
    apps: [
      { sdkAppId: base + 1, name: 'Demo classroom', roomsPerSlot: opts.roomsPerSlot ?? 3 },
      { sdkAppId: base + 2, name: 'Live shopping', roomsPerSlot: 2 },
      { sdkAppId: base + 3, name: 'Voice chat', roomsPerSlot: 1 },
    ],
  }
}

export function findApp(world: World, sdkAppId: number): AppInfo | undefined {
  return world.apps.find((a) => a.sdkAppId === sdkAppId)
}

// ---------------------------------------------------------------- rooms

const STRING_ROOM_WORDS = ['class', 'live', 'meet', 'party', 'talk', 'studio', 'quiz', 'demo'] as const

// Rooms and their planned sessions are pure functions of the world and their slot, so they are
// remembered: a busy app has thousands of rooms in every query's reach. Bounded: cleared when full.
const CACHE_MAX = 100_000
const roomCache = new WeakMap<World, Map<string, Room>>()
const sessionCache = new WeakMap<World, Map<string, UserSession[]>>()
function cacheOf<T>(caches: WeakMap<World, Map<string, T>>, world: World): Map<string, T> {
  let m = caches.get(world)
  if (!m) caches.set(world, (m = new Map()))
  if (m.size >= CACHE_MAX) m.clear()
  return m
}

export function roomAt(world: World, app: AppInfo, slot: number, index: number): Room {
  const cache = cacheOf(roomCache, world)
  const key = `${app.sdkAppId}:${slot}:${index}`
  let room = cache.get(key)
  if (!room) cache.set(key, (room = makeRoom(world, app, slot, index)))
  return room
}

function makeRoom(world: World, app: AppInfo, slot: number, index: number): Room {
  const h = (k: string): number => unit(world.seed, app.sdkAppId, slot, index, k)
  const createTime = slot * SLOT_S + Math.floor(h('start') * SLOT_S)
  const d = h('dur')
  const duration = d < 0.55 ? 300 + h('d1') * 2100 : d < 0.9 ? 2400 + h('d2') * 4800 : 7200 + h('d3') * (MAX_ROOM_S - 7200)
  const isString = h('kind') < 0.35
  const roomId = isString
    ? `${pick(STRING_ROOM_WORDS, h('word'))}-${hash(world.seed, app.sdkAppId, slot, index).toString(36).slice(0, 6)}`
    : String(1000 + (hash(world.seed, app.sdkAppId, slot, index, 'num') % 8_999_000))
  const creator = sessionsPlan(world, app.sdkAppId, roomId, createTime, createTime + Math.floor(duration), 1)[0]?.userId ?? 'host'
  return {
    sdkAppId: app.sdkAppId,
    roomId,
    isString,
    createTime,
    plannedEnd: createTime + Math.floor(duration),
    creator,
    commId: `${app.sdkAppId}_${roomId}_${createTime}`,
    slot,
    index,
  }
}

/** Room end after moderation; DismissRoom ends it at the dismissal time. */
export function roomEnd(room: Room, overlay: Overlay): number {
  const dismissed = overlay.dismissed.get(roomKey(room.sdkAppId, room.roomId, room.isString))
  return dismissed !== undefined && dismissed >= room.createTime && dismissed < room.plannedEnd ? dismissed : room.plannedEnd
}

export function roomExists(room: Room, now: number): boolean {
  return room.createTime <= now
}

export function roomActive(room: Room, overlay: Overlay, now: number): boolean {
  return room.createTime <= now && now < roomEnd(room, overlay)
}

/** Rooms created at or before `now` whose lifetime overlaps [from, to], oldest first. */
export function roomsInRange(world: World, app: AppInfo, from: number, to: number, now: number, overlay: Overlay): Room[] {
  const out: Room[] = []
  const last = Math.min(to, now)
  for (let slot = Math.floor((from - MAX_ROOM_S) / SLOT_S); slot <= Math.floor(last / SLOT_S); slot++) {
    for (let i = 0; i < app.roomsPerSlot; i++) {
      const room = roomAt(world, app, slot, i)
      if (room.createTime > last) continue
      if (roomEnd(room, overlay) < from) continue
      out.push(room)
    }
  }
  return out.sort((a, b) => a.createTime - b.createTime || a.index - b.index)
}

/** The room with this ID that is active at `now` (moderation targets live rooms only). */
export function findActiveRoom(world: World, sdkAppId: number, roomId: string, isString: boolean, now: number, overlay: Overlay): Room | undefined {
  const app = findApp(world, sdkAppId)
  if (!app) return undefined
  return roomsInRange(world, app, now, now, now, overlay).find((r) => r.roomId === roomId && r.isString === isString && roomActive(r, overlay, now))
}

/** Resolves a CommId `SdkAppId_RoomId_CreateTime` (003_530a54cf0f8c0df7.txt L11536–L11549). */
export function findRoomByCommId(world: World, commId: string): Room | undefined {
  const m = /^(\d+)_(.+)_(\d+)$/.exec(commId)
  if (!m) return undefined
  const app = findApp(world, Number(m[1]))
  if (!app) return undefined
  const createTime = Number(m[3])
  const slot = Math.floor(createTime / SLOT_S)
  for (let i = 0; i < app.roomsPerSlot; i++) {
    const room = roomAt(world, app, slot, i)
    if (room.commId === commId) return room
  }
  return undefined
}

// ---------------------------------------------------------------- users

const NAMES = ['lily', 'mark', 'chen', 'sara', 'omar', 'yuki', 'ivan', 'nora', 'leo', 'mia', 'raj', 'zoe', 'ana', 'tom', 'li', 'kai'] as const
const REGULARS = ['ana', 'leo', 'kai', 'mia'] as const
const REGIONS = ['ap-guangzhou', 'ap-beijing', 'ap-shanghai', 'ap-singapore', 'ap-mumbai', 'ap-hongkong', 'na-siliconvalley', 'eu-frankfurt'] as const
const PLATFORMS: Record<Platform, { devices: string[]; os: string[]; sdk: string[] }> = {
  Android: { devices: ['Pixel 7', 'SM-S9180', 'Mi 13', 'OPPO Find X6'], os: ['Android 13', 'Android 14'], sdk: ['11.7.0.15', '12.0.0.14'] },
  iOS: { devices: ['iPhone14,2', 'iPhone15,3', 'iPad13,4'], os: ['iOS 17.4', 'iOS 16.6'], sdk: ['11.7.0.15', '12.0.0.14'] },
  Windows: { devices: ['Windows PC'], os: ['Windows 10', 'Windows 11'], sdk: ['11.6.0.10', '12.0.0.14'] },
  Mac: { devices: ['MacBookPro18,1', 'Macmini9,1'], os: ['macOS 14.4'], sdk: ['11.6.0.10', '12.0.0.14'] },
  Web: { devices: ['Chrome 124', 'Edge 124', 'Safari 17'], os: ['Windows 11', 'macOS 14.4'], sdk: ['5.5.2', '5.6.0'] },
  MiniProgram: { devices: ['WeChat MiniProgram'], os: ['iOS 17.4', 'Android 14'], sdk: ['1.3.4'] },
}
const PLATFORM_LIST = Object.keys(PLATFORMS) as Platform[]
const RESOLUTIONS = [
  [640, 360],
  [960, 540],
  [1280, 720],
] as const

/** The planned sessions of a room, before moderation; index 0 is the creator (an anchor). */
function sessionsPlan(world: World, sdkAppId: number, roomId: string, createTime: number, end: number, limit = Infinity): UserSession[] {
  const h = (i: number, k: string): number => unit(world.seed, sdkAppId, roomId, createTime, i, k)
  const anchors = 1 + Math.floor(h(-1, 'anchors') * 4)
  const total = Math.min(limit, anchors + Math.floor(h(-1, 'audience') * 9))
  const out: UserSession[] = []
  const life = end - createTime
  // Some people come back: in two rooms in five the last viewer is one of a few regulars, so a
  // user can be found in several rooms of an hour.
  const regular = total > anchors && h(-1, 'regular') < 0.4 ? `guest_${pick(REGULARS, h(-1, 'regularWho'))}` : null
  for (let i = 0; i < total; i++) {
    const platform = pick(PLATFORM_LIST, h(i, 'platform'))
    const p = PLATFORMS[platform]
    const joinTs = i === 0 ? createTime : createTime + Math.floor(h(i, 'join') * life * 0.7)
    const stay = i === 0 ? end - createTime : Math.max(60, Math.floor(h(i, 'stay') * (end - joinTs)))
    const res = pick(RESOLUTIONS, h(i, 'res'))
    const role = i < anchors ? 'anchor' : 'audience'
    out.push({
      userId: regular && i === total - 1 ? regular : `${pick(NAMES, h(i, 'name'))}${i}_${1000 + (hash(world.seed, roomId, i) % 9000)}`,
      role,
      joinTs,
      plannedLeave: Math.min(end, joinTs + stay),
      platform,
      deviceType: pick(p.devices, h(i, 'dev')),
      os: pick(p.os, h(i, 'os')),
      sdkVersion: pick(p.sdk, h(i, 'sdk')),
      network: pick(['wifi', 'wifi', '4g', '5g', 'wired'] as const, h(i, 'net')),
      region: pick(REGIONS, h(i, 'region')),
      clientIp: `10.${hash(roomId, i, 'a') % 256}.${hash(roomId, i, 'b') % 256}.${1 + (hash(roomId, i, 'c') % 254)}`,
      width: res[0],
      height: res[1],
      fps: h(i, 'fps') < 0.5 ? 15 : 24,
      hasVideo: role === 'anchor' && h(i, 'video') < 0.85,
      index: i,
    })
  }
  return out
}

export function roomSessions(world: World, room: Room): UserSession[] {
  const cache = cacheOf(sessionCache, world)
  let plan = cache.get(room.commId)
  if (!plan) cache.set(room.commId, (plan = sessionsPlan(world, room.sdkAppId, room.roomId, room.createTime, room.plannedEnd)))
  return plan
}

export interface SessionView extends UserSession {
  /** Leave time after moderation (kick or dismissal). */
  leaveTs: number
  kicked: boolean
}

/** Sessions that have started by `now`, with moderation applied. */
export function sessionsAt(world: World, room: Room, overlay: Overlay, now: number): SessionView[] {
  const key = roomKey(room.sdkAppId, room.roomId, room.isString)
  const removed = overlay.removed.get(key)
  const end = roomEnd(room, overlay)
  const out: SessionView[] = []
  const robots = overlay.robots.get(key)
  for (const s of robots ? [...roomSessions(world, room), ...robots] : roomSessions(world, room)) {
    if (s.joinTs > now) continue
    const kickedAt = removed?.get(s.userId)
    let leaveTs = Math.min(s.plannedLeave, end)
    let kicked = false
    if (kickedAt !== undefined && kickedAt >= s.joinTs && kickedAt < leaveTs) {
      // A removed user stays out: a planned join after the kick does not happen.
      leaveTs = kickedAt
      kicked = true
    } else if (kickedAt !== undefined && kickedAt < s.joinTs) continue
    out.push({ ...s, leaveTs, kicked })
  }
  return out
}

export function inRoomAt(s: SessionView, t: number): boolean {
  return s.joinTs <= t && t < s.leaveTs
}

/** IsMute in force at time t (003_530a54cf0f8c0df7.txt L1180–L1184: 0 enable, 1 disable both, 2 audio only, 3 video only). */
export function muteAt(overlay: Overlay, room: Room, userId: string, t: number): 0 | 1 | 2 | 3 {
  const changes = overlay.blocked.get(roomKey(room.sdkAppId, room.roomId, room.isString))?.get(userId)
  let state: 0 | 1 | 2 | 3 = 0
  for (const c of changes ?? []) if (c.at <= t) state = c.isMute
  return state
}

export interface Publishing {
  audio: boolean
  video: boolean
}

export function publishingAt(overlay: Overlay, room: Room, s: SessionView, t: number): Publishing {
  if (!inRoomAt(s, t) || s.role !== 'anchor') return { audio: false, video: false }
  const mute = muteAt(overlay, room, s.userId, t)
  return { audio: mute === 0 || mute === 3, video: s.hasVideo && (mute === 0 || mute === 2) }
}

// ---------------------------------------------------------------- quality

// The metrics of DescribeCallDetailInfo (003_530a54cf0f8c0df7.txt L11938–L11957), without 'all'.
export const DATA_TYPES = callQualityMetrics.filter((m): m is Exclude<(typeof callQualityMetrics)[number], 'all'> => m !== 'all')
export type DataType = (typeof DATA_TYPES)[number]

/** Sampling step of quality series (the doc example steps 2 s, 003_530a54cf0f8c0df7.txt L12079–L12095). */
export const QUALITY_STEP_S = 2

function wave(seed: string, userId: string, type: string, t: number, period: number): number {
  const phase = unit(seed, userId, type, 'phase') * Math.PI * 2
  return Math.sin((t / period) * Math.PI * 2 + phase)
}

/**
 * One metric of one user at time t; `peer` empty = upstream (QualityData.PeerId, L15759–L15781).
 * Muted or absent streams read 0, so moderation shows up in the series.
 */
export function qualityValue(world: World, room: Room, overlay: Overlay, s: SessionView, type: DataType, t: number, downstream: boolean): number {
  if (!inRoomAt(s, t)) return 0
  // A troubled room's users lose packets and stutter more, in step with its real-time figures.
  const bad = troubled(world, room.sdkAppId, room.roomId)
  const pub = publishingAt(overlay, room, s, t)
  const n = unit(world.seed, s.userId, type, t)
  const w = wave(world.seed, s.userId, type, t, 300)
  const spike = unit(world.seed, s.userId, type, Math.floor(t / 30), 'spike') < (bad ? 0.3 : 0.06)
  const video = downstream ? s.hasVideo : pub.video
  const audio = downstream ? true : pub.audio
  switch (type) {
    case 'appCpu':
      return round1(8 + 6 * w + 4 * n + (s.platform === 'Web' ? 10 : 0))
    case 'sysCpu':
      return round1(30 + 12 * w + 8 * n)
    case 'aBit':
      return audio ? Math.round(40000 + 12000 * w + 4000 * n) : 0
    case 'aBlock':
      return audio && spike ? Math.round(100 + 400 * n) : 0
    case 'bigvBit':
      // About 0.055 bit per pixel per frame, varying ±30 % around it: never negative.
      return video ? Math.round(s.width * s.height * s.fps * 0.055 * (1 + 0.2 * w + 0.1 * n)) : 0
    case 'bigvCapFps':
      return video && !downstream ? s.fps : 0
    case 'bigvEncFps':
      return video && !downstream ? Math.max(0, s.fps - (spike ? 5 : n < 0.2 ? 1 : 0)) : 0
    case 'bigvDecFps':
      return video && downstream ? Math.max(0, s.fps - (spike ? 6 : n < 0.3 ? 1 : 0)) : 0
    case 'bigvBlock':
      return video && spike ? Math.round(200 + 800 * n) : 0
    case 'aLoss':
      return audio ? round1(Math.max(0, (s.network === '4g' ? 2 : 0.5) * (1 + w) + (spike ? 6 * n : 0) + (bad ? 5 : 0))) : 0
    case 'bigvLoss':
      return video ? round1(Math.max(0, (s.network === '4g' ? 3 : 0.8) * (1 + w) + (spike ? 10 * n : 0) + (bad ? 7 : 0))) : 0
    case 'bigvWidth':
      return video ? s.width : 0
    case 'bigvHeight':
      return video ? s.height : 0
  }
}

function round1(v: number): number {
  return Math.round(v * 10) / 10
}

// ---------------------------------------------------------------- events

export interface SimEvent {
  /** Unix milliseconds (EventMessage.Time, L15058–L15085). */
  time: number
  eventId: number
  p1: number
  p2: number
  /** EventMessage.Type: 0 non-video, 2 big video. */
  type: 0 | 2
}

/**
 * Events of one session from the Event ID Mapping Table (003_530a54cf0f8c0df7.txt L16483–L16803):
 * native SDKs report the SDK table, browsers the WebRTC table.
 */
export function sessionEvents(world: World, room: Room, overlay: Overlay, s: SessionView, now: number): SimEvent[] {
  const ev: SimEvent[] = []
  const at = (t: number, eventId: number, p1 = -1, p2 = -1, type: 0 | 2 = 0): void => {
    if (t <= now) ev.push({ time: Math.round(t * 1000), eventId, p1, p2, type })
  }
  const j = s.joinTs
  const web = s.platform === 'Web' || s.platform === 'MiniProgram'
  const finished = s.leaveTs <= now
  if (web) {
    at(j, 32791)
    at(j + 0.4, 32793)
    at(j + 0.5, 32788)
    if (s.role === 'anchor') {
      at(j + 1.2, 32769)
      if (s.hasVideo) at(j + 1.3, 32768, -1, -1, 2)
    }
    at(j + 2, 32776, -1, -1, 2)
    at(j + 2.1, 32777)
  } else {
    at(j, 5001)
    at(j + 0.2, 5002, 1)
    at(j + 0.6, 5003, 1)
    at(j + 0.6, 7000, 0)
    at(j + 0.7, 1003, { wifi: 1, '4g': 2, '5g': 2, wired: 5 }[s.network])
    at(j + 0.8, 6001, unit(world.seed, s.userId, 'qos') < 0.5 ? 101 : 102, s.role === 'anchor' ? 0 : 1)
    if (s.role === 'anchor') {
      at(j + 1, 3001, 0)
      at(j + 1.1, 5009)
      if (s.hasVideo) {
        at(j + 1.2, 4001, 0)
        at(j + 1.3, 4006, 0, -1, 2)
        at(j + 1.4, 5004, -1, -1, 2)
        at(j + 1.5, 4007, s.width, s.height, 2)
      }
    }
    at(j + 2, 5006, -1, -1, 2)
    at(j + 2.2, 5007, -1, -1, 2)
    // A mid-session background switch for mobile users, deterministic per user.
    if ((s.platform === 'Android' || s.platform === 'iOS') && unit(world.seed, s.userId, 'bg') < 0.4) {
      const bgAt = j + (s.leaveTs - j) * 0.5
      if (bgAt < s.leaveTs) {
        at(bgAt, 2001, 1)
        at(Math.min(bgAt + 20, s.leaveTs - 0.5), 2001, 0)
      }
    }
  }
  const key = roomKey(room.sdkAppId, room.roomId, room.isString)
  for (const c of overlay.blocked.get(key)?.get(s.userId) ?? []) {
    if (c.at < j || c.at >= s.leaveTs) continue
    const audioOff = c.isMute === 1 || c.isMute === 2
    const videoOff = c.isMute === 1 || c.isMute === 3
    if (web) {
      at(c.at, audioOff ? 32771 : 32769)
      if (s.hasVideo) at(c.at, videoOff ? 32770 : 32768, -1, -1, 2)
    } else {
      at(c.at, 3001, audioOff ? 1 : 3)
      if (s.hasVideo) at(c.at, 4006, videoOff ? 1 : 0, -1, 2)
    }
  }
  if (finished) {
    if (web) at(s.leaveTs, 32789)
    else {
      const timedOut = !s.kicked && unit(world.seed, s.userId, 'timeout') < 0.08
      at(s.leaveTs, 7001, s.kicked ? 2 : timedOut ? 1 : 0)
      at(s.leaveTs, 5008, 1)
    }
  }
  return ev.sort((a, b) => a.time - b.time)
}

// ---------------------------------------------------------------- scale

export interface Scale {
  users: number
  rooms: number
}

/** `candidates`: the rooms to count from, found once for a whole series (a RoomId's rooms). */
export function scaleAt(world: World, app: AppInfo, overlay: Overlay, t: number, roomId?: string, candidates?: readonly Room[]): Scale {
  let users = 0
  let rooms = 0
  for (const room of candidates ?? roomsInRange(world, app, t, t, t, overlay)) {
    if (room.createTime > t) continue
    if (!roomActive(room, overlay, t)) continue
    if (roomId !== undefined && room.roomId !== roomId) continue
    rooms++
    users += sessionsAt(world, room, overlay, t).filter((s) => inRoomAt(s, t)).length
  }
  return { users, rooms }
}

export interface DayScale {
  time: number
  roomNumbers: number
  userNumber: number
  userCount: number
}

const dayScaleCache = new WeakMap<World, Map<string, DayScale>>()

/** Daily figures (ScaleInfomation, L16000–L16021): rooms created, distinct users, room entries. */
export function dayScale(world: World, app: AppInfo, dayStart: number): DayScale {
  // Past days never change, and a 14-day query would otherwise regenerate ~6,000 rooms each time.
  const cache = dayScaleCache.get(world) ?? new Map<string, DayScale>()
  dayScaleCache.set(world, cache)
  const key = `${app.sdkAppId}:${dayStart}`
  const hit = cache.get(key)
  if (hit) return hit
  const value = computeDayScale(world, app, dayStart)
  cache.set(key, value)
  return value
}

function computeDayScale(world: World, app: AppInfo, dayStart: number): DayScale {
  let roomNumbers = 0
  let userCount = 0
  const distinct = new Set<string>()
  for (let slot = dayStart / SLOT_S; slot < (dayStart + 86400) / SLOT_S; slot++) {
    for (let i = 0; i < app.roomsPerSlot; i++) {
      const room = roomAt(world, app, slot, i)
      roomNumbers++
      for (const s of roomSessions(world, room)) {
        userCount++
        distinct.add(s.userId)
      }
    }
  }
  return { time: dayStart, roomNumbers, userNumber: distinct.size, userCount }
}

/** One room in eight has a bad network for the whole of its life (real-time stutter 8–25 %, loss +5–7 %). */
export function troubled(world: World, sdkAppId: number, roomId: string): boolean {
  return figure(world, 'troubledRoom', `${sdkAppId}:${roomId}`, 0, 1000) < 125
}

/** A deterministic figure in [lo, hi] for a named series at a time key. */
export function figure(world: World, name: string, key: number | string, lo: number, hi: number): number {
  return Math.round(lo + unit(world.seed, name, key) * (hi - lo))
}

/**
 * True when no room with this ID has been live during the last `maxIdleS` seconds (and the task
 * watching it is older than that): the auto-stop rule of relay and recording robots
 * (003_530a54cf0f8c0df7.txt L2284–L2288, RecordParams.MaxIdleTime L15833–L15911).
 */
export function idleFor(world: World, sdkAppId: number, roomId: string, isString: boolean, startedAt: number, now: number, maxIdleS: number, overlay: Overlay): boolean {
  if (now - startedAt <= maxIdleS) return false
  const app = findApp(world, sdkAppId)
  if (!app) return true
  const from = now - maxIdleS
  return !roomsInRange(world, app, from, now, now, overlay).some((r) => r.roomId === roomId && r.isString === isString && roomEnd(r, overlay) >= from)
}

/**
 * The newest room of `app` live at `now` that stays live for `forS` seconds with at least `users`
 * users in it the whole time (sending video, when asked): a room tests and demos can rely on.
 */
export function stayingRoom(world: World, app: AppInfo, now: number, want: { users: number; forS: number; video?: boolean; isString?: boolean }): { room: Room; userIds: string[] } | undefined {
  const o = emptyOverlay()
  for (const room of roomsInRange(world, app, now, now, now, o).reverse()) {
    if (want.isString !== undefined && room.isString !== want.isString) continue
    if (!roomActive(room, o, now + want.forS)) continue
    const userIds = sessionsAt(world, room, o, now)
      .filter((s) => inRoomAt(s, now) && inRoomAt(s, now + want.forS) && (!want.video || s.hasVideo))
      .map((s) => s.userId)
    if (userIds.length >= want.users) return { room, userIds }
  }
  return undefined
}

/** The user seen in the most rooms of `app` during [from, to] (a returning regular), with those rooms. */
export function returningUser(world: World, app: AppInfo, from: number, to: number, now: number): { userId: string; commIds: string[] } | undefined {
  const o = emptyOverlay()
  const seen = new Map<string, Set<string>>()
  for (const room of roomsInRange(world, app, from, to, now, o))
    for (const s of sessionsAt(world, room, o, Math.min(now, to))) if (s.leaveTs >= from) seen.set(s.userId, (seen.get(s.userId) ?? new Set()).add(room.commId))
  let best: { userId: string; commIds: string[] } | undefined
  for (const [userId, rooms] of seen) if (!best || rooms.size > best.commIds.length) best = { userId, commIds: [...rooms].sort() }
  return best
}
