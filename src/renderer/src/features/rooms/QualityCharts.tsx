// Call quality of a room's users (DescribeCallDetailInfo through rooms.quality): one uPlot chart per
// metric group, with a shared crosshair, drag-to-zoom that every chart follows, and a reset.
import { useCallback, useEffect, useId, useMemo, useRef, useState } from 'react'
import uPlot from 'uplot'
import 'uplot/dist/uPlot.min.css'
import './insights.css'
import type { QualitySeries, RoomRow } from '../../../../shared/contract/contract'
import type { Result } from '../../../../shared/errors'
import { api } from '../../api'
import { useApp, useErrorText, useT } from '../shell/context'
import { selectDark, selectLocale } from '../shell/appStore'
import type { en } from './insightsMessages'

type InsightsKey = keyof typeof en
type Translate = (key: InsightsKey, params?: Record<string, string | number>) => string

interface MetricGroup {
  id: string
  title: InsightsKey
  /** Metric names as the API has them (003_530a54cf0f8c0df7.txt L11938–L11957). */
  dataTypes: readonly string[]
  unit: string
  /** Applied to every value before charting (bps → kbps). */
  scale: number
  digits: number
}

// Bitrates are reported in bps, stalls in ms (L11938–L11957); loss is charted as the server reports it.
const GROUPS: readonly MetricGroup[] = [
  { id: 'cpu', title: 'insights.metric.cpu', dataTypes: ['appCpu', 'sysCpu'], unit: '%', scale: 1, digits: 1 },
  { id: 'aBit', title: 'insights.metric.aBit', dataTypes: ['aBit'], unit: 'kbps', scale: 1 / 1000, digits: 0 },
  { id: 'aLoss', title: 'insights.metric.aLoss', dataTypes: ['aLoss'], unit: '%', scale: 1, digits: 1 },
  { id: 'aBlock', title: 'insights.metric.aBlock', dataTypes: ['aBlock'], unit: 'ms', scale: 1, digits: 0 },
  { id: 'bigvBit', title: 'insights.metric.bigvBit', dataTypes: ['bigvBit'], unit: 'kbps', scale: 1 / 1000, digits: 0 },
  { id: 'fps', title: 'insights.metric.fps', dataTypes: ['bigvCapFps', 'bigvEncFps', 'bigvDecFps'], unit: 'fps', scale: 1, digits: 0 },
  { id: 'bigvLoss', title: 'insights.metric.bigvLoss', dataTypes: ['bigvLoss'], unit: '%', scale: 1, digits: 1 },
  { id: 'bigvBlock', title: 'insights.metric.bigvBlock', dataTypes: ['bigvBlock'], unit: 'ms', scale: 1, digits: 0 },
  { id: 'resolution', title: 'insights.metric.resolution', dataTypes: ['bigvWidth', 'bigvHeight'], unit: 'px', scale: 1, digits: 0 },
]
const ALL_TYPES = GROUPS.flatMap((g) => g.dataTypes)
const SUBSERIES_LABEL: Record<string, InsightsKey> = {
  appCpu: 'insights.series.appCpu',
  sysCpu: 'insights.series.sysCpu',
  bigvCapFps: 'insights.series.bigvCapFps',
  bigvEncFps: 'insights.series.bigvEncFps',
  bigvDecFps: 'insights.series.bigvDecFps',
  bigvWidth: 'insights.series.bigvWidth',
  bigvHeight: 'insights.series.bigvHeight',
}
// Distinct hues that keep contrast on both the light and the dark surface.
export const USER_COLOURS = ['#3b82f6', '#f97316', '#10b981', '#e11d48', '#8b5cf6', '#ca8a04', '#0891b2', '#db2777', '#65a30d', '#7c3aed', '#ea580c', '#0d9488']
// The second and third metric of a group are told apart by dash, the user by colour.
const DASHES: number[][] = [[], [6, 4], [2, 3]]
const CHART_HEIGHT = 170

type Range = '15m' | '1h' | 'room'
const RANGE_S: Record<Exclude<Range, 'room'>, number> = { '15m': 900, '1h': 3600 }

export interface QualityChartsProps {
  sdkAppId: number
  room: RoomRow
  userIds: string[]
}

export interface Theme {
  text: string
  muted: string
  grid: string
}

export function readTheme(): Theme {
  const css = getComputedStyle(document.documentElement)
  const v = (name: string, fallback: string): string => css.getPropertyValue(name).trim() || fallback
  return { text: v('--text', '#1b1f27'), muted: v('--muted', '#5d6675'), grid: v('--border', '#dde1e8') }
}

interface ChartModel {
  group: MetricGroup
  data: uPlot.AlignedData
  series: uPlot.Series[]
  /** Samples charted, gaps excluded. */
  points: number
}

