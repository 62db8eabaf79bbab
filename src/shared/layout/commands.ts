// Pure commands over LayoutDoc. applyCommand(doc, cmd) returns a new document, or the very same
// object when the command changes nothing (so history can tell a no-op from an edit by identity).
//
// API: type Command (discriminated on `type`); applyCommand(doc, cmd): LayoutDoc;
// clampRect(rect, canvas); resizeRect(rect, handle, dx, dy, opts, canvas); stackOrder(tiles).
//
// Geometry a command touches is kept inside the canvas and rounded to whole pixels: both dialects
// require LocationX + ImageWidth ≤ canvas width (003_530a54cf0f8c0df7.txt L15215–L15227) and
// Left + Width ≤ canvas width (L15530–L15536). Tiles a command does not touch are left as they
// are; validate.ts reports anything out of bounds (for example in an imported document).
import {
  CANVAS_PRESETS,
  makeTile,
  newTileId,
  newWatermarkId,
  presetOf,
  rectOf,
  type AudioSelection,
  type Canvas,
  type CanvasPresetId,
  type ImageRef,
  type LayoutDoc,
  type LayoutMode,
  type Rect,
  type RenderMode,
  type SeiSettings,
  type TemplateSettings,
  type Tile,
  type UserRef,
  type Watermark,
} from './model'
import { previewTemplate, starterLayout, type Dialect, type SimUser, type StarterId } from './templates'

export type Handle = 'n' | 'ne' | 'e' | 'se' | 's' | 'sw' | 'w' | 'nw'
export type AlignEdge = 'left' | 'hcenter' | 'right' | 'top' | 'vcenter' | 'bottom'
export type ReorderOp = 'bringForward' | 'sendBackward' | 'bringToFront' | 'sendToBack'
export type EditableTileProps = Partial<Pick<Tile, 'label' | 'renderMode' | 'crop' | 'placeholder' | 'placeholderFit' | 'alpha' | 'z' | 'locked' | 'binding'>>
type ImageWatermark = Extract<Watermark, { kind: 'image' }>
type TextWatermark = Extract<Watermark, { kind: 'text' }>
export type NewWatermark = Omit<ImageWatermark, 'id'> | Omit<TextWatermark, 'id'>
export type WatermarkPatch = Partial<Omit<ImageWatermark, 'id' | 'kind'>> | Partial<Omit<TextWatermark, 'id' | 'kind'>>

export const DEFAULT_MIN_SIZE = 16

export type Command =
  | { type: 'addTile'; id?: string; rect?: Rect; props?: EditableTileProps }
  | { type: 'removeTiles'; ids: readonly string[] }
  | { type: 'moveTiles'; ids: readonly string[]; dx: number; dy: number }
  | { type: 'setTileRect'; id: string; rect: Rect }
  | { type: 'resizeTile'; id: string; handle: Handle; dx: number; dy: number; keepAspect?: boolean; minSize?: number }
  | { type: 'setTileProps'; ids: readonly string[]; props: EditableTileProps }
  | { type: 'bindUser'; id: string; user: UserRef }
  | { type: 'unbind'; id: string }
  | { type: 'duplicateTiles'; ids: readonly string[]; offset?: number }
  | { type: 'reorder'; ids: readonly string[]; op: ReorderOp }
  | { type: 'align'; ids: readonly string[]; edge: AlignEdge; relativeTo: 'selection' | 'canvas' }
  | { type: 'distribute'; ids: readonly string[]; axis: 'horizontal' | 'vertical' }
  | { type: 'lock'; ids: readonly string[] }
  | { type: 'unlock'; ids: readonly string[] }
  | {
      type: 'setCanvas'
      preset?: CanvasPresetId
      width?: number
      height?: number
      backgroundColor?: string
      backgroundImage?: ImageRef | null
      backgroundRenderMode?: RenderMode | null
      /** Scale tiles and watermarks with a size change (default true). */
      scaleContent?: boolean
    }
  | { type: 'addWatermark'; watermark: NewWatermark; id?: string }
  | { type: 'updateWatermark'; id: string; props: WatermarkPatch }
  | { type: 'removeWatermark'; id: string }
  | { type: 'setAudio'; audio: AudioSelection }
  | { type: 'setSei'; sei: Partial<SeiSettings> }
  | { type: 'setMode'; mode: LayoutMode; template?: Partial<TemplateSettings> }
  | { type: 'setName'; name: string }
  /** Everything but the name from another layout (a cue loaded into Preview). */
  | { type: 'replaceLayout'; layout: LayoutDoc }
  | { type: 'applyTemplate'; starter: StarterId }
  | { type: 'convertTemplateToCustom'; users: readonly SimUser[]; dialect: Dialect }

