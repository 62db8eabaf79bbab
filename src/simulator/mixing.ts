// Mixing and relay tasks (003_530a54cf0f8c0df7.txt L2064–L4022) and the layout each one produces at
// a given instant. Custom layouts are reproduced exactly; the dynamic templates have no pixel
// geometry in the doc (only counts, L2101–L2142), so those are approximations of the same counts.
import { userSigFailure, verifyUserSig } from '../main/usersig/tlsSig'
import type { VolumeLayout, VolumeLayoutRegion } from '../shared/media/volumeLayout'
import type { SimContext } from './context'
import { done, fail, Params, type Reply } from './params'
import { findActiveRoom, findApp, idleFor, inRoomAt, publishingAt, sessionsAt, unit, type Overlay, type Room, type World } from './world'

export interface MixTile {
  userId?: string
  roomId?: string
  x: number
  y: number
  w: number
  h: number
  zOrder: number
}

export interface SeiSettings {
  payloadType: number
  intervalMs: number
  followIdr: boolean
  appData: string
}

export interface PassThroughSettings {
  payloadType: number
  uuid?: string
  content: string
  intervalMs: number
  followIdr: boolean
}

export interface MixTask {
  taskId: string
  sdkAppId: number
  roomId: string
  /** 0 integer, 1 string — for mixing APIs (L2331–L2337). */
  roomIdType: 0 | 1
  robotUserId: string
  maxIdleTime: number
  withTranscoding: boolean
  hasVideo: boolean
  canvas: { w: number; h: number }
  /** VideoEncode as started (Fps, BitRate Kbps, Gop s); an update cannot change it (L2246–L2288). */
  encode?: { fps: number; bitRate: number; gop: number }
  mode: 1 | 2 | 3 | 4
  pureAudioHoldPlace: boolean
  maxVideoUser?: string
  customTiles: MixTile[]
  layoutVolume?: SeiSettings
  passThrough?: PassThroughSettings
  cdnUrls: string[]
  sequenceNumber: number
  startedAt: number
  stoppedAt?: number
}

export type MixTasks = Map<string, MixTask>

export type RegionInfo = VolumeLayoutRegion

function readSei(p: Params, task: Pick<MixTask, 'layoutVolume' | 'passThrough'>): void {
  const sei = p.obj('SeiParams')
  if (!sei) return
  const lv = sei.obj('LayoutVolume')
  if (lv) {
    // PayloadType default 100, range 100–254 with 244 reserved; AppData under 4,096 characters (L15312–L15335).
    const payloadType = lv.optInt('PayloadType', { invalid: 'InvalidParameter' }, [100, 254]) ?? 100
    if (payloadType === 244) lv.reject('InvalidParameter', 'SeiParams.LayoutVolume.PayloadType 244 is reserved for timestamps.')
    const appData = lv.optStr('AppData') ?? ''
    if (appData.length >= 4096) lv.reject('InvalidParameter', 'SeiParams.LayoutVolume.AppData must be shorter than 4,096 characters.')
    task.layoutVolume = {
      payloadType,
      intervalMs: lv.optInt('Interval', { invalid: 'InvalidParameter' }, [1, 600000]) ?? 1000,
      followIdr: (lv.optInt('FollowIdr', { invalid: 'InvalidParameter' }, [0, 1]) ?? 0) === 1,
      appData,
    }
  }
  const pt = sei.obj('PassThrough')
  if (pt) {
    // PayloadType 5 (with a 32-hex-digit UUID) or 100–254 except 244 (L15337–L15358).
    const payloadType = pt.int('PayloadType', { invalid: 'InvalidParameter' })
    const content = pt.str('PayloadContent')
    const uuid = pt.optStr('PayloadUuid')
    if (!pt.failure && payloadType !== 5 && (payloadType < 100 || payloadType > 254 || payloadType === 244)) {
      pt.reject('InvalidParameter', 'SeiParams.PassThrough.PayloadType must be 5 or 100–254 (244 is reserved).')
    }
    if (!pt.failure && payloadType === 5 && !/^[0-9a-fA-F]{32}$/.test(uuid ?? '')) {
      pt.reject('InvalidParameter', 'SeiParams.PassThrough.PayloadUuid must be 32 hexadecimal characters when PayloadType is 5.')
    }
    task.passThrough = {
      payloadType,
      ...(payloadType === 5 && uuid ? { uuid: uuid.toLowerCase() } : {}),
      content,
      intervalMs: pt.optInt('Interval', { invalid: 'InvalidParameter' }, [1, 600000]) ?? 1000,
      followIdr: (pt.optInt('FollowIdr', { invalid: 'InvalidParameter' }, [0, 1]) ?? 0) === 1,
    }
  }
}

