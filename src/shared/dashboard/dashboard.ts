// The live dashboard's rules, pure: which window the real-time APIs may be asked for, how often
// to poll, which date ranges the market and usage APIs accept, and how their answers become chart
// series. Source: 003_530a54cf0f8c0df7.txt (Data Monitoring APIs L4033–L5757, usage L13750–L14677).
import type { AppError } from '../errors'
import type { TRTCDataResult } from '../trtc/realtime'
import type { DescribeUsageResponse } from '../trtc/usage'

// ------------------------------------------------------------------ polling

// Rows of the real-time APIs are 10 s apart (DescribeTRTCRealTimeScaleData example, L4105–L4595),
// so polling more often than every 10 s only fetches the same rows again. One refresh is two calls
// (scale + quality), each limited to 20 requests per second (L4045, L4659): at the 10 s minimum a
// dashboard spends 0.1 call/s per action, well inside the budget every other feature shares.
export const REFRESH_MIN_S = 10
export const REFRESH_MAX_S = 300
export const REFRESH_DEFAULT_S = 20
export const REFRESH_CHOICES_S = [10, 20, 30, 60, 120, 300] as const
export const CALLS_PER_REFRESH = 2
/** The documented limit of each real-time action, per second (L4045, L4659). */
export const REALTIME_RATE_PER_S = 20

/** An interval in whole seconds inside [REFRESH_MIN_S, REFRESH_MAX_S]. */
export function clampRefresh(seconds: number): number {
  if (!Number.isFinite(seconds)) return REFRESH_DEFAULT_S
  return Math.min(REFRESH_MAX_S, Math.max(REFRESH_MIN_S, Math.round(seconds)))
}

/** Calls per second one action receives from the dashboard at this interval. */
export function callsPerSecond(refreshS: number): number {
  return 1 / clampRefresh(refreshS)
}

// ------------------------------------------------------------------ real-time window

// Scale: "The premium edition can query the last 1 hours" (L4042–L4043, L4080–L4082). Quality says
// both "up to 1 hours" (L4656–L4657) and "standard … 3 hours, premium … 12 hours" (L4694–L4697);
// one hour is the span every reading allows for both, so the window never exceeds it.
export const REALTIME_MAX_SPAN_S = 3600
export const REALTIME_SPANS_S = [600, 1800, 3600] as const
export type RealtimeSpan = (typeof REALTIME_SPANS_S)[number]
export const REALTIME_DEFAULT_SPAN_S: RealtimeSpan = 3600

export interface TimeWindow {
  startTime: number
  endTime: number
}

// The server checks the look-back against its own clock when the request arrives, later than we
// compute it and possibly a little ahead of ours: a start exactly one hour back would be refused.
export const REALTIME_MARGIN_S = 60

/** The last `spanS` seconds up to now (Unix seconds), starting inside the documented hour with a margin. */
export function realtimeWindow(nowS: number, spanS: number): TimeWindow {
  const end = Math.floor(nowS)
  const span = Math.min(REALTIME_MAX_SPAN_S - REALTIME_MARGIN_S, Math.max(60, Math.floor(spanS)))
  return { startTime: end - span, endTime: end }
}

// ------------------------------------------------------------------ series

/** Columns-Values data (L16023–L16034) as aligned columns; the first column is Unix seconds. */
export interface ChartSeries {
  times: number[]
  /** Metric columns in the order the API returned them ("time" excluded). */
  columns: string[]
  values: Array<Array<number | null>>
}

export const emptySeries = (): ChartSeries => ({ times: [], columns: [], values: [] })

// DescribeTRTCMarketQualityData's example names `joinSuccessRate` twice (L5664–L5666) while its
// description lists joinSuccessIn5sRate (L5528–L5534): a repeated column takes the first expected
// name that is missing, so no column is lost or merged.
function uniqueColumns(columns: string[], expected: readonly string[]): string[] {
  const out: string[] = []
  for (const c of columns) {
    if (!out.includes(c)) out.push(c)
    else out.push(expected.find((e) => !columns.includes(e) && !out.includes(e)) ?? `${c}#${out.filter((o) => o.startsWith(c)).length + 1}`)
  }
  return out
}