const same = (a: unknown, b: unknown): boolean => a === b || JSON.stringify(a) === JSON.stringify(b)

interface Size {
  width: number
  height: number
}

/** Rounds to whole pixels, shrinks to the canvas if larger, then moves inside it. */
export function clampRect(r: Rect, canvas: Size): Rect {
  const width = Math.max(0, Math.min(Math.round(r.width), canvas.width))
  const height = Math.max(0, Math.min(Math.round(r.height), canvas.height))
  const x = Math.min(Math.max(0, Math.round(r.x)), canvas.width - width)
  const y = Math.min(Math.max(0, Math.round(r.y)), canvas.height - height)
  return { x, y, width, height }
}

const sameRect = (a: Rect, b: Rect): boolean => a.x === b.x && a.y === b.y && a.width === b.width && a.height === b.height

/**
 * The rect after dragging `handle` by (dx, dy). The opposite edge (or, for edge handles with the
 * aspect locked, the centre line) stays put; the result stays inside the canvas and no smaller than
 * minSize (unless the canvas itself is smaller).
 */
export function resizeRect(r: Rect, handle: Handle, dx: number, dy: number, opts: { keepAspect?: boolean; minSize?: number }, canvas: Size): Rect {
  const hx = handle.includes('w') ? -1 : handle.includes('e') ? 1 : 0
  const hy = handle.startsWith('n') ? -1 : handle.startsWith('s') ? 1 : 0
  const min = opts.minSize ?? DEFAULT_MIN_SIZE
  const cx = r.x + r.width / 2
  const cy = r.y + r.height / 2
  const maxW = hx === 1 ? canvas.width - r.x : hx === -1 ? r.x + r.width : opts.keepAspect ? 2 * Math.min(cx, canvas.width - cx) : r.width
  const maxH = hy === 1 ? canvas.height - r.y : hy === -1 ? r.y + r.height : opts.keepAspect ? 2 * Math.min(cy, canvas.height - cy) : r.height
  let w = Math.max(Math.min(min, maxW), r.width + hx * dx)
  let h = Math.max(Math.min(min, maxH), r.height + hy * dy)
  if (opts.keepAspect && r.width > 0 && r.height > 0) {
    const ratio = r.width / r.height
    if (hx !== 0 && hy !== 0) {
      if (w / ratio >= h) h = w / ratio
      else w = h * ratio
    } else if (hx !== 0) h = w / ratio
    else w = h * ratio
    const s = Math.min(1, maxW / w, maxH / h)
    w *= s
    h *= s
  } else {
    w = Math.min(w, maxW)
    h = Math.min(h, maxH)
  }
  w = Math.round(w)
  h = Math.round(h)
  const x = hx === 1 ? r.x : hx === -1 ? r.x + r.width - w : Math.round(cx - w / 2)
  const y = hy === 1 ? r.y : hy === -1 ? r.y + r.height - h : Math.round(cy - h / 2)
  return clampRect({ x, y, width: w, height: h }, canvas)
}

/** Tiles bottom to top: by z, then by position in the list (later is higher). */
export function stackOrder(tiles: readonly Tile[]): Tile[] {
  return tiles
    .map((t, i) => ({ t, i }))
    .sort((a, b) => a.t.z - b.t.z || a.i - b.i)
    .map((e) => e.t)
}

function bbox(rects: readonly Rect[]): Rect {
  let x0 = Infinity
  let y0 = Infinity
  let x1 = -Infinity
  let y1 = -Infinity
  for (const r of rects) {
    x0 = Math.min(x0, r.x)
    y0 = Math.min(y0, r.y)
    x1 = Math.max(x1, r.x + r.width)
    y1 = Math.max(y1, r.y + r.height)
  }
  return { x: x0, y: y0, width: x1 - x0, height: y1 - y0 }
}

/** Replaces tiles by id; returns `doc` itself when every replacement is the same object. */
function patchTiles(doc: LayoutDoc, ids: readonly string[], f: (t: Tile) => Tile): LayoutDoc {
  const want = new Set(ids)
  let changed = false
  const tiles = doc.tiles.map((t) => {
    if (!want.has(t.id)) return t
    const n = f(t)
    if (n !== t) changed = true
    return n
  })
  return changed ? { ...doc, tiles } : doc
}

