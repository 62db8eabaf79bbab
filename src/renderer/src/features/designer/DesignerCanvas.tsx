// The canvas editor surface: rulers, the canvas at its aspect ratio, tiles with their handles,
// snap guides and the marquee. Pointer events are normalized to viewport pixels and handed to the
// store's tool; this component only draws what the store says.
import { memo, useMemo, useEffect, useLayoutEffect, useRef, type PointerEvent as ReactPointerEvent } from 'react'
import { flushSync } from 'react-dom'
import { useStore, type StoreApi } from 'zustand'
import { stackOrder, type Handle } from '../../../../shared/layout/commands'
import type { Tile } from '../../../../shared/layout/model'
import type { PreviewTile } from '../../../../shared/layout/templates'
import { useT } from '../shell/context'
import type { DesignerState, View } from './designerStore'
import { CanvasImage, TileImage, useCanvasDrop, WatermarkLayer } from './CanvasLayers'

export const HANDLES: readonly Handle[] = ['nw', 'n', 'ne', 'e', 'se', 's', 'sw', 'w']

/** Tile issues to mark on the canvas, by tile id. */
export type TileIssues = ReadonlyMap<string, string[]>

interface CanvasProps {
  store: StoreApi<DesignerState>
  preview: PreviewTile[] | null
  emptyBigArea: { x: number; y: number; width: number; height: number } | null
  issues: TileIssues
}

function tickStep(zoom: number): number {
  for (const s of [5, 10, 20, 50, 100, 200, 500, 1000, 2000]) if (s * zoom >= 56) return s
  return 5000
}

const Ruler = memo(function Ruler(props: { axis: 'x' | 'y'; view: View; length: number; size: number }) {
  const { axis, view, length, size } = props
  const step = tickStep(view.zoom)
  const pan = axis === 'x' ? view.panX : view.panY
  const first = Math.ceil(-pan / view.zoom / step) * step
  const ticks: number[] = []
  for (let v = first; v * view.zoom + pan <= length; v += step) ticks.push(v)
  return (
    <div className={`designer-ruler designer-ruler-${axis}`} aria-hidden="true">
      {ticks.map((v) => {
        const pos = v * view.zoom + pan
        const inside = v >= 0 && v <= size
        return (
          <span key={v} className={inside ? 'tick' : 'tick outside'} style={axis === 'x' ? { left: pos } : { top: pos }}>
            {v}
          </span>
        )
      })}
    </div>
  )
})

const TileView = memo(function TileView(props: { tile: Tile; view: View; selected: boolean; single: boolean; issues: string[] | undefined; slotText: string }) {
  const { tile, view, selected, single, issues } = props
  const style = { left: view.panX + tile.x * view.zoom, top: view.panY + tile.y * view.zoom, width: tile.width * view.zoom, height: tile.height * view.zoom }
  const who = tile.binding.kind === 'user' ? tile.binding.userId : props.slotText
  const cls = ['designer-tile', selected ? 'selected' : '', tile.locked ? 'locked' : '', issues ? 'invalid' : ''].filter(Boolean).join(' ')
  return (
    <div className={cls} style={style} data-testid="designer-tile" data-tile={tile.id} data-z={tile.z} title={issues ? issues.join('\n') : undefined}>
      <TileImage tile={tile} />
      <div className="designer-tile-text">
        <strong>{tile.label || who}</strong>
        {tile.label && tile.label !== who && <span>{who}</span>}
      </div>
      <span className="designer-tile-z">z {tile.z}</span>
      {tile.locked && (
        <svg className="designer-tile-lock" viewBox="0 0 16 16" aria-hidden="true">
          <path d="M4 7V5a4 4 0 0 1 8 0v2h1v8H3V7zm2 0h4V5a2 2 0 0 0-4 0z" />
        </svg>
      )}
      {selected &&
        single &&
        !tile.locked &&
        HANDLES.map((h) => <span key={h} className={`designer-handle h-${h}`} data-handle={h} data-testid={`handle-${h}`} />)}
    </div>
  )
})

