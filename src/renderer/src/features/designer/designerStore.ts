// The designer: the document history, the selection, the view (zoom, pan) and the pointer tool.
// The tool is a small state machine fed normalized pointer events (viewport pixels plus modifier
// keys); geometry, snapping and every document change come from src/shared/layout, and a pointer
// gesture is one undo entry however many moves it has.
import { createStore, type StoreApi } from 'zustand/vanilla'
import { applyCommand, resizeRect, type AlignEdge, type Command, type Handle, type ReorderOp } from '../../../../shared/layout/commands'
import {
  beginGesture,
  cancelGesture,
  canRedo,
  canUndo,
  commit,
  createHistory,
  endGesture,
  redo,
  replace,
  undo,
  updateGesture,
  type History,
} from '../../../../shared/layout/history'
import { createDoc, rectOf, type LayoutDoc, type Rect, type Tile } from '../../../../shared/layout/model'
import { normalize, snapRect, tileAt, tilesInMarquee, type Guide, type Point } from '../../../../shared/layout/snap'
import type { Dialect, SimUser } from '../../../../shared/layout/templates'
import type { ImageProbe, TaskContext } from '../../../../shared/layout/validate'
import { DEFAULT_OUTPUT_FIELDS, type OutputFields } from './output'
import type { LayoutFileInfo, RecoveryOffer } from '../../../../shared/contract/contract'

export type AspectLock = 'free' | '16:9' | '9:16' | '4:3' | '1:1'
export const ASPECT_LOCKS: readonly AspectLock[] = ['free', '16:9', '9:16', '4:3', '1:1']
const ASPECT_RATIO: Record<Exclude<AspectLock, 'free'>, number> = { '16:9': 16 / 9, '9:16': 9 / 16, '4:3': 4 / 3, '1:1': 1 }

/** A pointer event in viewport pixels (relative to the editor's viewport element). */
export interface EditorPointer {
  x: number
  y: number
  /** 0 primary, 1 middle, 2 secondary. */
  button: number
  shift: boolean
  alt: boolean
  /** Set when the pointer went down on a selection handle. */
  handle?: Handle
}

export interface View {
  zoom: number
  panX: number
  panY: number
}

type Tool =
  | { kind: 'idle' }
  | { kind: 'pan'; startX: number; startY: number; panX: number; panY: number }
  | { kind: 'move'; start: Point; ids: string[]; base: Rect; others: Rect[] }
  | { kind: 'resize'; start: Point; id: string; handle: Handle; base: Rect; others: Rect[] }
  | { kind: 'marquee'; start: Point; additive: boolean; initial: string[] }

export interface DesignerState {
  history: History
  /** The document last saved or opened; the header shows a dot while the present differs. */
  savedDoc: LayoutDoc
  selection: string[]
  view: View
  viewport: { width: number; height: number }
  tool: Tool
  guides: Guide[]
  marquee: Rect | null
  spaceHeld: boolean
  snapEnabled: boolean
  showGrid: boolean
  gridSize: number
  aspectLock: AspectLock
  dialect: Dialect
  simUserCount: number
  simAudioOnlyCount: number
  output: OutputFields
  /** Warnings of the last request import, shown until the next edit of the import. */
  importWarnings: string[]
  /** The last file error (open, save) in words, or null. */
  fileError: string | null
  /** The file the document was opened from or saved to; null for a new document. */
  file: LayoutFileInfo | null
  /** An autosaved document from a run that ended without saving, offered once on start. */
  recovery: RecoveryOffer | null
  /** The task the layout goes to (the room picked, or the running task's room and canvas): the checks use it. */
  taskContext: Omit<TaskContext, 'images'> | null
  /** What main found at the layout's image URLs, by URL. */
  imageProbes: Record<string, ImageProbe>
  pointerDown(e: EditorPointer): void
  pointerMoved(e: EditorPointer): void
  pointerUp(): void
  gestureCancelled(): void
  spaceToggled(held: boolean): void
  wheelZoomed(factor: number, at: Point): void
  zoomStepped(dir: 1 | -1): void
  fitRequested(): void
  viewportResized(width: number, height: number): void
  commandIssued(cmd: Command): void
  tileAdded(): void
  selectionChanged(ids: string[]): void
  allSelected(): void
  nudged(dx: number, dy: number): void
  deleteRequested(): void
  duplicateRequested(): void
  reorderRequested(op: ReorderOp): void
  alignRequested(edge: AlignEdge): void
  distributeRequested(axis: 'horizontal' | 'vertical'): void
  lockToggled(): void
  aspectLockChanged(lock: AspectLock): void
  snapToggled(): void
  gridToggled(): void
  undoRequested(): void
  redoRequested(): void
  dialectChanged(d: Dialect): void
  simUsersChanged(count: number, audioOnly: number): void
  docOpened(doc: LayoutDoc, file?: LayoutFileInfo | null): void
  /** `doc` is the document that was written (edits may have followed while saving). */
  docSaved(file?: LayoutFileInfo, doc?: LayoutDoc): void
  /** An autosaved document restored after a crash: unsaved until saved again. */
  docRecovered(doc: LayoutDoc, file: LayoutFileInfo | null): void
  recoveryOffered(offer: RecoveryOffer | null): void
  requestImported(doc: LayoutDoc, warnings: string[]): void
  fileFailed(message: string | null): void
  outputChanged(patch: Partial<OutputFields>): void
  taskContextChanged(task: Omit<TaskContext, 'images'> | null): void
  imagesProbed(probes: Record<string, ImageProbe>): void
}

