// Checks a LayoutDoc against the rules of one TRTC dialect before it is compiled and sent.
//
// API: validate(doc, target: 'mcu' | 'recording'): Issue[]; hasErrors(issues).
// An 'error' is something the cloud rejects or cannot do; a 'warning' is accepted but probably not
// what the user wants (ignored fields, unsupported-yet features, wording the seed leaves unclear).
// Every rule cites 003_530a54cf0f8c0df7.txt unless another seed is named.
import type { LayoutDoc, RenderMode, Tile, UserRef, Watermark } from './model'

export type Target = 'mcu' | 'recording'

export interface Issue {
  severity: 'error' | 'warning'
  tileId?: string
  watermarkId?: string
  field?: string
  code: string
  message: string
}

export const hasErrors = (issues: readonly Issue[]): boolean => issues.some((i) => i.severity === 'error')

const HEX_COLOR = /^#[0-9a-fA-F]{6}$/
// "It can contain only letters, digits, underscores, and hyphens." (002_397368d6e2c38332.txt L66)
const USER_ID = /^[A-Za-z0-9_-]+$/
const UUID_HEX = /^[0-9a-fA-F]{32}$/
const MAX_NUMERIC_ROOM = 4294967295 // 000_b308e910fed97ab3.txt L32

const isInt = (n: number): boolean => Number.isInteger(n)

// Render modes each dialect has: MCU 0 crop / 1 scale / 2 black bars (L15232–L15239);
// recording 0 stretch / 1 crop / 2 blank / 3 smart stretch (L15548–L15567).
const AVAILABLE: Record<Target, readonly RenderMode[]> = { mcu: ['crop', 'fit', 'fitBlack'], recording: ['stretch', 'crop', 'fitBlack', 'smart'] }
const MODE_NAMES: Record<RenderMode, string> = { crop: 'crop', fit: 'fit (scale)', fitBlack: 'fit with bars', stretch: 'stretch', smart: 'smart stretch' }