/** Aligns the group's series on the union of their timestamps; a missing sample is a gap. */
function modelOf(group: MetricGroup, all: QualitySeries[], userIds: string[], t: Translate, locale: string): ChartModel | null {
  const mine = all.filter((s) => group.dataTypes.includes(s.dataType) && s.points.length > 0)
  if (mine.length === 0) return null
  const xs = [...new Set(mine.flatMap((s) => s.points.map((p) => p[0])))].sort((a, b) => a - b)
  const index = new Map(xs.map((x, i) => [x, i]))
  const data: uPlot.AlignedData = [xs]
  const series: uPlot.Series[] = [
    { label: t('insights.quality.time'), value: (_u, v) => (v === null || v === undefined ? '—' : new Date(v * 1000).toLocaleTimeString(locale, { hour12: false })) },
  ]
  let points = 0
  for (const s of mine) {
    points += s.points.length
    const ys: Array<number | null> = new Array<number | null>(xs.length).fill(null)
    for (const [x, y] of s.points) ys[index.get(x) ?? 0] = y * group.scale
    data.push(ys)
    const userIndex = Math.max(0, userIds.indexOf(s.userId))
    const sub = SUBSERIES_LABEL[s.dataType]
    const parts = [s.userId]
    if (sub && group.dataTypes.length > 1) parts.push(t(sub))
    if (s.peerId) parts.push(t('insights.series.from', { peer: s.peerId }))
    series.push({
      label: parts.join(' · '),
      stroke: USER_COLOURS[userIndex % USER_COLOURS.length],
      width: 1.5,
      dash: DASHES[group.dataTypes.indexOf(s.dataType)] ?? [],
      spanGaps: false,
      points: { show: false },
      value: (_u, v) => (v === null || v === undefined ? '—' : `${v.toFixed(group.digits)} ${group.unit}`),
    })
  }
  return { group, data, series, points }
}

export function QualityCharts(props: QualityChartsProps) {
  const t = useT() as unknown as Translate
  const sayError = useErrorText()
  const dark = useApp(selectDark)
  const locale = useApp(selectLocale)
  const [range, setRange] = useState<Range>('1h')
  const [attempt, setAttempt] = useState(0)
  const [answer, setAnswer] = useState<{ key: string; result: Result<QualitySeries[]> } | null>(null)
  const [zoomedKey, setZoomedKey] = useState<string | null>(null)
  const [charts] = useState(() => new Set<uPlot>())
  const syncKey = `quality-${useId()}`
  const { sdkAppId, room } = props
  const userKey = props.userIds.join('\u0000')
  // Each distinct request has a key; an answer for an older key is ignored, so no state needs resetting.
  const requestKey = [sdkAppId, room.commId, range, userKey, attempt].join('|')
  const hasUsers = props.userIds.length > 0
  const loading = hasUsers && answer?.key !== requestKey
  const result = hasUsers && answer?.key === requestKey ? answer.result : null
  const series = useMemo(() => (result?.ok ? result.value : []), [result])
  const error = result && !result.ok ? result.error : null
  const zoomed = zoomedKey === requestKey

  useEffect(() => {
    if (!hasUsers) return
    let live = true
    const end = room.finished && room.destroyTime > 0 ? room.destroyTime : Math.floor(Date.now() / 1000)
    const start = range === 'room' ? room.createTime : Math.max(room.createTime, end - RANGE_S[range])
    const userIds = userKey.split('\u0000')
    void api['rooms.quality']({ sdkAppId, commId: room.commId, startTime: start, endTime: Math.max(start, end), userIds, dataTypes: ALL_TYPES }).then((r) => {
      if (live) setAnswer({ key: requestKey, result: r })
    })
    return () => {
      live = false
    }
  }, [requestKey, hasUsers, sdkAppId, room.commId, room.createTime, room.destroyTime, room.finished, range, userKey])

  const models = useMemo(() => {
    const userIds = userKey.split('\u0000')
    return GROUPS.map((g) => modelOf(g, series, userIds, t, locale)).filter((m): m is ChartModel => m !== null)
  }, [series, userKey, t, locale])

  /** Every chart follows the x range the user dragged out on any of them. */
  const syncing = useRef(false)
  const onScale = useCallback(
    (u: uPlot) => {
      if (syncing.current) return
      const { min, max } = u.scales['x'] ?? {}
      if (min === undefined || max === undefined || min === null || max === null) return
      syncing.current = true
      for (const other of charts) if (other !== u) other.setScale('x', { min, max })
      syncing.current = false
      const xs = u.data[0]
      const isZoomed = xs.length > 0 && (min > (xs[0] ?? min) || max < (xs[xs.length - 1] ?? max))
      setZoomedKey(isZoomed ? requestKey : null)
    },
    [charts, requestKey],
  )

  const reset = () => {
    syncing.current = true
    for (const c of charts) {
      const xs = c.data[0]
      if (xs.length > 0) c.setScale('x', { min: xs[0] ?? 0, max: xs[xs.length - 1] ?? 0 })
    }
    syncing.current = false
    setZoomedKey(null)
  }

  return (
    <section className="insights-quality" data-testid="quality-charts" aria-busy={loading}>
      <div className="insights-head">
        <h3>{t('insights.quality.title')}</h3>
        <span className="muted small insights-users" title={props.userIds.join(', ')} data-testid="quality-users">
          {t('insights.quality.users', { users: props.userIds.join(', ') || '—' })}
        </span>
        <span className="spacer" />
        <div className="insights-range" role="group" aria-label={t('insights.quality.range')}>
          {(['15m', '1h', 'room'] as const).map((r) => (
            <button key={r} type="button" className={`button small${r === range ? ' primary' : ''}`} aria-pressed={r === range} onClick={() => setRange(r)} data-testid={`quality-range-${r}`}>
              {t(`insights.quality.range.${r}`)}
            </button>
          ))}
        </div>
        <button type="button" className="button small" disabled={!zoomed} onClick={reset} data-testid="quality-reset">
          {t('insights.quality.reset')}
        </button>
      </div>
      {loading && <p className="muted insights-status">{t('insights.quality.loading')}</p>}
      {!loading && error && (
        <div className="insights-error" role="alert" data-testid="quality-error">
          <span>{t('insights.quality.failed', { message: sayError(error) })}</span>
          <button type="button" className="button small" onClick={() => setAttempt((n) => n + 1)}>
            {t('insights.quality.retry')}
          </button>
        </div>
      )}
      {!loading && !error && props.userIds.length === 0 && <p className="muted insights-status">{t('insights.quality.noUsers')}</p>}
      {!loading && !error && props.userIds.length > 0 && models.length === 0 && <p className="muted insights-status">{t('insights.quality.empty')}</p>}
      {!loading && !error && models.length > 0 && (
        <>
          <p className="muted small insights-hint">{t('insights.quality.zoomHint')}</p>
          <div className="insights-grid">
            {models.map((m) => (
              <MetricChart key={`${m.group.id}-${dark ? 'd' : 'l'}`} model={m} title={t(m.group.title)} syncKey={syncKey} registry={charts} onScale={onScale} dark={dark} locale={locale} />
            ))}
          </div>
        </>
      )}
    </section>
  )
}

