// The "Live dashboard" tab of the Rooms view: real-time charts that main refreshes, market data and
// usage on demand. Each panel shows its own state: loading, data, stale data with the failure,
// or the dashboard edition it needs.
import { useEffect, useMemo, useState, type ReactNode } from 'react'
import { useStore, type StoreApi } from 'zustand'
import {
  latestOf,
  REALTIME_SPANS_S,
  REFRESH_CHOICES_S,
  USAGE_PANELS,
  type ChartSeries,
  type Panel,
  type RoomUsage,
  type UsagePanel,
  type UsageSeries,
} from '../../../../shared/dashboard/dashboard'
import { api } from '../../api'
import type { MessageKey } from '../../i18n/i18n'
import { selectDark, selectLocale } from '../shell/appStore'
import { useApp, useT } from '../shell/context'
import { createDashboardStore, selectMarketProblem, selectUsageProblem, type DashboardState } from './dashboardStore'
import { TimeChart } from './TimeChart'
import './dashboard.css'
import { errorText } from '../../i18n/i18n'

let sharedStore: StoreApi<DashboardState> | null = null
function dashboardStore(): StoreApi<DashboardState> {
  if (!sharedStore) {
    sharedStore = createDashboardStore({ api, now: Date.now })
    api.on('dashboard.snapshot', (s) => sharedStore!.getState().snapshotPushed(s))
  }
  return sharedStore
}

function useNow(intervalMs: number): number {
  const [now, setNow] = useState(() => Date.now())
  useEffect(() => {
    const id = setInterval(() => setNow(Date.now()), intervalMs)
    return () => clearInterval(id)
  }, [intervalMs])
  return now
}

type T = ReturnType<typeof useT>

const COLUMN_LABEL: Record<string, MessageKey> = {
  userCount: 'dash.col.userCount',
  roomCount: 'dash.col.roomCount',
  peakCurrentUsers: 'dash.col.peakCurrentUsers',
  peakCurrentChannels: 'dash.col.peakCurrentChannels',
  videoFreezeRate: 'dash.col.videoFreezeRate',
  audioFreezeRate: 'dash.col.audioFreezeRate',
  networkDelay: 'dash.col.networkDelay',
  joinSuccessRate: 'dash.col.joinSuccessRate',
  joinSuccessIn5sRate: 'dash.col.joinSuccessIn5sRate',
}

const USAGE_TITLE: Record<UsagePanel, MessageKey> = {
  trtc: 'dash.usage.trtc',
  recordingSingle: 'dash.usage.recordingSingle',
  recordingMulti: 'dash.usage.recordingMulti',
  mixTranscoding: 'dash.usage.mixTranscoding',
  relay: 'dash.usage.relay',
}

const ageS = (at: number | null, now: number): number | null => (at === null ? null : Math.max(0, Math.round((now - at) / 1000)))

/** The frame every panel shares: title, then its state (edition, failure, stale, loading, empty) or its content. */
function PanelCard(props: { testId: string; title: string; panel: Panel<unknown> | null; empty: boolean; now: number; t: T; children: ReactNode; extra?: ReactNode; idle?: string }) {
  const { panel, t, now } = props
  const age = ageS(panel?.updatedAt ?? null, now)
  let status: ReactNode = null
  if (panel?.edition) {
    status = (
      <div className="dash-edition" role="note" data-testid="dash-edition">
        <strong>{t('dash.edition.title')}</strong>
        <span>{t(panel.edition === 'standard' ? 'dash.edition.standard' : 'dash.edition.premium')}</span>
        {panel.data !== null && age !== null && <span className="muted small">{t('dash.updated', { seconds: age })}</span>}
      </div>
    )
  } else if (panel?.error && panel.data !== null) {
    status = (
      <p className="banner warn dash-stale" role="alert" data-testid="dash-stale">
        {age === null ? t('dash.staleNoTime', { message: errorText(t, panel.error) }) : t('dash.stale', { seconds: age, message: errorText(t, panel.error) })}
      </p>
    )
  } else if (panel?.error) {
    status = (
      <p className="insights-error" role="alert" data-testid="dash-error">
        <span>{t('dash.failed', { message: errorText(t, panel.error) })}</span>
      </p>
    )
  }
  const showContent = panel?.data !== null && panel?.data !== undefined
  return (
    <figure className="insights-chart dash-panel" data-testid={props.testId} aria-busy={panel?.loading ?? false} data-state={panel?.edition ? 'edition' : panel?.error ? (panel.data ? 'stale' : 'error') : panel?.data ? 'ok' : 'empty'}>
      <figcaption className="dash-panel-head">
        <span>{props.title}</span>
        {panel?.loading && <span className="muted small">{t('dash.loading')}</span>}
        <span className="spacer" />
        {props.extra}
      </figcaption>
      {status}
      {!panel?.data && !panel?.error && !panel?.loading && <p className="muted small dash-note">{props.idle ?? t('dash.empty')}</p>}
      {!panel?.data && !panel?.error && panel?.loading && <p className="muted small dash-note">{t('dash.loading')}</p>}
      {showContent && (props.empty ? <p className="muted small dash-note">{t('dash.empty')}</p> : props.children)}
    </figure>
  )
}