/**
 * TRTCDataResult → aligned columns. Rows are sorted by time, a repeated time keeps the later row,
 * values that are not finite numbers become gaps. RowValue is typed "Array of Integer" (L15941) but
 * carries rates, so numbers are kept as they are.
 */
export function seriesFromData(data: TRTCDataResult | undefined | null, expected: readonly string[] = []): ChartSeries {
  const first = data?.Series?.[0]
  if (!first || !Array.isArray(first.Columns) || first.Columns.length === 0) return emptySeries()
  const names = uniqueColumns(first.Columns.map(String), expected)
  const timeAt = Math.max(0, names.indexOf('time'))
  const metricIdx = names.map((_, i) => i).filter((i) => i !== timeAt)
  const rows = new Map<number, Array<number | null>>()
  for (const row of first.Values ?? []) {
    const v = Array.isArray(row?.RowValue) ? row.RowValue : []
    const t = v[timeAt]
    if (typeof t !== 'number' || !Number.isFinite(t)) continue
    rows.set(t, metricIdx.map((i) => (typeof v[i] === 'number' && Number.isFinite(v[i]) ? (v[i] as number) : null)))
  }
  const times = [...rows.keys()].sort((a, b) => a - b)
  return {
    times,
    columns: metricIdx.map((i) => names[i] ?? ''),
    values: metricIdx.map((_, k) => times.map((t) => rows.get(t)?.[k] ?? null)),
  }
}

/** The newest value of a column, or null. */
export function latestOf(s: ChartSeries, column: string): number | null {
  const i = s.columns.indexOf(column)
  const col = i >= 0 ? s.values[i] : undefined
  if (!col) return null
  for (let k = col.length - 1; k >= 0; k--) if (col[k] !== null && col[k] !== undefined) return col[k] as number
  return null
}

export const REALTIME_SCALE_COLUMNS = ['userCount', 'roomCount'] as const // L4037–L4038
export const REALTIME_QUALITY_COLUMNS = ['videoFreezeRate', 'audioFreezeRate'] as const // L4646–L4649
export const MARKET_SCALE_COLUMNS = ['userCount', 'roomCount', 'peakCurrentUsers', 'peakCurrentChannels'] as const // L5248–L5255
export const MARKET_QUALITY_COLUMNS = ['joinSuccessRate', 'joinSuccessIn5sRate', 'videoFreezeRate', 'audioFreezeRate', 'networkDelay'] as const // L5528–L5534

// ------------------------------------------------------------------ dates

const DAY_S = 86_400
const YMD = /^\d{4}-\d{2}-\d{2}$/

/** YYYY-MM-DD → Unix seconds of that UTC midnight, or null. */
export function parseYmd(text: string): number | null {
  if (!YMD.test(text)) return null
  const ms = Date.parse(`${text}T00:00:00Z`)
  if (!Number.isFinite(ms) || new Date(ms).toISOString().slice(0, 10) !== text) return null
  return ms / 1000
}

export function ymdOf(unixS: number): string {
  return new Date(Math.floor(unixS) * 1000).toISOString().slice(0, 10)
}

export type RangeProblem = 'format' | 'order' | 'future' | 'tooOld' | 'tooLong'

export interface DateRange {
  startDate: string
  endDate: string
}

// Market data: "premium edition can query up to 60 days" (scale, L5263–L5264, L5298–L5300) and
// "the last 30 days" (quality, L5541–L5542, L5578–L5580); whole UTC days or hours (L5304–L5311).
export const MARKET_LOOKBACK_DAYS = { scale: 60, quality: 30 } as const
export type MarketKind = keyof typeof MARKET_LOOKBACK_DAYS

/** What is wrong with a market date range for one of the two market APIs, seen from `nowS`. */
export function marketRangeProblem(r: DateRange, nowS: number, kind: MarketKind): RangeProblem | null {
  const a = parseYmd(r.startDate)
  const b = parseYmd(r.endDate)
  if (a === null || b === null) return 'format'
  if (b < a) return 'order'
  const today = nowS - (nowS % DAY_S)
  if (a > today) return 'future'
  if (a < today - MARKET_LOOKBACK_DAYS[kind] * DAY_S) return 'tooOld'
  return null
}