export const MIN_ZOOM = 0.05
export const MAX_ZOOM = 8
/** Snap distance in screen pixels; divided by the zoom so it feels the same at every scale. */
export const SNAP_PX = 6
const FIT_MARGIN = 32

export const selectDoc = (s: DesignerState): LayoutDoc => s.history.present
/** The document without the gesture under way: panels that compile or validate follow this, so a drag re-renders only the canvas. */
export const selectSettledDoc = (s: DesignerState): LayoutDoc => s.history.gestureBase ?? s.history.present
export const selectDirty = (s: DesignerState): boolean => s.history.present !== s.savedDoc
export const selectCanUndo = (s: DesignerState): boolean => canUndo(s.history)
export const selectCanRedo = (s: DesignerState): boolean => canRedo(s.history)
export const selectSelectedTiles = (s: DesignerState): Tile[] => s.history.present.tiles.filter((t) => s.selection.includes(t.id))

/** Simulated users for template previews: `user1`…`userN`, the last `audioOnly` of them audio-only. */
export function simUsers(count: number, audioOnly: number): SimUser[] {
  const n = Math.max(0, Math.floor(count))
  const a = Math.min(n, Math.max(0, Math.floor(audioOnly)))
  return Array.from({ length: n }, (_, i) => ({ id: `user${i + 1}`, audioOnly: i >= n - a }))
}

export function toCanvas(view: View, p: Point): Point {
  return { x: (p.x - view.panX) / view.zoom, y: (p.y - view.panY) / view.zoom }
}

function fitView(doc: LayoutDoc, vp: { width: number; height: number }): View {
  if (vp.width <= 0 || vp.height <= 0) return { zoom: 0.5, panX: FIT_MARGIN, panY: FIT_MARGIN }
  const zoom = clampZoom(Math.min((vp.width - 2 * FIT_MARGIN) / doc.canvas.width, (vp.height - 2 * FIT_MARGIN) / doc.canvas.height))
  return { zoom, panX: (vp.width - doc.canvas.width * zoom) / 2, panY: (vp.height - doc.canvas.height * zoom) / 2 }
}

const clampZoom = (z: number): number => Math.min(MAX_ZOOM, Math.max(MIN_ZOOM, z))

function bbox(rects: readonly Rect[]): Rect {
  const x0 = Math.min(...rects.map((r) => r.x))
  const y0 = Math.min(...rects.map((r) => r.y))
  const x1 = Math.max(...rects.map((r) => r.x + r.width))
  const y1 = Math.max(...rects.map((r) => r.y + r.height))
  return { x: x0, y: y0, width: x1 - x0, height: y1 - y0 }
}

