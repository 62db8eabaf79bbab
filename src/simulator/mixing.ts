// Mixing and relay tasks (003_530a54cf0f8c0df7.txt L2064–L4022) and the layout each one produces at
// a given instant. Custom layouts are reproduced exactly; the dynamic templates have no pixel
// geometry in the doc (only counts, L2101–L2142), so those are approximations of the same counts.
import { userSigFailure, verifyUserSig } from '../main/usersig/tlsSig'
import type { VolumeLayout, VolumeLayoutRegion } from '../shared/media/volumeLayout'
import type { SimContext } from './context'
import { isStringRoomId, isUserId, parseNumericRoomId } from '../shared/trtc/roomId'
import { codesOf, done, fail, Params, type DefaultCodes, type Reply } from './params'
import { findActiveRoom, findApp, idleFor, inRoomAt, publishingAt, sessionsAt, unit, type Overlay, type Room, type World } from './world'

export interface MixTile {
  userId?: string
  roomId?: string
  roomIdType?: 0 | 1
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

export interface AudioEncodeSettings {
  sampleRate: number
  channel: number
  bitRate: number
  codec: number
}

/** An audio list as the task holds it: null = not set (all anchors / no blocklist, L15103–L15145). */
export type AudioList = Array<{ userId: string; roomId?: string }> | null

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
  /** AudioEncode as started; an update cannot change it either (L2256–L2258). */
  audioEncode?: AudioEncodeSettings
  subscribeAudio: AudioList
  unsubscribeAudio: AudioList
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

// StartPublishCdnStream's error table (L3441–L3467) lists InvalidParameter and MissingParameter but
// not InvalidParameterValue, so values out of range answer InvalidParameter; so does Update's (L3848–L3878).
const MIX_CODES: DefaultCodes = { missing: 'MissingParameter', invalid: 'InvalidParameter', range: 'InvalidParameter' }

const MCU_COLOR = /^0x[0-9a-fA-F]{6}$/
const HTTP_URL = /^https?:\/\/[^\s/?#]+[^\s]*$/

/** The main room of a task: what unnamed and dynamic-layout users belong to (L15752–L15754). */
interface MainRoom {
  roomId: string
  roomIdType: 0 | 1
}

/** A room ID valid for its type: integer rooms 1–4294967295 (000_b308e910fed97ab3.txt L32). rule: room.numeric, room.string */
function roomValid(roomId: string, roomIdType: number): boolean {
  return roomIdType === 0 ? parseNumericRoomId(roomId) !== null : isStringRoomId(roomId)
}

function optColor(p: Params, name: string): void {
  // Colours by the reference's examples, 0xRRGGBB (L15242–L15250, L15410–L15418, L15500–L15514). rule: color.format
  const v = p.optStr(name)
  if (v !== undefined && !MCU_COLOR.test(v)) p.reject(undefined, `${name} "${v}" is not of the form 0xRRGGBB.`)
}

function optUrl(p: Params, name: string, required = false): string | undefined {
  // Image members are URLs the cloud downloads (L15253, L15422, L15446). rule: image.url
  const v = required ? p.str(name) : p.optStr(name)
  if (v !== undefined && !p.firstFailure() && !HTTP_URL.test(v)) p.reject(undefined, `${name} is not an http(s) URL.`)
  return v
}

/** An Integer pixel value, not negative: offsets and sizes on the canvas (no negative values are stated; docs/reference-rules.md). rule: tile.integer, tile.negative */
function pixels(p: Params, name: string, required: boolean): number {
  const v = required ? p.int(name) : (p.optInt(name) ?? 0)
  if (!p.firstFailure() && v < 0) p.reject(undefined, `${name} must not be negative.`)
  return v
}

function readSei(p: Params, task: Pick<MixTask, 'layoutVolume' | 'passThrough'>): void {
  const sei = p.obj('SeiParams')
  if (!sei) return
  const lv = sei.obj('LayoutVolume')
  if (lv) {
    // PayloadType default 100, range 100–254 with 244 reserved; AppData under 4,096 characters (L15312–L15335).
    const payloadType = lv.optInt('PayloadType', {}, [100, 254]) ?? 100 // rule: sei.payloadType
    if (payloadType === 244) lv.reject(undefined, 'SeiParams.LayoutVolume.PayloadType 244 is reserved for timestamps.')
    const appData = lv.optStr('AppData') ?? ''
    if (appData.length >= 4096) lv.reject(undefined, 'SeiParams.LayoutVolume.AppData must be shorter than 4,096 characters.') // rule: sei.appData
    task.layoutVolume = {
      payloadType,
      // Interval in ms with no stated upper bound (L15331). rule: sei.interval
      intervalMs: lv.optInt('Interval', {}, [1, Number.MAX_SAFE_INTEGER]) ?? 1000,
      followIdr: (lv.optInt('FollowIdr', {}, [0, 1]) ?? 0) === 1,
      appData,
    }
  }
  const pt = sei.obj('PassThrough')
  if (pt) {
    // PayloadType 5 (with a 32-hex-digit UUID) or 100–254 except 244; PayloadContent required (L15337–L15358).
    const payloadType = pt.int('PayloadType')
    const content = pt.str('PayloadContent') // rule: sei.content
    const uuid = pt.optStr('PayloadUuid')
    if (!pt.failure && payloadType !== 5 && (payloadType < 100 || payloadType > 254 || payloadType === 244)) {
      pt.reject(undefined, 'SeiParams.PassThrough.PayloadType must be 5 or 100–254 (244 is reserved).') // rule: sei.payloadType
    }
    if (!pt.failure && payloadType === 5 && !/^[0-9a-fA-F]{32}$/.test(uuid ?? '')) {
      pt.reject(undefined, 'SeiParams.PassThrough.PayloadUuid must be 32 hexadecimal characters when PayloadType is 5.') // rule: sei.uuid
    }
    task.passThrough = {
      payloadType,
      ...(payloadType === 5 && uuid ? { uuid: uuid.toLowerCase() } : {}),
      content,
      intervalMs: pt.optInt('Interval', {}, [1, Number.MAX_SAFE_INTEGER]) ?? 1000,
      followIdr: (pt.optInt('FollowIdr', {}, [0, 1]) ?? 0) === 1,
    }
  }
}

/** MixUserInfo (L15742–L15757): UserId required; a RoomId, when given, valid for its RoomIdType. */
function readUserInfo(info: Params): { userId: string; roomId?: string; roomIdType?: 0 | 1 } {
  const userId = info.str('UserId')
  if (!info.firstFailure() && !isUserId(userId)) info.reject(undefined, `UserId "${userId}" may contain only letters, digits, underscores and hyphens.`) // rule: user.id
  const roomId = info.optStr('RoomId')
  const type = info.optInt('RoomIdType', {}, [0, 1]) as 0 | 1 | undefined
  if (roomId !== undefined && !info.firstFailure() && !roomValid(roomId, type ?? 1)) info.reject(undefined, `RoomId "${roomId}" is not a valid ${type === 0 ? 'integer' : 'string'} room ID.`)
  return { userId, ...(roomId !== undefined ? { roomId } : {}), ...(type !== undefined ? { roomIdType: type } : {}) }
}

function readStream(stream: Params): { user?: ReturnType<typeof readUserInfo>; streamType: number } {
  const info = stream.obj('UserInfo')
  const streamType = stream.optInt('StreamType', {}, [0, 1]) ?? 0 // L16346–L16348
  return info ? { user: readUserInfo(info), streamType } : { streamType }
}

// A RoomIdType left out is read as the main room's type (the reference gives no default, L15757).
const roomKey = (u: { roomId?: string; roomIdType?: 0 | 1 }, main: MainRoom): string => `${u.roomIdType ?? main.roomIdType}:${u.roomId ?? main.roomId}`
const sameRoom = (u: { roomId?: string; roomIdType?: 0 | 1 }, main: MainRoom): boolean => roomKey(u, main) === roomKey(main, main)
const layoutRooms = (tiles: readonly MixTile[], main: MainRoom): Set<string> => new Set(tiles.flatMap((t) => (t.userId !== undefined ? [roomKey(t, main)] : [])))

interface VideoPart {
  canvas: { w: number; h: number }
  encode?: { w: number; h: number; fps: number; bitRate: number; gop: number }
  mode: 1 | 2 | 3 | 4
  pureAudioHoldPlace: boolean
  maxVideoUser?: string
  customTiles: MixTile[]
}

function readWatermarks(video: Params): void {
  for (const w of video.objArray('WaterMarkList') ?? []) {
    // McuWaterMarkParams (L15462–L15480): type 0 image (default), 1 text; the matching member is required.
    const type = w.optInt('WaterMarkType', {}, [0, 1]) ?? 0
    if (type === 0) {
      const img = w.obj('WaterMarkImage', {}, true)
      if (!img) continue
      optUrl(img, 'WaterMarkUrl', true)
      for (const k of ['WaterMarkWidth', 'WaterMarkHeight', 'LocationX', 'LocationY']) pixels(img, k, true) // rule: watermark.integer
      img.optInt('ZOrder')
    } else {
      // McuWaterMarkText (L15482–L15514): Text and FontSize required. rule: watermark.text, watermark.fontSize
      const text = w.obj('WaterMarkText', {}, true)
      if (!text) continue
      text.str('Text')
      for (const k of ['WaterMarkWidth', 'WaterMarkHeight', 'LocationX', 'LocationY']) pixels(text, k, true)
      text.int('FontSize', {}, [1, Number.MAX_SAFE_INTEGER])
      optColor(text, 'FontColor')
      optColor(text, 'BackGroundColor')
    }
  }
}

/** McuVideoParams; `taskCanvas` is the running task's canvas on update (the layout is checked against it). */
function readVideo(video: Params, main: MainRoom, taskCanvas?: { w: number; h: number }): VideoPart {
  const enc = video.obj('VideoEncode')
  // VideoEncode: every member required, Width [0, 1920], Height [0, 1080], Fps [0, 60], BitRate [0, 10000], Gop [1, 5] (L16351–L16372).
  // rule: canvas.integer, canvas.width, canvas.height
  const encode = enc ? { w: enc.int('Width', {}, [0, 1920]), h: enc.int('Height', {}, [0, 1080]), fps: enc.int('Fps', {}, [0, 60]), bitRate: enc.int('BitRate', {}, [0, 10000]), gop: enc.int('Gop', {}, [1, 5]) } : undefined
  const canvas = taskCanvas ?? (encode ? { w: encode.w, h: encode.h } : { w: 0, h: 0 })
  optColor(video, 'BackGroundColor')
  optUrl(video, 'BackgroundImageUrl')
  video.optInt('BackgroundRenderMode', {}, [0, 2]) // L15433–L15439
  readWatermarks(video)
  const lp = video.obj('LayoutParams')
  // Floating is the default layout (L2181).
  const mode = (lp?.optInt('MixLayoutMode', {}, [1, 4]) ?? 1) as 1 | 2 | 3 | 4
  const pure = (lp?.optInt('PureAudioHoldPlaceMode', {}, [0, 1]) ?? 0) === 1
  lp?.optInt('RenderMode', {}, [0, 2]) // L15304–L15310
  let maxVideoUser: string | undefined
  const maxVideo = lp?.obj('MaxVideoUser')
  if (maxVideo && mode !== 3 && mode !== 4) {
    // MaxVideoUser.UserMediaStream is required (L15092); its room is the main room (L2101–L2104, L15752–L15754). rule: room.notMain
    const stream = maxVideo.obj('UserMediaStream', {}, true)
    const user = stream ? readStream(stream).user : undefined
    if (user && !maxVideo.firstFailure() && !sameRoom(user, main)) maxVideo.reject(undefined, `MaxVideoUser is in room ${user.roomId}; dynamic layouts mix the main room ${main.roomId} only.`)
    maxVideoUser = user?.userId
  }
  // "You need to explicitly set the MixTranscoding user information that occupies the large screen." (L2124–L2125) rule: template.bigScreenRequired
  if (lp && mode === 2 && !maxVideo && !video.firstFailure()) video.reject('MissingParameter', 'The screen-sharing layout needs LayoutParams.MaxVideoUser.')
  const customTiles: MixTile[] = []
  if (mode === 4) {
    const named = new Set<string>()
    for (const t of lp?.objArray('MixLayoutList') ?? []) {
      const stream = t.obj('UserMediaStream')
      const s = stream ? readStream(stream) : undefined
      const tile: MixTile = {
        ...(s?.user ? { userId: s.user.userId, ...(s.user.roomId !== undefined ? { roomId: s.user.roomId } : {}), ...(s.user.roomIdType !== undefined ? { roomIdType: s.user.roomIdType } : {}) } : {}),
        x: pixels(t, 'LocationX', false),
        y: pixels(t, 'LocationY', false),
        w: pixels(t, 'ImageWidth', false),
        h: pixels(t, 'ImageHeight', false),
        zOrder: t.optInt('ZOrder') ?? 0,
      }
      t.optInt('RenderMode', {}, [0, 2]) // L15232–L15239
      optUrl(t, 'BackgroundImageUrl')
      t.optInt('BackgroundRenderMode', {}, [0, 3]) // L15267–L15274
      const crop = t.obj('CustomCrop')
      if (crop) {
        // McuCustomCrop (L15147–L15167): offsets "must be greater than 0", offset + size ≤ 10000; all required.
        const cx = crop.int('LocationX')
        const cy = crop.int('LocationY')
        const cw = crop.int('Width')
        const ch = crop.int('Height')
        if (!crop.firstFailure() && (cx <= 0 || cy <= 0)) crop.reject(undefined, 'CustomCrop.LocationX and LocationY must be greater than 0.') // rule: crop.offset
        if (!crop.firstFailure() && (cw <= 0 || ch <= 0)) crop.reject(undefined, 'CustomCrop.Width and Height must be positive.') // rule: crop.size
        if (!crop.firstFailure() && (cx + cw > 10000 || cy + ch > 10000)) crop.reject(undefined, 'CustomCrop: LocationX + Width and LocationY + Height cannot exceed 10000.') // rule: crop.limit
      }
      if (s?.user && !t.firstFailure()) {
        // Named settings "require specifying the room number and username" (L2132–L2133). rule: binding.mainRoom
        if (s.user.roomId === undefined) t.reject('MissingParameter', `The named position of ${s.user.userId} has no RoomId.`)
        const key = `${s.user.userId}\u0000${roomKey(s.user, main)}\u0000${s.streamType}`
        // A named position is reserved for its user (L2132–L2138). rule: binding.duplicate
        if (named.has(key)) t.reject(undefined, `${s.user.userId} is named in two positions.`)
        named.add(key)
      }
      // "The sum of LocationX and ImageWidth cannot exceed the width of the canvas." (L15215–L15227) rule: tile.right, tile.bottom
      if (!t.firstFailure() && (tile.x + tile.w > canvas.w || tile.y + tile.h > canvas.h)) {
        t.reject(undefined, `A MixLayoutList tile (${tile.x},${tile.y} ${tile.w}×${tile.h}) does not fit the ${canvas.w}×${canvas.h} canvas.`)
      }
      customTiles.push(tile)
    }
    // With no position nothing is mixed, audio included (L2137–L2139). rule: tiles.none
    if (customTiles.length === 0) video.reject(undefined, 'MixLayoutMode 4 (custom) needs a MixLayoutList.')
  }
  return { canvas, ...(encode ? { encode } : {}), mode, pureAudioHoldPlace: pure, ...(maxVideoUser ? { maxVideoUser } : {}), customTiles }
}

/** The layout the audio lists are read against: its mode and, for custom layouts, its named rooms. */
type AudioLayout = Pick<VideoPart, 'mode' | 'customTiles'>

function readAudioList(audio: Params, name: string, main: MainRoom, video: AudioLayout | undefined): AudioList | undefined {
  const list = audio.objArray(name)
  if (!list) return undefined
  return list.map((e) => {
    const info = e.obj('UserInfo', {}, true)
    const user = info ? readUserInfo(info) : { userId: '' }
    // MixUserInfo.RoomId: dynamic layouts → the main room; custom → "the same as the room ID in MixLayoutList" (L15752–L15755).
    // rule: room.notMain, room.notInLayout
    if (user.roomId !== undefined && !e.firstFailure() && !sameRoom(user, main)) {
      const custom = video?.mode === 4
      if (!custom || !layoutRooms(video.customTiles, main).has(roomKey(user, main))) e.reject(undefined, `${name}: ${user.userId} is in room ${user.roomId}, which ${custom ? 'no position of the layout names' : 'is not the main room'}.`)
    }
    return { userId: user.userId, ...(user.roomId !== undefined ? { roomId: user.roomId } : {}) }
  })
}

function readAudioEncode(audio: Params | undefined): AudioEncodeSettings | undefined {
  const enc = audio?.obj('AudioEncode')
  if (!enc) return undefined
  // AudioEncode (L14958–L14978): SampleRate one of six, Channel 1/2, BitRate 8–500 Kbps, Codec 0–2;
  // Codec 2 needs Channel 2; Codec 1 or 2 cannot use 8000 Hz.
  const sampleRate = enc.int('SampleRate')
  if (!enc.failure && ![48000, 44100, 32000, 24000, 16000, 8000].includes(sampleRate)) enc.reject(undefined, 'AudioEncode.SampleRate must be 48000, 44100, 32000, 24000, 16000 or 8000.')
  const channel = enc.int('Channel', {}, [1, 2])
  const bitRate = enc.int('BitRate', {}, [8, 500])
  const codec = enc.optInt('Codec', {}, [0, 2]) ?? 0
  if (!enc.failure && codec === 2 && channel !== 2) enc.reject(undefined, 'AudioEncode.Codec 2 (HE-AACv2) needs Channel 2.')
  if (!enc.failure && codec !== 0 && sampleRate === 8000) enc.reject(undefined, 'AudioEncode.Codec 1 or 2 cannot use 8000 Hz.')
  return { sampleRate, channel, bitRate, codec }
}

function readCdn(p: Params): string[] | undefined {
  const list = p.objArray('PublishCdnParams')
  if (!list) return undefined
  // "A single relay task can support up to 10 CDN relay addresses" (L2090–L2099)
  if (list.length > 10) p.reject(undefined, 'PublishCdnParams supports up to 10 addresses.')
  return list.map((c) => {
    const url = c.str('PublishCdnUrl')
    c.optInt('IsTencentCdn', {}, [0, 1])
    // Every address the reference shows is rtmp:// (L2541, L3801); the scheme is not otherwise stated.
    if (!c.failure && !/^rtmp:\/\//.test(url)) c.reject(undefined, 'PublishCdnUrl must be an rtmp:// URL.')
    return url
  })
}

function readFeedback(p: Params): number {
  const feedback = p.objArray('FeedBackRoomParams') ?? []
  // "It supports pushing up to 10 streams back to the TRTC room at the same time." (L2209–L2211)
  if (feedback.length > 10) p.reject(undefined, 'FeedBackRoomParams supports up to 10 rooms.')
  for (const f of feedback) {
    // McuFeedBackRoomParams: all four members required (L15169–L15192).
    const roomId = f.str('RoomId')
    const type = f.int('RoomIdType', {}, [0, 1])
    f.str('UserId')
    f.str('UserSig')
    if (!f.failure && !roomValid(roomId, type)) f.reject(undefined, `FeedBackRoomParams RoomId "${roomId}" is not a valid ${type === 0 ? 'integer' : 'string'} room ID.`)
  }
  return feedback.length
}

export function startPublishCdnStream(body: Record<string, unknown>, ctx: SimContext, tasks: MixTasks): Reply {
  const p = new Params(body, codesOf('StartPublishCdnStream', MIX_CODES))
  const sdkAppId = p.int('SdkAppId', { invalid: 'InvalidParameter.SdkAppId' })
  const roomId = p.str('RoomId')
  const roomIdType = p.int('RoomIdType', {}, [0, 1]) as 0 | 1
  // "must be the same as the ID type of the room whose streams are relayed. 0: integer; 1: string." (L2331–L2337) rule: room.numeric
  if (!p.failure && !roomValid(roomId, roomIdType)) p.reject(undefined, `RoomId "${roomId}" is not a valid ${roomIdType === 0 ? 'integer' : 'string'} room ID.`)
  const main: MainRoom = { roomId, roomIdType }
  const agent = p.obj('AgentParams', {}, true)
  const robotUserId = agent?.str('UserId') ?? ''
  const robotSig = agent?.optStr('UserSig')
  // MaxIdleTime 5–86400 s, default 30 (L14934–L14956).
  const maxIdleTime = agent?.optInt('MaxIdleTime', {}, [5, 86400]) ?? 30
  const withTranscoding = p.int('WithTranscoding', {}, [0, 1]) === 1
  // "this parameter is required when you start a relay task" (L2355–L2361)
  const audio = p.obj('AudioParams', {}, true)
  const audioEncode = readAudioEncode(audio)
  const video = p.obj('VideoParams')
  const videoPart = video ? readVideo(video, main) : undefined
  const subscribeAudio = audio ? readAudioList(audio, 'SubscribeAudioList', main, videoPart) : undefined
  const unsubscribeAudio = audio ? readAudioList(audio, 'UnSubscribeAudioList', main, videoPart) : undefined
  const cdn = readCdn(p) ?? []
  const feedback = readFeedback(p)
  // "You need to specify at least one between this parameter and FeedBackRoomParams.N." (L2382–L2389)
  if (!p.failure && cdn.length === 0 && feedback === 0) p.reject('MissingParameter', 'Give PublishCdnParams or FeedBackRoomParams (at least one).')
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
    ...(videoPart?.encode ? { encode: { fps: videoPart.encode.fps, bitRate: videoPart.encode.bitRate, gop: videoPart.encode.gop } } : {}),
    ...(audioEncode ? { audioEncode } : {}),
    subscribeAudio: subscribeAudio?.length ? subscribeAudio : null,
    unsubscribeAudio: unsubscribeAudio?.length ? unsubscribeAudio : null,
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
  const sdkAppId = p.int('SdkAppId')
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
  const p = new Params(body, codesOf('UpdatePublishCdnStream', MIX_CODES))
  const task = runningTask(p, ctx, tasks)
  const seq = p.int('SequenceNumber')
  const withTranscoding = p.int('WithTranscoding', {}, [0, 1]) === 1
  if (p.failure || !task) return fail(p.failure?.code ?? 'ResourceNotFound', p.failure?.message ?? '')
  // "Customers must ensure that the SequenceNumber parameter increases when updating the same task,
  // otherwise, the mix task update will fail." (L2266–L2269); the action lists FailedOperation (L3848–L3878).
  if (seq <= task.sequenceNumber) {
    return fail('FailedOperation', `SequenceNumber ${seq} is not greater than the last accepted ${task.sequenceNumber}; the update was ignored.`)
  }
  const main: MainRoom = { roomId: task.roomId, roomIdType: task.roomIdType }
  const next: MixTask = { ...task, customTiles: [...task.customTiles] }
  const video = p.obj('VideoParams')
  let videoPart: VideoPart | undefined
  if (video) {
    // Switching between audio-only and audio+video is not supported (L2250–L2251).
    if (!task.hasVideo) return fail('UnsupportedOperation', 'This relay task was started audio-only; it cannot switch to video.')
    // The layout keeps the task's canvas: video encoding parameters cannot change (L2256–L2258).
    videoPart = readVideo(video, main, task.canvas)
    const e = videoPart.encode
    const was = task.encode
    if (e && !video.firstFailure() && (e.w !== task.canvas.w || e.h !== task.canvas.h || !was || e.fps !== was.fps || e.bitRate !== was.bitRate || e.gop !== was.gop))
      video.reject('UnsupportedOperation', 'Video encoding parameters cannot be changed by an update (L2256–L2258).')
    next.mode = videoPart.mode
    next.pureAudioHoldPlace = videoPart.pureAudioHoldPlace
    next.customTiles = videoPart.customTiles
    if (videoPart.maxVideoUser) next.maxVideoUser = videoPart.maxVideoUser
    else delete next.maxVideoUser
  }
  const audio = p.obj('AudioParams')
  if (audio) {
    const enc = readAudioEncode(audio)
    const was = task.audioEncode
    // Audio codec, sample rate, bitrate and channels cannot change either (L2256–L2258).
    if (enc && !audio.firstFailure() && (!was || enc.sampleRate !== was.sampleRate || enc.channel !== was.channel || enc.bitRate !== was.bitRate || enc.codec !== was.codec))
      audio.reject('UnsupportedOperation', 'Audio encoding parameters cannot be changed by an update (L2256–L2258).')
    // Omitted: no change; empty: reset (L15103–L15145). The layout's rooms are the new ones if VideoParams came, else the task's.
    const layout: AudioLayout = videoPart ?? task
    const sub = readAudioList(audio, 'SubscribeAudioList', main, layout)
    const unsub = readAudioList(audio, 'UnSubscribeAudioList', main, layout)
    if (sub !== undefined) next.subscribeAudio = sub?.length ? sub : null
    if (unsub !== undefined) next.unsubscribeAudio = unsub?.length ? unsub : null
  }
  const cdn = readCdn(p)
  if (cdn) next.cdnUrls = cdn
  readFeedback(p)
  readSei(p, next)
  const problem = p.firstFailure()
  if (problem) return fail(problem.code, problem.message)
  next.withTranscoding = withTranscoding
  next.sequenceNumber = seq
  tasks.set(task.taskId, next)
  return done({ TaskId: task.taskId })
}

export function stopPublishCdnStream(body: Record<string, unknown>, ctx: SimContext, tasks: MixTasks): Reply {
  const p = new Params(body, codesOf('StopPublishCdnStream', MIX_CODES))
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
