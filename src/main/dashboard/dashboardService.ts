// The live dashboard: main owns the polling of the real-time APIs and pushes a snapshot after every
// change ('dashboard.snapshot'); the renderer only sends intents (start, pause, configure, stop).
// Market and usage data are fetched on demand. Every panel succeeds or fails on its own and keeps
// its last good data when a later attempt fails.
import type { Settings } from '../../shared/contract/contract'
import {
  clampRefresh,
  emptyPanel,
  marketRangeProblem,
  parseRoomUsageCsv,
  roomUsageWindow,
  MARKET_LOOKBACK_DAYS,
  MARKET_QUALITY_COLUMNS,
  MARKET_SCALE_COLUMNS,
  REALTIME_DEFAULT_SPAN_S,
  REALTIME_QUALITY_COLUMNS,
  REALTIME_SCALE_COLUMNS,
  realtimeWindow,
  REFRESH_DEFAULT_S,
  seriesFromData,
  usageRangeProblem,
  usageRegionFor,
  usageSeries,
  type ChartSeries,
  type DashboardSnapshot,
  type DateRange,
  type EditionNeed,
  type MarketKind,
  type MarketResult,
  type Panel,
  type RangeProblem,
  type RoomUsage,
  type RoomUsageRequest,
  type UsagePanel,
  type UsageResult,
  type UsageSeries,
} from '../../shared/dashboard/dashboard'
import { appError, err, ok, type AppError, type Result } from '../../shared/errors'
import { sayEn, type SayKey } from '../../shared/messages/catalogue'
import type { DescribeTrtcDataResponse } from '../../shared/trtc/realtime'
import type { DescribeTrtcRoomUsageResponse, DescribeUsageResponse } from '../../shared/trtc/usage'
import type { Priority } from '../cloud/rateBudget'
import type { Emit } from '../ipc/dispatch'
import type { CloudAccess, CloudHandle } from '../rooms/cloudAccess'

export interface Timers {
  setTimeout(fn: () => void, ms: number): unknown
  clearTimeout(handle: unknown): void
}

export interface DashboardDeps {
  cloud: CloudAccess
  settings: { get(): Settings; update(patch: Partial<Settings>): Promise<Settings> }
  emit: Emit
  now: () => number
  timers?: Timers
}

export interface DashboardService {
  start(req: { sdkAppId: number; spanS?: number | undefined }): Promise<Result<DashboardSnapshot>>
  stop(): DashboardSnapshot
  pause(paused: boolean): DashboardSnapshot
  configure(req: { refreshS?: number | undefined; spanS?: number | undefined }): Promise<Result<DashboardSnapshot>>
  /** Refreshes now (and restarts the interval from now). */
  refresh(): Promise<DashboardSnapshot>
  snapshot(): DashboardSnapshot
  market(req: DateRange & { sdkAppId: number; period: 'd' | 'h' }): Promise<Result<MarketResult>>
  usage(req: DateRange & { sdkAppId: number | null }): Promise<Result<UsageResult>>
  roomUsage(req: RoomUsageRequest): Promise<Result<Panel<RoomUsage>>>
  close(): void
}

const defaultTimers: Timers = {
  setTimeout: (fn, ms) => setTimeout(fn, ms),
  clearTimeout: (h) => clearTimeout(h as ReturnType<typeof setTimeout>),
}

const DASHBOARD_ACTIONS = ['DescribeTRTCRealTimeScaleData', 'DescribeTRTCRealTimeQualityData', 'DescribeTRTCMarketScaleData', 'DescribeTRTCMarketQualityData']

/**
 * Whether an error means the account's dashboard edition cannot do this. The Free edition "does not
 * support calling" these APIs (L4038–L4041, L4652–L4654, L5259–L5261, L5537–L5539) and the one
 * business error they document is UnsupportedOperation (L4631); a start time beyond what the edition
 * may query is InvalidParameter.StartTimeOversize (L17199), mapped to tencent.editionRequired.
 */