export function validate(doc: LayoutDoc, target: Target): Issue[] {
  const issues: Issue[] = []
  const add = (severity: Issue['severity'], code: string, message: string, where: Omit<Issue, 'severity' | 'code' | 'message'> = {}): void => {
    issues.push({ severity, code, message, ...where })
  }
  const { width: W, height: H } = doc.canvas
  const mcu = target === 'mcu'

  // Canvas size.
  if (!isInt(W) || !isInt(H) || W < 0 || H < 0) add('error', 'canvas.size', 'The canvas width and height must be whole, non-negative pixel counts.', { field: 'canvas' })
  if (mcu) {
    // VideoEncode Width [0, 1920], Height [0, 1080] (L16359–L16363).
    if (W > 1920) add('error', 'canvas.width', `The canvas is ${W} px wide; the relay allows at most 1920. Choose a narrower canvas.`, { field: 'canvas.width' })
    if (H > 1080) add('error', 'canvas.height', `The canvas is ${H} px high; the relay allows at most 1080. Choose a lower canvas (portrait 1080×1920 is not possible here).`, { field: 'canvas.height' })
  } else {
    // Width and Height ≤ 1920 and Width × Height ≤ 1920 × 1080 (L16382–L16390).
    if (W > 1920) add('error', 'canvas.width', `The canvas is ${W} px wide; recording allows at most 1920.`, { field: 'canvas.width' })
    if (H > 1920) add('error', 'canvas.height', `The canvas is ${H} px high; recording allows at most 1920.`, { field: 'canvas.height' })
    if (W * H > 1920 * 1080) add('error', 'canvas.area', `The canvas has ${W}×${H} pixels; recording allows at most 1920 × 1080 in total. Make it smaller.`, { field: 'canvas' })
  }
  if (W === 0 || H === 0) add('warning', 'canvas.empty', 'The canvas has no area, so no video can be shown.', { field: 'canvas' })
  if (!HEX_COLOR.test(doc.canvas.backgroundColor)) add('error', 'color.format', `The background colour "${doc.canvas.backgroundColor}" is not of the form #RRGGBB.`, { field: 'canvas.backgroundColor' })
  if (doc.canvas.backgroundImage && !doc.canvas.backgroundImage.url)
    add('error', 'image.url', `The background image "${doc.canvas.backgroundImage.name}" has no URL yet. Upload it or give its URL.`, { field: 'canvas.backgroundImage' })
  const bgMode = doc.canvas.backgroundRenderMode
  // Canvas BackgroundRenderMode: crop / scale with black / proportional only (L15433–L15439).
  if (mcu && bgMode && !['crop', 'fit', 'fitBlack'].includes(bgMode)) add('error', 'renderMode.unavailable', `The relay cannot show the background image as "${MODE_NAMES[bgMode]}". Choose crop, fit or fit with bars.`, { field: 'canvas.backgroundRenderMode' })
  if (!mcu && bgMode === 'fit') add('error', 'renderMode.unavailable', 'Recording has no plain "fit" mode for the background image. Choose fit with bars (blank), crop, stretch or smart stretch.', { field: 'canvas.backgroundRenderMode' })

  // Template settings.
  if (doc.mode !== 'custom') {
    const tm = doc.template.renderMode
    if (!AVAILABLE[target].includes(tm)) add('error', 'renderMode.unavailable', `The ${mcu ? 'relay' : 'recording'} templates have no "${MODE_NAMES[tm]}" mode. Choose one of: ${AVAILABLE[target].map((m) => MODE_NAMES[m]).join(', ')}.`, { field: 'template.renderMode' })
    if (doc.tiles.length > 0) add('warning', 'tiles.ignored', 'Tiles are only sent with the custom layout; the template arranges the videos itself. Convert the template to custom to use these tiles.', { field: 'tiles' })
    // "You need to explicitly set the MixTranscoding user information that occupies the large screen." (L2124–L2125)
    if (doc.mode === 'screenShare' && !doc.template.bigScreenUser)
      add('warning', 'template.bigScreenUser', mcu ? 'The screen-sharing template needs the user for the large screen. Choose one.' : 'No user is chosen for the large window: it will show the canvas background (L15613–L15617).', { field: 'template.bigScreenUser' })
    if (doc.template.bigScreenUser) checkUser(doc.template.bigScreenUser, add, { field: 'template.bigScreenUser' })
    if (mcu && doc.template.bigScreenUser?.roomId) {
      // Dynamic templates "only support a single TRTC room" (L2101–L2104).
      const rooms = new Set([doc.template.bigScreenUser.roomId, ...(doc.audio.subscribe ?? []).map((u) => u.roomId).filter((r) => r !== '')])
      if (rooms.size > 1) add('error', 'rooms.multiple', 'Floating, grid and screen-sharing templates mix a single room. Use the custom layout to mix several rooms.', { field: 'template.bigScreenUser' })
    }
    if (!mcu && doc.template.showAudioOnly) add('warning', 'template.audioOnly', 'Recording templates always give audio-only users a window; the setting only applies to the relay.', { field: 'template.showAudioOnly' })
  }
  if (mcu && doc.mode === 'grid' && doc.template.bigScreenUser) add('warning', 'template.bigScreenUser', 'The grid template has no large screen; the chosen user is ignored.', { field: 'template.bigScreenUser' })

  // Tile count: MCU templates show at most 16 videos (L2110–L2118, L2126–L2128) and the custom
  // limit is not stated; recording shows "Up to 25 videos" (L15641–L15643).
  if (doc.mode === 'custom') {
    if (!mcu && doc.tiles.length > 25) add('error', 'tiles.count', `The layout has ${doc.tiles.length} tiles; recording shows at most 25. Remove ${doc.tiles.length - 25}.`, { field: 'tiles' })
    // "When streams are mixed, up to 24 videos are supported." (L16106–L16107) — against the 25 above.
    if (!mcu && doc.tiles.length === 25) add('warning', 'tiles.count', 'The layout has 25 tiles; the subscription rules say a mixed recording supports up to 24 videos, so one tile may stay empty.', { field: 'tiles' })
    if (mcu && doc.tiles.length > 16) add('warning', 'tiles.count', `The layout has ${doc.tiles.length} tiles. The relay's own templates stop at 16 videos and no higher limit is documented for custom layouts.`, { field: 'tiles' })
    if (doc.tiles.length === 0) add('warning', 'tiles.none', 'The custom layout has no tiles, so no video will be shown.', { field: 'tiles' })
  }

  const seen = new Map<string, string>()
  const rooms = new Set<string>()
  for (const t of doc.tiles) {
    checkTile(t, doc, target, add)
    if (t.binding.kind === 'user') {
      const b = t.binding
      const key = mcu ? `${b.userId}\u0000${b.roomId}\u0000${b.roomIdType}\u0000${b.streamType}` : `${b.userId}\u0000${b.streamType}`
      const prev = seen.get(key)
      // A named position is reserved for its user (L2132–L2138); one stream cannot fill two.
      if (prev) add('error', 'binding.duplicate', `User "${b.userId}" (${b.streamType}) is placed in two tiles (${prev} and ${t.id}). Unbind one of them.`, { tileId: t.id, field: 'binding' })
      else seen.set(key, t.id)
      if (b.roomId !== '') rooms.add(`${b.roomIdType}:${b.roomId}`)
    }
  }
  // Recording mixes the streams of its own room (CreateCloudRecording RoomId, L12845).
  if (!mcu && rooms.size > 1) add('error', 'rooms.multiple', 'A recording covers one room, but the tiles name users of several rooms. Keep users of one room only.', { field: 'tiles' })

  if (!mcu && doc.watermarks.length > 25) add('error', 'watermarks.count', `There are ${doc.watermarks.length} watermarks; recording supports at most 25.`, { field: 'watermarks' }) // L15707–L15708
  for (const w of doc.watermarks) checkWatermark(w, doc, target, add)

  checkAudio(doc, target, add)
  checkSei(doc, target, add)
  return issues
}

