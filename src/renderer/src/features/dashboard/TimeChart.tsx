// One uPlot time chart of aligned columns, themed like the room quality charts (same palette,
// axes and legend styles), with drag-to-zoom and double-click to reset.
import { useEffect, useRef } from 'react'
import uPlot from 'uplot'
import 'uplot/dist/uPlot.min.css'
import '../rooms/insights.css'
import { readTheme, USER_COLOURS } from '../rooms/QualityCharts'

export interface TimeChartProps {
  testId: string
  /** Legend label of the time column. */
  timeLabel: string
  times: number[]
  columns: Array<{ label: string; values: Array<number | null> }>
  unit: string
  digits: number
  /** How the time axis and legend show a point: clock time, or a date for daily data. */
  timeStyle: 'time' | 'date' | 'dateTime'
  locale: string
  dark: boolean
  bars?: boolean
  height?: number
  /** false: the y axis hugs the data (success rates near 100 % would otherwise be a flat line). */
  fromZero?: boolean
  /** A click on a point (± one sample) or a dragged range picks that stretch of time (Unix seconds). */
  onPick?(range: { from: number; to: number }): void
}

function formatTime(v: number, style: TimeChartProps['timeStyle'], locale: string): string {
  const d = new Date(v * 1000)
  // Market and usage days are UTC days (003_530a54cf0f8c0df7.txt L5304–L5311), so they are shown in UTC.
  if (style === 'date') return d.toLocaleDateString(locale, { timeZone: 'UTC', month: 'short', day: 'numeric' })
  if (style === 'dateTime') return d.toLocaleString(locale, { timeZone: 'UTC', month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit', hour12: false })
  return d.toLocaleTimeString(locale, { hour12: false })
}

export function TimeChart(props: TimeChartProps) {
  const host = useRef<HTMLDivElement>(null)
  const pick = useRef(props.onPick)
  useEffect(() => {
    pick.current = props.onPick
  }, [props.onPick])
  const { times, columns, unit, digits, timeStyle, locale, dark, bars, timeLabel } = props
  const fromZero = props.fromZero ?? true
  const height = props.height ?? 180

  useEffect(() => {
    const el = host.current
    if (!el || times.length === 0) return
    const theme = readTheme()
    const fmt = (v: number | null | undefined): string => (v === null || v === undefined ? '—' : `${v.toLocaleString(locale, { maximumFractionDigits: digits })}${unit ? ` ${unit}` : ''}`)
    const axisFont = '11px system-ui, sans-serif'
    const series: uPlot.Series[] = [
      { label: timeLabel, value: (_u, v) => (v === null || v === undefined ? '—' : formatTime(v, timeStyle, locale)) },
      ...columns.map((c, i) => {
        const colour = USER_COLOURS[i % USER_COLOURS.length] ?? '#3b82f6'
        const s: uPlot.Series = {
          label: c.label,
          stroke: colour,
          width: 1.5,
          spanGaps: false,
          points: { show: times.length < 40 },
          value: (_u, v) => fmt(v),
        }
        if (bars && columns.length === 1) {
          s.fill = `${colour}55`
          s.paths = uPlot.paths.bars?.({ size: [0.7, 40] })
        }
        return s
      }),
    ]
    const opts: uPlot.Options = {
      width: Math.max(240, el.clientWidth),
      height,
      series,
      scales: {
        x: { time: true },
        y: {
          range: (_u, min, max): uPlot.Range.MinMax => {
            if (fromZero) return [Math.min(0, min), max > min ? max * 1.1 : min + 1]
            const pad = Math.max(0.5, (max - min) * 0.15)
            return [Math.max(0, Math.floor(min - pad)), Math.ceil(max + pad)]
          },
        },
      },
      axes: [
        {
          stroke: theme.muted,
          grid: { stroke: theme.grid, width: 1 },
          ticks: { stroke: theme.grid, width: 1 },
          font: axisFont,
          values: (_u, vals) => vals.map((v) => formatTime(v, timeStyle === 'dateTime' ? 'dateTime' : timeStyle, locale)),
          space: timeStyle === 'time' ? 70 : 80,
        },
        {
          stroke: theme.muted,
          grid: { stroke: theme.grid, width: 1 },
          ticks: { stroke: theme.grid, width: 1 },
          font: axisFont,
          size: 56,
          values: (_u, vals) => vals.map((v) => `${v.toLocaleString(locale, { maximumFractionDigits: 1 })}${unit === '%' ? '%' : ''}`),
        },
      ],
      cursor: { y: false, drag: { x: true, y: false, setScale: true }, points: { size: 6 } },
      legend: { live: true },
    }
    const data: uPlot.AlignedData = [times, ...columns.map((c) => c.values)]
    const chart = new uPlot(opts, data, el)
    const reset = () => chart.setScale('x', { min: times[0] ?? 0, max: times[times.length - 1] ?? 0 })
    el.addEventListener('dblclick', reset)
    // A drag zooms and picks its range; a click picks the point under the cursor.
    let dragged = false
    const onSelect = () => {
      if (chart.select.width <= 2) return
      dragged = true
      pick.current?.({ from: Math.floor(chart.posToVal(chart.select.left, 'x')), to: Math.ceil(chart.posToVal(chart.select.left + chart.select.width, 'x')) })
    }
    chart.hooks.setSelect = [...(chart.hooks.setSelect ?? []), onSelect]
    const onClick = () => {
      if (dragged) return void (dragged = false)
      const i = chart.cursor.idx
      if (i === null || i === undefined || times[i] === undefined) return
      const step = times.length > 1 ? Math.max(60, (times[1]! - times[0]!)) : 300
      pick.current?.({ from: times[i]! - step, to: times[i]! + step })
    }
    el.addEventListener('click', onClick)
    const resize = new ResizeObserver(() => {
      const w = Math.max(240, el.clientWidth)
      if (Math.abs(w - chart.width) > 1) chart.setSize({ width: w, height })
    })
    resize.observe(el)
    return () => {
      resize.disconnect()
      el.removeEventListener('dblclick', reset)
      el.removeEventListener('click', onClick)
      chart.destroy()
    }
  }, [times, columns, unit, digits, timeStyle, locale, dark, bars, height, timeLabel, fromZero])

  const points = columns.reduce((n, c) => n + c.values.filter((v) => v !== null).length, 0)
  return <div ref={host} className={props.onPick ? 'insights-plot pickable' : 'insights-plot'} data-testid={props.testId} data-points={points} />
}