export function editionNeedOf(action: string, e: AppError): EditionNeed | null {
  if (!DASHBOARD_ACTIONS.includes(action)) return null
  if (e.tencentCode === 'UnsupportedOperation') return 'standard'
  if (e.code === 'tencent.editionRequired' || e.tencentCode === 'InvalidParameter.StartTimeOversize') return 'premium'
  return null
}

/** Applies an answer to a panel: new data on success; on failure the old data stays, marked by the error. */
function settle<T>(prev: Panel<T>, action: string, r: Result<T>, now: number): Panel<T> {
  if (r.ok) return { data: r.value, updatedAt: now, error: null, edition: null, loading: false }
  const edition = editionNeedOf(action, r.error)
  // The edition says it all: the cloud's own words about the parameter are left out.
  const { cloudSays: _, ...rest } = r.error
  const error: AppError = edition ? { ...rest, ...appError('tencent.editionRequired', `err.request.edition.${edition}`) } : r.error
  return { ...prev, error, edition, loading: false }
}

// The words: src/shared/messages/catalogue.ts.
const RANGE_KEY = { format: 'err.request.dateFormat', order: 'err.request.endBeforeStart', future: 'err.request.dateFuture', tooOld: 'err.request.dateTooOld', tooLong: 'err.request.dateTooLong' } as const satisfies Record<RangeProblem, SayKey>
function rangeError(p: RangeProblem, what: string, days = 0): Result<never> {
  return err('request.invalid', RANGE_KEY[p], { days }, { message: `${what}: ${sayEn(RANGE_KEY[p], { days })}` })
}

