// The layout document: one plain, serialisable value describing a cloud-mix layout in domain terms.
// Both TRTC dialects compile from it (compile.ts): the MCU layout of Start/UpdatePublishCdnStream
// (McuLayoutParams, 003_530a54cf0f8c0df7.txt L15276) and the recording layout of
// CreateCloudRecording (MixLayoutParams, L15584). Wire names stay in compile.ts.
//
// API: LayoutDoc and its parts; createDoc(preset, name?, size?); CANVAS_PRESETS; presetOf(w, h);
// DOC_VERSION; RENDER_MODES; PLACEHOLDER_FITS; makeTile(id, rect, z?); rectOf(r);
// newTileId(doc); newWatermarkId(doc).
// Coordinates are integer canvas pixels, origin top-left. Every change goes through
// applyCommand (commands.ts), which returns new objects and never mutates.

export const DOC_VERSION = 2

/**
 * 'crop' scales and cuts the excess, 'fit' scales the whole picture (MCU 1), 'fitBlack' scales and
 * fills the rest with black/blank bars, 'stretch' distorts to fill, 'smart' crops at most 20 %.
 * MCU knows crop/fit/fitBlack (L15232–L15239); recording knows stretch/crop/blank/smart (L15548–L15567).
 */
export type RenderMode = 'crop' | 'fit' | 'fitBlack' | 'stretch' | 'smart'
export const RENDER_MODES: readonly RenderMode[] = ['crop', 'fit', 'fitBlack', 'stretch', 'smart']

export type RoomIdType = 'number' | 'string'
export type StreamType = 'camera' | 'screen'

export interface Rect {
  x: number
  y: number
  width: number
  height: number
}

/** An image chosen in the editor: `url` is what the cloud fetches; `dataRef` points to a local copy. */
export interface ImageRef {
  name: string
  url?: string
  dataRef?: string
}

/** A user's stream. An empty `roomId` means the task's main room (MixUserInfo.RoomId is optional, L15742–L15757). */
export interface UserRef {
  userId: string
  roomId: string
  roomIdType: RoomIdType
  streamType: StreamType
}

/** 'slot' = unnamed position filled in room-entry order; 'user' = position reserved for one user (L2132–L2142). */
export type Binding = { kind: 'slot' } | ({ kind: 'user' } & UserRef)

/** McuCustomCrop (L15147–L15167): a source-pixel window of the user's video. */
export interface Crop {
  x: number
  y: number
  w: number
  h: number
}

/** McuLayout.BackgroundRenderMode: 0 crop, 1 scale over the background, 2 scale on black, 3 proportional (L15267–L15274). */
export type PlaceholderFit = 'crop' | 'scaleBackground' | 'scaleBlack' | 'proportional'
export const PLACEHOLDER_FITS: readonly PlaceholderFit[] = ['crop', 'scaleBackground', 'scaleBlack', 'proportional']

export interface Tile extends Rect {
  id: string
  z: number
  renderMode: RenderMode
  crop: Crop | null
  /** Shown while the user is absent or sends only audio (McuLayout.BackgroundImageUrl L15253, MixLayout.SubBackgroundImage L15577). */
  placeholder: ImageRef | null
  /** How the relay fits the placeholder image; null = its default, proportional (McuLayout.BackgroundRenderMode L15267–L15274). */
  placeholderFit: PlaceholderFit | null
  binding: Binding
  label: string
  locked: boolean
  /** Opacity 0 (invisible) … 255 (opaque); null = opaque. Recording only; its wire Alpha is inverted (L15543–L15546). */
  alpha: number | null
}

export type Watermark =
  | ({ id: string; kind: 'image'; image: ImageRef; z: number } & Rect)
  | ({ id: string; kind: 'text'; text: string; fontSize: number; fontColor: string; backgroundColor: string | null } & Rect)

export interface AudioUser {
  userId: string
  roomId: string
  roomIdType: RoomIdType
}

/** null list = not sent: all anchors' audio is mixed / nothing is blocked (L15096–L15145). */
export interface AudioSelection {
  subscribe: AudioUser[] | null
  unsubscribe: AudioUser[] | null
}

export interface LayoutVolumeSei {
  appData: string
  payloadType: number
  interval: number
  followIdr: boolean
}

export interface PassThroughSei {
  payloadType: number
  uuid: string | null
  content: string
  interval: number
  followIdr: boolean
}

export interface SeiSettings {
  layoutVolume: LayoutVolumeSei | null
  passThrough: PassThroughSei | null
}