function useColumns(series: ChartSeries | null | undefined, t: T, only?: readonly string[]) {
  return useMemo(() => {
    if (!series) return []
    return series.columns
      .map((c, i) => ({ c, values: series.values[i] ?? [] }))
      .filter((x) => !only || only.includes(x.c))
      .map((x) => ({ label: COLUMN_LABEL[x.c] ? t(COLUMN_LABEL[x.c]!) : x.c, values: x.values }))
  }, [series, t, only])
}

const TOTAL_COLUMNS = ['userCount', 'roomCount'] as const
const PEAK_COLUMNS = ['peakCurrentUsers', 'peakCurrentChannels'] as const
const RATE_COLUMNS = ['videoFreezeRate', 'audioFreezeRate', 'networkDelay'] as const
const JOIN_COLUMNS = ['joinSuccessRate', 'joinSuccessIn5sRate'] as const

export function DashboardView(props: { apps: number[]; /** A spike picked on a chart: the rooms of that time, by that metric. */ onRooms?(range: { from: number; to: number }, by: 'users' | 'stutter'): void }) {
  const t = useT()
  const locale = useApp(selectLocale)
  const dark = useApp(selectDark)
  const store = dashboardStore()
  const s = useStore(store)
  const now = useNow(1000)
  const nowS = Math.floor(now / 1000)
  const snap = s.snapshot
  const appKey = props.apps.join(',')

  // Polling runs while the tab is shown: start on the profile's first app (or the one already
  // chosen), stop when the tab goes away.
  useEffect(() => {
    const apps = appKey ? appKey.split(',').map(Number) : []
    const current = store.getState().snapshot?.sdkAppId
    const app = current !== null && current !== undefined && apps.includes(current) ? current : apps[0]
    if (app !== undefined) void store.getState().appSelected(app)
    return () => void store.getState().left()
  }, [appKey, store])

  const scaleCols = useColumns(snap?.scale.data, t)
  const qualityCols = useColumns(snap?.quality.data, t)
  const marketTotalCols = useColumns(s.market?.scale.data, t, TOTAL_COLUMNS)
  const marketPeakCols = useColumns(s.market?.scale.data, t, PEAK_COLUMNS)
  const marketRateCols = useColumns(s.market?.quality.data, t, RATE_COLUMNS)
  const marketJoinCols = useColumns(s.market?.quality.data, t, JOIN_COLUMNS)

  const lastGood = Math.max(snap?.scale.updatedAt ?? 0, snap?.quality.updatedAt ?? 0) || null
  const age = ageS(lastGood, now)
  const nextIn = snap?.nextAt ? Math.max(0, Math.ceil((snap.nextAt - now) / 1000)) : null
  const marketProblem = selectMarketProblem(s, nowS)
  const usageProblem = selectUsageProblem(s, nowS)
  const num = (v: number | null, digits = 0, unit = '') => (v === null ? '—' : `${v.toLocaleString(locale, { maximumFractionDigits: digits })}${unit}`)
  const marketTimeStyle = s.marketPeriod === 'h' ? 'dateTime' : 'date'

  return (
    <div className="dash" data-testid="dashboard">
      <div className="card toolbar-card">
        <div className="toolbar">
          <label className="inline-field">
            <span>{t('dash.app')}</span>
            <select value={snap?.sdkAppId ?? ''} onChange={(e) => void s.appSelected(Number(e.target.value))} data-testid="dash-app">
              {props.apps.map((a) => (
                <option key={a} value={a}>{a}</option>
              ))}
            </select>
          </label>
          <div className="segmented compact" role="radiogroup" aria-label={t('dash.span')}>
            {REALTIME_SPANS_S.map((sp) => (
              <label key={sp} className="segment">
                <input type="radio" name="dash-span" checked={(snap?.spanS ?? 3600) === sp} onChange={() => void s.spanChosen(sp)} data-testid={`dash-span-${sp}`} />
                <span>{t(`dash.span.${sp}`)}</span>
              </label>
            ))}
          </div>
          <label className="inline-field" title={t('dash.refresh.hint')}>
            <span>{t('dash.refresh')}</span>
            <select value={snap?.refreshS ?? 20} onChange={(e) => void s.refreshChosen(Number(e.target.value))} data-testid="dash-interval">
              {REFRESH_CHOICES_S.map((sec) => (
                <option key={sec} value={sec}>
                  {sec < 60 ? t('dash.refresh.option', { seconds: sec }) : t('dash.refresh.optionMin', { minutes: sec / 60 })}
                </option>
              ))}
            </select>
          </label>
          <span className="spacer" />
          <span className="muted small" data-testid="dash-updated">
            {snap?.paused
              ? t('dash.paused')
              : [age === null ? t('dash.updatedNever') : t('dash.updated', { seconds: age }), nextIn !== null ? t('dash.next', { seconds: nextIn }) : null].filter(Boolean).join(' · ')}
          </span>
          <button type="button" className="button" onClick={() => void s.refreshRequested()} disabled={!snap || snap.paused} data-testid="dash-refresh">
            {t('dash.refreshNow')}
          </button>
          <button type="button" className={`button${snap?.paused ? ' primary' : ''}`} onClick={() => void s.pauseToggled()} disabled={!snap} data-testid="dash-pause">
            {snap?.paused ? t('dash.resume') : t('dash.pause')}
          </button>
        </div>
        {s.error && (
          <p className="banner warn" role="alert" data-testid="dash-intent-error">
            {errorText(t, s.error)}
          </p>
        )}
      </div>

      <section className="dash-section" data-testid="dash-realtime">
        <div className="dash-section-head">
          <h3>{t('dash.realtime.title')}</h3>
          <span className="muted small">{t('dash.realtime.subtitle')}</span>
        </div>
        <div className="dash-kpis">
          <Kpi label={t('dash.now.users')} value={num(snap?.scale.data ? latestOf(snap.scale.data, 'userCount') : null)} testId="dash-kpi-users" />
          <Kpi label={t('dash.now.rooms')} value={num(snap?.scale.data ? latestOf(snap.scale.data, 'roomCount') : null)} testId="dash-kpi-rooms" />
          <Kpi label={t('dash.now.video')} value={num(snap?.quality.data ? latestOf(snap.quality.data, 'videoFreezeRate') : null, 2, '%')} testId="dash-kpi-video" />
          <Kpi label={t('dash.now.audio')} value={num(snap?.quality.data ? latestOf(snap.quality.data, 'audioFreezeRate') : null, 2, '%')} testId="dash-kpi-audio" />
        </div>
        <div className="insights-grid">
          <PanelCard testId="dash-panel-scale" title={t('dash.realtime.scale')} panel={snap?.scale ?? null} empty={(snap?.scale.data?.times.length ?? 0) === 0} now={now} t={t} idle={snap?.paused ? t('dash.paused') : undefined}>
            <TimeChart timeLabel={t('dash.time')} testId="dash-chart-scale" times={snap?.scale.data?.times ?? []} columns={scaleCols} unit="" digits={0} timeStyle="time" locale={locale} dark={dark} onPick={props.onRooms && ((r) => props.onRooms!(r, 'users'))} />
          </PanelCard>
          <PanelCard testId="dash-panel-quality" title={t('dash.realtime.quality')} panel={snap?.quality ?? null} empty={(snap?.quality.data?.times.length ?? 0) === 0} now={now} t={t} idle={snap?.paused ? t('dash.paused') : undefined}>
            <TimeChart timeLabel={t('dash.time')} testId="dash-chart-quality" times={snap?.quality.data?.times ?? []} columns={qualityCols} unit="%" digits={2} timeStyle="time" locale={locale} dark={dark} onPick={props.onRooms && ((r) => props.onRooms!(r, 'stutter'))} />
          </PanelCard>
        </div>
      </section>

      <section className="dash-section" data-testid="dash-market">
        <div className="dash-section-head">
          <h3>{t('dash.market.title')}</h3>
          <span className="muted small">{t('dash.market.subtitle')}</span>
        </div>
        <div className="toolbar dash-range">
          <DateField label={t('dash.from')} value={s.marketRange.startDate} onChange={(v) => s.marketRangeChanged({ startDate: v })} testId="dash-market-from" />
          <DateField label={t('dash.to')} value={s.marketRange.endDate} onChange={(v) => s.marketRangeChanged({ endDate: v })} testId="dash-market-to" />
          <div className="segmented compact" role="radiogroup" aria-label={t('dash.period')}>
            {(['d', 'h'] as const).map((p) => (
              <label key={p} className="segment">
                <input type="radio" name="dash-period" checked={s.marketPeriod === p} onChange={() => s.marketPeriodChanged(p)} />
                <span>{t(`dash.period.${p}`)}</span>
              </label>
            ))}
          </div>
          <button type="button" className="button primary" onClick={() => void s.marketRequested()} disabled={marketProblem !== null || s.marketLoading || !snap} data-testid="dash-market-load">
            {t('dash.load')}
          </button>
          {marketProblem && <span className="error-text small" data-testid="dash-market-problem">{t(`dash.range.${marketProblem}`)}</span>}
          {s.marketError && <span className="error-text small">{errorText(t, s.marketError)}</span>}
        </div>
        <div className="insights-grid">
          <PanelCard testId="dash-panel-market-scale" title={t('dash.market.scale')} panel={s.market?.scale ?? (s.marketLoading ? loadingPanel : null)} empty={(s.market?.scale.data?.times.length ?? 0) === 0} now={now} t={t}>
            <TimeChart timeLabel={t('dash.time')} testId="dash-chart-market-scale" times={s.market?.scale.data?.times ?? []} columns={marketTotalCols} unit="" digits={0} timeStyle={marketTimeStyle} locale={locale} dark={dark} height={130} />
            <TimeChart timeLabel={t('dash.time')} testId="dash-chart-market-peak" times={s.market?.scale.data?.times ?? []} columns={marketPeakCols} unit="" digits={0} timeStyle={marketTimeStyle} locale={locale} dark={dark} height={130} />
          </PanelCard>
          <PanelCard testId="dash-panel-market-quality" title={t('dash.market.quality')} panel={s.market?.quality ?? (s.marketLoading ? loadingPanel : null)} empty={(s.market?.quality.data?.times.length ?? 0) === 0} now={now} t={t}>
            <TimeChart timeLabel={t('dash.time')} testId="dash-chart-market-rates" times={s.market?.quality.data?.times ?? []} columns={marketRateCols} unit="%" digits={2} timeStyle={marketTimeStyle} locale={locale} dark={dark} height={130} />
            <TimeChart timeLabel={t('dash.time')} testId="dash-chart-market-join" times={s.market?.quality.data?.times ?? []} columns={marketJoinCols} unit="%" digits={2} timeStyle={marketTimeStyle} locale={locale} dark={dark} height={130} fromZero={false} />
          </PanelCard>
        </div>
      </section>

      <section className="dash-section" data-testid="dash-usage">
        <div className="dash-section-head">
          <h3>{t('dash.usage.title')}</h3>
          <span className="muted small">{t('dash.usage.subtitle')}</span>
        </div>
        <div className="toolbar dash-range">
          <DateField label={t('dash.from')} value={s.usageRange.startDate} onChange={(v) => s.usageRangeChanged({ startDate: v })} testId="dash-usage-from" />
          <DateField label={t('dash.to')} value={s.usageRange.endDate} onChange={(v) => s.usageRangeChanged({ endDate: v })} testId="dash-usage-to" />
          <button type="button" className="button primary" onClick={() => void s.usageRequested()} disabled={usageProblem !== null || s.usageLoading || !snap} data-testid="dash-usage-load">
            {t('dash.load')}
          </button>
          {usageProblem && <span className="error-text small" data-testid="dash-usage-problem">{t(`dash.range.${usageProblem}`)}</span>}
          {s.usageError && <span className="error-text small">{errorText(t, s.usageError)}</span>}
        </div>
        <div className="insights-grid">
          {USAGE_PANELS.map((k) => (
            <UsageCard key={k} kind={k} panel={s.usage?.[k] ?? (s.usageLoading ? loadingPanel : null)} now={now} t={t} locale={locale} dark={dark} />
          ))}
        </div>
      </section>

      <section className="dash-section" data-testid="dash-rooms">
        <div className="dash-section-head">
          <h3>{t('dash.rooms.title')}</h3>
          <span className="muted small">{t('dash.rooms.subtitle')}</span>
        </div>
        <div className="toolbar dash-range">
          <label className="inline-field">
            <span>{t('dash.rooms.day')}</span>
            <input type="date" value={s.roomUsageDate} onChange={(e) => s.roomUsageDateChanged(e.target.value)} data-testid="dash-rooms-day" />
          </label>
          <button type="button" className="button primary" onClick={() => void s.roomUsageRequested()} disabled={!s.roomUsageDate || s.roomUsageLoading || !snap} data-testid="dash-rooms-load">
            {t('dash.load')}
          </button>
          {s.roomUsageLoading && <span className="muted small">{t('dash.loading')}</span>}
          {s.roomUsageError && <span className="error-text small" data-testid="dash-rooms-error">{errorText(t, s.roomUsageError)}</span>}
        </div>
        {s.roomUsage ? (
          <RoomUsageTable panel={s.roomUsage} now={now} t={t} locale={locale} />
        ) : (
          <p className="muted small dash-note">{t('dash.rooms.hint')}</p>
        )}
      </section>
    </div>
  )
}