function MetricChart(props: { model: ChartModel; title: string; syncKey: string; registry: Set<uPlot>; onScale: (u: uPlot) => void; dark: boolean; locale: string }) {
  const host = useRef<HTMLDivElement>(null)
  const { model, syncKey, registry, onScale, locale } = props

  useEffect(() => {
    const el = host.current
    if (!el) return
    const theme = readTheme()
    const axis = (unit: string | null): uPlot.Axis => ({
      stroke: theme.muted,
      grid: { stroke: theme.grid, width: 1 },
      ticks: { stroke: theme.grid, width: 1 },
      font: '11px system-ui, sans-serif',
      ...(unit === null ? {} : { size: 56, values: (_u: uPlot, vals: number[]) => vals.map((v) => `${Number.isInteger(v) ? v : v.toFixed(1)}${unit === '%' ? '%' : ''}`) }),
    })
    const opts: uPlot.Options = {
      width: Math.max(240, el.clientWidth),
      height: CHART_HEIGHT,
      series: model.series,
      scales: { x: { time: true }, y: { range: (_u, min, max) => [Math.min(0, min), max > min ? max * 1.08 : min + 1] } },
      // Time ticks in the UI language's format (24-hour), seconds only when zoomed in to minutes.
      axes: [
        {
          ...axis(null),
          space: 64,
          values: (_u: uPlot, vals: number[]) => {
            const span = (vals.at(-1) ?? 0) - (vals[0] ?? 0)
            return vals.map((v) => new Date(v * 1000).toLocaleTimeString(locale, { hour: '2-digit', minute: '2-digit', ...(span < 300 ? { second: '2-digit' as const } : {}), hour12: false }))
          },
        },
        axis(model.group.unit),
      ],
      cursor: { y: false, sync: { key: syncKey, setSeries: true }, drag: { x: true, y: false, setScale: true }, points: { size: 6 } },
      legend: { live: true },
      hooks: { setScale: [(u, key) => key === 'x' && onScale(u)] },
    }
    const chart = new uPlot(opts, model.data, el)
    registry.add(chart)
    const resize = new ResizeObserver(() => {
      const w = Math.max(240, el.clientWidth)
      if (Math.abs(w - chart.width) > 1) chart.setSize({ width: w, height: CHART_HEIGHT })
    })
    resize.observe(el)
    return () => {
      resize.disconnect()
      registry.delete(chart)
      chart.destroy()
    }
  }, [model, syncKey, registry, onScale, props.dark, locale])

  return (
    <figure className="insights-chart" data-testid="quality-chart" data-metric={model.group.id} data-points={model.points}>
      <figcaption>
        {props.title} <span className="muted small">({model.group.unit})</span>
      </figcaption>
      <div ref={host} className="insights-plot" />
    </figure>
  )
}
