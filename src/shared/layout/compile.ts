// Compilers from LayoutDoc to the two TRTC layout dialects, importers back, and the full request
// bodies. Wire names live only here.
//
// API:
//   toMcu(doc): McuOutput                      — VideoParams parts, SeiParams, AudioParams lists
//   toRecording(doc): RecordingOutput          — MixLayoutParams, canvas size, audio lists
//   fromMcuRequest(json), fromRecordingRequest(json): { doc, warnings } — never throw
//   toStartPublishCdnStreamRequest(doc, fields), toUpdatePublishCdnStreamRequest(doc, fields),
//   toCreateCloudRecordingRequest(doc, fields), toModifyCloudRecordingRequest(doc, fields)
//   toTccliCommand(action, body, region): string
//
// Two coordinate systems (inventory §6.2): MCU McuLayout uses LocationX/LocationY/ImageWidth/
// ImageHeight/ZOrder and colours 0xRRGGBB (003_530a54cf0f8c0df7.txt L15194–L15274, L15410–L15420);
// recording MixLayout uses Left/Top/Width/Height/ImageLayer, inverted Alpha and colours #RRGGBB
// (L15516–L15583, L15645–L15652). The compilers do not check rules; validate.ts does.
import type { z } from 'zod'
import type {
  agentParams,
  audioEncode,
  McuLayout,
  mcuAudioParams,
  mcuFeedBackRoomParams,
  mcuLayoutParams,
  mcuPublishCdnParam,
  mcuSeiParams,
  mcuWaterMarkParams,
  StartPublishCdnStreamRequest,
  UpdatePublishCdnStreamRequest,
  McuVideoParams,
} from '../trtc/mixing'
import type {
  CreateCloudRecordingRequest,
  MixLayout,
  mixLayoutParams,
  ModifyCloudRecordingRequest,
  recordingAudioParams,
  recordParams,
  storageParams,
  subscribeStreamUserIds,
  waterMark,
} from '../trtc/recording'
import {
  createDoc,
  makeTile,
  PLACEHOLDER_FITS,
  presetOf,
  type AudioUser,
  type Binding,
  type ImageRef,
  type LayoutDoc,
  type LayoutMode,
  type RenderMode,
  type RoomIdType,
  type Tile,
  type UserRef,
  type Watermark,
} from './model'

export type McuLayoutParams = z.input<typeof mcuLayoutParams>
export type McuSeiParams = z.input<typeof mcuSeiParams>
export type McuWaterMarkParams = z.input<typeof mcuWaterMarkParams>
export type McuAudioParams = z.input<typeof mcuAudioParams>
export type MixLayoutParams = z.input<typeof mixLayoutParams>
export type RecordingWaterMark = z.input<typeof waterMark>
export type SubscribeStreamUserIds = z.input<typeof subscribeStreamUserIds>

// ---------------------------------------------------------------------------------------------
// Shared mappings

const MODE_NUMBER: Record<LayoutMode, 1 | 2 | 3 | 4> = { floating: 1, screenShare: 2, grid: 3, custom: 4 } // L15284–L15287, L15592–L15596
const NUMBER_MODE: Record<number, LayoutMode> = { 1: 'floating', 2: 'screenShare', 3: 'grid', 4: 'custom' }

// McuLayout.RenderMode: 0 scale + crop, 1 scale, 2 scale + black bars (L15232–L15239). Modes MCU
// lacks map to the nearest it has; validate.ts reports them.
const MCU_RENDER: Record<RenderMode, 0 | 1 | 2> = { crop: 0, fit: 1, fitBlack: 2, stretch: 1, smart: 0 }
const MCU_RENDER_BACK: readonly RenderMode[] = ['crop', 'fit', 'fitBlack']
// Canvas BackgroundRenderMode: 0 crop, 1 scale with black background, 2 proportional scaling (L15433–L15439).
const MCU_BG_RENDER: Record<RenderMode, 0 | 1 | 2> = { crop: 0, fitBlack: 1, fit: 2, stretch: 2, smart: 0 }
const MCU_BG_RENDER_BACK: readonly RenderMode[] = ['crop', 'fitBlack', 'fit']
// MixLayout.RenderMode: 0 stretch, 1 crop (default), 2 blank, 3 smart stretch (L15548–L15567).
const REC_RENDER: Record<RenderMode, 0 | 1 | 2 | 3> = { stretch: 0, crop: 1, fitBlack: 2, fit: 2, smart: 3 }
const REC_RENDER_BACK: readonly RenderMode[] = ['stretch', 'crop', 'fitBlack', 'smart']

/** `#rrggbb` → `0xRRGGBB` (the form of the seed's examples, L2564). */
export function toMcuColor(c: string): string {
  return `0x${c.slice(1).toUpperCase()}`
}
/** `#rrggbb` → `#RRGGBB` (L15645–L15652). */
export function toRecordingColor(c: string): string {
  return `#${c.slice(1).toUpperCase()}`
}