type Add = (severity: Issue['severity'], code: string, message: string, where?: Omit<Issue, 'severity' | 'code' | 'message'>) => void

function checkTile(t: Tile, doc: LayoutDoc, target: Target, add: Add): void {
  const mcu = target === 'mcu'
  const where = { tileId: t.id }
  const name = t.label || t.id
  const { width: W, height: H } = doc.canvas
  if (![t.x, t.y, t.width, t.height, t.z].every(isInt)) add('error', 'tile.integer', `Tile "${name}": position, size and layer must be whole numbers.`, where)
  if (t.x < 0 || t.y < 0) add('error', 'tile.bounds', `Tile "${name}" starts outside the canvas (x ${t.x}, y ${t.y}). Move it onto the canvas.`, { ...where, field: 'x' })
  // "The sum of LocationX and ImageWidth cannot exceed the width of the canvas." (L15215–L15220);
  // "The sum of the values of this parameter and Left cannot exceed the canvas width." (L15530–L15536)
  if (t.x + t.width > W) add('error', 'tile.bounds', `Tile "${name}" reaches x = ${t.x + t.width}, past the canvas width ${W}. Move it left or make it narrower.`, { ...where, field: 'width' })
  if (t.y + t.height > H) add('error', 'tile.bounds', `Tile "${name}" reaches y = ${t.y + t.height}, past the canvas height ${H}. Move it up or make it shorter.`, { ...where, field: 'height' })
  if (t.width <= 0 || t.height <= 0) add('warning', 'tile.empty', `Tile "${name}" has no area and will show nothing.`, where)
  if (!mcu) {
    // Top/Left/Width/Height in [0, 1920] (L15524–L15536).
    for (const [k, v] of [['x', t.x], ['y', t.y], ['width', t.width], ['height', t.height]] as const)
      if (v > 1920) add('error', 'tile.range', `Tile "${name}": ${k} is ${v}; recording allows at most 1920.`, { ...where, field: k })
    // "0 is the default value and means the bottommost layer." (L15574–L15575)
    if (t.z < 0) add('error', 'tile.layer', `Tile "${name}" has layer ${t.z}; recording layers start at 0 (bottom).`, { ...where, field: 'z' })
  }
  if (!AVAILABLE[target].includes(t.renderMode))
    add('error', 'renderMode.unavailable', `Tile "${name}" uses "${MODE_NAMES[t.renderMode]}", which the ${mcu ? 'relay' : 'recording'} does not have. Choose one of: ${AVAILABLE[target].map((m) => MODE_NAMES[m]).join(', ')}.`, { ...where, field: 'renderMode' })
  if (t.alpha !== null) {
    // Alpha "Value range: [0, 255]" (L15543–L15546); the MCU layout has no transparency.
    if (!isInt(t.alpha) || t.alpha < 0 || t.alpha > 255) add('error', 'tile.alpha', `Tile "${name}": opacity must be a whole number from 0 to 255.`, { ...where, field: 'alpha' })
    else if (mcu && t.alpha !== 255) add('warning', 'tile.alpha', `Tile "${name}": the relay has no tile transparency; it will be drawn opaque.`, { ...where, field: 'alpha' })
  }
  if (t.crop) {
    const c = t.crop
    if (!mcu) add('warning', 'crop.ignored', `Tile "${name}": recording has no custom crop; the crop is dropped.`, { ...where, field: 'crop' })
    else {
      // McuCustomCrop: offsets "must be greater than 0"; X + Width and Y + Height ≤ 10000 (L15155–L15166).
      if (![c.x, c.y, c.w, c.h].every(isInt) || c.x < 0 || c.y < 0 || c.w <= 0 || c.h <= 0)
        add('error', 'crop.range', `Tile "${name}": the crop needs whole, non-negative offsets and a positive size.`, { ...where, field: 'crop' })
      else if (c.x === 0 || c.y === 0) add('warning', 'crop.zeroOffset', `Tile "${name}": the API says crop offsets "must be greater than 0"; an offset of 0 may be refused. Use 1 if it is.`, { ...where, field: 'crop' })
      if (c.x + c.w > 10000 || c.y + c.h > 10000) add('error', 'crop.range', `Tile "${name}": the crop reaches past 10000 px of the source (offset + size). Make it smaller.`, { ...where, field: 'crop' })
    }
  }
  // A recording window's background image follows the tile's RenderMode (L15577–L15583).
  if (!mcu && t.placeholderFit) add('warning', 'placeholder.fit', `Tile "${name}": recording fits the placeholder image by the tile's render mode; the placeholder fit is ignored.`, { ...where, field: 'placeholderFit' })
  if (t.placeholder && !t.placeholder.url) add('error', 'image.url', `Tile "${name}": the placeholder image "${t.placeholder.name}" has no URL yet. Upload it or give its URL.`, { ...where, field: 'placeholder' })
  if (t.binding.kind === 'user') checkUser(t.binding, add, { ...where, field: 'binding' })
}