// Usage: "The period queried per request cannot be longer than 31 days." One day or shorter gives
// five-minute points, longer gives daily points (L13754–L13765).
export const USAGE_MAX_DAYS = 31

export function usageRangeProblem(r: DateRange, nowS: number): RangeProblem | null {
  const a = parseYmd(r.startDate)
  const b = parseYmd(r.endDate)
  if (a === null || b === null) return 'format'
  if (b < a) return 'order'
  if (a > nowS - (nowS % DAY_S)) return 'future'
  if ((b - a) / DAY_S + 1 > USAGE_MAX_DAYS) return 'tooLong'
  return null
}

/** The last `days` UTC days up to today. */
export function lastDays(nowS: number, days: number): DateRange {
  const today = nowS - (nowS % DAY_S)
  return { startDate: ymdOf(today - (days - 1) * DAY_S), endDate: ymdOf(today) }
}

// The usage APIs answer in ap-guangzhou and ap-singapore only (L13797–L13799, L14021, L14259, L14519).
export const USAGE_REGIONS = ['ap-guangzhou', 'ap-singapore'] as const
const MAINLAND = ['ap-beijing', 'ap-shanghai', 'ap-guangzhou', 'ap-chengdu', 'ap-chongqing', 'ap-nanjing']
/** The profile's region when the usage APIs accept it; otherwise Guangzhou from the mainland, Singapore elsewhere. */
export function usageRegionFor(region: string): (typeof USAGE_REGIONS)[number] {
  if ((USAGE_REGIONS as readonly string[]).includes(region)) return region as (typeof USAGE_REGIONS)[number]
  return MAINLAND.includes(region) ? 'ap-guangzhou' : 'ap-singapore'
}

/** Usage in minutes per key (L16292–L16312: UsageValue aligned with UsageKey). */
export interface UsageSeries {
  keys: string[]
  /** Unix seconds of each TimeKey ("YYYY-MM-DD HH:mm:ss"). */
  times: number[]
  /** values[k][i]: minutes of keys[k] at times[i]. */
  values: number[][]
  totals: number[]
  /** Seconds between points: 300 for a single day, 86400 beyond (L13754–L13765). */
  stepS: number
}

export function usageSeries(resp: DescribeUsageResponse | null | undefined): UsageSeries {
  const keys = Array.isArray(resp?.UsageKey) ? resp.UsageKey.map(String) : []
  const points: Array<[number, number[]]> = []
  for (const u of resp?.UsageList ?? []) {
    const ms = typeof u?.TimeKey === 'string' ? Date.parse(`${u.TimeKey.replace(' ', 'T')}Z`) : Number.NaN
    if (!Number.isFinite(ms)) continue
    const row = keys.map((_, k) => {
      const v = u.UsageValue?.[k]
      return typeof v === 'number' && Number.isFinite(v) ? v : 0
    })
    points.push([ms / 1000, row])
  }
  points.sort((a, b) => a[0] - b[0])
  const times = points.map((p) => p[0])
  const values = keys.map((_, k) => points.map((p) => p[1][k] ?? 0))
  const totals = values.map((col) => col.reduce((s, v) => s + v, 0))
  const stepS = times.length > 1 ? (times[1] ?? 0) - (times[0] ?? 0) : DAY_S
  return { keys, times, values, totals, stepS }
}

// ------------------------------------------------------------------ panels

/**
 * "the monitoring dashboard Free Edition does not support calling" (L4038–L4041, L4652–L4654,
 * L5259–L5261, L5537–L5539): the needed edition when an answer says the edition is too low.
 */
export type EditionNeed = 'standard' | 'premium'

export interface Panel<T> {
  /** The last good data; kept when a later refresh fails. */
  data: T | null
  /** ms since the epoch of the last good answer. */
  updatedAt: number | null
  /** Why the latest attempt failed; null after a success. */
  error: AppError | null
  edition: EditionNeed | null
  loading: boolean
}

