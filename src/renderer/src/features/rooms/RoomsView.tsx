import { lazy, Suspense, useEffect, useMemo, useRef, useState, type CSSProperties, type RefObject } from 'react'
import type { RoomRow } from '../../../../shared/contract/contract'
import { useStore, type StoreApi } from 'zustand'
import { api } from '../../api'
import { EmptyState } from '../../components/EmptyState'
import { PageHeader } from '../../components/PageHeader'
import { useApp, useT } from '../shell/context'
import { selectActiveProfile, selectLocale } from '../shell/appStore'
import { formatTime, fromInputValue, toInputValue } from './format'
import { RoomsTable } from './RoomsTable'
import { roomKey, roomTasksStore } from './roomTasksStore'
import { FLAG_LOSS } from '../../../../shared/dashboard/roomFlags'
import { REFRESH_MS, createRoomsStore, selectVisibleRooms, windowOf, windowProblem, type RoomsState, type StatusFilter, type WindowPreset } from './roomsStore'
import { errorText } from '../../i18n/i18n'

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
    api.on('moderation.scheduleChanged', (l) => sharedStore!.getState().scheduledPushed(l))
  }
  return sharedStore
}

// Loaded when its tab is first opened.
const DashboardView = lazy(() => import('../dashboard/DashboardView').then((m) => ({ default: m.DashboardView })))
// A room's detail and the audit log load when first opened: the list is the first screen.
const RoomDetail = lazy(() => import('./RoomDetail').then((m) => ({ default: m.RoomDetail })))
const AuditView = lazy(() => import('./AuditView').then((m) => ({ default: m.AuditView })))