function checkUser(u: UserRef, add: Add, where: Omit<Issue, 'severity' | 'code' | 'message'>): void {
  if (!USER_ID.test(u.userId)) add('error', 'user.id', `User ID "${u.userId}" may contain only letters, digits, underscores and hyphens.`, where)
  if (u.roomId === '') return
  if (u.roomIdType === 'number') {
    const n = Number(u.roomId)
    // "Its value range is 1-4294967295." (000_b308e910fed97ab3.txt L32)
    if (!/^\d+$/.test(u.roomId) || !(n >= 1 && n <= MAX_NUMERIC_ROOM) || u.roomId.startsWith('0'))
      add('error', 'room.numeric', `Room "${u.roomId}" is not a numeric room ID (1–4294967295). Correct it or mark the room as a string room.`, where)
  } else if ([...u.roomId].some((c) => c.charCodeAt(0) < 0x20 || c.charCodeAt(0) === 0x7f)) {
    // The seeds give no character rules for string rooms (002_397368d6e2c38332.txt L79–L88); only
    // what cannot be an ID is refused.
    add('error', 'room.string', `Room "${u.roomId}" contains control characters.`, where)
  } else if (/^[1-9]\d*$/.test(u.roomId))
    add('warning', 'room.string', `Room "${u.roomId}" is marked as a string room but looks numeric; "123" and 123 are different rooms (002_397368d6e2c38332.txt L88). Check the room type.`, where)
}