export function createDesignerStore(deps: { doc?: LayoutDoc } = {}): StoreApi<DesignerState> {
  const initial = deps.doc ?? createDoc('1920x1080')
  return createStore<DesignerState>((set, get) => {
    const doc = () => get().history.present
    /** One undo entry; the selection keeps only tiles that still exist. */
    const run = (cmd: Command, select?: (before: LayoutDoc, after: LayoutDoc) => string[]) => {
      const s = get()
      const before = s.history.present
      const history = commit(s.history, cmd)
      const after = history.present
      const ids = new Set(after.tiles.map((t) => t.id))
      const selection = select ? select(before, after) : s.selection.filter((id) => ids.has(id))
      set({ history, selection })
    }
    const newIds = (before: LayoutDoc, after: LayoutDoc): string[] => {
      const old = new Set(before.tiles.map((t) => t.id))
      return after.tiles.filter((t) => !old.has(t.id)).map((t) => t.id)
    }
    const snapOpts = (alt: boolean) => {
      const s = get()
      return { threshold: SNAP_PX / s.view.zoom, enabled: s.snapEnabled && !alt, grid: s.showGrid ? s.gridSize : undefined }
    }

    return {
      history: createHistory(initial),
      savedDoc: initial,
      selection: [],
      view: { zoom: 0.5, panX: FIT_MARGIN, panY: FIT_MARGIN },
      viewport: { width: 0, height: 0 },
      tool: { kind: 'idle' },
      guides: [],
      marquee: null,
      spaceHeld: false,
      snapEnabled: true,
      showGrid: false,
      gridSize: 40,
      aspectLock: 'free',
      dialect: 'mcu',
      simUserCount: 4,
      simAudioOnlyCount: 1,
      output: DEFAULT_OUTPUT_FIELDS,
      importWarnings: [],
      fileError: null,
      taskContext: null,
      imageProbes: {},
      file: null,
      recovery: null,

      pointerDown(e) {
        const s = get()
        if (s.tool.kind !== 'idle') return
        if (e.button === 1 || (e.button === 0 && s.spaceHeld)) {
          set({ tool: { kind: 'pan', startX: e.x, startY: e.y, panX: s.view.panX, panY: s.view.panY } })
          return
        }
        if (e.button !== 0) return
        const d = doc()
        const p = toCanvas(s.view, e)
        // Template previews are not editable: only custom layouts have tiles of their own.
        if (d.mode !== 'custom') return
        const handleTile = e.handle && s.selection.length === 1 ? d.tiles.find((t) => t.id === s.selection[0]) : undefined
        if (e.handle && handleTile && !handleTile.locked) {
          set({
            history: beginGesture(s.history),
            tool: { kind: 'resize', start: p, id: handleTile.id, handle: e.handle, base: rectOf(handleTile), others: d.tiles.filter((t) => t.id !== handleTile.id).map(rectOf) },
          })
          return
        }
        const hit = tileAt(d.tiles, p)
        if (!hit) {
          set({ tool: { kind: 'marquee', start: p, additive: e.shift, initial: e.shift ? s.selection : [] }, marquee: { x: p.x, y: p.y, width: 0, height: 0 }, selection: e.shift ? s.selection : [] })
          return
        }
        let selection: string[]
        if (e.shift) {
          selection = s.selection.includes(hit.id) ? s.selection.filter((id) => id !== hit.id) : [...s.selection, hit.id]
          set({ selection })
          if (!selection.includes(hit.id)) return
        } else selection = s.selection.includes(hit.id) ? s.selection : [hit.id]
        const moving = d.tiles.filter((t) => selection.includes(t.id) && !t.locked)
        if (moving.length === 0) {
          set({ selection })
          return
        }
        set({
          selection,
          history: beginGesture(s.history),
          tool: { kind: 'move', start: p, ids: moving.map((t) => t.id), base: bbox(moving), others: d.tiles.filter((t) => !selection.includes(t.id)).map(rectOf) },
        })
      },

      pointerMoved(e) {
        const s = get()
        const tool = s.tool
        if (tool.kind === 'idle') return
        if (tool.kind === 'pan') {
          set({ view: { ...s.view, panX: tool.panX + e.x - tool.startX, panY: tool.panY + e.y - tool.startY } })
          return
        }
        const p = toCanvas(s.view, e)
        const dx = p.x - tool.start.x
        const dy = p.y - tool.start.y
        const canvas = doc().canvas
        if (tool.kind === 'marquee') {
          const marquee = normalize({ x: tool.start.x, y: tool.start.y, width: dx, height: dy })
          const hit = tilesInMarquee(doc().tiles, marquee).map((t) => t.id)
          const selection = tool.additive ? [...tool.initial, ...hit.filter((id) => !tool.initial.includes(id))] : hit
          set({ marquee, selection })
          return
        }
        if (tool.kind === 'move') {
          const moved = { ...tool.base, x: Math.round(tool.base.x + dx), y: Math.round(tool.base.y + dy) }
          const snap = snapRect(moved, tool.others, canvas, snapOpts(e.alt))
          const total = { dx: moved.x + snap.dx - tool.base.x, dy: moved.y + snap.dy - tool.base.y }
          set({ history: updateGesture(s.history, { type: 'moveTiles', ids: tool.ids, ...total }), guides: snap.guides })
          return
        }
        // Resize: the aspect lock (or Shift) keeps the ratio, so only an unconstrained resize snaps.
        const keepAspect = s.aspectLock !== 'free' || e.shift
        const raw = resizeRect(tool.base, tool.handle, dx, dy, { keepAspect }, canvas)
        const snap = keepAspect ? { dx: 0, dy: 0, guides: [] } : snapRect(raw, tool.others, canvas, { ...snapOpts(e.alt), edges: tool.handle })
        const rect = resizeRect(tool.base, tool.handle, dx + snap.dx, dy + snap.dy, { keepAspect }, canvas)
        set({ history: updateGesture(s.history, { type: 'setTileRect', id: tool.id, rect }), guides: snap.guides })
      },

      pointerUp() {
        const s = get()
        if (s.tool.kind === 'idle') return
        set({ history: endGesture(s.history), tool: { kind: 'idle' }, guides: [], marquee: null })
      },

      gestureCancelled() {
        const s = get()
        if (s.tool.kind === 'marquee') set({ selection: s.tool.initial })
        set({ history: cancelGesture(get().history), tool: { kind: 'idle' }, guides: [], marquee: null })
      },

      spaceToggled(held) {
        if (get().spaceHeld !== held) set({ spaceHeld: held })
      },

      wheelZoomed(factor, at) {
        const v = get().view
        const zoom = clampZoom(v.zoom * factor)
        // The canvas point under the pointer stays under it.
        const c = toCanvas(v, at)
        set({ view: { zoom, panX: at.x - c.x * zoom, panY: at.y - c.y * zoom } })
      },

      zoomStepped(dir) {
        const vp = get().viewport
        get().wheelZoomed(dir > 0 ? 1.25 : 0.8, { x: vp.width / 2, y: vp.height / 2 })
      },

      fitRequested() {
        set({ view: fitView(doc(), get().viewport) })
      },

      viewportResized(width, height) {
        const { viewport, view } = get()
        // Fitted before (at first, or the view still is the fit of the old size): fit the new size
        // too, so a maximized window gets a bigger canvas; a zoom or pan of the user's own stays.
        const fitted = fitView(doc(), viewport)
        const wasFit = viewport.width === 0 || (Math.abs(view.zoom - fitted.zoom) < 1e-6 && Math.abs(view.panX - fitted.panX) < 0.5 && Math.abs(view.panY - fitted.panY) < 0.5)
        set({ viewport: { width, height } })
        if (wasFit) get().fitRequested()
      },

      commandIssued(cmd) {
        run(cmd, cmd.type === 'addTile' || cmd.type === 'duplicateTiles' ? newIds : undefined)
      },

      tileAdded() {
        const c = doc().canvas
        const n = doc().tiles.length
        const w = Math.round(c.width / 4)
        const h = Math.round(c.height / 4)
        // Each new tile steps down-right so a stack of new tiles stays visible.
        const step = Math.round(Math.min(c.width, c.height) / 20)
        const rect = { x: Math.round(c.width / 2 - w / 2) + (n % 5) * step, y: Math.round(c.height / 2 - h / 2) + (n % 5) * step, width: w, height: h }
        run({ type: 'addTile', rect }, newIds)
      },

      selectionChanged(ids) {
        set({ selection: ids })
      },

      allSelected() {
        set({ selection: doc().tiles.map((t) => t.id) })
      },

      nudged(dx, dy) {
        const ids = get().selection
        if (ids.length > 0) run({ type: 'moveTiles', ids, dx, dy })
      },

      deleteRequested() {
        const ids = get().selection
        if (ids.length > 0) run({ type: 'removeTiles', ids })
      },

      duplicateRequested() {
        const ids = get().selection
        if (ids.length > 0) run({ type: 'duplicateTiles', ids }, newIds)
      },

      reorderRequested(op) {
        const ids = get().selection
        if (ids.length > 0) run({ type: 'reorder', ids, op })
      },

      alignRequested(edge) {
        const ids = get().selection
        if (ids.length > 0) run({ type: 'align', ids, edge, relativeTo: ids.length > 1 ? 'selection' : 'canvas' })
      },

      distributeRequested(axis) {
        const ids = get().selection
        if (ids.length > 2) run({ type: 'distribute', ids, axis })
      },

      lockToggled() {
        const sel = selectSelectedTiles(get())
        if (sel.length === 0) return
        const ids = sel.map((t) => t.id)
        run({ type: sel.every((t) => t.locked) ? 'unlock' : 'lock', ids })
      },

      aspectLockChanged(lock) {
        set({ aspectLock: lock })
        if (lock === 'free') return
        // Choosing a ratio reshapes the selected tiles to it now: same width, centred, inside the canvas.
        const ratio = ASPECT_RATIO[lock]
        const c = doc().canvas
        let history = get().history
        const before = history.present
        let next = before
        for (const t of selectSelectedTiles(get())) {
          let width = t.width
          let height = Math.round(width / ratio)
          if (height > c.height) {
            height = c.height
            width = Math.round(height * ratio)
          }
          const rect = { x: Math.round(t.x + (t.width - width) / 2), y: Math.round(t.y + (t.height - height) / 2), width, height }
          next = applyCommand(next, { type: 'setTileRect', id: t.id, rect })
        }
        if (next === before) return
        // Several tiles reshaped at once are still one undo entry: a gesture of one step.
        history = beginGesture(history)
        history = { ...history, present: next }
        set({ history: endGesture(history) })
      },

      snapToggled() {
        set({ snapEnabled: !get().snapEnabled })
      },

      gridToggled() {
        set({ showGrid: !get().showGrid })
      },

      undoRequested() {
        const history = undo(get().history)
        const ids = new Set(history.present.tiles.map((t) => t.id))
        set({ history, tool: { kind: 'idle' }, guides: [], marquee: null, selection: get().selection.filter((id) => ids.has(id)) })
      },

      redoRequested() {
        const history = redo(get().history)
        const ids = new Set(history.present.tiles.map((t) => t.id))
        set({ history, tool: { kind: 'idle' }, guides: [], marquee: null, selection: get().selection.filter((id) => ids.has(id)) })
      },

      dialectChanged(dialect) {
        set({ dialect })
      },

      simUsersChanged(count, audioOnly) {
        const c = Math.max(0, Math.min(40, Math.floor(count)))
        set({ simUserCount: c, simAudioOnlyCount: Math.max(0, Math.min(c, Math.floor(audioOnly))) })
      },

      docOpened(d, file = null) {
        // Opening another document answers a pending recovery offer: main has dropped the autosave.
        set({ history: replace(get().history, d), savedDoc: d, file, recovery: null, selection: [], tool: { kind: 'idle' }, guides: [], marquee: null, fileError: null, importWarnings: [] })
        get().fitRequested()
      },

      docRecovered(d, file) {
        get().docOpened(d, file)
        // What is on disk is not known here; any other document object makes the present unsaved.
        set({ savedDoc: { ...d }, recovery: null })
      },

      recoveryOffered(recovery) {
        set({ recovery })
      },

      requestImported(d, warnings) {
        // An import is an edit of the open document: undoable, and unsaved until saved.
        const s = get()
        const history = endGesture({ ...beginGesture(s.history), present: d })
        set({ history, selection: [], importWarnings: warnings, tool: { kind: 'idle' }, guides: [], marquee: null })
        get().fitRequested()
      },

      fileFailed(message) {
        set({ fileError: message })
      },

      outputChanged(patch) {
        set({ output: { ...get().output, ...patch } })
      },

      taskContextChanged(task) {
        const was = get().taskContext
        if (JSON.stringify(was) !== JSON.stringify(task)) set({ taskContext: task })
      },

      imagesProbed(probes) {
        set({ imageProbes: { ...get().imageProbes, ...probes } })
      },

      docSaved(file, saved) {
        set({ savedDoc: saved ?? doc(), file: file ?? get().file, fileError: null, recovery: null })
      },
    }
  })
}