function readUserId(stream: Params | undefined): { userId?: string; roomId?: string } {
  const info = stream?.obj('UserInfo')
  if (!info) return {}
  const userId = info.str('UserId')
  const roomId = info.optStr('RoomId')
  return roomId === undefined ? { userId } : { userId, roomId }
}

interface VideoPart {
  canvas: { w: number; h: number }
  encode?: { fps: number; bitRate: number; gop: number }
  mode: 1 | 2 | 3 | 4
  pureAudioHoldPlace: boolean
  maxVideoUser?: string
  customTiles: MixTile[]
}

function readVideo(video: Params, canvasDefault?: { w: number; h: number }): VideoPart {
  const enc = video.obj('VideoEncode')
  // VideoEncode ranges (L16351–L16372).
  const canvas = enc
    ? { w: enc.int('Width', {}, [0, 1920]), h: enc.int('Height', {}, [0, 1080]) }
    : (canvasDefault ?? { w: 1280, h: 720 })
  const encode = enc ? { fps: enc.int('Fps', {}, [0, 60]), bitRate: enc.int('BitRate', {}, [0, 10000]), gop: enc.int('Gop', {}, [1, 5]) } : undefined
  const lp = video.obj('LayoutParams')
  const mode = (lp?.optInt('MixLayoutMode', { invalid: 'InvalidParameter' }, [1, 4]) ?? 1) as 1 | 2 | 3 | 4
  const pure = (lp?.optInt('PureAudioHoldPlaceMode', { invalid: 'InvalidParameter' }, [0, 1]) ?? 0) === 1
  const maxVideo = lp?.obj('MaxVideoUser')
  const maxVideoUser = maxVideo ? readUserId(maxVideo.obj('UserMediaStream', {}, true)).userId : undefined
  const customTiles: MixTile[] = []
  for (const t of lp?.objArray('MixLayoutList') ?? []) {
    const tile: MixTile = {
      ...readUserId(t.obj('UserMediaStream')),
      x: t.optInt('LocationX', {}, [0, 10000]) ?? 0,
      y: t.optInt('LocationY', {}, [0, 10000]) ?? 0,
      w: t.optInt('ImageWidth', {}, [0, 10000]) ?? 0,
      h: t.optInt('ImageHeight', {}, [0, 10000]) ?? 0,
      zOrder: t.optInt('ZOrder') ?? 0,
    }
    // "The sum of LocationX and ImageWidth cannot exceed the width of the canvas." (L15194–L15274)
    if (tile.x + tile.w > canvas.w || tile.y + tile.h > canvas.h) {
      t.reject('InvalidParameter', `A MixLayoutList tile (${tile.x},${tile.y} ${tile.w}×${tile.h}) does not fit the ${canvas.w}×${canvas.h} canvas.`)
    }
    customTiles.push(tile)
  }
  if (mode === 4 && customTiles.length === 0) video.reject('InvalidParameter', 'MixLayoutMode 4 (custom) needs a MixLayoutList.')
  return { canvas, ...(encode ? { encode } : {}), mode, pureAudioHoldPlace: pure, ...(maxVideoUser ? { maxVideoUser } : {}), customTiles }
}

