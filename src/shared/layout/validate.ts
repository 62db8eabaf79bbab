// Checks a LayoutDoc against the rules of one TRTC dialect before it is compiled and sent. Every
// rule is a row of docs/reference-rules.md, which names the reference line, this check, the
// simulator's check and the test that holds both.
//
// API: validate(doc, target, task?): Issue[]; hasErrors(issues); imageUrls(doc, target);
// DOC_ONLY_CODES; CHECK_CODES.
// An 'error' is something the cloud refuses or cannot do; a 'warning' is accepted but probably not
// what the user wants (ignored fields, values the compiler maps, wording the reference leaves open).
// Issues carry a code and parameters, never a sentence: the renderer words them in each language.
// Every rule cites 003_530a54cf0f8c0df7.txt unless another seed is named.
import { isStringRoomId, isUserId, parseNumericRoomId } from '../trtc/roomId'
import { stableJson } from './diff'
import { DEFAULT_LAYOUT_SEI, type LayoutDoc, type RenderMode, type RoomIdType, type Tile, type UserRef, type Watermark } from './model'

export type Target = 'mcu' | 'recording'

export const CHECK_CODES = [
  'canvas.integer',
  'canvas.width',
  'canvas.height',
  'canvas.area',
  'canvas.empty',
  'canvas.changed',
  'color.format',
  'image.noUrl',
  'image.url',
  'image.cjk',
  'image.format',
  'image.tooLarge',
  'image.unreachable',
  'renderMode.mapped',
  'tiles.ignored',
  'tiles.none',
  'tiles.count',
  'template.bigScreenRequired',
  'template.bigScreenEmpty',
  'template.bigScreenIgnored',
  'template.audioOnly',
  'tile.integer',
  'tile.negative',
  'tile.right',
  'tile.bottom',
  'tile.empty',
  'tile.range',
  'tile.layer',
  'tile.alpha',
  'tile.alphaIgnored',
  'crop.ignored',
  'crop.offset',
  'crop.size',
  'crop.limit',
  'placeholder.fit',
  'binding.duplicate',
  'binding.mainRoom',
  'binding.absent',
  'user.id',
  'user.idLong',
  'room.numeric',
  'room.string',
  'room.looksNumeric',
  'room.notMain',
  'room.notInLayout',
  'rooms.multiple',
  'watermarks.count',
  'watermark.integer',
  'watermark.bounds',
  'watermark.range',
  'watermark.layer',
  'watermark.text',
  'watermark.fontSize',
  'watermark.textUnsupported',
  'audio.count',
  'audio.both',
  'audio.bothLists',
  'sei.ignored',
  'sei.appData',
  'sei.payloadType',
  'sei.samePayloadType',
  'sei.interval',
  'sei.uuid',
  'sei.uuidIgnored',
  'sei.content',
] as const
export type CheckCode = (typeof CHECK_CODES)[number]

/**
 * Rules about the document itself that never reach the wire, so the simulator cannot see them: an
 * image chosen without a URL is left out of the request; a changed canvas is not sent by an update;
 * the recording wire names users without rooms; image contents are fetched by main, not by the
 * simulator (docs/reference-rules.md says why for each).
 */
export const DOC_ONLY_CODES: ReadonlySet<CheckCode> = new Set<CheckCode>(['image.noUrl', 'canvas.changed', 'image.format', 'image.tooLarge', 'image.unreachable', 'binding.absent'])

/** Whether the compiled request shows what an issue is about, so the simulator can refuse it too. */
export function reachesWire(code: CheckCode, target: Target): boolean {
  if (DOC_ONLY_CODES.has(code)) return false
  // The recording wire names users without rooms (MixLayout.UserId L15538, SubscribeAudioUserIds L16115).
  return !(target === 'recording' && (code.startsWith('room.') || code === 'rooms.multiple'))
}

export type IssueParams = Record<string, string | number>

export interface Issue {
  severity: 'error' | 'warning'
  code: CheckCode
  params: IssueParams
  tileId?: string
  watermarkId?: string
  field?: string
}

/** What main learned by fetching an image URL's first bytes (main/mixing/imageProbe.ts). */
export type ImageProbe = { kind: 'png' | 'jpeg'; bytes: number | null } | { kind: 'other'; bytes: number | null } | { kind: 'unreachable' }

