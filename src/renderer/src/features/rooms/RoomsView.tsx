import { lazy, Suspense, useEffect, useMemo, useState } from 'react'
import { useStore, type StoreApi } from 'zustand'
import { api } from '../../api'
import { EmptyState } from '../../components/EmptyState'
import { PageHeader } from '../../components/PageHeader'
import { useApp, useT } from '../shell/context'
import { selectActiveProfile, selectLocale } from '../shell/appStore'
import { AuditView } from './AuditView'
import { fromInputValue, toInputValue } from './format'
import { RoomDetail } from './RoomDetail'
import { RoomsTable } from './RoomsTable'
import { REFRESH_MS, createRoomsStore, selectVisibleRooms, windowOf, windowProblem, type RoomsState, type StatusFilter, type WindowPreset } from './roomsStore'

const presets: WindowPreset[] = ['1h', '6h', '24h', 'custom']
const statuses: StatusFilter[] = ['all', 'active', 'finished']

const focusQuality = (commIds: string[]) => void api['rooms.qualityFocus']({ commIds: commIds.slice(0, 500) })

function useNow(intervalMs: number): number {
  const [now, setNow] = useState(() => Date.now())
  useEffect(() => {
    const id = setInterval(() => setNow(Date.now()), intervalMs)
    return () => clearInterval(id)
  }, [intervalMs])
  return now
}

let sharedStore: StoreApi<RoomsState> | null = null
function roomsStore(): StoreApi<RoomsState> {
  if (!sharedStore) {
    sharedStore = createRoomsStore({ api, now: Date.now })
    api.on('rooms.progress', (p) => sharedStore!.getState().progressPushed(p))
    api.on('rooms.quality', (e) => sharedStore!.getState().qualityPushed(e))
    void api['rooms.qualitySnapshot']().then((r) => r.ok && r.value && sharedStore!.getState().qualityPushed(r.value))
    api.on('moderation.scheduleChanged', (l) => sharedStore!.getState().scheduledPushed(l))
  }
  return sharedStore
}

// Loaded when its tab is first opened.
const DashboardView = lazy(() => import('../dashboard/DashboardView').then((m) => ({ default: m.DashboardView })))