export function createDashboardService(deps: DashboardDeps): DashboardService {
  const timers = deps.timers ?? defaultTimers
  let sdkAppId: number | null = null
  let running = false
  let paused = false
  let spanS: number = REALTIME_DEFAULT_SPAN_S
  let window: DashboardSnapshot['window'] = null
  let scale: Panel<ChartSeries> = emptyPanel()
  let quality: Panel<ChartSeries> = emptyPanel()
  let timer: unknown = null
  let nextAt: number | null = null
  let inFlight: Promise<void> | null = null
  let inFlightGeneration = -1
  // Bumped whenever the app changes or polling stops, so a late answer for the old app is dropped.
  let generation = 0

  const refreshS = (): number => clampRefresh(deps.settings.get().dashboardRefreshS ?? REFRESH_DEFAULT_S)

  function snapshot(): DashboardSnapshot {
    return { sdkAppId, running, paused, refreshS: refreshS(), spanS, window, nextAt, scale, quality }
  }
  const push = (): void => deps.emit('dashboard.snapshot', snapshot())

  function unschedule(): void {
    if (timer !== null) timers.clearTimeout(timer)
    timer = null
    nextAt = null
  }

  function schedule(): void {
    unschedule()
    if (!running || paused || sdkAppId === null) return
    const ms = refreshS() * 1000
    nextAt = deps.now() + ms
    timer = timers.setTimeout(() => {
      timer = null
      nextAt = null
      void tick()
    }, ms)
  }

  async function handleFor(app: number): Promise<Result<CloudHandle>> {
    const h = await deps.cloud.current()
    if (!h.ok) return h
    if (!h.value.sdkAppIds.includes(app)) return err('request.invalid', 'err.request.notAppOfProfile', { sdkAppId: app })
    return h
  }

  async function fetchSeries(h: CloudHandle, action: string, params: object, expected: readonly string[], priority: Priority): Promise<Result<ChartSeries>> {
    // The Data Monitoring APIs take no Region (L4067, L4682, L5293, L5573); the client sends none for them.
    const r = await h.client.call<DescribeTrtcDataResponse>(action, params, { priority, mutating: false })
    return r.ok ? ok(seriesFromData(r.value.Data, expected)) : r
  }

  async function tick(): Promise<void> {
    // A refresh for the current app is already on its way: share it. One started before a stop or
    // an app change is finished first, then this one runs (its answer would be dropped anyway).
    while (inFlight) {
      if (inFlightGeneration === generation) return inFlight
      await inFlight
    }
    const app = sdkAppId
    if (app === null || !running) return
    const gen = generation
    inFlightGeneration = gen
    inFlight = (async () => {
      scale = { ...scale, loading: true }
      quality = { ...quality, loading: true }
      push()
      const w = realtimeWindow(deps.now() / 1000, spanS)
      const h = await handleFor(app)
      // SdkAppId is a String for the dashboard APIs (L4069, L4692).
      const params = { SdkAppId: String(app), StartTime: w.startTime, EndTime: w.endTime }
      const [s, q] = h.ok
        ? await Promise.all([
            fetchSeries(h.value, 'DescribeTRTCRealTimeScaleData', params, REALTIME_SCALE_COLUMNS, 'background'),
            fetchSeries(h.value, 'DescribeTRTCRealTimeQualityData', params, REALTIME_QUALITY_COLUMNS, 'background'),
          ])
        : [h, h]
      if (gen !== generation) return
      const now = deps.now()
      window = w
      scale = settle(scale, 'DescribeTRTCRealTimeScaleData', s, now)
      quality = settle(quality, 'DescribeTRTCRealTimeQualityData', q, now)
    })()
    try {
      await inFlight
    } finally {
      inFlight = null
    }
    if (gen !== generation) return
    schedule()
    push()
  }

  async function start(req: { sdkAppId: number; spanS?: number | undefined }): Promise<Result<DashboardSnapshot>> {
    const h = await handleFor(req.sdkAppId)
    if (!h.ok) return h
    if (req.spanS !== undefined) spanS = req.spanS
    if (req.sdkAppId !== sdkAppId) {
      generation++
      sdkAppId = req.sdkAppId
      scale = emptyPanel()
      quality = emptyPanel()
      window = null
      await inFlight?.catch(() => undefined)
    }
    running = true
    unschedule()
    if (paused) {
      push()
      return ok(snapshot())
    }
    await tick()
    return ok(snapshot())
  }

  function stop(): DashboardSnapshot {
    running = false
    generation++
    unschedule()
    scale = { ...scale, loading: false }
    quality = { ...quality, loading: false }
    push()
    return snapshot()
  }

  function pause(p: boolean): DashboardSnapshot {
    if (p === paused) return snapshot()
    paused = p
    if (paused) unschedule()
    // Resuming fetches at once: the data is as old as the pause.
    else if (running) void tick()
    push()
    return snapshot()
  }

  async function configure(req: { refreshS?: number | undefined; spanS?: number | undefined }): Promise<Result<DashboardSnapshot>> {
    if (req.refreshS !== undefined) await deps.settings.update({ dashboardRefreshS: clampRefresh(req.refreshS) })
    if (req.spanS !== undefined && req.spanS !== spanS) {
      spanS = req.spanS
      if (running && !paused) await tick()
    } else if (running && !paused && timer !== null) schedule()
    push()
    return ok(snapshot())
  }

  async function refresh(): Promise<DashboardSnapshot> {
    unschedule()
    await tick()
    return snapshot()
  }

  async function market(req: DateRange & { sdkAppId: number; period: 'd' | 'h' }): Promise<Result<MarketResult>> {
    const h = await handleFor(req.sdkAppId)
    if (!h.ok) return h
    const nowS = Math.floor(deps.now() / 1000)
    const one = async (kind: MarketKind): Promise<Panel<ChartSeries>> => {
      const action = kind === 'scale' ? 'DescribeTRTCMarketScaleData' : 'DescribeTRTCMarketQualityData'
      const problem = marketRangeProblem(req, nowS, kind)
      const r = problem
        ? rangeError(problem, kind === 'scale' ? 'Market scale' : 'Market quality', MARKET_LOOKBACK_DAYS[kind])
        : await fetchSeries(
            h.value,
            action,
            { SdkAppId: String(req.sdkAppId), StartTime: req.startDate, EndTime: req.endDate, Period: req.period },
            kind === 'scale' ? MARKET_SCALE_COLUMNS : MARKET_QUALITY_COLUMNS,
            'user',
          )
      return settle(emptyPanel<ChartSeries>(), action, r, deps.now())
    }
    const [s, q] = await Promise.all([one('scale'), one('quality')])
    return ok({ scale: s, quality: q })
  }

  async function usage(req: DateRange & { sdkAppId: number | null }): Promise<Result<UsageResult>> {
    const h = req.sdkAppId === null ? await deps.cloud.current() : await handleFor(req.sdkAppId)
    if (!h.ok) return h
    const problem = usageRangeProblem(req, Math.floor(deps.now() / 1000))
    if (problem) return rangeError(problem, 'Usage')
    const region = usageRegionFor(h.value.region)
    // The example requests give StartTime after EndTime (L13857–L13859); we always send them in order.
    const base: Record<string, unknown> = { StartTime: req.startDate, EndTime: req.endDate }
    if (req.sdkAppId !== null) base['SdkAppId'] = req.sdkAppId
    const calls: Array<[UsagePanel, string, Record<string, unknown>]> = [
      ['trtc', 'DescribeTrtcUsage', base],
      // MixType is required: "single" or "multi" (L14040–L14042), so recording takes two calls.
      ['recordingSingle', 'DescribeRecordingUsage', { ...base, MixType: 'single' }],
      ['recordingMulti', 'DescribeRecordingUsage', { ...base, MixType: 'multi' }],
      ['mixTranscoding', 'DescribeMixTranscodingUsage', base],
      ['relay', 'DescribeRelayUsage', base],
    ]
    // Five calls at once: the shared rate budget spaces each action to its 5/s (L13765–L13767).
    const answers = await Promise.all(
      calls.map(async ([panel, action, params]) => {
        const r = await h.value.client.call<DescribeUsageResponse>(action, params, { region, priority: 'user', mutating: false })
        const mapped: Result<UsageSeries> = r.ok ? ok(usageSeries(r.value)) : r
        return [panel, settle(emptyPanel<UsageSeries>(), action, mapped, deps.now())] as const
      }),
    )
    return ok(Object.fromEntries(answers) as UsageResult)
  }

  async function roomUsage(req: RoomUsageRequest): Promise<Result<Panel<RoomUsage>>> {
    const h = await handleFor(req.sdkAppId)
    if (!h.ok) return h
    const w = roomUsageWindow(req.date, Math.floor(deps.now() / 1000))
    if (!w) return rangeError('future', 'Usage by room')
    // SdkAppid is spelled with a lower-case "id" here (L14720). One call per 15 s (L14692): the
    // shared budget makes a second request wait rather than fail.
    const r = await h.value.client.call<DescribeTrtcRoomUsageResponse>(
      'DescribeTrtcRoomUsage',
      { SdkAppid: req.sdkAppId, StartTime: w.startTime, EndTime: w.endTime },
      { region: usageRegionFor(h.value.region), priority: 'user', mutating: false },
    )
    const mapped: Result<RoomUsage> = r.ok ? ok(parseRoomUsageCsv(typeof r.value.Data === 'string' ? r.value.Data : '')) : r
    return ok(settle(emptyPanel<RoomUsage>(), 'DescribeTrtcRoomUsage', mapped, deps.now()))
  }

  return {
    start,
    stop,
    pause,
    configure,
    refresh,
    snapshot,
    market,
    usage,
    roomUsage,
    close: () => {
      running = false
      generation++
      unschedule()
    },
  }
}