export function DesignerCanvas(props: CanvasProps) {
  const t = useT()
  const { store } = props
  const doc = useStore(store, (s) => s.history.present)
  // Unbound tiles are filled in list order as users join: each is called by its place in that order.
  const slotNumbers = useMemo(() => new Map(doc.tiles.filter((x) => x.binding.kind === 'slot').map((x, i) => [x.id, i])), [doc.tiles])
  const view = useStore(store, (s) => s.view)
  const viewport = useStore(store, (s) => s.viewport)
  const selection = useStore(store, (s) => s.selection)
  const guides = useStore(store, (s) => s.guides)
  const marquee = useStore(store, (s) => s.marquee)
  const showGrid = useStore(store, (s) => s.showGrid)
  const gridSize = useStore(store, (s) => s.gridSize)
  const spaceHeld = useStore(store, (s) => s.spaceHeld)
  const toolKind = useStore(store, (s) => s.tool.kind)
  const ref = useRef<HTMLDivElement>(null)
  const drop = useCanvasDrop(store, ref)

  useLayoutEffect(() => {
    const el = ref.current
    if (!el) return
    const measure = () => store.getState().viewportResized(el.clientWidth, el.clientHeight)
    measure()
    if (typeof ResizeObserver === 'undefined') return
    const ro = new ResizeObserver(measure)
    ro.observe(el)
    return () => ro.disconnect()
  }, [store])

  // Ctrl+wheel zooms around the pointer; a plain wheel pans. Registered natively: React's wheel
  // listener is passive and cannot stop the page from scrolling.
  useEffect(() => {
    const el = ref.current
    if (!el) return
    const onWheel = (e: WheelEvent) => {
      e.preventDefault()
      const r = el.getBoundingClientRect()
      const s = store.getState()
      if (e.ctrlKey || e.metaKey) s.wheelZoomed(Math.exp(-e.deltaY * 0.0015), { x: e.clientX - r.left, y: e.clientY - r.top })
      else store.setState({ view: { ...s.view, panX: s.view.panX - (e.shiftKey ? e.deltaY : e.deltaX), panY: s.view.panY - (e.shiftKey ? 0 : e.deltaY) } })
    }
    el.addEventListener('wheel', onWheel, { passive: false })
    return () => el.removeEventListener('wheel', onWheel)
  }, [store])

  const normalized = (e: ReactPointerEvent) => {
    const r = ref.current?.getBoundingClientRect()
    const target = e.target as HTMLElement
    const handle = target.dataset?.handle as Handle | undefined
    return { x: e.clientX - (r?.left ?? 0), y: e.clientY - (r?.top ?? 0), button: e.button, shift: e.shiftKey, alt: e.altKey, handle }
  }

  const onPointerDown = (e: ReactPointerEvent<HTMLDivElement>) => {
    ref.current?.focus({ preventScroll: true })
    if (e.button === 1) e.preventDefault()
    ref.current?.setPointerCapture?.(e.pointerId)
    store.getState().pointerDown(normalized(e))
  }
  const onPointerMove = (e: ReactPointerEvent<HTMLDivElement>) => {
    if (store.getState().tool.kind === 'idle') return
    // Rendered inside the event, so the moved tile is drawn in the very next frame.
    flushSync(() => store.getState().pointerMoved(normalized(e)))
  }
  const onPointerUp = (e: ReactPointerEvent<HTMLDivElement>) => {
    if (ref.current?.hasPointerCapture?.(e.pointerId)) ref.current.releasePointerCapture(e.pointerId)
    store.getState().pointerUp()
  }

  const c = doc.canvas
  const canvasStyle = { left: view.panX, top: view.panY, width: c.width * view.zoom, height: c.height * view.zoom, backgroundColor: c.backgroundColor }
  const gridPx = gridSize * view.zoom
  const single = selection.length === 1
  const cursor = toolKind === 'pan' ? 'grabbing' : spaceHeld ? 'grab' : undefined
  const place = (r: { x: number; y: number; width: number; height: number }) => ({ left: view.panX + r.x * view.zoom, top: view.panY + r.y * view.zoom, width: r.width * view.zoom, height: r.height * view.zoom })

  return (
    <div className="designer-stage">
      <div className="designer-ruler-corner" aria-hidden="true" />
      <Ruler axis="x" view={view} length={viewport.width} size={c.width} />
      <Ruler axis="y" view={view} length={viewport.height} size={c.height} />
      <div
        ref={ref}
        className="designer-viewport"
        data-testid="designer-viewport"
        tabIndex={0}
        aria-label={t('designer.canvas.label')}
        style={{ cursor }}
        onPointerDown={onPointerDown}
        onPointerMove={onPointerMove}
        onPointerUp={onPointerUp}
        onPointerCancel={() => store.getState().gestureCancelled()}
        onAuxClick={(e) => e.preventDefault()}
        {...drop.handlers}
      >
        <div className="designer-canvas" data-testid="designer-canvas" data-width={c.width} data-height={c.height} style={canvasStyle}>
          <CanvasImage image={c.backgroundImage} mode={c.backgroundRenderMode} />
          {showGrid && gridPx >= 4 && (
            <div className="designer-grid" style={{ backgroundSize: `${gridPx}px ${gridPx}px` }} aria-hidden="true" />
          )}
          {!props.preview && doc.tiles.length === 0 && <div className="designer-canvas-hint">{t('designer.canvas.empty')}</div>}
        </div>
        {props.preview
          ? props.preview.map((p) => (
              <div key={p.userId} className={p.big ? 'designer-tile preview big' : 'designer-tile preview'} style={place(p)} data-testid="designer-preview-tile">
                <div className="designer-tile-text">
                  <strong>{p.userId}</strong>
                  {p.big && <span>{t('designer.template.big')}</span>}
                </div>
              </div>
            ))
          : stackOrder(doc.tiles).map((tile) => (
              <TileView
                key={tile.id}
                tile={tile}
                view={view}
                selected={selection.includes(tile.id)}
                single={single}
                issues={props.issues.get(tile.id)}
                slotText={t('designer.tile.slotN', { n: (slotNumbers.get(tile.id) ?? 0) + 1 })}
              />
            ))}
        <WatermarkLayer doc={doc} view={view} />
        {props.emptyBigArea && (
          <div className="designer-empty-area" style={place(props.emptyBigArea)}>
            {t('designer.template.emptyBig')}
          </div>
        )}
        {guides.map((g, i) => (
          <div
            key={i}
            className="designer-guide"
            data-testid="designer-guide"
            style={
              g.axis === 'x'
                ? { left: view.panX + g.pos * view.zoom, top: view.panY + g.from * view.zoom, width: 1, height: (g.to - g.from) * view.zoom }
                : { top: view.panY + g.pos * view.zoom, left: view.panX + g.from * view.zoom, height: 1, width: (g.to - g.from) * view.zoom }
            }
          />
        ))}
        {marquee && <div className="designer-marquee" data-testid="designer-marquee" style={place(marquee)} />}
        {drop.overlay}
      </div>
    </div>
  )
}