function checkWatermark(w: Watermark, doc: LayoutDoc, target: Target, add: Add): void {
  const mcu = target === 'mcu'
  const where = { watermarkId: w.id }
  const { width: W, height: H } = doc.canvas
  if (![w.x, w.y, w.width, w.height].every(isInt) || w.x < 0 || w.y < 0 || w.width < 0 || w.height < 0) add('error', 'watermark.integer', `Watermark ${w.id}: position and size must be whole, non-negative pixels.`, where)
  if (w.x + w.width > W || w.y + w.height > H) {
    // Recording: Left + Width and Top + Height within the canvas (L16456–L16470); the relay does not
    // state a rule, so there it is only a warning.
    add(mcu ? 'warning' : 'error', 'watermark.bounds', `Watermark ${w.id} extends past the canvas. Move it or make it smaller.`, where)
  }
  if (!mcu && [w.x, w.y, w.width, w.height].some((v) => v > 2560)) add('error', 'watermark.range', `Watermark ${w.id}: recording watermark coordinates are limited to 0–2560.`, where) // L16456
  if (w.kind === 'image') {
    if (!w.image.url) add('error', 'image.url', `Watermark ${w.id}: the image "${w.image.name}" has no URL yet. Upload it or give its URL.`, where)
    // PNG/JPG/JPEG for the relay (L15448), JPG/PNG for recording (L16453).
    else if (!/\.(png|jpe?g)(\?|#|$)/i.test(w.image.url)) add('warning', 'image.format', `Watermark ${w.id}: the image should be PNG or JPG.`, where)
    if (!mcu && w.z !== 0) add('warning', 'watermark.layer', `Watermark ${w.id}: recording watermarks have no layer; it is ignored.`, where)
  } else {
    if (w.text === '') add('error', 'watermark.text', `Watermark ${w.id} has no text.`, where)
    if (!isInt(w.fontSize) || w.fontSize < 1) add('error', 'watermark.fontSize', `Watermark ${w.id}: the font size must be a whole number of at least 1.`, where)
    if (!HEX_COLOR.test(w.fontColor)) add('error', 'color.format', `Watermark ${w.id}: the text colour "${w.fontColor}" is not of the form #RRGGBB.`, { ...where, field: 'fontColor' })
    if (w.backgroundColor !== null && !HEX_COLOR.test(w.backgroundColor))
      add('error', 'color.format', `Watermark ${w.id}: the fill colour "${w.backgroundColor}" is not of the form #RRGGBB.`, { ...where, field: 'backgroundColor' })
    // Recording text watermarks: "1: text (not supported yet)" (L16405–L16406).
    if (!mcu) add('warning', 'watermark.textUnsupported', `Watermark ${w.id}: recording lists text watermarks as "not supported yet"; it may not appear.`, where)
  }
}

function checkAudio(doc: LayoutDoc, target: Target, add: Add): void {
  const { subscribe, unsubscribe } = doc.audio
  for (const u of [...(subscribe ?? []), ...(unsubscribe ?? [])]) checkUser({ ...u, streamType: 'camera' }, add, { field: 'audio' })
  if (target === 'recording') {
    // "at most 32 elements" per list; allowlist and blocklist not together (L16103–L16170).
    if ((subscribe?.length ?? 0) > 32 || (unsubscribe?.length ?? 0) > 32) add('error', 'audio.count', 'Recording audio lists hold at most 32 user IDs each.', { field: 'audio' })
    if (subscribe?.length && unsubscribe?.length) add('error', 'audio.both', 'Recording cannot use an audio allowlist and a blocklist at the same time. Keep one of them.', { field: 'audio' })
  } else {
    // "If a user is included in both parameters, the user's audio will not be mixed." (L15096–L15145)
    const blocked = new Set((unsubscribe ?? []).map((u) => `${u.userId}\u0000${u.roomId}`))
    for (const u of subscribe ?? [])
      if (blocked.has(`${u.userId}\u0000${u.roomId}`)) add('warning', 'audio.both', `User "${u.userId}" is on both audio lists, so their audio will not be mixed.`, { field: 'audio' })
  }
}

function payloadTypeOk(n: number, allowFive: boolean): boolean {
  // 100–254 without 244, "used internally by Tencent Cloud for timestamps" (L15326–L15329); pass-through also 5 (L15346–L15347).
  return isInt(n) && ((n >= 100 && n <= 254 && n !== 244) || (allowFive && n === 5))
}

function checkSei(doc: LayoutDoc, target: Target, add: Add): void {
  const { layoutVolume: lv, passThrough: pt } = doc.sei
  if (target === 'recording') {
    if (lv || pt) add('warning', 'sei.ignored', 'Recording does not insert SEI; the SEI settings only apply to the relay.', { field: 'sei' })
    return
  }
  if (lv) {
    // "It must be shorter than 4,096 characters." (L15322–L15324)
    if (lv.appData.length >= 4096) add('error', 'sei.appData', `AppData has ${lv.appData.length} characters; it must be shorter than 4,096.`, { field: 'sei.layoutVolume.appData' })
    if (!payloadTypeOk(lv.payloadType, false)) add('error', 'sei.payloadType', `The volume-layout SEI payload type ${lv.payloadType} is not allowed. Use 100–254, except 244.`, { field: 'sei.layoutVolume.payloadType' })
    if (!isInt(lv.interval) || lv.interval <= 0) add('error', 'sei.interval', 'The SEI interval must be a whole number of milliseconds above 0.', { field: 'sei.layoutVolume.interval' })
  }
  if (pt) {
    if (!payloadTypeOk(pt.payloadType, true)) add('error', 'sei.payloadType', `The pass-through SEI payload type ${pt.payloadType} is not allowed. Use 5 or 100–254, except 244.`, { field: 'sei.passThrough.payloadType' })
    // PayloadUuid "is required only if PayloadType is 5. It must be a 32-character hexadecimal string." (L15349–L15352)
    if (pt.payloadType === 5 && (pt.uuid === null || !UUID_HEX.test(pt.uuid))) add('error', 'sei.uuid', 'Payload type 5 needs a UUID of 32 hexadecimal characters.', { field: 'sei.passThrough.uuid' })
    if (pt.payloadType !== 5 && pt.uuid !== null) add('warning', 'sei.uuid', 'The UUID is only used with payload type 5; it will be ignored.', { field: 'sei.passThrough.uuid' })
    if (pt.content === '') add('warning', 'sei.content', 'The pass-through SEI has no content.', { field: 'sei.passThrough.content' })
    if (!isInt(pt.interval) || pt.interval <= 0) add('error', 'sei.interval', 'The SEI interval must be a whole number of milliseconds above 0.', { field: 'sei.passThrough.interval' })
    if (lv && pt.payloadType === lv.payloadType) add('warning', 'sei.payloadType', 'Both SEI kinds use the same payload type, so players cannot tell them apart.', { field: 'sei.passThrough.payloadType' })
  }
}