function withRect(t: Tile, r: Rect): Tile {
  return sameRect(t, r) ? t : { ...t, ...r }
}

const editable = (doc: LayoutDoc, ids: readonly string[]): Tile[] => {
  const want = new Set(ids)
  return doc.tiles.filter((t) => want.has(t.id) && !t.locked)
}

const maxZ = (tiles: readonly Tile[]): number => tiles.reduce((m, t) => Math.max(m, t.z), -1)

export function applyCommand(doc: LayoutDoc, cmd: Command): LayoutDoc {
  const canvas = doc.canvas
  switch (cmd.type) {
    case 'addTile': {
      const id = cmd.id ?? newTileId(doc)
      if (doc.tiles.some((t) => t.id === id)) return doc
      const rect = clampRect(cmd.rect ?? { x: canvas.width / 4, y: canvas.height / 4, width: canvas.width / 2, height: canvas.height / 2 }, canvas)
      const tile: Tile = { ...makeTile(id, rect, maxZ(doc.tiles) + 1), ...cmd.props }
      return { ...doc, tiles: [...doc.tiles, tile] }
    }
    case 'removeTiles': {
      const gone = new Set(cmd.ids)
      const tiles = doc.tiles.filter((t) => !gone.has(t.id))
      return tiles.length === doc.tiles.length ? doc : { ...doc, tiles }
    }
    case 'moveTiles': {
      const moving = editable(doc, cmd.ids)
      if (moving.length === 0) return doc
      // The group moves as one: the offset is limited so its bounding box stays on the canvas.
      const bb = bbox(moving)
      const dx = Math.min(Math.max(Math.round(cmd.dx), -bb.x), Math.max(0, canvas.width - bb.x - bb.width))
      const dy = Math.min(Math.max(Math.round(cmd.dy), -bb.y), Math.max(0, canvas.height - bb.y - bb.height))
      if (dx === 0 && dy === 0) return doc
      return patchTiles(
        doc,
        moving.map((t) => t.id),
        (t) => ({ ...t, x: t.x + dx, y: t.y + dy }),
      )
    }
    case 'setTileRect':
      return patchTiles(doc, [cmd.id], (t) => (t.locked ? t : withRect(t, clampRect(cmd.rect, canvas))))
    case 'resizeTile':
      return patchTiles(doc, [cmd.id], (t) => (t.locked ? t : withRect(t, resizeRect(t, cmd.handle, cmd.dx, cmd.dy, cmd, canvas))))
    case 'setTileProps':
      return patchTiles(doc, cmd.ids, (t) => {
        const entries = Object.entries(cmd.props).filter(([k, v]) => v !== undefined && !same(t[k as keyof Tile], v))
        if (entries.length === 0) return t
        const next = { ...t, ...Object.fromEntries(entries) } as Tile
        return { ...next, z: Math.round(next.z) }
      })
    case 'bindUser':
      return patchTiles(doc, [cmd.id], (t) => {
        const binding = { kind: 'user' as const, ...cmd.user }
        if (same(t.binding, binding)) return t
        return { ...t, binding, label: t.label === '' || (t.binding.kind === 'user' && t.label === t.binding.userId) ? cmd.user.userId : t.label }
      })
    case 'unbind':
      return patchTiles(doc, [cmd.id], (t) => (t.binding.kind === 'slot' ? t : { ...t, binding: { kind: 'slot' }, label: t.label === t.binding.userId ? '' : t.label }))
    case 'duplicateTiles': {
      const src = stackOrder(doc.tiles.filter((t) => cmd.ids.includes(t.id)))
      if (src.length === 0) return doc
      const offset = cmd.offset ?? 20
      const top = maxZ(doc.tiles)
      const taken: string[] = []
      // A copy is an unnamed slot: two positions reserved for one user would be an invalid layout.
      const copies = src.map((t, i) => {
        const id = newTileId(doc, taken)
        taken.push(id)
        return { ...t, id, ...clampRect({ ...rectOf(t), x: t.x + offset, y: t.y + offset }, canvas), z: top + 1 + i, binding: { kind: 'slot' as const }, locked: false }
      })
      return { ...doc, tiles: [...doc.tiles, ...copies] }
    }
    case 'reorder':
      return reorder(doc, cmd.ids, cmd.op)
    case 'align': {
      const tiles = editable(doc, cmd.ids)
      if (tiles.length === 0 || (cmd.relativeTo === 'selection' && tiles.length < 2)) return doc
      const ref = cmd.relativeTo === 'canvas' ? { x: 0, y: 0, width: canvas.width, height: canvas.height } : bbox(tiles)
      return patchTiles(
        doc,
        tiles.map((t) => t.id),
        (t) => withRect(t, clampRect(aligned(t, ref, cmd.edge), canvas)),
      )
    }
    case 'distribute':
      return distribute(doc, editable(doc, cmd.ids), cmd.axis)
    case 'lock':
    case 'unlock': {
      const locked = cmd.type === 'lock'
      return patchTiles(doc, cmd.ids, (t) => (t.locked === locked ? t : { ...t, locked }))
    }
    case 'setCanvas':
      return setCanvas(doc, cmd)
    case 'addWatermark': {
      const id = cmd.id ?? newWatermarkId(doc)
      if (doc.watermarks.some((w) => w.id === id)) return doc
      const wm = { ...cmd.watermark, id, ...clampRect(cmd.watermark, canvas) } as Watermark
      return { ...doc, watermarks: [...doc.watermarks, wm] }
    }
    case 'updateWatermark': {
      let changed = false
      const watermarks = doc.watermarks.map((w) => {
        if (w.id !== cmd.id) return w
        const merged = { ...w, ...cmd.props, id: w.id, kind: w.kind } as Watermark
        const next = { ...merged, ...clampRect(merged, canvas) } as Watermark
        if (same(next, w)) return w
        changed = true
        return next
      })
      return changed ? { ...doc, watermarks } : doc
    }
    case 'removeWatermark': {
      const watermarks = doc.watermarks.filter((w) => w.id !== cmd.id)
      return watermarks.length === doc.watermarks.length ? doc : { ...doc, watermarks }
    }
    case 'setAudio':
      return same(doc.audio, cmd.audio) ? doc : { ...doc, audio: cmd.audio }
    case 'setSei': {
      const sei = { ...doc.sei, ...cmd.sei }
      return same(sei, doc.sei) ? doc : { ...doc, sei }
    }
    case 'setMode': {
      const template = { ...doc.template, ...cmd.template }
      if (cmd.mode === doc.mode && same(template, doc.template)) return doc
      return { ...doc, mode: cmd.mode, template }
    }
    case 'setName':
      return cmd.name === doc.name ? doc : { ...doc, name: cmd.name }
    case 'replaceLayout':
      return { ...structuredClone(cmd.layout), name: doc.name, version: doc.version }
    case 'applyTemplate':
      return applyStarter(doc, cmd.starter)
    case 'convertTemplateToCustom':
      return convertToCustom(doc, cmd.users, cmd.dialect)
  }
}