export function RoomsView() {
  const t = useT()
  const active = useApp(selectActiveProfile)
  const locale = useApp(selectLocale)
  const select = useApp((s) => s.sectionSelected)
  const store = roomsStore()
  const s = useStore(store)
  // Rooms with media or an AI task running from here are marked in the list; asked once the list is up.
  const tasksStore = roomTasksStore()
  const tasks = useStore(tasksStore, (x) => x.tasks)
  const running = useMemo(() => new Set(tasks.filter((x) => x.endedAt === null).map(roomKey)), [tasks])
  useEffect(() => {
    const timer = setTimeout(() => void tasksStore.getState().refreshRequested(), 1000)
    return () => clearTimeout(timer)
  }, [tasksStore])
  const [tab, setTab] = useState<'rooms' | 'dashboard' | 'audit'>('rooms')
  const now = useNow(1000)
  const [userQuery, setUserQuery] = useState('')
  const bodyRef = useRef<HTMLDivElement>(null)
  const [listWidth, setListWidth] = useStoredWidth('trtc-desk.rooms.listWidth')
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

  // Sorted again when the list, the filters or the quality change — and each second only when
  // sorting by duration (live rooms grow).
  const sortNow = s.sort.key === 'duration' ? nowS : 0
  const { rooms: allRooms, query, status, sort, quality } = s
  const rows = useMemo(() => selectVisibleRooms({ rooms: allRooms, query, status, sort, quality }, sortNow), [allRooms, query, status, sort, quality, sortNow])

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
    <section className={tab === 'rooms' ? 'page page-wide rooms-page' : 'page page-wide'} data-testid="view-rooms">
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
        <Suspense fallback={null}>
          <AuditView store={store} />
        </Suspense>
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
              {s.preset !== 'custom' && (
                <button type="button" className="button" onClick={s.pauseToggled} data-testid="rooms-pause">
                  {s.paused ? t('rooms.resume') : t('rooms.pause')}
                </button>
              )}
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
            <div className="toolbar rooms-toolbar">
              <input type="search" placeholder={t('rooms.filter')} value={s.query} onChange={(e) => s.queryChanged(e.target.value)} data-testid="rooms-filter" />
              <div className="segmented compact" role="radiogroup">
                {statuses.map((st) => (
                  <label key={st} className="segment">
                    <input type="radio" name="status" checked={s.status === st} onChange={() => s.statusChanged(st)} data-testid={`rooms-status-${st}`} />
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
              <form
                className="find-user"
                role="search"
                onSubmit={(e) => {
                  e.preventDefault()
                  void s.userSearched(userQuery)
                }}
              >
                <input type="search" placeholder={t('rooms.findUser')} value={userQuery} onChange={(e) => setUserQuery(e.target.value)} aria-label={t('rooms.findUser')} data-testid="rooms-find-user" />
              </form>
              <span className="spacer" />
              <span className="muted small rooms-status" data-testid="rooms-status">
                <span data-testid="rooms-count">{t('rooms.count', { shown: rows.length, total: s.rooms.length })}</span>
                {s.qualityProgress && (
                  <span data-testid="rooms-quality-progress">
                    {' · '}
                    {t('rooms.quality.progress', { done: s.qualityProgress.done, total: s.qualityProgress.total })}
                    {s.qualityProgress.nextSweepAt !== null && s.qualityProgress.done >= s.qualityProgress.total
                      ? `${t('rooms.quality.next', { s: Math.max(0, Math.round((s.qualityProgress.nextSweepAt - now) / 1000)) })}`
                      : ''}
                  </span>
                )}
                {s.error && s.fetchedAt === null ? null : (
                  <>
                    {' · '}
                    <span data-testid="rooms-updated">{s.paused ? t('rooms.paused') : age === null ? t('rooms.updatedNever') : t('rooms.updated', { seconds: age })}</span>
                  </>
                )}
              </span>
            </div>
            {s.progress && (
              <div className="progress" role="progressbar" aria-valuemin={0} aria-valuemax={s.progress.total} aria-valuenow={s.progress.fetched}>
                <div className="progress-bar" style={{ width: `${s.progress.total ? (100 * s.progress.fetched) / s.progress.total : 5}%` }} />
                <span className="small muted">{t('rooms.progress', { fetched: s.progress.fetched, total: s.progress.total || '…' })}</span>
              </div>
            )}
            {s.error && s.fetchedAt !== null && (
              <p className="banner warn" role="alert" data-testid="rooms-error">
                {t('rooms.stale', { seconds: age ?? 0, message: errorText(t, s.error) })}
              </p>
            )}
          </div>
          {s.userSearch && (
            <Sightings
              search={s.userSearch}
              utc={s.utc}
              locale={locale}
              onOpen={(room, userId) => void s.roomOpened(room, [userId])}
              onClose={() => {
                setUserQuery('')
                void s.userSearched(null)
              }}
            />
          )}
          <div className={s.selected ? 'rooms-body with-detail' : 'rooms-body'} ref={bodyRef} style={listWidth ? ({ '--rooms-list-w': `${listWidth}px` } as CSSProperties) : undefined}>
            <div className="rooms-list">
              {/* Never loaded: one message, what happened and what to do — not an empty list as well. */}
              {s.error && s.fetchedAt === null && !s.loading ? (
                <EmptyState
                  testId="rooms-error"
                  title={t('rooms.failed.title')}
                  body={errorText(t, s.error)}
                  action={
                    <div className="dialog-actions start">
                      <button type="button" className="button primary" onClick={() => void s.refreshRequested()}>
                        {t('rooms.failed.retry')}
                      </button>
                      <button type="button" className="button" onClick={() => select('settings')}>
                        {t('rooms.failed.settings')}
                      </button>
                    </div>
                  }
                />
              ) : rows.length === 0 && !s.loading ? (
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
                  running={s.sdkAppId === null ? undefined : (r) => running.has(roomKey({ sdkAppId: s.sdkAppId!, ...r }))}
                  onVisible={focusQuality}
                />
              )}
            </div>
            {s.selected && (
              <>
                <Splitter container={bodyRef} width={listWidth} onWidth={setListWidth} />
                <div className="rooms-detail" data-testid="rooms-detail-pane">
                  <Suspense fallback={null}>
                    <RoomDetail store={store} locale={locale} />
                  </Suspense>
                </div>
              </>
            )}
          </div>
        </>
      )}
    </section>
  )
}

/** The list's width beside a room's detail, kept across sessions; null = the default share. */
function useStoredWidth(key: string): [number | null, (w: number | null) => void] {
  const [w, setW] = useState<number | null>(() => {
    const v = Number(localStorage.getItem(key))
    return Number.isFinite(v) && v > 0 ? v : null
  })
  return [
    w,
    (next) => {
      setW(next)
      if (next === null) localStorage.removeItem(key)
      else localStorage.setItem(key, String(Math.round(next)))
    },
  ]
}

const MIN_LIST = 340
const MIN_DETAIL = 440