const loadingPanel: Panel<never> = { data: null, updatedAt: null, error: null, edition: null, loading: true }

function Kpi(props: { label: string; value: string; testId: string }) {
  return (
    <div className="dash-kpi" data-testid={props.testId}>
      <span className="muted small">{props.label}</span>
      <strong>{props.value}</strong>
    </div>
  )
}

function DateField(props: { label: string; value: string; onChange(v: string): void; testId: string }) {
  return (
    <label className="inline-field">
      <span>{props.label}</span>
      <input type="date" value={props.value} onChange={(e) => props.onChange(e.target.value)} data-testid={props.testId} />
    </label>
  )
}

const ROOM_ROWS = 20

function RoomUsageTable(props: { panel: Panel<RoomUsage>; now: number; t: T; locale: string }) {
  const { panel, t, locale } = props
  const data = panel.data
  const fmt = (v: number) => v.toLocaleString(locale, { maximumFractionDigits: 0 })
  return (
    <PanelCard testId="dash-panel-rooms" title={t('dash.rooms.count', { count: data?.rows.length ?? 0 })} panel={panel} empty={(data?.rows.length ?? 0) === 0} now={props.now} t={t}>
      {data && (
        <div className="dash-rooms">
          <table className="grid" data-testid="dash-rooms-table">
            <thead>
              <tr>
                <th>{t('dash.rooms.room')}</th>
                {data.columns.map((c) => (
                  <th key={c} className="num">{c}</th>
                ))}
                <th className="num">{t('dash.rooms.total')}</th>
              </tr>
            </thead>
            <tbody>
              {data.rows.slice(0, ROOM_ROWS).map((r) => (
                <tr key={r.roomId} data-testid="dash-rooms-row">
                  <td className="dash-room-id" title={r.roomId}>{r.roomId}</td>
                  {r.minutes.map((m, i) => (
                    <td key={i} className="num">{fmt(m)}</td>
                  ))}
                  <td className="num"><strong>{fmt(r.total)}</strong></td>
                </tr>
              ))}
            </tbody>
          </table>
          {data.rows.length > ROOM_ROWS && <p className="muted small dash-note">{t('dash.rooms.more', { count: data.rows.length - ROOM_ROWS })}</p>}
        </div>
      )}
    </PanelCard>
  )
}