function parseColor(v: unknown, warn: (m: string) => void, what: string): string | undefined {
  if (v === undefined || v === null) return undefined
  if (typeof v === 'string') {
    const m = /^(?:0x|#)([0-9a-fA-F]{6})$/.exec(v.trim())
    if (m) return `#${(m[1] as string).toLowerCase()}`
  }
  warn(`${what}: "${String(v)}" is not a colour; it was ignored.`)
  return undefined
}

const url = (img: ImageRef | null | undefined): string | undefined => (img?.url ? img.url : undefined)

function imageFromUrl(u: unknown): ImageRef | null {
  if (typeof u !== 'string' || u === '') return null
  const name = u.split(/[?#]/)[0]?.split('/').pop() || u
  return { name, url: u }
}

// ---------------------------------------------------------------------------------------------
// MCU (Start/UpdatePublishCdnStream)

export interface McuOutput {
  /** Canvas size for VideoEncode.Width/Height (L16359–L16363). */
  canvas: { Width: number; Height: number }
  /** McuVideoParams without VideoEncode (L15398–L15439). */
  video: Omit<McuVideoParams, 'VideoEncode'> & { LayoutParams: McuLayoutParams }
  SeiParams?: McuSeiParams
  /** Only the subscribe/unsubscribe lists; AudioEncode comes from the task. */
  audioLists?: Pick<McuAudioParams, 'SubscribeAudioList' | 'UnSubscribeAudioList'>
}

type McuUserInfo = { UserId: string; RoomId?: string; RoomIdType?: 0 | 1 }

/** The task's main room, which an unnamed room stands for. */
export interface MainRoom {
  roomId: string
  roomIdType: RoomIdType
}

function mcuUserInfo(u: { userId: string; roomId: string; roomIdType: RoomIdType }, main?: MainRoom): McuUserInfo {
  // An empty room means the main room. Named custom positions "require specifying the room number
  // and username" (L2132–L2133) and dynamic layouts take "the ID of the main room" (L15752–L15754),
  // so the main room is written out when the task's room is known. RoomIdType: 0 integer, 1 string (L15757).
  const room = u.roomId === '' && main ? { roomId: main.roomId, roomIdType: main.roomIdType } : u
  return room.roomId === '' ? { UserId: u.userId } : { UserId: u.userId, RoomId: room.roomId, RoomIdType: room.roomIdType === 'number' ? 0 : 1 }
}

function mcuStream(u: UserRef, main?: MainRoom): NonNullable<McuLayout['UserMediaStream']> {
  return { UserInfo: mcuUserInfo(u, main), StreamType: u.streamType === 'screen' ? 1 : 0 } // L16339–L16349
}

function mcuTile(t: Tile, main?: MainRoom): McuLayout {
  const out: McuLayout = {
    LocationX: t.x,
    LocationY: t.y,
    ImageWidth: t.width,
    ImageHeight: t.height,
    ZOrder: t.z,
    RenderMode: MCU_RENDER[t.renderMode],
  }
  // No UserMediaStream = filled in room-entry order (L15202–L15205, L2132–L2142).
  if (t.binding.kind === 'user') out.UserMediaStream = mcuStream(t.binding, main)
  const bg = url(t.placeholder)
  if (bg) out.BackgroundImageUrl = bg
  if (t.placeholderFit) out.BackgroundRenderMode = PLACEHOLDER_FITS.indexOf(t.placeholderFit) as 0 | 1 | 2 | 3
  if (t.crop) out.CustomCrop = { LocationX: t.crop.x, LocationY: t.crop.y, Width: t.crop.w, Height: t.crop.h }
  return out
}

function mcuWatermark(w: Watermark): McuWaterMarkParams {
  if (w.kind === 'image')
    return { WaterMarkType: 0, WaterMarkImage: { WaterMarkUrl: w.image.url ?? '', WaterMarkWidth: w.width, WaterMarkHeight: w.height, LocationX: w.x, LocationY: w.y, ZOrder: w.z } }
  const text: NonNullable<McuWaterMarkParams['WaterMarkText']> = {
    Text: w.text,
    WaterMarkWidth: w.width,
    WaterMarkHeight: w.height,
    LocationX: w.x,
    LocationY: w.y,
    FontSize: w.fontSize,
    FontColor: toMcuColor(w.fontColor),
  }
  if (w.backgroundColor !== null) text.BackGroundColor = toMcuColor(w.backgroundColor)
  return { WaterMarkType: 1, WaterMarkText: text }
}

/** Image watermarks go out only with the URL the cloud fetches (validate.ts reports one without). */
const sentWatermarks = (doc: LayoutDoc): Watermark[] => doc.watermarks.filter((w) => w.kind !== 'image' || !!w.image.url)

export function toMcu(doc: LayoutDoc, main?: MainRoom): McuOutput {
  const layout: McuLayoutParams = {
    MixLayoutMode: MODE_NUMBER[doc.mode],
    // Sent even in custom mode, as the seed's own example does (L2491).
    PureAudioHoldPlaceMode: doc.template.showAudioOnly ? 1 : 0,
  }
  if (doc.mode === 'custom') layout.MixLayoutList = doc.tiles.map((t) => mcuTile(t, main))
  else {
    const big = doc.template.bigScreenUser
    // MaxVideoUser: "the large video in screen sharing or floating layout mode" (L15301–L15302).
    if (big && doc.mode !== 'grid') layout.MaxVideoUser = { UserMediaStream: mcuStream(big, main) }
    layout.RenderMode = MCU_RENDER[doc.template.renderMode] // L15304–L15310
  }
  const video: McuOutput['video'] = { LayoutParams: layout, BackGroundColor: toMcuColor(doc.canvas.backgroundColor) }
  const bg = url(doc.canvas.backgroundImage)
  if (bg) video.BackgroundImageUrl = bg
  if (doc.canvas.backgroundRenderMode) video.BackgroundRenderMode = MCU_BG_RENDER[doc.canvas.backgroundRenderMode]
  const marks = sentWatermarks(doc)
  if (marks.length > 0) video.WaterMarkList = marks.map(mcuWatermark)
  const out: McuOutput = { canvas: { Width: doc.canvas.width, Height: doc.canvas.height }, video }
  const sei: McuSeiParams = {}
  const lv = doc.sei.layoutVolume
  if (lv) sei.LayoutVolume = { AppData: lv.appData, PayloadType: lv.payloadType, Interval: lv.interval, FollowIdr: lv.followIdr ? 1 : 0 }
  const pt = doc.sei.passThrough
  if (pt) {
    sei.PassThrough = { PayloadContent: pt.content, PayloadType: pt.payloadType, Interval: pt.interval, FollowIdr: pt.followIdr ? 1 : 0 }
    if (pt.uuid !== null) sei.PassThrough.PayloadUuid = pt.uuid
  }
  if (lv || pt) out.SeiParams = sei
  const lists: NonNullable<McuOutput['audioLists']> = {}
  if (doc.audio.subscribe) lists.SubscribeAudioList = doc.audio.subscribe.map((u) => ({ UserInfo: mcuUserInfo(u, main) }))
  if (doc.audio.unsubscribe) lists.UnSubscribeAudioList = doc.audio.unsubscribe.map((u) => ({ UserInfo: mcuUserInfo(u, main) }))
  if (doc.audio.subscribe || doc.audio.unsubscribe) out.audioLists = lists
  return out
}

// ---------------------------------------------------------------------------------------------
// Recording (Create/ModifyCloudRecording)

export interface RecordingOutput {
  /** MixTranscodeParams.VideoParams.Width/Height (L16382–L16390). */
  canvas: { Width: number; Height: number }
  MixLayoutParams: MixLayoutParams
  /** The audio part of RecordParams.SubscribeStreamUserIds (L16103–L16170). */
  audioLists?: Pick<SubscribeStreamUserIds, 'SubscribeAudioUserIds' | 'UnSubscribeAudioUserIds'>
}

function recordingTile(t: Tile): MixLayout {
  const out: MixLayout = { Top: t.y, Left: t.x, Width: t.width, Height: t.height }
  if (t.binding.kind === 'user') {
    out.UserId = t.binding.userId
    if (t.binding.streamType === 'screen') out.MediaId = 1 // L15569–L15572
  }
  // Alpha is transparency: 0 opaque, 255 transparent (L15543–L15546); the model keeps opacity.
  if (t.alpha !== null && t.alpha !== 255) out.Alpha = 255 - t.alpha
  // Defaults are left out, as in the seed's ModifyCloudRecording example (L13414–L13511).
  if (t.renderMode !== 'crop') out.RenderMode = REC_RENDER[t.renderMode]
  if (t.z !== 0) out.ImageLayer = t.z
  const bg = url(t.placeholder)
  if (bg) out.SubBackgroundImage = bg
  return out
}

function recordingWatermark(w: Watermark): RecordingWaterMark {
  if (w.kind === 'image') return { WaterMarkType: 0, WaterMarkImage: { WaterMarkUrl: w.image.url ?? '', Top: w.y, Left: w.x, Width: w.width, Height: w.height } }
  const chars: NonNullable<RecordingWaterMark['WaterMarkChar']> = {
    Top: w.y,
    Left: w.x,
    Width: w.width,
    Height: w.height,
    Chars: w.text,
    FontSize: w.fontSize,
    FontColor: toRecordingColor(w.fontColor),
  }
  if (w.backgroundColor !== null) chars.BackGroundColor = toRecordingColor(w.backgroundColor)
  return { WaterMarkType: 1, WaterMarkChar: chars } // L16413–L16443
}

export function toRecording(doc: LayoutDoc): RecordingOutput {
  const p: MixLayoutParams = { MixLayoutMode: MODE_NUMBER[doc.mode] }
  if (doc.mode === 'custom') p.MixLayoutList = doc.tiles.map(recordingTile) // "valid if MixLayoutMode is set to 4" (L15641–L15643)
  // "The default color is black." (L15652)
  if (doc.canvas.backgroundColor.toLowerCase() !== '#000000') p.BackGroundColor = toRecordingColor(doc.canvas.backgroundColor)
  const big = doc.template.bigScreenUser
  if (doc.mode !== 'custom' && doc.mode !== 'grid' && big) {
    p.MaxResolutionUserId = big.userId // L15654–L15663
    if (big.streamType === 'screen') p.MediaId = 1 // L15665–L15673
  }
  const bg = url(doc.canvas.backgroundImage)
  if (bg) p.BackgroundImageUrl = bg
  if (doc.canvas.backgroundRenderMode) p.BackgroundImageRenderMode = REC_RENDER[doc.canvas.backgroundRenderMode]
  const def = url(doc.template.defaultPlaceholder)
  if (def) p.DefaultSubBackgroundImage = def
  // Placeholders show only with PlaceHolderMode 1 (L15682–L15686).
  if (def || (doc.mode === 'custom' && doc.tiles.some((t) => url(t.placeholder)))) p.PlaceHolderMode = 1
  const marks = sentWatermarks(doc)
  if (marks.length > 0) p.WaterMarkList = marks.map(recordingWatermark)
  // RenderMode "is invalid if a custom layout is used" (L15710–L15716).
  if (doc.mode !== 'custom' && doc.template.renderMode !== 'crop') p.RenderMode = REC_RENDER[doc.template.renderMode]
  if (doc.mode === 'screenShare' && doc.template.bigOnRight) p.MaxResolutionUserAlign = 1 // L15718–L15724
  const out: RecordingOutput = { canvas: { Width: doc.canvas.width, Height: doc.canvas.height }, MixLayoutParams: p }
  const lists: NonNullable<RecordingOutput['audioLists']> = {}
  if (doc.audio.subscribe) lists.SubscribeAudioUserIds = doc.audio.subscribe.map((u) => u.userId)
  if (doc.audio.unsubscribe) lists.UnSubscribeAudioUserIds = doc.audio.unsubscribe.map((u) => u.userId)
  if (doc.audio.subscribe || doc.audio.unsubscribe) out.audioLists = lists
  return out
}

// ---------------------------------------------------------------------------------------------
// Request bodies

type AgentParams = z.input<typeof agentParams>
type AudioEncode = z.input<typeof audioEncode>
type PublishCdnParam = z.input<typeof mcuPublishCdnParam>
type FeedBackRoomParam = z.input<typeof mcuFeedBackRoomParams>

/** VideoEncode without the size, which is the canvas (L16351–L16372). */
export interface EncodeSettings {
  Fps: number
  BitRate: number
  Gop: number
}

export interface McuTaskFields {
  SdkAppId: number
  AudioEncode?: AudioEncode
  /** Omit for an audio-only relay: "If you do not pass this parameter, only audio will be relayed." (L2363–L2368) */
  VideoEncode?: EncodeSettings
  WithTranscoding?: 0 | 1
  PublishCdnParams?: PublishCdnParam[]
  FeedBackRoomParams?: FeedBackRoomParam[]
}

function mcuMedia(doc: LayoutDoc, f: McuTaskFields, main: MainRoom | undefined): Pick<StartPublishCdnStreamRequest, 'AudioParams' | 'VideoParams' | 'SeiParams'> {
  const out = toMcu(doc, main)
  const body: Pick<StartPublishCdnStreamRequest, 'AudioParams' | 'VideoParams' | 'SeiParams'> = {}
  if (f.AudioEncode || out.audioLists) body.AudioParams = { ...(f.AudioEncode ? { AudioEncode: f.AudioEncode } : {}), ...out.audioLists }
  if (f.VideoEncode) body.VideoParams = { VideoEncode: { Width: out.canvas.Width, Height: out.canvas.Height, ...f.VideoEncode }, ...out.video }
  if (out.SeiParams) body.SeiParams = out.SeiParams
  return body
}

function cdn(f: McuTaskFields): Pick<StartPublishCdnStreamRequest, 'PublishCdnParams' | 'FeedBackRoomParams'> {
  return { ...(f.PublishCdnParams ? { PublishCdnParams: f.PublishCdnParams } : {}), ...(f.FeedBackRoomParams ? { FeedBackRoomParams: f.FeedBackRoomParams } : {}) }
}

/** StartPublishCdnStream body (L2325–L2404). WithTranscoding defaults to 1: a layout means mixing (L2170). */
export function toStartPublishCdnStreamRequest(doc: LayoutDoc, f: McuTaskFields & { RoomId: string; RoomIdType: 0 | 1; AgentParams: AgentParams }): StartPublishCdnStreamRequest {
  const main: MainRoom = { roomId: f.RoomId, roomIdType: f.RoomIdType === 0 ? 'number' : 'string' }
  return { SdkAppId: f.SdkAppId, RoomId: f.RoomId, RoomIdType: f.RoomIdType, AgentParams: f.AgentParams, WithTranscoding: f.WithTranscoding ?? 1, ...mcuMedia(doc, f, main), ...cdn(f) }
}

/**
 * UpdatePublishCdnStream body (L3508–L3583). SequenceNumber must grow with every update of the
 * task (L2266–L2269). The codec cannot change during an update (L2256–L2258), so VideoEncode is
 * optional here; without it the layout still goes out, on the task's canvas. Both audio lists are
 * always sent: an omitted list means "no change" on update, so a list the layout no longer has is
 * reset with an empty one (L15103–L15145).
 */
export function toUpdatePublishCdnStreamRequest(doc: LayoutDoc, f: McuTaskFields & { TaskId: string; SequenceNumber: number; MainRoom?: MainRoom }): UpdatePublishCdnStreamRequest {
  const media = mcuMedia(doc, f, f.MainRoom)
  if (!f.VideoEncode) media.VideoParams = toMcu(doc, f.MainRoom).video
  const lists = toMcu(doc, f.MainRoom).audioLists
  media.AudioParams = { ...media.AudioParams, SubscribeAudioList: lists?.SubscribeAudioList ?? [], UnSubscribeAudioList: lists?.UnSubscribeAudioList ?? [] }
  return { SdkAppId: f.SdkAppId, TaskId: f.TaskId, SequenceNumber: f.SequenceNumber, WithTranscoding: f.WithTranscoding ?? 1, ...media, ...cdn(f) }
}

export interface RecordingTaskFields {
  SdkAppId: number
  RoomId: string
  /** Recording's own encoding: 0 string, 1 32-bit integer (default) (L12872–L12888). */
  RoomIdType?: 0 | 1
  UserId: string
  UserSig: string
  RecordParams: z.input<typeof recordParams>
  StorageParams: z.input<typeof storageParams>
  /** VideoParams without the size, which is the canvas; bps (L16374–L16395). */
  Video?: EncodeSettings
  AudioParams?: z.input<typeof recordingAudioParams>
  ResourceExpiredHour?: number
  PrivateMapKey?: string
}

function withAudioLists(base: SubscribeStreamUserIds | undefined, lists: RecordingOutput['audioLists']): SubscribeStreamUserIds | undefined {
  if (!lists) return base
  return { ...base, ...lists }
}

/** CreateCloudRecording body (L12842–L12925). The document's audio lists join RecordParams.SubscribeStreamUserIds. */
export function toCreateCloudRecordingRequest(doc: LayoutDoc, f: RecordingTaskFields): CreateCloudRecordingRequest {
  const out = toRecording(doc)
  const recordParams = { ...f.RecordParams }
  const subs = withAudioLists(f.RecordParams.SubscribeStreamUserIds, out.audioLists)
  if (subs) recordParams.SubscribeStreamUserIds = subs
  const body: CreateCloudRecordingRequest = { SdkAppId: f.SdkAppId, RoomId: f.RoomId, UserId: f.UserId, UserSig: f.UserSig, RecordParams: recordParams, StorageParams: f.StorageParams }
  if (f.RoomIdType !== undefined) body.RoomIdType = f.RoomIdType
  if (f.Video || f.AudioParams) {
    body.MixTranscodeParams = {}
    if (f.Video) body.MixTranscodeParams.VideoParams = { Width: out.canvas.Width, Height: out.canvas.Height, ...f.Video }
    if (f.AudioParams) body.MixTranscodeParams.AudioParams = f.AudioParams
  }
  body.MixLayoutParams = out.MixLayoutParams
  if (f.ResourceExpiredHour !== undefined) body.ResourceExpiredHour = f.ResourceExpiredHour
  if (f.PrivateMapKey !== undefined) body.PrivateMapKey = f.PrivateMapKey
  return body
}

/**
 * ModifyCloudRecording body (L13375–L13395): "You need to specify all the parameters for each
 * request instead of just the ones you want to modify." (L13340–L13343), so the whole layout goes.
 */
export function toModifyCloudRecordingRequest(doc: LayoutDoc, f: { SdkAppId: number; TaskId: string; SubscribeStreamUserIds?: SubscribeStreamUserIds }): ModifyCloudRecordingRequest {
  const out = toRecording(doc)
  const body: ModifyCloudRecordingRequest = { SdkAppId: f.SdkAppId, TaskId: f.TaskId, MixLayoutParams: out.MixLayoutParams }
  const subs = withAudioLists(f.SubscribeStreamUserIds, out.audioLists)
  if (subs) body.SubscribeStreamUserIds = subs
  return body
}

// POSIX shell single-quoting.
function shellQuote(s: string): string {
  return /^[A-Za-z0-9_@%+=:,./-]+$/.test(s) ? s : `'${s.replace(/'/g, `'\\''`)}'`
}

/**
 * A `tccli` line for the body: one option per top-level parameter, structures as JSON (tccli
 * parses JSON for non-scalar parameters, e.g. `--RecordParams '{"RecordMode":2}'`).
 */
export function toTccliCommand(action: string, body: object, region: string | null): string {
  // Actions that take no Region (e.g. L4067) get no --region.
  const parts = ['tccli', 'trtc', action, ...(region === null ? [] : ['--region', shellQuote(region)])]
  for (const [k, v] of Object.entries(body)) {
    if (v === undefined) continue
    parts.push(`--${k}`, shellQuote(typeof v === 'object' && v !== null ? JSON.stringify(v) : String(v)))
  }
  return parts.join(' ')
}

// ---------------------------------------------------------------------------------------------
// Importers: tolerant readers. Anything unexpected becomes a warning and a default, never a throw.

export interface ImportResult {
  doc: LayoutDoc
  warnings: string[]
}

type Obj = Record<string, unknown>
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v)
const arr = (v: unknown): unknown[] => (Array.isArray(v) ? v : [])

function intOf(v: unknown, fallback: number, warn: (m: string) => void, what: string): number {
  if (v === undefined || v === null) return fallback
  const n = typeof v === 'string' && v.trim() !== '' ? Number(v) : v
  if (typeof n === 'number' && Number.isFinite(n)) return Math.round(n)
  warn(`${what}: "${String(v)}" is not a number; ${fallback} was used.`)
  return fallback
}

function strOf(v: unknown): string | undefined {
  if (typeof v === 'string') return v
  if (typeof v === 'number' && Number.isFinite(v)) return String(v)
  return undefined
}

function parseRoot(json: unknown, warn: (m: string) => void): Obj {
  let v = json
  if (typeof v === 'string') {
    try {
      v = JSON.parse(v) as unknown
    } catch {
      warn('The text is not JSON.')
      return {}
    }
  }
  if (!isObj(v)) {
    warn('The request is not a JSON object.')
    return {}
  }
  return v
}

function inferRoomIdType(roomId: string): RoomIdType {
  return /^[1-9]\d{0,9}$/.test(roomId) && Number(roomId) <= 4294967295 ? 'number' : 'string'
}

function guarded(f: (warn: (m: string) => void) => LayoutDoc, fallback: () => LayoutDoc): ImportResult {
  const warnings: string[] = []
  const warn = (m: string): void => {
    warnings.push(m)
  }
  try {
    return { doc: f(warn), warnings }
  } catch (e) {
    warnings.push(`The request could not be read: ${e instanceof Error ? e.message : String(e)}`)
    return { doc: fallback(), warnings }
  }
}

function mcuUserRef(info: unknown, streamType: unknown, warn: (m: string) => void, what: string): UserRef | null {
  if (!isObj(info)) return null
  const userId = strOf(info.UserId)
  if (userId === undefined || userId === '') {
    warn(`${what}: the user has no UserId; the position was left unnamed.`)
    return null
  }
  const roomId = strOf(info.RoomId) ?? ''
  const t = info.RoomIdType
  const roomIdType: RoomIdType = t === 0 ? 'number' : t === 1 ? 'string' : inferRoomIdType(roomId)
  return { userId, roomId, roomIdType, streamType: streamType === 1 ? 'screen' : 'camera' }
}

function mcuAudioUsers(v: unknown, warn: (m: string) => void, what: string): AudioUser[] | null {
  if (v === undefined) return null
  const out: AudioUser[] = []
  for (const e of arr(v)) {
    const u = mcuUserRef(isObj(e) ? e.UserInfo : undefined, 0, warn, what)
    if (u) out.push({ userId: u.userId, roomId: u.roomId, roomIdType: u.roomIdType })
    else warn(`${what}: an entry without a user was skipped.`)
  }
  return out
}

function renderFrom(table: readonly RenderMode[], v: unknown, fallback: RenderMode, warn: (m: string) => void, what: string): RenderMode {
  if (v === undefined || v === null) return fallback
  const m = typeof v === 'number' ? table[v] : undefined
  if (m) return m
  warn(`${what}: RenderMode ${String(v)} is unknown; ${fallback} was used.`)
  return fallback
}

export function fromMcuRequest(json: unknown): ImportResult {
  return guarded((warn) => {
    const root = parseRoot(json, warn)
    const video = isObj(root.VideoParams) ? root.VideoParams : isObj(root.LayoutParams) || isObj(root.VideoEncode) ? root : {}
    const layout = isObj(video.LayoutParams) ? video.LayoutParams : 'MixLayoutMode' in root || 'MixLayoutList' in root ? root : {}
    const enc = isObj(video.VideoEncode) ? video.VideoEncode : undefined
    let width = 1280
    let height = 720
    if (enc) {
      width = intOf(enc.Width, 1280, warn, 'VideoEncode.Width')
      height = intOf(enc.Height, 720, warn, 'VideoEncode.Height')
    } else warn('No VideoEncode: the canvas was set to 1280×720. Check it before sending.')
    const doc = createDoc(presetOf(width, height), 'Imported MCU layout', { width, height })
    const mode = NUMBER_MODE[layout.MixLayoutMode as number]
    // Floating is the default when MixLayoutMode is not given (L2181).
    if (layout.MixLayoutMode !== undefined && !mode) warn(`MixLayoutMode ${String(layout.MixLayoutMode)} is unknown; floating was used.`)
    doc.mode = mode ?? 'floating'
    doc.canvas.backgroundColor = parseColor(video.BackGroundColor, warn, 'BackGroundColor') ?? doc.canvas.backgroundColor
    doc.canvas.backgroundImage = imageFromUrl(video.BackgroundImageUrl)
    if (video.BackgroundRenderMode !== undefined) doc.canvas.backgroundRenderMode = renderFrom(MCU_BG_RENDER_BACK, video.BackgroundRenderMode, 'fit', warn, 'BackgroundRenderMode')
    doc.template.showAudioOnly = layout.PureAudioHoldPlaceMode === 1
    if (isObj(layout.MaxVideoUser) && isObj(layout.MaxVideoUser.UserMediaStream)) {
      const s = layout.MaxVideoUser.UserMediaStream
      doc.template.bigScreenUser = mcuUserRef(s.UserInfo, s.StreamType, warn, 'MaxVideoUser')
    }
    doc.template.renderMode = renderFrom(MCU_RENDER_BACK, layout.RenderMode, 'crop', warn, 'LayoutParams')
    const list = arr(layout.MixLayoutList)
    if (list.length > 0 && doc.mode !== 'custom') warn('MixLayoutList is only used by the custom layout (MixLayoutMode 4); its tiles were kept for editing.')
    doc.tiles = list.map((e, i) => {
      const what = `MixLayoutList[${i}]`
      const t: Obj = isObj(e) ? e : {}
      const tile = makeTile(`t${i + 1}`, {
        x: intOf(t.LocationX, 0, warn, `${what}.LocationX`),
        y: intOf(t.LocationY, 0, warn, `${what}.LocationY`),
        width: intOf(t.ImageWidth, 0, warn, `${what}.ImageWidth`),
        height: intOf(t.ImageHeight, 0, warn, `${what}.ImageHeight`),
      })
      tile.z = intOf(t.ZOrder, 0, warn, `${what}.ZOrder`)
      tile.renderMode = renderFrom(MCU_RENDER_BACK, t.RenderMode, 'crop', warn, what)
      const s = isObj(t.UserMediaStream) ? t.UserMediaStream : undefined
      const user = s ? mcuUserRef(s.UserInfo, s.StreamType, warn, what) : null
      tile.binding = user ? ({ kind: 'user', ...user } satisfies Binding) : { kind: 'slot' }
      tile.label = user ? user.userId : ''
      tile.placeholder = imageFromUrl(t.BackgroundImageUrl)
      if (isObj(t.CustomCrop)) {
        const c = t.CustomCrop
        tile.crop = { x: intOf(c.LocationX, 0, warn, `${what}.CustomCrop`), y: intOf(c.LocationY, 0, warn, `${what}.CustomCrop`), w: intOf(c.Width, 0, warn, `${what}.CustomCrop`), h: intOf(c.Height, 0, warn, `${what}.CustomCrop`) }
      }
      if (t.BackGroundColor !== undefined) warn(`${what}: a tile BackGroundColor is "Not supported yet" by TRTC and was dropped.`) // L15242
      if (t.BackgroundRenderMode !== undefined) {
        const fit = typeof t.BackgroundRenderMode === 'number' ? PLACEHOLDER_FITS[t.BackgroundRenderMode] : undefined
        if (fit) tile.placeholderFit = fit
        else warn(`${what}: BackgroundRenderMode ${String(t.BackgroundRenderMode)} is unknown; the default (proportional) is used.`)
      }
      return tile
    })
    doc.watermarks = arr(video.WaterMarkList).flatMap((e, i): Watermark[] => {
      const what = `WaterMarkList[${i}]`
      if (!isObj(e)) return []
      const id = `w${i + 1}`
      if ((e.WaterMarkType ?? 0) === 0 && isObj(e.WaterMarkImage)) {
        const m = e.WaterMarkImage
        const image = imageFromUrl(m.WaterMarkUrl) ?? { name: 'watermark' }
        return [{ id, kind: 'image', image, x: intOf(m.LocationX, 0, warn, what), y: intOf(m.LocationY, 0, warn, what), width: intOf(m.WaterMarkWidth, 0, warn, what), height: intOf(m.WaterMarkHeight, 0, warn, what), z: intOf(m.ZOrder, 0, warn, what) }]
      }
      if (e.WaterMarkType === 1 && isObj(e.WaterMarkText)) {
        const m = e.WaterMarkText
        return [
          {
            id,
            kind: 'text',
            text: strOf(m.Text) ?? '',
            fontSize: intOf(m.FontSize, 14, warn, what),
            fontColor: parseColor(m.FontColor, warn, `${what}.FontColor`) ?? '#ffffff', // "The default color is white." (L15503)
            backgroundColor: parseColor(m.BackGroundColor, warn, `${what}.BackGroundColor`) ?? null,
            x: intOf(m.LocationX, 0, warn, what),
            y: intOf(m.LocationY, 0, warn, what),
            width: intOf(m.WaterMarkWidth, 0, warn, what),
            height: intOf(m.WaterMarkHeight, 0, warn, what),
          },
        ]
      }
      warn(`${what}: the watermark has no image or text for its type and was skipped.`)
      return []
    })
    const sei = isObj(root.SeiParams) ? root.SeiParams : {}
    // The request says which SEI it carries: none unless it names it.
    doc.sei = { layoutVolume: null, passThrough: null }
    if (isObj(sei.LayoutVolume)) {
      const v = sei.LayoutVolume
      // Defaults: PayloadType 100, Interval 1000 ms, FollowIdr 0 (L15326–L15335).
      doc.sei.layoutVolume = { appData: strOf(v.AppData) ?? '', payloadType: intOf(v.PayloadType, 100, warn, 'LayoutVolume.PayloadType'), interval: intOf(v.Interval, 1000, warn, 'LayoutVolume.Interval'), followIdr: v.FollowIdr === 1 }
    }
    if (isObj(sei.PassThrough)) {
      const v = sei.PassThrough
      const uuid = strOf(v.PayloadUuid)
      doc.sei.passThrough = { content: strOf(v.PayloadContent) ?? '', payloadType: intOf(v.PayloadType, 5, warn, 'PassThrough.PayloadType'), uuid: uuid ?? null, interval: intOf(v.Interval, 1000, warn, 'PassThrough.Interval'), followIdr: v.FollowIdr === 1 }
    }
    const audio = isObj(root.AudioParams) ? root.AudioParams : {}
    doc.audio = { subscribe: mcuAudioUsers(audio.SubscribeAudioList, warn, 'SubscribeAudioList'), unsubscribe: mcuAudioUsers(audio.UnSubscribeAudioList, warn, 'UnSubscribeAudioList') }
    return doc
  }, () => createDoc('1280x720', 'Imported MCU layout'))
}

export function fromRecordingRequest(json: unknown): ImportResult {
  return guarded((warn) => {
    const root = parseRoot(json, warn)
    const p = isObj(root.MixLayoutParams) ? root.MixLayoutParams : 'MixLayoutMode' in root || 'MixLayoutList' in root ? root : {}
    const transcode = isObj(root.MixTranscodeParams) ? root.MixTranscodeParams : {}
    const vp = isObj(transcode.VideoParams) ? transcode.VideoParams : undefined
    // Without VideoParams the recording uses 360 × 640 (L16385, L16390).
    let width = 360
    let height = 640
    if (vp) {
      width = intOf(vp.Width, 360, warn, 'VideoParams.Width')
      height = intOf(vp.Height, 640, warn, 'VideoParams.Height')
    } else warn('No MixTranscodeParams.VideoParams: the canvas is the recording default, 360×640.')
    const doc = createDoc(presetOf(width, height), 'Imported recording layout', { width, height })
    // Recording is single-room: every position refers to the task's room. Recording RoomIdType: 0 string, 1 integer (default) (L12872–L12888).
    const roomId = strOf(root.RoomId) ?? ''
    const roomIdType: RoomIdType = root.RoomIdType === 0 ? 'string' : root.RoomIdType === 1 ? 'number' : roomId === '' ? 'number' : inferRoomIdType(roomId)
    const mode = NUMBER_MODE[p.MixLayoutMode as number]
    if (p.MixLayoutMode !== undefined && !mode) warn(`MixLayoutMode ${String(p.MixLayoutMode)} is unknown; grid was used.`)
    doc.mode = mode ?? 'grid' // "3: Grid (default)" (L15595)
    doc.canvas.backgroundColor = parseColor(p.BackGroundColor, warn, 'BackGroundColor') ?? '#000000'
    doc.canvas.backgroundImage = imageFromUrl(p.BackgroundImageUrl)
    if (p.BackgroundImageRenderMode !== undefined) doc.canvas.backgroundRenderMode = renderFrom(REC_RENDER_BACK, p.BackgroundImageRenderMode, 'crop', warn, 'BackgroundImageRenderMode')
    const bigId = strOf(p.MaxResolutionUserId)
    if (bigId) doc.template.bigScreenUser = { userId: bigId, roomId, roomIdType, streamType: p.MediaId === 1 ? 'screen' : 'camera' }
    doc.template.renderMode = renderFrom(REC_RENDER_BACK, p.RenderMode, 'crop', warn, 'MixLayoutParams')
    doc.template.bigOnRight = p.MaxResolutionUserAlign === 1
    doc.template.defaultPlaceholder = imageFromUrl(p.DefaultSubBackgroundImage)
    const list = arr(p.MixLayoutList)
    if (list.length > 0 && doc.mode !== 'custom') warn('MixLayoutList is only used by the custom layout (MixLayoutMode 4); its tiles were kept for editing.')
    doc.tiles = list.map((e, i) => {
      const what = `MixLayoutList[${i}]`
      const t: Obj = isObj(e) ? e : {}
      const tile = makeTile(`t${i + 1}`, {
        x: intOf(t.Left, 0, warn, `${what}.Left`),
        y: intOf(t.Top, 0, warn, `${what}.Top`),
        width: intOf(t.Width, 0, warn, `${what}.Width`),
        height: intOf(t.Height, 0, warn, `${what}.Height`),
      })
      tile.z = intOf(t.ImageLayer, 0, warn, `${what}.ImageLayer`)
      tile.renderMode = renderFrom(REC_RENDER_BACK, t.RenderMode, 'crop', warn, what)
      if (t.Alpha !== undefined) tile.alpha = 255 - intOf(t.Alpha, 0, warn, `${what}.Alpha`)
      const userId = strOf(t.UserId)
      if (userId) {
        tile.binding = { kind: 'user', userId, roomId, roomIdType, streamType: t.MediaId === 1 ? 'screen' : 'camera' }
        tile.label = userId
      } else tile.label = ''
      tile.placeholder = imageFromUrl(t.SubBackgroundImage)
      return tile
    })
    doc.watermarks = arr(p.WaterMarkList).flatMap((e, i): Watermark[] => {
      const what = `WaterMarkList[${i}]`
      if (!isObj(e)) return []
      const id = `w${i + 1}`
      if ((e.WaterMarkType ?? 0) === 0 && isObj(e.WaterMarkImage)) {
        const m = e.WaterMarkImage
        return [{ id, kind: 'image', image: imageFromUrl(m.WaterMarkUrl) ?? { name: 'watermark' }, x: intOf(m.Left, 0, warn, what), y: intOf(m.Top, 0, warn, what), width: intOf(m.Width, 0, warn, what), height: intOf(m.Height, 0, warn, what), z: 0 }]
      }
      if (e.WaterMarkType === 1 && isObj(e.WaterMarkChar)) {
        const m = e.WaterMarkChar
        return [
          {
            id,
            kind: 'text',
            text: strOf(m.Chars) ?? '',
            fontSize: intOf(m.FontSize, 14, warn, what), // default 14 (L16438)
            fontColor: parseColor(m.FontColor, warn, `${what}.FontColor`) ?? '#ffffff',
            backgroundColor: parseColor(m.BackGroundColor, warn, `${what}.BackGroundColor`) ?? null,
            x: intOf(m.Left, 0, warn, what),
            y: intOf(m.Top, 0, warn, what),
            width: intOf(m.Width, 0, warn, what),
            height: intOf(m.Height, 0, warn, what),
          },
        ]
      }
      if (e.WaterMarkType === 2) warn(`${what}: timestamp watermarks are not edited by the designer and were dropped.`)
      else warn(`${what}: the watermark has no image or text for its type and was skipped.`)
      return []
    })
    const rp = isObj(root.RecordParams) ? root.RecordParams : {}
    const subs = isObj(root.SubscribeStreamUserIds) ? root.SubscribeStreamUserIds : isObj(rp.SubscribeStreamUserIds) ? rp.SubscribeStreamUserIds : {}
    const ids = (v: unknown): AudioUser[] | null => (v === undefined ? null : arr(v).flatMap((x) => (typeof x === 'string' ? [{ userId: x, roomId, roomIdType }] : [])))
    doc.audio = { subscribe: ids(subs.SubscribeAudioUserIds), unsubscribe: ids(subs.UnSubscribeAudioUserIds) }
    return doc
  }, () => createDoc('custom', 'Imported recording layout', { width: 360, height: 640 }))
}
