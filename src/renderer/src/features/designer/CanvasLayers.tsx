// What the canvas draws besides tiles — the background image, placeholder previews, watermarks —
// and what can be dropped on it: a room user (binds the tile under the pointer, or adds a tile
// there) and PNG/JPEG files (a tile's placeholder, or the background or a watermark, asked in a
// small popover). Every drop is one command, so one undo entry.
import { useEffect, useRef, useState, type CSSProperties, type DragEvent, type RefObject } from 'react'
import type { StoreApi } from 'zustand'
import type { ImageRef, LayoutDoc, PlaceholderFit, RenderMode, Tile, Watermark } from '../../../../shared/layout/model'
import { FILE_FORMAT, parseLayoutFile } from '../../../../shared/layout/file'
import { tileAt } from '../../../../shared/layout/snap'
import { importRequest } from './output'
import { useT } from '../shell/context'
import { toCanvas, type DesignerState, type View } from './designerStore'
import { carriesFiles, carriesUser, checkImage, decodeUser, isLayoutFile, makePreview, placeUser, previewSrc, USER_MIME, type DraggedUser, type PlaceResult, type Preview } from './imageDrop'
import type { MessageKey } from '../../i18n/i18n'
import './designerDnd.css'
import { errorText } from '../../i18n/i18n'

const FIT: Record<RenderMode, CSSProperties['objectFit']> = { crop: 'cover', smart: 'cover', fit: 'contain', fitBlack: 'contain', stretch: 'fill' }
const PLACEHOLDER_FIT: Record<PlaceholderFit, CSSProperties['objectFit']> = { crop: 'cover', scaleBackground: 'contain', scaleBlack: 'contain', proportional: 'contain' }

/** The canvas background image's local preview, fitted as the cloud would. */
export function CanvasImage(props: { image: ImageRef | null; mode: RenderMode | null }) {
  const src = previewSrc(props.image)
  if (!src) return null
  return <img className="designer-bg-img" src={src} alt="" draggable={false} style={{ objectFit: FIT[props.mode ?? 'crop'] }} data-testid="designer-bg-preview" />
}

/** A tile's placeholder preview, drawn under its text. */
export function TileImage(props: { tile: Tile }) {
  const src = previewSrc(props.tile.placeholder)
  if (!src) return null
  const fit = props.tile.placeholderFit ? PLACEHOLDER_FIT[props.tile.placeholderFit] : 'contain'
  return <img className="designer-tile-img" src={src} alt="" draggable={false} style={{ objectFit: fit }} data-testid="designer-tile-preview" />
}

function WatermarkView(props: { w: Watermark; view: View; noUrl: string }) {
  const { w, view } = props
  const style: CSSProperties = { left: view.panX + w.x * view.zoom, top: view.panY + w.y * view.zoom, width: w.width * view.zoom, height: w.height * view.zoom }
  if (w.kind === 'image') {
    const src = previewSrc(w.image)
    return (
      <div className="designer-wm image" style={style} data-testid="designer-watermark" data-wm={w.id} title={w.image.url ?? props.noUrl}>
        {src ? <img src={src} alt="" draggable={false} /> : <span>{w.image.name || w.id}</span>}
      </div>
    )
  }
  return (
    <div
      className="designer-wm text"
      style={{ ...style, color: w.fontColor, background: w.backgroundColor ?? 'transparent', fontSize: Math.max(1, w.fontSize * view.zoom) }}
      data-testid="designer-watermark"
      data-wm={w.id}
    >
      {w.text}
    </div>
  )
}

/** Watermarks over the tiles; they do not take pointer events, so tiles under them stay editable. */
export function WatermarkLayer(props: { doc: LayoutDoc; view: View }) {
  const t = useT()
  return (
    <>
      {props.doc.watermarks.map((w) => (
        <WatermarkView key={w.id} w={w} view={props.view} noUrl={t('designer.image.needsUrl')} />
      ))}
    </>
  )
}

/** Why a user could not be placed, in words. */
export function placeProblemText(t: (k: MessageKey, p?: Record<string, string | number>) => string, problem: Extract<PlaceResult, { ok: false }>['problem'], user: DraggedUser): string {
  if (problem.kind === 'locked') return t('designer.drop.locked', { tile: problem.tileId })
  if (problem.kind === 'placed') return t('designer.drop.placed', { user: user.userId, tile: problem.tileId })
  return t('designer.drop.otherRoom', { user: user.userId, room: problem.room, userRoom: user.roomId })
}

