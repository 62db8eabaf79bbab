// Draws a volume layout: the canvas at its aspect ratio and every region with its user, z-order
// and a volume meter. SVG so it scales crisply and exports cleanly.
import type React from 'react'
import type { VolumeLayout } from '../../../../shared/media/volumeLayout'
import type { SeiComparison } from '../../../../shared/layout/compareSei'

const palette = ['#4d94ff', '#f59f3a', '#45c27c', '#d667c9', '#f06262', '#3cc6c6', '#b58cff', '#c2b23a']

export function colourFor(uid: string): string {
  let h = 0
  for (let i = 0; i < uid.length; i++) h = (h * 31 + uid.charCodeAt(i)) >>> 0
  return palette[h % palette.length]!
}

export function LayoutCanvas({ ref, ...props }: { layout: VolumeLayout; volumeLabel: (v: number) => string; transparent?: boolean; comparison?: SeiComparison | null; ref?: React.Ref<SVGSVGElement> }) {
  const { canvas, regions } = props.layout
  const w = Math.max(1, canvas.w)
  const h = Math.max(1, canvas.h)
  const unit = Math.max(w, h) / 100
  // Lower z-order first so higher layers paint on top, as the mix does.
  const ordered = regions.map((r, i) => ({ r, i })).sort((a, b) => a.r.zorder - b.r.zorder || a.i - b.i)
  return (
    <svg ref={ref} xmlns="http://www.w3.org/2000/svg" className="layout-canvas" viewBox={`0 0 ${w} ${h}`} role="img" aria-label={`${w} × ${h}`} data-testid="sei-canvas">
      {!props.transparent && <rect x={0} y={0} width={w} height={h} fill="#0e1116" />}
      {props.comparison?.comparable &&
        props.comparison.scaledTiles.map((tile) => (
          <rect
            key={tile.tileId}
            x={tile.rect.x}
            y={tile.rect.y}
            width={tile.rect.width}
            height={tile.rect.height}
            fill="none"
            stroke="#9aa3b2"
            strokeOpacity={0.7}
            strokeWidth={unit * 0.25}
            strokeDasharray={`${unit * 1.2} ${unit * 0.8}`}
            data-testid="sei-expected-tile"
          />
        ))}
      {props.comparison?.missing.map((m) => (
        <g key={m.tileId} data-testid="sei-missing">
          <rect x={m.rect.x} y={m.rect.y} width={m.rect.width} height={m.rect.height} fill="rgba(240,98,98,0.12)" stroke="#f06262" strokeWidth={unit * 0.4} strokeDasharray={`${unit * 1.5} ${unit}`} />
          <text x={m.rect.x + unit * 1.5} y={m.rect.y + m.rect.height / 2} fontSize={unit * 2.2} fill="#f06262" fontFamily="system-ui, sans-serif">
            ✕ {m.userId}
          </text>
        </g>
      ))}
      {ordered.map(({ r, i }) => {
        const verdict = props.comparison?.regions[i]
        const colour = verdict?.status === 'unexpected' ? '#f06262' : verdict?.status === 'moved' ? '#e0a43a' : colourFor(r.uid)
        const meterH = Math.max(unit * 1.2, Math.min(r.h * 0.08, unit * 3))
        const volume = Math.max(0, Math.min(100, r.volume))
        const font = Math.max(unit * 1.8, Math.min(r.w, r.h) * 0.07)
        return (
          <g key={i} data-testid="sei-region" data-uid={r.uid} data-status={verdict?.status}>
            {verdict?.status === 'moved' && (
              <rect x={verdict.expected.x} y={verdict.expected.y} width={verdict.expected.width} height={verdict.expected.height} fill="none" stroke="#e0a43a" strokeWidth={unit * 0.3} strokeDasharray={`${unit} ${unit * 0.6}`} />
            )}
            <rect x={r.x} y={r.y} width={r.w} height={r.h} fill={colour} fillOpacity={0.18} stroke={colour} strokeWidth={unit * 0.4} />
            <text x={r.x + unit * 1.5} y={r.y + font + unit} fontSize={font} fill="#ffffff" fontWeight={600} fontFamily="ui-monospace, Menlo, Consolas, monospace">
              {r.uid}
            </text>
            <text x={r.x + unit * 1.5} y={r.y + font * 2.2 + unit} fontSize={font * 0.8} fill="#c9d1dc" fontFamily="system-ui, sans-serif">
              z {r.zorder} · {props.volumeLabel(volume)}
            </text>
            <rect x={r.x} y={r.y + r.h - meterH} width={r.w} height={meterH} fill="rgba(255,255,255,0.12)" />
            <rect
              x={r.x}
              y={r.y + r.h - meterH}
              width={(r.w * volume) / 100}
              height={meterH}
              fill={colour}
              className="layout-canvas-meter"
              data-testid="sei-meter"
            />
          </g>
        )
      })}
    </svg>
  )
}