/** The handle between the list and the detail: drag, or arrow keys; a double click restores the default. */
function Splitter(props: { container: RefObject<HTMLDivElement | null>; width: number | null; onWidth(w: number | null): void }) {
  const t = useT()
  const [dragging, setDragging] = useState(false)
  const clamp = (w: number) => {
    const total = props.container.current?.clientWidth ?? 1200
    return Math.max(MIN_LIST, Math.min(total - MIN_DETAIL - 14, w))
  }
  const current = () => props.width ?? (props.container.current?.querySelector('.rooms-list') as HTMLElement | null)?.offsetWidth ?? 500
  return (
    <div
      className={dragging ? 'splitter dragging' : 'splitter'}
      role="separator"
      aria-orientation="vertical"
      aria-label={t('rooms.splitter')}
      aria-valuenow={Math.round(current())}
      tabIndex={0}
      data-testid="rooms-splitter"
      title={t('rooms.splitter')}
      onDoubleClick={() => props.onWidth(null)}
      onKeyDown={(e) => {
        if (e.key === 'ArrowLeft' || e.key === 'ArrowRight') {
          e.preventDefault()
          props.onWidth(clamp(current() + (e.key === 'ArrowLeft' ? -24 : 24)))
        }
      }}
      onPointerDown={(e) => {
        const el = e.currentTarget
        el.setPointerCapture(e.pointerId)
        const x0 = e.clientX
        const w0 = current()
        setDragging(true)
        const move = (m: PointerEvent) => props.onWidth(clamp(w0 + m.clientX - x0))
        const up = () => {
          setDragging(false)
          el.removeEventListener('pointermove', move)
          el.removeEventListener('pointerup', up)
          el.removeEventListener('pointercancel', up)
        }
        el.addEventListener('pointermove', move)
        el.addEventListener('pointerup', up)
        el.addEventListener('pointercancel', up)
      }}
    />
  )
}

/** Where a user was in the window's rooms: each room with their sessions and loss, one click to open it with them charted. */
function Sightings(props: {
  search: NonNullable<RoomsState['userSearch']>
  utc: boolean
  locale: string
  onOpen(room: RoomRow, userId: string): void
  onClose(): void
}) {
  const t = useT()
  const { search } = props
  const users = new Set(search.sightings.map((x) => x.userId))
  const time = (s: number) => formatTime(s, props.utc, props.locale, true)
  return (
    <div className="card sightings" data-testid="user-sightings">
      <div className="sightings-head">
        <h2>
          {search.loading
            ? t('rooms.find.searching', { query: search.query })
            : search.error
              ? t('rooms.find.failed', { query: search.query })
              : search.sightings.length === 0
                ? t('rooms.find.none', { query: search.query, rooms: search.rooms })
                : users.size === 1
                  ? t('rooms.find.found', { user: [...users][0]!, count: search.sightings.length })
                  : t('rooms.find.foundMany', { query: search.query, users: users.size, count: search.sightings.length })}
        </h2>
        {search.error && <span className="error-text small">{errorText(t, search.error)}</span>}
        <span className="spacer" />
        <button type="button" className="button small" onClick={props.onClose} data-testid="user-sightings-close">
          {t('rooms.find.close')}
        </button>
      </div>
      {search.sightings.length > 0 && (
        <ul>
          {search.sightings.map((x) => (
            <li key={`${x.userId}:${x.room.commId}`} data-testid="user-sighting" data-room={x.room.roomId}>
              <span className="mono ellipsis">{x.userId}</span>
              <span className="mono ellipsis">{x.room.roomId}</span>
              <span className="ellipsis">
                {x.sessions
                  .map((v) => (v.finished ? t('rooms.find.session', { from: time(v.joinTs), to: time(v.leaveTs) }) : t('rooms.find.sessionOpen', { from: time(v.joinTs) })))
                  .join('; ')}
              </span>
              <span className={x.loss !== null && x.loss >= FLAG_LOSS ? 'flagged' : 'muted'} title={t('rooms.find.lossHint')}>
                {x.loss === null ? '—' : x.loss === 0 ? t('rooms.find.noLoss') : t('rooms.find.loss', { loss: x.loss.toFixed(1) })}
              </span>
              <button type="button" className="button small" onClick={() => props.onOpen(x.room, x.userId)} title={t('rooms.find.openHint', { user: x.userId })} data-testid="user-sighting-open">
                {t('rooms.find.open')}
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  )
}