type Hover = { kind: 'user' | 'image'; tileId: string | null } | null
interface Ask {
  at: { x: number; y: number }
  /** Where the question is drawn, in viewport pixels (placed when the drop happens). */
  place: CSSProperties
  name: string
  preview: Preview
}

const ASK_W = 330
const ASK_H = 96

/** The question sits under the drop point, kept inside the viewport. */
function askPlace(p: { x: number; y: number }, vp: HTMLElement | null): CSSProperties {
  const w = vp?.clientWidth ?? Infinity
  const h = vp?.clientHeight ?? Infinity
  const left = Math.max(8, Math.min(p.x - ASK_W / 2, w - ASK_W - 8))
  const top = p.y + 8 + ASK_H > h ? Math.max(8, p.y - ASK_H - 8) : p.y + 8
  return { left, top, width: ASK_W }
}

/** Drop handlers for the canvas viewport, and the overlay that shows drop targets, questions and refusals. */
export function useCanvasDrop(store: StoreApi<DesignerState>, ref: RefObject<HTMLDivElement | null>) {
  const t = useT()
  const [hover, setHover] = useState<Hover>(null)
  const [ask, setAsk] = useState<Ask | null>(null)
  const [message, setMessage] = useState<string | null>(null)
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null)

  useEffect(() => () => void (timer.current && clearTimeout(timer.current)), [])
  const say = (text: string) => {
    setMessage(text)
    if (timer.current) clearTimeout(timer.current)
    timer.current = setTimeout(() => setMessage(null), 8000)
  }

  const local = (e: DragEvent) => {
    const r = ref.current?.getBoundingClientRect()
    return { x: e.clientX - (r?.left ?? 0), y: e.clientY - (r?.top ?? 0) }
  }
  const tileUnder = (e: DragEvent): Tile | undefined => {
    const s = store.getState()
    const doc = s.history.present
    return doc.mode === 'custom' ? tileAt(doc.tiles, toCanvas(s.view, local(e))) : undefined
  }

  const dropUser = (user: DraggedUser, e: DragEvent) => {
    const s = store.getState()
    const r = placeUser(s.history.present, s.dialect, user, { tileId: tileUnder(e)?.id, at: toCanvas(s.view, local(e)) })
    if (!r.ok) return say(placeProblemText(t, r.problem, user))
    s.commandIssued(r.cmd)
    if (r.tileId) s.selectionChanged([r.tileId])
  }

  // A layout file or request JSON replaces the layout as an import: one undoable edit, nothing lost.
  const dropJson = async (file: File) => {
    const text = await file.text()
    let value: unknown
    try {
      value = JSON.parse(text)
    } catch (err) {
      return say(t('designer.drop.badJson', { name: file.name, message: err instanceof Error ? err.message : String(err) }))
    }
    const s = store.getState()
    if (value !== null && typeof value === 'object' && (value as { format?: unknown }).format === FILE_FORMAT) {
      const r = parseLayoutFile(text)
      if (!r.ok) return say(t('designer.drop.badLayout', { name: file.name, message: errorText(t, r.error) }))
      setMessage(null)
      return s.requestImported(r.value, [])
    }
    const r = importRequest(text, s.dialect)
    setMessage(null)
    s.requestImported(r.doc, r.warnings)
  }

  const dropImage = async (file: File, e: DragEvent) => {
    const problem = checkImage(file)
    if (problem === 'type') return say(t('designer.image.notImage', { name: file.name }))
    if (problem === 'empty') return say(t('designer.image.empty', { name: file.name }))
    if (problem === 'size') return say(t('designer.image.tooBig', { name: file.name, size: (file.size / 1024 / 1024).toFixed(1) }))
    const tile = tileUnder(e)
    const s = store.getState()
    const at = toCanvas(s.view, local(e))
    const place = askPlace(local(e), ref.current)
    let preview: Preview
    try {
      preview = await makePreview(file)
    } catch {
      return say(t('designer.image.decode', { name: file.name }))
    }
    setMessage(null)
    if (tile) {
      if (tile.locked) return say(t('designer.drop.locked', { tile: tile.label || tile.id }))
      store.getState().commandIssued({ type: 'setTileProps', ids: [tile.id], props: { placeholder: { name: file.name, dataRef: preview.dataUrl } } })
      store.getState().selectionChanged([tile.id])
      return
    }
    setAsk({ at, place, name: file.name, preview })
  }

  const handlers = {
    onDragOver: (e: DragEvent) => {
      const types = [...e.dataTransfer.types]
      const user = carriesUser(types)
      // A file's name is not known until the drop: layout JSON passes through to the file opener then.
      if (!user && !carriesFiles(types)) return
      e.preventDefault()
      e.dataTransfer.dropEffect = 'copy'
      const tile = tileUnder(e)
      const next: Hover = { kind: user ? 'user' : 'image', tileId: tile?.id ?? null }
      if (next.kind !== hover?.kind || next.tileId !== hover?.tileId) setHover(next)
    },
    onDragLeave: (e: DragEvent) => {
      if (!ref.current?.contains(e.relatedTarget as Node | null)) setHover(null)
    },
    onDrop: (e: DragEvent) => {
      setHover(null)
      if (carriesUser([...e.dataTransfer.types])) {
        e.preventDefault()
        e.stopPropagation()
        const user = decodeUser(e.dataTransfer.getData(USER_MIME))
        if (user) dropUser(user, e)
        else say(t('designer.drop.badUser'))
        return
      }
      const file = e.dataTransfer.files[0]
      if (!file) return
      e.preventDefault()
      e.stopPropagation()
      void (isLayoutFile(file) ? dropJson(file) : dropImage(file, e))
    },
  }

  const choose = (target: 'background' | 'watermark') => {
    if (!ask) return
    const s = store.getState()
    const doc = s.history.present
    const image: ImageRef = { name: ask.name, dataRef: ask.preview.dataUrl }
    if (target === 'background') s.commandIssued({ type: 'setCanvas', backgroundImage: image })
    else {
      // At most a quarter of the canvas wide, in the image's proportions, centred on the drop point.
      const scale = Math.min(1, doc.canvas.width / 4 / ask.preview.width, doc.canvas.height / 4 / ask.preview.height)
      const width = Math.max(1, Math.round(ask.preview.width * scale))
      const height = Math.max(1, Math.round(ask.preview.height * scale))
      const z = s.dialect === 'mcu' ? doc.tiles.reduce((m, x) => Math.max(m, x.z), -1) + 1 : 0
      s.commandIssued({ type: 'addWatermark', watermark: { kind: 'image', image, z, x: ask.at.x - width / 2, y: ask.at.y - height / 2, width, height } })
    }
    setAsk(null)
  }

  const view = store.getState().view
  const doc = store.getState().history.present
  const hoverTile = hover?.tileId ? doc.tiles.find((x) => x.id === hover.tileId) : undefined
  const overlay = (
    <>
      {hover && (
        <div className="designer-drop-hint" data-testid="designer-drop-hint">
          {t(hover.kind === 'user' ? (doc.mode !== 'custom' ? 'designer.drop.userBig' : hoverTile ? 'designer.drop.userTile' : 'designer.drop.userNew') : hoverTile ? 'designer.drop.imageTile' : 'designer.drop.imageCanvas')}
        </div>
      )}
      {hoverTile && (
        <div
          className="designer-drop-target"
          data-testid="designer-drop-target"
          data-tile={hoverTile.id}
          style={{ left: view.panX + hoverTile.x * view.zoom, top: view.panY + hoverTile.y * view.zoom, width: hoverTile.width * view.zoom, height: hoverTile.height * view.zoom }}
        />
      )}
      {ask && (
        <div
          className="designer-drop-ask"
          role="dialog"
          aria-label={t('designer.drop.ask', { name: ask.name })}
          data-testid="designer-drop-ask"
          style={ask.place}
          onPointerDown={(e) => e.stopPropagation()}
        >
          <p>{t('designer.drop.ask', { name: ask.name })}</p>
          <div className="designer-row">
            <button type="button" className="button small primary" onClick={() => choose('background')} data-testid="designer-drop-background">
              {t('designer.drop.background')}
            </button>
            <button type="button" className="button small" onClick={() => choose('watermark')} data-testid="designer-drop-watermark">
              {t('designer.drop.watermark')}
            </button>
            <button type="button" className="button small" onClick={() => setAsk(null)}>
              {t('designer.cancel')}
            </button>
          </div>
        </div>
      )}
      {message && (
        <div className="designer-drop-message" role="alert" data-testid="designer-drop-message" onPointerDown={(e) => e.stopPropagation()}>
          <span>{message}</span>
          <button type="button" className="link" onClick={() => setMessage(null)}>
            {t('designer.dismiss')}
          </button>
        </div>
      )}
    </>
  )
  return { handlers, overlay }
}
