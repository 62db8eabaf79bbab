// A layout drawn as the cloud would place it: tiles in z order with their user (or "any user"),
// optionally marked with what a Take changes (moved, changed, added) and the tiles it removes.
import type { TileChange } from '../../../../shared/layout/diff'
import type { LayoutDoc, Tile } from '../../../../shared/layout/model'
import { cssColour, userColour } from '../../../../shared/media/userColour'
import { useT } from '../shell/context'

export function LayoutMonitor(props: { doc: LayoutDoc; changes?: Record<string, TileChange>; removed?: Tile[]; testId?: string; compact?: boolean }) {
  const t = useT()
  const { width, height } = props.doc.canvas
  const tiles = [...props.doc.tiles].sort((a, b) => a.z - b.z)
  const stroke = Math.max(2, Math.round(width / 320))
  const font = Math.max(12, Math.round(width / 48))
  return (
    <svg className={props.compact ? 'layout-monitor compact' : 'layout-monitor'} viewBox={`0 0 ${width} ${height}`} preserveAspectRatio="xMidYMid meet" role="img" aria-label={`${width} × ${height}`} data-testid={props.testId}>
      <rect x={0} y={0} width={width} height={height} fill={props.doc.canvas.backgroundColor} />
      {props.doc.mode !== 'custom' && !props.compact && (
        <text x={width / 2} y={height / 2} textAnchor="middle" fontSize={font * 1.4} className="layout-monitor-note">
          {t(`show.template.${props.doc.mode}`)}
        </text>
      )}
      {tiles.map((tile, i) => {
        const user = tile.binding.kind === 'user' ? tile.binding.userId : null
        const change = props.changes?.[tile.id]
        return (
          <g key={tile.id} data-testid={props.testId ? `${props.testId}-tile` : undefined} data-change={change}>
            <rect x={tile.x} y={tile.y} width={tile.width} height={tile.height} fill={user ? cssColour(userColour(user)) : '#344054'} fillOpacity={0.85} stroke="#0b0d12" strokeWidth={stroke / 2} />
            {change && change !== 'same' && (
              <rect x={tile.x + stroke} y={tile.y + stroke} width={Math.max(0, tile.width - 2 * stroke)} height={Math.max(0, tile.height - 2 * stroke)} fill="none" strokeWidth={stroke * 2} className={`layout-change ${change}`} />
            )}
            {!props.compact && (
              <text x={tile.x + tile.width / 2} y={tile.y + tile.height / 2} textAnchor="middle" dominantBaseline="middle" fontSize={font} className="layout-monitor-label">
                {user ?? t('show.anyUser', { n: i + 1 })}
              </text>
            )}
            {change && change !== 'same' && !props.compact && (
              <text x={tile.x + 2 * stroke + 4} y={tile.y + 2 * stroke + font} fontSize={font * 0.85} className={`layout-change-label ${change}`}>
                {t(`show.change.${change}`)}
              </text>
            )}
          </g>
        )
      })}
      {props.removed?.map((tile) => (
        <rect key={`removed-${tile.id}`} x={tile.x} y={tile.y} width={tile.width} height={tile.height} fill="none" strokeDasharray={`${stroke * 4} ${stroke * 3}`} strokeWidth={stroke * 2} className="layout-change removed" data-testid={props.testId ? `${props.testId}-removed` : undefined} />
      ))}
    </svg>
  )
}
