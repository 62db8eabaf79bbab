// The layout checks (shared/layout/validate.ts) in words. Each check code has one sentence per
// language; the parameters are filled in by issueText, numbers in the UI language's format.
import type { CheckRef } from '../../../../shared/errors'
import type { CheckCode } from '../../../../shared/layout/validate'

type Catalog = Record<`check.${CheckCode}`, string> & Record<string, string>

export const en = {
  'check.canvas.integer': 'The canvas size must be whole, non-negative pixels.',
  'check.canvas.width': 'The canvas is {width} px wide; at most {max} px is allowed. Choose a narrower canvas.',
  'check.canvas.height': 'The canvas is {height} px high; at most {max} px is allowed. Choose a lower canvas.',
  'check.canvas.area': 'The canvas has {width} × {height} pixels; a recording allows at most 1,920 × 1,080 in all. Make it smaller.',
  'check.canvas.empty': 'The canvas has no area, so no video can be shown.',
  'check.canvas.changed': 'The running task keeps its {taskWidth} × {taskHeight} canvas; this layout is {width} × {height}. An update cannot change the canvas: design on the task’s size, or stop and start again.',
  'check.color.format': 'The colour “{value}” is not of the form #RRGGBB.',
  'check.image.noUrl': 'The image “{name}” has no public URL yet: the cloud fetches images itself. Upload it and paste its URL.',
  'check.image.url': '“{url}” is not an http(s) address the cloud can fetch.',
  'check.image.cjk': 'The recording background URL contains Chinese characters, which the cloud refuses. Use a percent-encoded address.',
  'check.image.format': '{url} is not a PNG or JPEG image. The cloud accepts only PNG and JPG.',
  'check.image.tooLarge': '{url} is {bytes} MB; images may be at most 5 MB.',
  'check.image.unreachable': 'Could not open {url} from this computer to check it is a PNG or JPEG under 5 MB. The cloud must be able to fetch it.',
  'check.renderMode.mapped': '“{mode}” does not exist for this target; it is sent as “{sent}”.',
  'check.tiles.ignored': 'Tiles are only sent with the custom layout; the template arranges the videos itself. Convert the template to custom to use them.',
  'check.tiles.none': 'The custom layout has no tiles: nothing would be mixed, not even audio. Add a tile or choose a template.',
  'check.tiles.count': 'The layout has {count} tiles; at most {max} are allowed here.',
  'check.template.bigScreenRequired': 'The screen-sharing template needs the user shown on the large screen. Choose one.',
  'check.template.bigScreenEmpty': 'No user is chosen for the large window: it shows the canvas background.',
  'check.template.bigScreenIgnored': 'The grid template has no large screen; the chosen user is ignored.',
  'check.template.audioOnly': 'Recording templates always give audio-only users a window; this setting only applies to the live mix.',
  'check.tile.integer': 'Tile “{tile}”: position, size and layer must be whole numbers.',
  'check.tile.negative': 'Tile “{tile}”: {field} is {value}; it cannot be negative.',
  'check.tile.right': 'Tile “{tile}” reaches x = {right}, past the canvas width {width}. Move it left or make it narrower.',
  'check.tile.bottom': 'Tile “{tile}” reaches y = {bottom}, past the canvas height {height}. Move it up or make it shorter.',
  'check.tile.empty': 'Tile “{tile}” has no area and shows nothing.',
  'check.tile.range': 'Tile “{tile}”: {field} is {value}; recording allows at most {max}.',
  'check.tile.layer': 'Tile “{tile}” is on layer {value}; recording layers start at 0 (bottom).',
  'check.tile.alpha': 'Tile “{tile}”: opacity must be a whole number from 0 to 255.',
  'check.tile.alphaIgnored': 'Tile “{tile}”: the live mix has no tile transparency; it is drawn opaque.',
  'check.crop.ignored': 'Tile “{tile}”: recording has no custom crop; the crop is not sent.',
  'check.crop.offset': 'Tile “{tile}”: crop offsets must be greater than 0 (now {x}, {y}).',
  'check.crop.size': 'Tile “{tile}”: the crop needs a width and height above 0.',
  'check.crop.limit': 'Tile “{tile}”: the crop reaches past 10,000 px of the source (offset + size). Make it smaller.',
  'check.placeholder.fit': 'Tile “{tile}”: recording fits the placeholder by the tile’s render mode; the placeholder fit is ignored.',
  'check.binding.duplicate': '{userId} is placed in two tiles ({first} and {second}). Unbind one of them.',
  'check.binding.mainRoom': '{userId} has no room of its own: it is sent as a user of the task’s room {room}.',
  'check.binding.mainRoom.unknown': '{userId} has no room of its own: it will be sent as a user of the task’s room.',
  'check.binding.absent': '{userId} is not in room {room} now: this tile stays empty until they enter and send video.',
  'check.user.id': 'User ID “{userId}” may contain only letters, digits, underscores and hyphens.',
  'check.user.idLong': 'User ID “{userId}” is longer than 32 characters; TRTC recommends 32 at most.',
  'check.room.numeric': 'Room “{room}” is not a numeric room ID (1 to 4294967295, no leading zeros). Correct it or mark the room as a string room.',
  'check.room.string': 'Room “{room}” contains control characters.',
  'check.room.looksNumeric': 'Room “{room}” is marked as a string room but looks numeric; "123" and 123 are different rooms. Check the room type.',
  'check.room.notMain': 'Room {room} is not the task’s room {mainRoom}: templates and recordings take users of one room only.',
  'check.room.notInLayout': '{userId} of room {room} is on an audio list, but no tile names that room and it is not the task’s room {mainRoom}.',
  'check.rooms.multiple': 'These users come from several rooms, but this layout can only take users of one room.',
  'check.watermarks.count': 'There are {count} watermarks; recording supports at most {max}.',
  'check.watermark.integer': 'Watermark {watermark}: position and size must be whole, non-negative pixels.',
  'check.watermark.bounds': 'Watermark {watermark} reaches past the canvas. Move it or make it smaller.',
  'check.watermark.range': 'Watermark {watermark}: recording watermark coordinates go up to 2,560.',
  'check.watermark.layer': 'Watermark {watermark}: recording watermarks have no layer; it is ignored.',
  'check.watermark.text': 'Watermark {watermark} has no text.',
  'check.watermark.fontSize': 'Watermark {watermark}: the font size must be a whole number of at least 1.',
  'check.watermark.textUnsupported': 'Watermark {watermark}: cloud recording does not support text watermarks yet. Remove it, or use an image.',
  'check.audio.count': 'Recording audio lists hold at most {max} user IDs each.',
  'check.audio.both': '{userId} is on both audio lists, so their audio is not mixed.',
  'check.audio.bothLists': 'Recording cannot use an audio allowlist and a blocklist at the same time. Keep one of them.',
  'check.sei.ignored': 'Cloud recording does not insert SEI; these settings only apply to the live mix.',
  'check.sei.appData': 'AppData has {length} characters; it must be shorter than 4,096.',
  'check.sei.payloadType': 'Payload type {value} is not allowed: use 100–254, except 244.',
  'check.sei.payloadType.five': 'Payload type {value} is not allowed: use 5, or 100–254 except 244.',
  'check.sei.samePayloadType': 'Both SEI kinds use the same payload type, so players cannot tell them apart.',
  'check.sei.interval': 'The interval must be a whole number of milliseconds above 0.',
  'check.sei.uuid': 'Payload type 5 needs a UUID of 32 hexadecimal characters.',
  'check.sei.uuidIgnored': 'The UUID is only used with payload type 5; it is ignored.',
  'check.sei.content': 'The pass-through SEI has no content; the cloud requires some.',
  'check.field.x': 'x',
  'check.field.y': 'y',
  'check.field.width': 'the width',
  'check.field.height': 'the height',
} satisfies Catalog

/** A check in the UI language. Unknown codes (from a newer main) show the code itself. */
export function issueText(t: (key: never, params?: Record<string, string | number>) => string, locale: string, issue: CheckRef): string {
  const say = t as (key: string, params?: Record<string, string | number>) => string
  const p: Record<string, string | number> = { ...issue.params }
  let key = `check.${issue.code}`
  if (issue.code === 'binding.mainRoom' && !p.room) key += '.unknown'
  if (issue.code === 'sei.payloadType' && p.five === 1) key += '.five'
  if (typeof p.field === 'string' && `check.field.${p.field}` in en) p.field = say(`check.field.${p.field}`)
  if (issue.code === 'renderMode.mapped') {
    p.mode = say(`designer.renderMode.${p.mode}`)
    p.sent = say(`designer.renderMode.${p.sent}`)
  }
  if (typeof p.bytes === 'number') p.bytes = new Intl.NumberFormat(locale, { maximumFractionDigits: 1 }).format(p.bytes / (1024 * 1024))
  return key in en ? say(key, p) : issue.code
}