/** What the task a layout goes to fixes. Without it, the checks are those of the layout alone. */
export interface TaskContext {
  /** The task's main room: chosen for Start/Create, the running task's for Update/Modify. */
  room?: { id: string; type: RoomIdType }
  /** The running task's canvas: an update cannot change the encoding (L2256–L2258, L13340–L13343). */
  canvas?: { width: number; height: number }
  /** Probes of the layout's image URLs, by URL. */
  images?: Readonly<Record<string, ImageProbe>>
  /** The users in the task's main room now, when known (the room's user list). */
  present?: readonly string[]
}

export const hasErrors = (issues: readonly Issue[]): boolean => issues.some((i) => i.severity === 'error')

const HEX_COLOR = /^#[0-9a-fA-F]{6}$/
const UUID_HEX = /^[0-9a-fA-F]{32}$/
const HTTP_URL = /^https?:\/\/[^\s/?#]+[^\s]*$/
// Han ideographs, CJK punctuation and full-width forms: "cannot contain Chinese characters" (L15676).
const CJK = /[\u3000-\u303f\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff00-\uffef]/
/** Both image kinds of the recording family and of McuWaterMarkImage: "cannot exceed 5 MB" (L15446, L15577, L16453). */
export const MAX_IMAGE_BYTES = 5 * 1024 * 1024
/** MixLayoutList "Up to 25 videos" (L15642) against "When streams are mixed, up to 24 videos are supported" (L16106–L16107): the stricter holds. */
export const MAX_RECORDING_TILES = 24

const isInt = (n: number): boolean => Number.isInteger(n)

// Render modes each dialect has: MCU 0 crop / 1 scale / 2 black bars (L15232–L15239);
// recording 0 stretch / 1 crop / 2 blank / 3 smart stretch (L15548–L15567). A mode a dialect lacks
// is sent as the nearest it has (compile.ts), and said so.
const MCU_NEAREST: Record<RenderMode, RenderMode> = { crop: 'crop', fit: 'fit', fitBlack: 'fitBlack', stretch: 'fit', smart: 'crop' }
// Canvas BackgroundRenderMode has 0 crop / 1 scale on black / 2 proportional (L15433–L15439).
const MCU_BG_NEAREST: Record<RenderMode, RenderMode> = { crop: 'crop', fit: 'fit', fitBlack: 'fitBlack', stretch: 'fit', smart: 'crop' }
const REC_NEAREST: Record<RenderMode, RenderMode> = { stretch: 'stretch', crop: 'crop', fitBlack: 'fitBlack', fit: 'fitBlack', smart: 'smart' }

type Where = Omit<Issue, 'severity' | 'code' | 'params'>
type Add = (severity: Issue['severity'], code: CheckCode, params?: IssueParams, where?: Where) => void

/** The URLs of the images a target sends, each once. */
export function imageUrls(doc: LayoutDoc, target: Target): string[] {
  const urls = [doc.canvas.backgroundImage?.url, ...doc.watermarks.map((w) => (w.kind === 'image' ? w.image.url : undefined))]
  if (doc.mode === 'custom') urls.push(...doc.tiles.map((t) => t.placeholder?.url))
  if (target === 'recording') urls.push(doc.template.defaultPlaceholder?.url)
  return [...new Set(urls.filter((u): u is string => !!u))]
}

export function validate(doc: LayoutDoc, target: Target, task: TaskContext = {}): Issue[] {
  const issues: Issue[] = []
  const add: Add = (severity, code, params = {}, where = {}) => {
    issues.push({ severity, code, params, ...where })
  }
  const mcu = target === 'mcu'
  const canvas = task.canvas ?? { width: doc.canvas.width, height: doc.canvas.height }
  const { width: W, height: H } = canvas

  if (task.canvas && (task.canvas.width !== doc.canvas.width || task.canvas.height !== doc.canvas.height))
    add('error', 'canvas.changed', { width: doc.canvas.width, height: doc.canvas.height, taskWidth: W, taskHeight: H }, { field: 'canvas' })
  // Canvas size: MCU VideoEncode Width [0, 1920], Height [0, 1080] (L16359–L16363); recording
  // VideoParams sides ≤ 1920 and Width × Height ≤ 1920 × 1080 (L16382–L16390).
  if (!isInt(W) || !isInt(H) || W < 0 || H < 0) add('error', 'canvas.integer', { width: W, height: H }, { field: 'canvas' })
  if (W > 1920) add('error', 'canvas.width', { width: W, max: 1920 }, { field: 'canvas.width' })
  if (H > (mcu ? 1080 : 1920)) add('error', 'canvas.height', { height: H, max: mcu ? 1080 : 1920 }, { field: 'canvas.height' })
  if (!mcu && W <= 1920 && H <= 1920 && W * H > 1920 * 1080) add('error', 'canvas.area', { width: W, height: H }, { field: 'canvas' })
  if (W === 0 || H === 0) add('warning', 'canvas.empty', {}, { field: 'canvas' })
  // MCU colours by the reference's examples 0xRRGGBB (L15410–L15418), recording #RRGGBB (L15645–L15652).
  if (!HEX_COLOR.test(doc.canvas.backgroundColor)) add('error', 'color.format', { value: doc.canvas.backgroundColor }, { field: 'canvas.backgroundColor' })
  checkImage(doc.canvas.backgroundImage, task, add, { field: 'canvas.backgroundImage' }, !mcu)
  const bgMode = doc.canvas.backgroundRenderMode
  if (bgMode) checkMode(bgMode, mcu ? MCU_BG_NEAREST : REC_NEAREST, add, { field: 'canvas.backgroundRenderMode' })

  const main = task.room
  if (doc.mode !== 'custom') checkTemplate(doc, target, main, add)

  if (doc.mode === 'custom') {
    if (!mcu && doc.tiles.length > MAX_RECORDING_TILES) add('error', 'tiles.count', { count: doc.tiles.length, max: MAX_RECORDING_TILES }, { field: 'tiles' })
    // MCU templates show at most 16 videos (L2110–L2118, L2126–L2128); custom layouts have no stated limit.
    if (mcu && doc.tiles.length > 16) add('warning', 'tiles.count', { count: doc.tiles.length, max: 16 }, { field: 'tiles' })
    // "When the preset positions are full, no other users' screens and sounds will be mixed." (L2137–L2139):
    // no position at all mixes nothing, audio included; the recording list is the custom layout (L15637).
    if (doc.tiles.length === 0) add('error', 'tiles.none', {}, { field: 'tiles' })
  }

  const seen = new Map<string, string>()
  const rooms = new Set<string>()
  for (const t of doc.mode === 'custom' ? doc.tiles : []) {
    checkTile(t, canvas, target, task, add)
    if (t.binding.kind !== 'user') continue
    const b = t.binding
    const room = b.roomId === '' && main ? `${main.type}:${main.id}` : `${b.roomIdType}:${b.roomId}`
    const key = mcu ? `${b.userId}\u0000${room}\u0000${b.streamType}` : `${b.userId}\u0000${b.streamType}`
    const prev = seen.get(key)
    // A named position is reserved for its user (L2132–L2138); one stream cannot hold two.
    if (prev) add('error', 'binding.duplicate', { userId: b.userId, first: prev, second: t.id }, { tileId: t.id, field: 'binding' })
    else seen.set(key, t.id)
    // Named settings "require specifying the room number and username" (L2132–L2133): a binding
    // without a room is sent with the task's main room (compile.ts), and said so.
    if (b.roomId !== '') rooms.add(`${b.roomIdType}:${b.roomId}`)
    else if (mcu) add('warning', 'binding.mainRoom', { userId: b.userId, room: main?.id ?? '' }, { tileId: t.id, field: 'binding' })
    // A named position waits for its user: empty until they enter and send video (L2132–L2136).
    if (task.present && (b.roomId === '' || (main && sameRoom(b, main))) && !task.present.includes(b.userId)) add('warning', 'binding.absent', { userId: b.userId, room: main?.id ?? '' }, { tileId: t.id, field: 'binding' })
    // Recording covers the streams of its own room: MixLayout names a UserId only (L15538–L15541, L12845).
    if (!mcu && main && b.roomId !== '' && !sameRoom(b, main)) add('error', 'room.notMain', { room: b.roomId, mainRoom: main.id }, { tileId: t.id, field: 'binding' })
  }
  if (!mcu && !main && rooms.size > 1) add('error', 'rooms.multiple', {}, { field: 'tiles' })
  // DefaultSubBackgroundImage, recording only (L15695–L15702).
  if (!mcu) checkImage(doc.template.defaultPlaceholder, task, add, { field: 'template.defaultPlaceholder' })

  // "Up to 25 watermarks are supported." (L15704–L15705)
  if (!mcu && doc.watermarks.length > 25) add('error', 'watermarks.count', { count: doc.watermarks.length, max: 25 }, { field: 'watermarks' })
  for (const w of doc.watermarks) checkWatermark(w, canvas, target, task, add)

  checkAudio(doc, target, main, add)
  checkSei(doc, target, add)
  return issues
}

function sameRoom(u: { roomId: string; roomIdType: RoomIdType }, main: { id: string; type: RoomIdType }): boolean {
  return u.roomId === main.id && u.roomIdType === main.type
}

function checkMode(mode: RenderMode, nearest: Record<RenderMode, RenderMode>, add: Add, where: Where): void {
  if (nearest[mode] !== mode) add('warning', 'renderMode.mapped', { mode, sent: nearest[mode] }, where)
}

function checkImage(img: { name: string; url?: string } | null, task: TaskContext, add: Add, where: Where, noCjk = false): void {
  if (!img) return
  // The request carries the URL the cloud fetches; an image without one would be left out.
  if (!img.url) return add('error', 'image.noUrl', { name: img.name }, where)
  // Every image member is a URL the cloud downloads (L15253, L15422, L15446, L15577, L15675, L15695, L16453).
  if (!HTTP_URL.test(img.url)) return add('error', 'image.url', { url: img.url }, where)
  // MixLayoutParams.BackgroundImageUrl "cannot contain Chinese characters" (L15675–L15677).
  if (noCjk && CJK.test(img.url)) add('error', 'image.cjk', { url: img.url }, where)
  // "PNG, JPG, or JPEG format and cannot exceed 5 MB" (L15446–L15447; JPG/PNG L15577–L15580, L15677–L15678, L16453–L16454).
  const probe = task.images?.[img.url]
  if (!probe) return
  if (probe.kind === 'unreachable') add('warning', 'image.unreachable', { url: img.url }, where)
  else if (probe.kind === 'other') add('error', 'image.format', { url: img.url }, where)
  else if (probe.bytes !== null && probe.bytes > MAX_IMAGE_BYTES) add('error', 'image.tooLarge', { url: img.url, bytes: probe.bytes }, where)
}

function checkTemplate(doc: LayoutDoc, target: Target, main: TaskContext['room'], add: Add): void {
  const mcu = target === 'mcu'
  const big = doc.template.bigScreenUser
  checkMode(doc.template.renderMode, mcu ? MCU_NEAREST : REC_NEAREST, add, { field: 'template.renderMode' })
  if (doc.tiles.length > 0) add('warning', 'tiles.ignored', {}, { field: 'tiles' })
  if (doc.mode === 'screenShare' && !big) {
    // "You need to explicitly set the MixTranscoding user information that occupies the large screen." (L2124–L2125);
    // recording shows the canvas background instead (L15613–L15617).
    if (mcu) add('error', 'template.bigScreenRequired', {}, { field: 'template.bigScreenUser' })
    else add('warning', 'template.bigScreenEmpty', {}, { field: 'template.bigScreenUser' })
  }
  // MaxVideoUser: "screen sharing or floating layout mode" (L15087–L15089); MaxResolutionUserId mode 1 or 2 (L15656–L15658).
  if (doc.mode === 'grid' && big) add('warning', 'template.bigScreenIgnored', {}, { field: 'template.bigScreenUser' })
  if (big && doc.mode !== 'grid') {
    checkUser(big, add, { field: 'template.bigScreenUser' })
    // Dynamic templates "only support a single TRTC room" (L2101–L2104); MixUserInfo.RoomId "should be
    // the ID of the main room" (L15753–L15754). Recording is one room (L12845).
    if (big.roomId !== '' && main && !sameRoom(big, main)) add('error', 'room.notMain', { room: big.roomId, mainRoom: main.id }, { field: 'template.bigScreenUser' })
    if (big.roomId === '' && mcu) add('warning', 'binding.mainRoom', { userId: big.userId, room: main?.id ?? '' }, { field: 'template.bigScreenUser' })
  }
  if (!mcu && doc.template.showAudioOnly) add('warning', 'template.audioOnly', {}, { field: 'template.showAudioOnly' })
  if (!main && mcu) {
    const rooms = new Set([big && doc.mode !== 'grid' ? big.roomId : '', ...(doc.audio.subscribe ?? []).map((u) => u.roomId)].filter((r) => r !== ''))
    if (rooms.size > 1) add('error', 'rooms.multiple', {}, { field: 'template.bigScreenUser' })
  }
}

function checkTile(t: Tile, canvas: { width: number; height: number }, target: Target, task: TaskContext, add: Add): void {
  const mcu = target === 'mcu'
  const where = { tileId: t.id }
  const { width: W, height: H } = canvas
  const name = t.label || t.id
  if (![t.x, t.y, t.width, t.height, t.z].every(isInt)) add('error', 'tile.integer', { tile: name }, where)
  // Offsets and sizes are pixels on the canvas; the reference states no negative values (docs/reference-rules.md: ambiguous).
  for (const [k, v] of [['x', t.x], ['y', t.y], ['width', t.width], ['height', t.height]] as const) if (v < 0) add('error', 'tile.negative', { tile: name, field: k, value: v }, { ...where, field: k })
  // "The sum of LocationX and ImageWidth cannot exceed the width of the canvas." (L15215–L15220);
  // "The sum of the values of this parameter and Left cannot exceed the canvas width." (L15530–L15536)
  if (t.x + t.width > W) add('error', 'tile.right', { tile: name, right: t.x + t.width, width: W }, { ...where, field: 'width' })
  if (t.y + t.height > H) add('error', 'tile.bottom', { tile: name, bottom: t.y + t.height, height: H }, { ...where, field: 'height' })
  if (t.width === 0 || t.height === 0) add('warning', 'tile.empty', { tile: name }, where)
  if (!mcu) {
    // Top/Left/Width/Height in [0, 1920] (L15524–L15536).
    for (const [k, v] of [['x', t.x], ['y', t.y], ['width', t.width], ['height', t.height]] as const)
      if (v > 1920) add('error', 'tile.range', { tile: name, field: k, value: v, max: 1920 }, { ...where, field: k })
    // "0 is the default value and means the bottommost layer." (L15574–L15575)
    if (t.z < 0) add('error', 'tile.layer', { tile: name, value: t.z }, { ...where, field: 'z' })
  }
  checkMode(t.renderMode, mcu ? MCU_NEAREST : REC_NEAREST, add, { ...where, field: 'renderMode' })
  if (t.alpha !== null) {
    // Alpha "Value range: [0, 255]" (L15543–L15546); McuLayout has no transparency, so nothing is sent.
    if (mcu) {
      if (t.alpha !== 255) add('warning', 'tile.alphaIgnored', { tile: name }, { ...where, field: 'alpha' })
    } else if (!isInt(t.alpha) || t.alpha < 0 || t.alpha > 255) add('error', 'tile.alpha', { tile: name }, { ...where, field: 'alpha' })
  }
  if (t.crop) {
    const c = t.crop
    if (!mcu) add('warning', 'crop.ignored', { tile: name }, { ...where, field: 'crop' })
    else {
      // McuCustomCrop: offsets "must be greater than 0"; X + Width and Y + Height ≤ 10000 (L15152–L15163).
      if (!isInt(c.x) || !isInt(c.y) || c.x <= 0 || c.y <= 0) add('error', 'crop.offset', { tile: name, x: c.x, y: c.y }, { ...where, field: 'crop' })
      if (!isInt(c.w) || !isInt(c.h) || c.w <= 0 || c.h <= 0) add('error', 'crop.size', { tile: name }, { ...where, field: 'crop' })
      if (c.x + c.w > 10000 || c.y + c.h > 10000) add('error', 'crop.limit', { tile: name }, { ...where, field: 'crop' })
    }
  }
  // A recording window's background image follows the tile's RenderMode (L15577–L15583).
  if (!mcu && t.placeholderFit) add('warning', 'placeholder.fit', { tile: name }, { ...where, field: 'placeholderFit' })
  checkImage(t.placeholder, task, add, { ...where, field: 'placeholder' })
  if (t.binding.kind === 'user') checkUser(t.binding, add, { ...where, field: 'binding' })
}

function checkUser(u: Pick<UserRef, 'userId' | 'roomId' | 'roomIdType'>, add: Add, where: Where): void {
  if (!isUserId(u.userId)) add('error', 'user.id', { userId: u.userId }, where)
  // "UserID should preferably be 32 bytes or shorter." (000_b308e910fed97ab3.txt L15)
  else if (u.userId.length > 32) add('warning', 'user.idLong', { userId: u.userId }, where)
  if (u.roomId === '') return
  if (u.roomIdType === 'number') {
    if (parseNumericRoomId(u.roomId) === null) add('error', 'room.numeric', { room: u.roomId }, where)
  } else if (!isStringRoomId(u.roomId)) add('error', 'room.string', { room: u.roomId }, where)
  // "123" and 123 are different rooms (002_397368d6e2c38332.txt L88).
  else if (parseNumericRoomId(u.roomId) !== null) add('warning', 'room.looksNumeric', { room: u.roomId }, where)
}

function checkWatermark(w: Watermark, canvas: { width: number; height: number }, target: Target, task: TaskContext, add: Add): void {
  const mcu = target === 'mcu'
  const where = { watermarkId: w.id }
  const { width: W, height: H } = canvas
  const n = { watermark: w.id }
  // An image without its URL is not sent at all (compile.ts); the rest is checked once it has one.
  if (w.kind === 'image' && !w.image.url) return checkImage(w.image, task, add, where)
  if (![w.x, w.y, w.width, w.height].every(isInt) || w.x < 0 || w.y < 0 || w.width < 0 || w.height < 0) add('error', 'watermark.integer', n, where)
  // Recording: Left + Width and Top + Height within the canvas (L16456–L16470); the relay states no
  // rule, so there it is only a warning.
  if (w.x + w.width > W || w.y + w.height > H) add(mcu ? 'warning' : 'error', 'watermark.bounds', n, where)
  // WaterMarkImage Top/Left/Width/Height "Value range: [0, 2560]" (L16456–L16468).
  if (!mcu && [w.x, w.y, w.width, w.height].some((v) => v > 2560)) add('error', 'watermark.range', n, where)
  if (w.kind === 'image') {
    checkImage(w.image, task, add, where)
    if (!mcu && w.z !== 0) add('warning', 'watermark.layer', n, where)
    return
  }
  // WaterMark type 1: "text (not supported yet)" (L16405–L16406).
  if (!mcu) return add('error', 'watermark.textUnsupported', n, where)
  // McuWaterMarkText: Text and FontSize are required (L15488–L15499); colours 0xRRGGBB (L15500–L15514).
  if (w.text === '') add('error', 'watermark.text', n, where)
  if (!isInt(w.fontSize) || w.fontSize < 1) add('error', 'watermark.fontSize', n, where)
  if (!HEX_COLOR.test(w.fontColor)) add('error', 'color.format', { value: w.fontColor }, { ...where, field: 'fontColor' })
  if (w.backgroundColor !== null && !HEX_COLOR.test(w.backgroundColor)) add('error', 'color.format', { value: w.backgroundColor }, { ...where, field: 'backgroundColor' })
}

function checkAudio(doc: LayoutDoc, target: Target, main: TaskContext['room'], add: Add): void {
  const { subscribe, unsubscribe } = doc.audio
  const users = [...(subscribe ?? []), ...(unsubscribe ?? [])]
  for (const u of users) checkUser(u, add, { field: 'audio' })
  if (target === 'recording') {
    // "at most 32 elements" per list; "You cannot specify an allowlist and a blocklist … at the same time" (L16103–L16170).
    if ((subscribe?.length ?? 0) > 32 || (unsubscribe?.length ?? 0) > 32) add('error', 'audio.count', { max: 32 }, { field: 'audio' })
    if (subscribe?.length && unsubscribe?.length) add('error', 'audio.bothLists', {}, { field: 'audio' })
    if (main) for (const u of users) if (u.roomId !== '' && !sameRoom(u, main)) add('error', 'room.notMain', { room: u.roomId, mainRoom: main.id }, { field: 'audio' })
    return
  }
  // "If a user is included in both parameters, the user's audio will not be mixed." (L15096–L15145)
  const blocked = new Set((unsubscribe ?? []).map((u) => `${u.userId}\u0000${u.roomId}`))
  for (const u of subscribe ?? []) if (blocked.has(`${u.userId}\u0000${u.roomId}`)) add('warning', 'audio.both', { userId: u.userId }, { field: 'audio' })
  if (!main) return
  // MixUserInfo.RoomId: dynamic layouts → the main room; custom → "the same as the room ID in MixLayoutList" (L15752–L15755).
  const layoutRooms = new Set([`${main.type}:${main.id}`])
  if (doc.mode === 'custom') for (const t of doc.tiles) if (t.binding.kind === 'user' && t.binding.roomId !== '') layoutRooms.add(`${t.binding.roomIdType}:${t.binding.roomId}`)
  for (const u of users) {
    if (u.roomId === '' || layoutRooms.has(`${u.roomIdType}:${u.roomId}`)) continue
    add('error', doc.mode === 'custom' ? 'room.notInLayout' : 'room.notMain', { room: u.roomId, mainRoom: main.id, userId: u.userId }, { field: 'audio' })
  }
}

function payloadTypeOk(n: number, allowFive: boolean): boolean {
  // 100–254 without 244, "used internally by Tencent Cloud for timestamps" (L15326–L15329); pass-through also 5 (L15344–L15347).
  return isInt(n) && ((n >= 100 && n <= 254 && n !== 244) || (allowFive && n === 5))
}

function checkSei(doc: LayoutDoc, target: Target, add: Add): void {
  const { layoutVolume: lv, passThrough: pt } = doc.sei
  if (target === 'recording') {
    // MixLayoutParams and RecordParams have no SEI member (L15584–L15724, L15833–L15911).
    // The default volume-layout SEI is not the user's choice, so it is left out silently.
    if (pt || (lv && stableJson(lv) !== stableJson(DEFAULT_LAYOUT_SEI))) add('warning', 'sei.ignored', {}, { field: 'sei' })
    return
  }
  if (lv) {
    // "It must be shorter than 4,096 characters." (L15322–L15324)
    if (lv.appData.length >= 4096) add('error', 'sei.appData', { length: lv.appData.length }, { field: 'sei.layoutVolume.appData' })
    if (!payloadTypeOk(lv.payloadType, false)) add('error', 'sei.payloadType', { value: lv.payloadType, five: 0 }, { field: 'sei.layoutVolume.payloadType' })
    // Interval is in milliseconds with no stated range (L15331): a positive whole number.
    if (!isInt(lv.interval) || lv.interval <= 0) add('error', 'sei.interval', {}, { field: 'sei.layoutVolume.interval' })
  }
  if (pt) {
    if (!payloadTypeOk(pt.payloadType, true)) add('error', 'sei.payloadType', { value: pt.payloadType, five: 1 }, { field: 'sei.passThrough.payloadType' })
    // PayloadUuid "is required only if PayloadType is 5. It must be a 32-character hexadecimal string." (L15349–L15352)
    if (pt.payloadType === 5 && (pt.uuid === null || !UUID_HEX.test(pt.uuid))) add('error', 'sei.uuid', {}, { field: 'sei.passThrough.uuid' })
    if (pt.payloadType !== 5 && pt.uuid !== null) add('warning', 'sei.uuidIgnored', {}, { field: 'sei.passThrough.uuid' })
    // PayloadContent is required (L15342).
    if (pt.content === '') add('error', 'sei.content', {}, { field: 'sei.passThrough.content' })
    if (!isInt(pt.interval) || pt.interval <= 0) add('error', 'sei.interval', {}, { field: 'sei.passThrough.interval' })
    if (lv && pt.payloadType === lv.payloadType) add('warning', 'sei.samePayloadType', {}, { field: 'sei.passThrough.payloadType' })
  }
}