export type LayoutMode = 'custom' | 'floating' | 'grid' | 'screenShare'

/** Settings of the dynamic templates (MixLayoutMode 1–3). Tiles are only sent in custom mode. */
export interface TemplateSettings {
  /** MaxVideoUser (L15087) / MaxResolutionUserId + MediaId (L15654–L15673). */
  bigScreenUser: UserRef | null
  renderMode: RenderMode
  /** MCU PureAudioHoldPlaceMode (L15291–L15296); recording always shows audio-only users. */
  showAudioOnly: boolean
  /** Recording MaxResolutionUserAlign = 1 (L15718–L15724). */
  bigOnRight: boolean
  /** Recording DefaultSubBackgroundImage (L15695–L15702). */
  defaultPlaceholder: ImageRef | null
}

export type CanvasPresetId = '1920x1080' | '1280x720' | '720x1280' | '1080x1920' | 'custom'

export interface Canvas {
  width: number
  height: number
  preset: CanvasPresetId
  /** `#rrggbb` */
  backgroundColor: string
  /** Has priority over the colour (L15422–L15425). */
  backgroundImage: ImageRef | null
  backgroundRenderMode: RenderMode | null
}

export interface LayoutDoc {
  /** The document model version this value follows (DOC_VERSION). */
  version: number
  name: string
  canvas: Canvas
  mode: LayoutMode
  template: TemplateSettings
  tiles: Tile[]
  watermarks: Watermark[]
  audio: AudioSelection
  sei: SeiSettings
}

export const CANVAS_PRESETS: Readonly<Record<Exclude<CanvasPresetId, 'custom'>, { width: number; height: number }>> = {
  '1920x1080': { width: 1920, height: 1080 },
  '1280x720': { width: 1280, height: 720 },
  '720x1280': { width: 720, height: 1280 },
  '1080x1920': { width: 1080, height: 1920 },
}

/** An empty custom layout. `custom` presets need a size; without one they start at 1280×720. */
/** `name` '' is an unnamed layout: the UI calls it "Untitled layout" in its language. */
export function createDoc(preset: CanvasPresetId, name = '', size?: { width: number; height: number }): LayoutDoc {
  const dims = preset === 'custom' ? (size ?? CANVAS_PRESETS['1280x720']) : CANVAS_PRESETS[preset]
  return {
    version: DOC_VERSION,
    name,
    canvas: { width: dims.width, height: dims.height, preset, backgroundColor: '#000000', backgroundImage: null, backgroundRenderMode: null },
    mode: 'custom',
    template: { bigScreenUser: null, renderMode: 'crop', showAudioOnly: false, bigOnRight: false, defaultPlaceholder: null },
    tiles: [],
    watermarks: [],
    audio: { subscribe: null, unsubscribe: null },
    // The volume-layout SEI is on by default: the Program monitor's overlay and the layout check
    // read it (L2215–L2244). PayloadType 100 is the reference's default (L15326).
    sei: { layoutVolume: { ...DEFAULT_LAYOUT_SEI }, passThrough: null },
  }
}

export const DEFAULT_LAYOUT_SEI: LayoutVolumeSei = { appData: 'trtc-desk', payloadType: 100, interval: 500, followIdr: true }

export function presetOf(width: number, height: number): CanvasPresetId {
  for (const [id, p] of Object.entries(CANVAS_PRESETS)) if (p.width === width && p.height === height) return id as CanvasPresetId
  return 'custom'
}

export function rectOf(r: Rect): Rect {
  return { x: r.x, y: r.y, width: r.width, height: r.height }
}

function nextId(prefix: string, ids: readonly string[]): string {
  let max = 0
  for (const id of ids) {
    if (!id.startsWith(prefix)) continue
    const n = Number(id.slice(prefix.length))
    if (Number.isInteger(n) && n > max) max = n
  }
  return `${prefix}${max + 1}`
}

/** Deterministic ids keep commands pure: `t1`, `t2`, … */
export const newTileId = (doc: LayoutDoc, taken: readonly string[] = []): string => nextId('t', [...doc.tiles.map((t) => t.id), ...taken])
export const newWatermarkId = (doc: LayoutDoc): string => nextId('w', doc.watermarks.map((w) => w.id))

/** A slot tile with the defaults used everywhere a tile is created. */
export function makeTile(id: string, rect: Rect, z = 0): Tile {
  return { id, ...rectOf(rect), z, renderMode: 'crop', crop: null, placeholder: null, placeholderFit: null, binding: { kind: 'slot' }, label: '', locked: false, alpha: null }
}