function aligned(t: Tile, ref: Rect, edge: AlignEdge): Rect {
  const r = rectOf(t)
  switch (edge) {
    case 'left':
      return { ...r, x: ref.x }
    case 'hcenter':
      return { ...r, x: Math.round(ref.x + ref.width / 2 - t.width / 2) }
    case 'right':
      return { ...r, x: ref.x + ref.width - t.width }
    case 'top':
      return { ...r, y: ref.y }
    case 'vcenter':
      return { ...r, y: Math.round(ref.y + ref.height / 2 - t.height / 2) }
    case 'bottom':
      return { ...r, y: ref.y + ref.height - t.height }
  }
}

// Equal gaps between neighbours; the outermost two tiles stay where they are.
function distribute(doc: LayoutDoc, tiles: Tile[], axis: 'horizontal' | 'vertical'): LayoutDoc {
  if (tiles.length < 3) return doc
  const h = axis === 'horizontal'
  const pos = (t: Rect): number => (h ? t.x : t.y)
  const len = (t: Rect): number => (h ? t.width : t.height)
  const sorted = [...tiles].sort((a, b) => pos(a) - pos(b) || a.id.localeCompare(b.id))
  const first = sorted[0] as Tile
  const last = sorted.reduce((m, t) => (pos(t) + len(t) > pos(m) + len(m) ? t : m), first)
  const inner = sorted.filter((t) => t !== first && t !== last)
  const span = pos(last) + len(last) - pos(first)
  const gap = (span - sorted.reduce((s, t) => s + len(t), 0)) / (sorted.length - 1)
  const target = new Map<string, number>()
  let cursor = pos(first) + len(first) + gap
  for (const t of inner) {
    target.set(t.id, Math.round(cursor))
    cursor += len(t) + gap
  }
  return patchTiles(doc, [...target.keys()], (t) => {
    const p = target.get(t.id) as number
    return withRect(t, clampRect(h ? { ...rectOf(t), x: p } : { ...rectOf(t), y: p }, doc.canvas))
  })
}