function UsageCard(props: { kind: UsagePanel; panel: Panel<UsageSeries> | null; now: number; t: T; locale: string; dark: boolean }) {
  const { panel, t, locale } = props
  const data = panel?.data ?? null
  const columns = useMemo(() => (data ? data.keys.map((k, i) => ({ label: k, values: data.values[i] ?? [] })) : []), [data])
  const grand = data ? data.totals.reduce((a, b) => a + b, 0) : null
  const minutes = (v: number) => t('dash.usage.minutes', { value: v.toLocaleString(locale, { maximumFractionDigits: 0 }) })
  return (
    <PanelCard
      testId={`dash-panel-usage-${props.kind}`}
      title={t(USAGE_TITLE[props.kind])}
      panel={panel}
      empty={(data?.times.length ?? 0) === 0}
      now={props.now}
      t={t}
      extra={grand !== null && <strong className="dash-total" data-testid="dash-usage-total">{t('dash.usage.total')}: {minutes(grand)}</strong>}
    >
      <TimeChart
        timeLabel={t('dash.time')}
        testId={`dash-chart-usage-${props.kind}`}
        times={data?.times ?? []}
        columns={columns}
        unit="min"
        digits={0}
        timeStyle={data && data.stepS < 86_400 ? 'dateTime' : 'date'}
        locale={locale}
        dark={props.dark}
        bars={columns.length === 1}
        height={150}
      />
      {data && data.keys.length > 1 && (
        <ul className="dash-totals">
          {data.keys.map((k, i) => (
            <li key={k}>
              <span className="muted">{k}</span> {minutes(data.totals[i] ?? 0)}
            </li>
          ))}
        </ul>
      )}
    </PanelCard>
  )
}