export const emptyPanel = <T>(): Panel<T> => ({ data: null, updatedAt: null, error: null, edition: null, loading: false })

export interface DashboardSnapshot {
  sdkAppId: number | null
  /** Polling wanted (the tab is open). */
  running: boolean
  paused: boolean
  refreshS: number
  spanS: number
  window: TimeWindow | null
  /** ms since the epoch of the next scheduled refresh, null when none is scheduled. */
  nextAt: number | null
  scale: Panel<ChartSeries>
  quality: Panel<ChartSeries>
}

export interface MarketResult {
  scale: Panel<ChartSeries>
  quality: Panel<ChartSeries>
}

export const USAGE_PANELS = ['trtc', 'recordingSingle', 'recordingMulti', 'mixTranscoding', 'relay'] as const
export type UsagePanel = (typeof USAGE_PANELS)[number]
export type UsageResult = Record<UsagePanel, Panel<UsageSeries>>

// ------------------------------------------------------------------ usage by room

// DescribeTrtcRoomUsage: "The queried period cannot exceed 24 hours", times "YYYY-MM-DD HH:MM"
// (L14685–L14737), one call every 15 s (L14692), answered as CSV (L14746).
export interface RoomUsageRequest {
  sdkAppId: number
  /** YYYY-MM-DD; the UTC day queried, up to now when it is today. */
  date: string
}

/** The minute range of one UTC day, cut at `nowS` for today; null for a bad or future date. */
export function roomUsageWindow(date: string, nowS: number): { startTime: string; endTime: string } | null {
  const start = parseYmd(date)
  if (start === null || start > nowS) return null
  const end = Math.min(start + DAY_S - 60, Math.floor(nowS / 60) * 60)
  const minute = (t: number) => new Date(t * 1000).toISOString().slice(0, 16).replace('T', ' ')
  return { startTime: minute(start), endTime: minute(Math.max(start, end)) }
}

export interface RoomUsage {
  /** Usage columns after RoomId, as the header names them ("hd" is written HD, see below). */
  columns: string[]
  /** Rooms, most minutes first. */
  rows: Array<{ roomId: string; minutes: number[]; total: number }>
}

/** Splits one CSV line; fields may be quoted with "" for a quote inside (RFC 4180). */
function csvFields(line: string): string[] {
  const out: string[] = []
  let field = ''
  let quoted = false
  for (let i = 0; i < line.length; i++) {
    const c = line[i]
    if (quoted) {
      if (c === '"' && line[i + 1] === '"') {
        field += '"'
        i++
      } else if (c === '"') quoted = false
      else field += c
    } else if (c === '"' && field === '') quoted = true
    else if (c === ',') {
      out.push(field)
      field = ''
    } else field += c
  }
  out.push(field)
  return out
}

/**
 * The CSV of DescribeTrtcRoomUsage. The doc's header is `RoomId,Audio,SD,hd,FullHD,2K,4K` with a
 * lower-case "hd" (L14789) while every other usage API says HD, so column names are matched
 * without case and shown as the other APIs name them. Unreadable numbers count as 0.
 */
export function parseRoomUsageCsv(csv: string): RoomUsage {
  const lines = csv.split(/\r?\n/).filter((l) => l.trim() !== '')
  const header = lines[0] ? csvFields(lines[0]).map((h) => h.trim()) : []
  const known = ['Audio', 'SD', 'HD', 'FullHD', '2K', '4K']
  const columns = header.slice(1).map((h) => known.find((k) => k.toLowerCase() === h.toLowerCase()) ?? h)
  const rows = lines.slice(1).map((line) => {
    const f = csvFields(line)
    const minutes = columns.map((_, i) => {
      const v = Number(f[i + 1])
      return Number.isFinite(v) ? v : 0
    })
    return { roomId: f[0] ?? '', minutes, total: minutes.reduce((a, b) => a + b, 0) }
  })
  return { columns, rows: rows.sort((a, b) => b.total - a.total || a.roomId.localeCompare(b.roomId)) }
}
