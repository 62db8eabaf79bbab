// How an alert's values are written, the same in notifications and in the list.
import { metricUnits, type AlertMetric } from './metrics'

export function formatValue(metric: AlertMetric | undefined, v: number): string {
  const unit = metric === undefined ? '' : metricUnits[metric]
  // Bitrates arrive in bps (003_530a54cf0f8c0df7.txt L11938–L11957); kbps reads better.
  if (unit === 'bps') return Math.abs(v) >= 1000 ? `${(v / 1000).toFixed(Math.abs(v) >= 100_000 ? 0 : 1)} kbps` : `${Math.round(v)} bps`
  const text = Number.isInteger(v) ? String(v) : v.toFixed(2)
  return unit === '' ? text : unit === '%' ? `${text}%` : `${text} ${unit}`
}