function readCdn(p: Params): string[] | undefined {
  const list = p.objArray('PublishCdnParams')
  if (!list) return undefined
  // "A single relay task can support up to 10 CDN relay addresses" (L2090–L2099)
  if (list.length > 10) p.reject('InvalidParameter', 'PublishCdnParams supports up to 10 addresses.')
  return list.map((c) => {
    const url = c.str('PublishCdnUrl')
    c.optInt('IsTencentCdn', {}, [0, 1])
    if (!c.failure && !/^rtmp:\/\//.test(url)) c.reject('InvalidParameter', 'PublishCdnUrl must be an rtmp:// URL.')
    return url
  })
}

export function startPublishCdnStream(body: Record<string, unknown>, ctx: SimContext, tasks: MixTasks): Reply {
  const p = new Params(body)
  const sdkAppId = p.int('SdkAppId', { missing: 'MissingParameter', invalid: 'InvalidParameter.SdkAppId' })
  const roomId = p.str('RoomId')
  const roomIdType = p.int('RoomIdType', {}, [0, 1]) as 0 | 1
  const agent = p.obj('AgentParams', {}, true)
  const robotUserId = agent?.str('UserId') ?? ''
  const robotSig = agent?.optStr('UserSig')
  // MaxIdleTime 5–86400 s, default 30 (L14934–L14956).
  const maxIdleTime = agent?.optInt('MaxIdleTime', {}, [5, 86400]) ?? 30
  const withTranscoding = p.int('WithTranscoding', {}, [0, 1]) === 1
  // "this parameter is required when you start a relay task" (L2355–L2361)
  const audio = p.obj('AudioParams', {}, true)
  const enc = audio?.obj('AudioEncode')
  if (enc) {
    const rate = enc.int('SampleRate')
    if (!enc.failure && ![48000, 44100, 32000, 24000, 16000, 8000].includes(rate)) enc.reject('InvalidParameter', 'AudioEncode.SampleRate must be 48000, 44100, 32000, 24000, 16000 or 8000.')
    enc.int('Channel', {}, [1, 2])
    enc.int('BitRate', {}, [8, 500])
  }
  const video = p.obj('VideoParams')
  const videoPart = video ? readVideo(video) : undefined
  const cdn = readCdn(p) ?? []
  const feedback = p.objArray('FeedBackRoomParams') ?? []
  if (!p.failure && feedback.length > 10) p.reject('InvalidParameter', 'FeedBackRoomParams supports up to 10 rooms.')
  for (const f of feedback) {
    f.str('RoomId')
    f.int('RoomIdType', {}, [0, 1])
    f.str('UserId')
    f.str('UserSig')
  }
  // "You need to specify at least one between this parameter and FeedBackRoomParams.N." (L2382–L2389)
  if (!p.failure && cdn.length === 0 && feedback.length === 0) p.reject('MissingParameter', 'Give PublishCdnParams or FeedBackRoomParams (at least one).')
  if (!p.failure && videoPart && videoPart.mode !== 4 && videoPart.customTiles.length > 0) {
    // Custom tiles only mean something in mode 4; a dynamic mode with a list is a caller mistake worth naming.
    p.reject('InvalidParameter', 'MixLayoutList is only valid with MixLayoutMode 4.')
  }
  const task: MixTask = {
    taskId: '',
    sdkAppId,
    roomId,
    roomIdType,
    robotUserId,
    maxIdleTime,
    withTranscoding,
    hasVideo: videoPart !== undefined,
    canvas: videoPart?.canvas ?? { w: 0, h: 0 },
    ...(videoPart?.encode ? { encode: videoPart.encode } : {}),
    mode: videoPart?.mode ?? 1,
    pureAudioHoldPlace: videoPart?.pureAudioHoldPlace ?? false,
    ...(videoPart?.maxVideoUser ? { maxVideoUser: videoPart.maxVideoUser } : {}),
    customTiles: videoPart?.customTiles ?? [],
    cdnUrls: cdn,
    sequenceNumber: -Infinity,
    startedAt: ctx.now,
  }
  readSei(p, task)
  if (p.failure) return fail(p.failure.code, p.failure.message)
  const secret = ctx.sdkSecretKeys.get(sdkAppId)
  if (!findApp(ctx.world, sdkAppId) || secret === undefined) return fail('InvalidParameter.SdkAppId', `SDKAppID ${sdkAppId} does not belong to this account.`)
  if (roomIdType === 0 && !/^\d+$/.test(roomId)) return fail('InvalidParameter', 'RoomIdType 0 (integer) needs a numeric RoomId.')
  if (robotSig !== undefined) {
    // The robot joins the room like any user, so its UserSig must verify against the app's key.
    const v = verifyUserSig(robotSig, { sdkAppId, sdkSecretKey: secret, nowSeconds: ctx.now, userId: robotUserId })
    if (!v.ok) return fail('InvalidParameter', `AgentParams.UserSig is ${userSigFailure(v) === 'expired' ? 'expired' : 'wrong'}: ${v.error.message}`)
  }
  task.taskId = ctx.nextId('mix')
  tasks.set(task.taskId, task)
  return done({ TaskId: task.taskId })
}

/** Stopped explicitly, or automatically once the room has had nobody for MaxIdleTime (L2284–L2288). */
export function mixTaskRunning(world: World, task: MixTask, overlay: Overlay, now: number): boolean {
  if (task.stoppedAt !== undefined && task.stoppedAt <= now) return false
  return !idleFor(world, task.sdkAppId, task.roomId, task.roomIdType === 1, task.startedAt, now, task.maxIdleTime, overlay)
}

function runningTask(p: Params, ctx: SimContext, tasks: MixTasks): MixTask | undefined {
  const sdkAppId = p.int('SdkAppId', { invalid: 'InvalidParameter.SdkAppId' })
  const taskId = p.str('TaskId')
  if (p.failure) return undefined
  const task = tasks.get(taskId)
  if (!task || task.sdkAppId !== sdkAppId || !mixTaskRunning(ctx.world, task, ctx.overlay, ctx.now)) {
    p.reject('ResourceNotFound', `The relay task ${taskId} does not exist or has stopped.`)
    return undefined
  }
  return task
}

export function updatePublishCdnStream(body: Record<string, unknown>, ctx: SimContext, tasks: MixTasks): Reply {
  const p = new Params(body)
  const task = runningTask(p, ctx, tasks)
  const seq = p.int('SequenceNumber')
  const withTranscoding = p.int('WithTranscoding', {}, [0, 1]) === 1
  if (p.failure || !task) return fail(p.failure?.code ?? 'ResourceNotFound', p.failure?.message ?? '')
  // "Customers must ensure that the SequenceNumber parameter increases when updating the same task,
  // otherwise, the mix task update will fail." (L2266–L2269); the action lists FailedOperation (L3848–L3878).
  if (seq <= task.sequenceNumber) {
    return fail('FailedOperation', `SequenceNumber ${seq} is not greater than the last accepted ${task.sequenceNumber}; the update was ignored.`)
  }
  const next: MixTask = { ...task, customTiles: [...task.customTiles] }
  const video = p.obj('VideoParams')
  if (video) {
    // Switching between audio-only and audio+video is not supported (L2246–L2288, precaution 3).
    if (!task.hasVideo) return fail('UnsupportedOperation', 'This relay task was started audio-only; it cannot switch to video.')
    if (video.has('VideoEncode')) video.reject('UnsupportedOperation', 'Video encoding parameters cannot be changed by an update (precaution 4, L2246–L2288).')
    const part = readVideo(video, task.canvas)
    next.mode = part.mode
    next.pureAudioHoldPlace = part.pureAudioHoldPlace
    next.customTiles = part.customTiles
    if (part.maxVideoUser) next.maxVideoUser = part.maxVideoUser
    else delete next.maxVideoUser
  }
  const cdn = readCdn(p)
  if (cdn) next.cdnUrls = cdn
  readSei(p, next)
  const problem = p.firstFailure()
  if (problem) return fail(problem.code, problem.message)
  next.withTranscoding = withTranscoding
  next.sequenceNumber = seq
  tasks.set(task.taskId, next)
  return done({ TaskId: task.taskId })
}

export function stopPublishCdnStream(body: Record<string, unknown>, ctx: SimContext, tasks: MixTasks): Reply {
  const p = new Params(body)
  const task = runningTask(p, ctx, tasks)
  if (p.failure || !task) return fail(p.failure?.code ?? 'ResourceNotFound', p.failure?.message ?? '')
  tasks.set(task.taskId, { ...task, stoppedAt: ctx.now })
  return done({ TaskId: task.taskId })
}

// ---------------------------------------------------------------- effective layout

interface Participant {
  userId: string
  video: boolean
  audio: boolean
}

function participants(world: World, room: Room | undefined, ctx: Pick<SimContext, 'overlay'>, t: number): Participant[] {
  if (!room) return []
  return sessionsAt(world, room, ctx.overlay, t)
    .filter((s) => inRoomAt(s, t) && s.role === 'anchor')
    .map((s) => ({ userId: s.userId, ...publishingAt(ctx.overlay, room, s, t) }))
    .filter((u) => u.audio || u.video)
}

/** Speaking volume 0–100: speakers alternate in bursts of a few seconds, silent when not sending audio. */
export function volumeAt(world: World, userId: string, audio: boolean, tMs: number): number {
  if (!audio) return 0
  const burst = Math.floor(tMs / 2500)
  if (unit(world.seed, userId, 'talk', burst) < 0.45) return Math.round(unit(world.seed, userId, 'quiet', Math.floor(tMs / 500)) * 8)
  return 30 + Math.round(unit(world.seed, userId, 'loud', Math.floor(tMs / 500)) * 70)
}

function gridCells(n: number, w: number, h: number): Tile[] {
  if (n === 0) return []
  const cols = Math.ceil(Math.sqrt(n))
  const rows = Math.ceil(n / cols)
  const cw = Math.floor(w / cols)
  const ch = Math.floor(h / rows)
  const out: Tile[] = []
  for (let i = 0; i < n; i++) {
    const row = Math.floor(i / cols)
    const inRow = row === rows - 1 ? n - row * cols : cols
    // An incomplete last row is centred, as in the SEI example (L2225–L2228: three users, x = 270 on the second row).
    const offset = Math.floor(((cols - inRow) * cw) / 2)
    out.push({ x: offset + (i - row * cols) * cw, y: row * ch, w: cw, h: ch, zOrder: 0 })
  }
  return out
}

/**
 * The regions a task's volume-layout SEI carries at time t: only users who are in the room and send
 * video (L2229–L2244), plus audio-only users when PureAudioHoldPlaceMode is 1 (L15276–L15310).
 */
export function effectiveRegions(world: World, task: MixTask, ctx: Pick<SimContext, 'overlay'>, tMs: number): RegionInfo[] {
  const t = Math.floor(tMs / 1000)
  const room = findActiveRoom(world, task.sdkAppId, task.roomId, task.roomIdType === 1, t, ctx.overlay)
  const people = participants(world, room, ctx, t)
  const shown = people.filter((u) => u.video || (task.pureAudioHoldPlace && task.mode !== 4))
  const region = (u: Participant, tile: Tile): RegionInfo => ({
    uid: u.userId,
    zorder: tile.zOrder,
    volume: volumeAt(world, u.userId, u.audio, tMs),
    x: tile.x,
    y: tile.y,
    w: tile.w,
    h: tile.h,
  })
  if (task.mode === 4) {
    // Named tiles are reserved for their user; unnamed ones fill in room-entry order (L2132–L2142).
    const named = new Set(task.customTiles.flatMap((x) => (x.userId ? [x.userId] : [])))
    const queue = shown.filter((u) => !named.has(u.userId))
    const out: RegionInfo[] = []
    for (const tile of task.customTiles) {
      const u = tile.userId ? shown.find((x) => x.userId === tile.userId) : queue.shift()
      if (u) out.push(region(u, tile))
    }
    return out
  }
  const bigUser = task.mode === 3 ? undefined : task.maxVideoUser ? shown.find((u) => u.userId === task.maxVideoUser) : task.mode === 1 ? shown[0] : undefined
  const rest = shown.filter((u) => u !== bigUser)
  const tiles = templateTiles(task.mode, task.canvas, rest.length, bigUser !== undefined)
  const out: RegionInfo[] = []
  if (bigUser && tiles.big) out.push(region(bigUser, tiles.big))
  tiles.small.forEach((tile, i) => {
    const u = rest[i]
    if (u) out.push(region(u, tile))
  })
  return out
}

export type Tile = Omit<MixTile, 'userId' | 'roomId'>

/**
 * Tiles of the dynamic templates for `count` users besides the big one. Only the counts are
 * documented (L2101–L2130), so the geometry is an approximation: grid cells are equal with an
 * incomplete last row centred, as in the SEI example (L2225–L2228).
 */
export function templateTiles(mode: 1 | 2 | 3, canvas: { w: number; h: number }, count: number, hasBig: boolean): { big?: Tile; small: Tile[] } {
  const { w: W, h: H } = canvas
  if (mode === 3) {
    // "up to 16 screens" (L2118)
    const n = Math.min(16, count + (hasBig ? 1 : 0))
    return { small: gridCells(n, W, H) }
  }
  // Floating and screen sharing: "up to 1 large screen and 15 small screens" (L2110–L2113, L2126–L2128).
  const n = Math.min(15, count)
  const small: Tile[] = []
  if (mode === 1) {
    // The big video fills the canvas; small ones float from the bottom left, 4 per row, up to 4 rows.
    const sw = Math.floor(W / 5)
    const sh = Math.floor(H / 5)
    const gap = Math.floor(W / 50)
    for (let i = 0; i < n; i++) small.push({ x: gap + (i % 4) * (sw + gap), y: H - (Math.floor(i / 4) + 1) * (sh + gap), w: sw, h: sh, zOrder: 1 })
    return hasBig ? { big: { x: 0, y: 0, w: W, h: H, zOrder: 0 }, small } : { small }
  }
  // Screen sharing: big screen on the left, small ones in up to two columns of 8 on the right.
  const cols = n > 8 ? 2 : 1
  const sw = Math.floor(W / 6)
  const sh = Math.floor(H / 8)
  for (let i = 0; i < n; i++) small.push({ x: W - (cols - Math.floor(i / 8)) * sw, y: (i % 8) * sh, w: sw, h: sh, zOrder: 1 })
  return hasBig ? { big: { x: 0, y: 0, w: W - cols * sw, h: H, zOrder: 0 }, small } : { small }
}

/** The volume-layout SEI content of a task at time t (L2225–L2244). */
export function volumeLayoutAt(world: World, task: MixTask, ctx: Pick<SimContext, 'overlay'>, tMs: number): VolumeLayout {
  return {
    app_data: task.layoutVolume?.appData ?? '',
    canvas: { w: task.canvas.w, h: task.canvas.h },
    regions: effectiveRegions(world, task, ctx, tMs),
    ver: '1.0',
    ts: Math.floor(tMs / 1000),
  }
}