function reorder(doc: LayoutDoc, ids: readonly string[], op: ReorderOp): LayoutDoc {
  const sel = new Set(ids)
  const order = stackOrder(doc.tiles)
  let next: Tile[]
  if (op === 'bringToFront') next = [...order.filter((t) => !sel.has(t.id)), ...order.filter((t) => sel.has(t.id))]
  else if (op === 'sendToBack') next = [...order.filter((t) => sel.has(t.id)), ...order.filter((t) => !sel.has(t.id))]
  else {
    next = [...order]
    // One step past the nearest unselected neighbour, processed from the moving side so a block of
    // selected tiles moves together.
    const up = op === 'bringForward'
    const idx = next.map((_, i) => i)
    if (up) idx.reverse()
    for (const i of idx) {
      const j = up ? i + 1 : i - 1
      const a = next[i]
      const b = next[j]
      if (a && b && sel.has(a.id) && !sel.has(b.id)) {
        next[i] = b
        next[j] = a
      }
    }
  }
  if (next.every((t, i) => t === order[i])) return doc
  const z = new Map(next.map((t, i) => [t.id, i]))
  return { ...doc, tiles: doc.tiles.map((t) => (t.z === z.get(t.id) ? t : { ...t, z: z.get(t.id) as number })) }
}

function setCanvas(doc: LayoutDoc, cmd: Extract<Command, { type: 'setCanvas' }>): LayoutDoc {
  const old = doc.canvas
  const dims = cmd.preset && cmd.preset !== 'custom' ? CANVAS_PRESETS[cmd.preset] : { width: cmd.width ?? old.width, height: cmd.height ?? old.height }
  const width = Math.max(1, Math.round(dims.width))
  const height = Math.max(1, Math.round(dims.height))
  const canvas: Canvas = {
    width,
    height,
    preset: cmd.preset === 'custom' ? 'custom' : presetOf(width, height),
    backgroundColor: cmd.backgroundColor ?? old.backgroundColor,
    backgroundImage: cmd.backgroundImage !== undefined ? cmd.backgroundImage : old.backgroundImage,
    backgroundRenderMode: cmd.backgroundRenderMode !== undefined ? cmd.backgroundRenderMode : old.backgroundRenderMode,
  }
  if (same(canvas, old)) return doc
  if ((width === old.width && height === old.height) || cmd.scaleContent === false) return { ...doc, canvas }
  const sx = width / old.width
  const sy = height / old.height
  const scale = (r: Rect): Rect => clampRect({ x: r.x * sx, y: r.y * sy, width: r.width * sx, height: r.height * sy }, canvas)
  return {
    ...doc,
    canvas,
    tiles: doc.tiles.map((t) => ({ ...t, ...scale(t) })),
    watermarks: doc.watermarks.map((w) => ({ ...w, ...scale(w) })),
  }
}

// Existing user bindings carry over to the new positions in stacking order, so choosing another
// starter does not lose who sits where.
function applyStarter(doc: LayoutDoc, starter: StarterId): LayoutDoc {
  const bound = stackOrder(doc.tiles).filter((t) => t.binding.kind === 'user')
  const tiles = starterLayout(starter, doc.canvas).map((r, i) => {
    const prev = bound[i]
    const tile = makeTile(`t${i + 1}`, r, r.z)
    return prev ? { ...tile, binding: prev.binding, label: prev.label } : tile
  })
  return { ...doc, mode: 'custom', tiles }
}

function convertToCustom(doc: LayoutDoc, users: readonly SimUser[], dialect: Dialect): LayoutDoc {
  if (doc.mode === 'custom') return doc
  const big = doc.template.bigScreenUser
  const preview = previewTemplate(doc.mode, users, doc.canvas, dialect, { bigScreenUserId: big?.userId ?? null, showAudioOnly: doc.template.showAudioOnly, bigOnRight: doc.template.bigOnRight })
  const tiles = preview.tiles.map((p, i): Tile => {
    const user: UserRef = p.big && big ? big : { userId: p.userId, roomId: big?.roomId ?? '', roomIdType: big?.roomIdType ?? 'number', streamType: 'camera' }
    return { ...makeTile(`t${i + 1}`, p, p.z), renderMode: doc.template.renderMode, binding: { kind: 'user', ...user }, label: p.userId, placeholder: doc.template.defaultPlaceholder }
  })
  return { ...doc, mode: 'custom', tiles }
}