export function RoomsView() {
  const t = useT()
  const active = useApp(selectActiveProfile)
  const locale = useApp(selectLocale)
  const select = useApp((s) => s.sectionSelected)
  const store = roomsStore()
  const s = useStore(store)
  const [tab, setTab] = useState<'rooms' | 'dashboard' | 'audit'>('rooms')
  const now = useNow(1000)
  const nowS = Math.floor(now / 1000)

  const apps = active?.sdkAppIds ?? []
  useEffect(() => {
    s.appSelected(apps[0] ?? null)
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [active?.id, apps[0]])

  // Live windows refresh in the background every 20 s unless paused.
  useEffect(() => {
    if (s.preset === 'custom' || s.paused || s.sdkAppId === null) return
    const id = setInterval(() => void store.getState().refreshRequested(true), REFRESH_MS)
    return () => clearInterval(id)
  }, [s.preset, s.paused, s.sdkAppId, store])

  const rows = useMemo(() => selectVisibleRooms(s, nowS), [s, nowS])

  if (!active) {
    return (
      <section className="page" data-testid="view-rooms">
        <PageHeader title={t('rooms.title')} subtitle={t('rooms.subtitle')} />
        <EmptyState
          testId="rooms-no-profile"
          title={t('rooms.noProfile.title')}
          body={t('rooms.noProfile.body')}
          action={
            <button type="button" className="button primary" onClick={() => select('settings')}>
              {t('rooms.noProfile.action')}
            </button>
          }
        />
      </section>
    )
  }

  const { start, end } = windowOf(s, nowS)
  const problem = s.preset === 'custom' ? windowProblem(start, end, nowS) : null
  const age = s.fetchedAt ? Math.max(0, Math.round((now - s.fetchedAt) / 1000)) : null

  return (
    <section className="page page-wide" data-testid="view-rooms">
      <PageHeader title={t('rooms.title')} subtitle={t('rooms.subtitle')}>
        <div className="tabs" role="tablist">
          {(['rooms', 'dashboard', 'audit'] as const).map((k) => (
            <button key={k} type="button" role="tab" aria-selected={tab === k} className="tab" onClick={() => setTab(k)} data-testid={`tab-${k}`}>
              {t(`rooms.tab.${k}`)}
            </button>
          ))}
        </div>
      </PageHeader>
      {tab === 'audit' ? (
        <AuditView store={store} />
      ) : tab === 'dashboard' ? (
        <Suspense fallback={null}>
          <DashboardView
            apps={apps}
            onRooms={(range, by) => {
              // The rooms of the picked time, the worst (or busiest) first.
              const st = store.getState()
              st.customWindowChanged(range.from, range.to)
              st.presetSelected('custom')
              if (st.sort.key !== by || !st.sort.desc) st.sortChanged(by)
              setTab('rooms')
              void st.refreshRequested()
            }}
          />
        </Suspense>
      ) : (
        <>
          <div className="card toolbar-card">
            <div className="toolbar">
              <label className="inline-field">
                <span>{t('rooms.app')}</span>
                <select value={s.sdkAppId ?? ''} onChange={(e) => s.appSelected(Number(e.target.value))} data-testid="rooms-app">
                  {apps.map((a) => (
                    <option key={a} value={a}>{a}</option>
                  ))}
                </select>
              </label>
              <div className="segmented compact" role="radiogroup" aria-label={t('rooms.window')}>
                {presets.map((p) => (
                  <label key={p} className="segment">
                    <input type="radio" name="window" checked={s.preset === p} onChange={() => s.presetSelected(p)} />
                    <span>{t(`rooms.window.${p}`)}</span>
                  </label>
                ))}
              </div>
              <label className="check">
                <input type="checkbox" checked={s.utc} onChange={(e) => s.utcToggled(e.target.checked)} />
                {t('rooms.window.utc')}
              </label>
              <span className="spacer" />
              {s.loading ? (
                <button type="button" className="button" onClick={s.cancelRequested} data-testid="rooms-cancel">
                  {t('rooms.cancel')}
                </button>
              ) : (
                <button type="button" className="button primary" onClick={() => void s.refreshRequested()} disabled={problem !== null} data-testid="rooms-refresh">
                  {t('rooms.refresh')}
                </button>
              )}
            </div>
            {s.preset === 'custom' && (
              <div className="toolbar">
                <label className="inline-field">
                  <span>{t('rooms.window.from')}</span>
                  <input
                    type="datetime-local"
                    value={toInputValue(s.customStart, s.utc)}
                    onChange={(e) => {
                      const v = fromInputValue(e.target.value, s.utc)
                      if (v !== null) s.customWindowChanged(v, s.customEnd)
                    }}
                  />
                </label>
                <label className="inline-field">
                  <span>{t('rooms.window.to')}</span>
                  <input
                    type="datetime-local"
                    value={toInputValue(s.customEnd, s.utc)}
                    onChange={(e) => {
                      const v = fromInputValue(e.target.value, s.utc)
                      if (v !== null) s.customWindowChanged(s.customStart, v)
                    }}
                  />
                </label>
                {problem && <span className="error-text small">{t(`rooms.window.${problem}`)}</span>}
              </div>
            )}
            <div className="toolbar">
              <input type="search" placeholder={t('rooms.filter')} value={s.query} onChange={(e) => s.queryChanged(e.target.value)} data-testid="rooms-filter" />
              <div className="segmented compact" role="radiogroup">
                {statuses.map((st) => (
                  <label key={st} className="segment">
                    <input type="radio" name="status" checked={s.status === st} onChange={() => s.statusChanged(st)} />
                    <span>{t(`rooms.status.${st}`)}</span>
                  </label>
                ))}
              </div>
              <button
                type="button"
                className={s.sort.key === 'stutter' && s.sort.desc ? 'button small active' : 'button small'}
                onClick={() => {
                  // Stutter, highest first (a first click on the column sorts descending).
                  if (s.sort.key !== 'stutter' || !s.sort.desc) s.sortChanged('stutter')
                }}
                data-testid="rooms-worst-first"
              >
                {t('rooms.worstFirst')}
              </button>
              <span className="spacer" />
              {s.qualityProgress && (
                <span className="muted small" data-testid="rooms-quality-progress">
                  {t('rooms.quality.progress', { done: s.qualityProgress.done, total: s.qualityProgress.total })}
                  {s.qualityProgress.nextSweepAt !== null && s.qualityProgress.done >= s.qualityProgress.total
                    ? ` · ${t('rooms.quality.next', { s: Math.max(0, Math.round((s.qualityProgress.nextSweepAt - now) / 1000)) })}`
                    : ''}
                </span>
              )}
              <span className="muted small" data-testid="rooms-count">{t('rooms.count', { shown: rows.length, total: s.rooms.length })}</span>
              <span className="muted small" data-testid="rooms-updated">
                {s.paused ? t('rooms.paused') : age === null ? t('rooms.updatedNever') : t('rooms.updated', { seconds: age })}
              </span>
              {s.preset !== 'custom' && (
                <button type="button" className="button" onClick={s.pauseToggled} data-testid="rooms-pause">
                  {s.paused ? t('rooms.resume') : t('rooms.pause')}
                </button>
              )}
            </div>
            {s.progress && (
              <div className="progress" role="progressbar" aria-valuemin={0} aria-valuemax={s.progress.total} aria-valuenow={s.progress.fetched}>
                <div className="progress-bar" style={{ width: `${s.progress.total ? (100 * s.progress.fetched) / s.progress.total : 5}%` }} />
                <span className="small muted">{t('rooms.progress', { fetched: s.progress.fetched, total: s.progress.total || '…' })}</span>
              </div>
            )}
            {s.error && (
              <p className="banner warn" role="alert" data-testid="rooms-error">
                {s.fetchedAt ? t('rooms.stale', { seconds: age ?? 0, message: s.error.message }) : s.error.message}
              </p>
            )}
          </div>
          <div className={s.selected ? 'split' : ''}>
            {rows.length === 0 && !s.loading ? (
              <div className="card muted">{t('rooms.empty')}</div>
            ) : (
              <RoomsTable
                rows={rows}
                nowS={nowS}
                utc={s.utc}
                locale={locale}
                sort={s.sort}
                selected={s.selected?.commId ?? null}
                onSort={s.sortChanged}
                onOpen={(r) => void s.roomOpened(r)}
                quality={s.quality}
                onVisible={focusQuality}
              />
            )}
            {s.selected && <RoomDetail store={store} locale={locale} />}
          </div>
        </>
      )}
    </section>
  )
}
