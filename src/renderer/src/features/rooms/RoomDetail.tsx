import { lazy, Suspense, useEffect, useMemo, useState } from 'react'
import { moderationStates } from './moderationState'
import * as Dialog from '@radix-ui/react-dialog'
import * as DropdownMenu from '@radix-ui/react-dropdown-menu'
import { useStore, type StoreApi } from 'zustand'
import type { ModerationOutcome, ModerationRequest } from '../../../../shared/contract/contract'
import { formatTime } from './format'
import { reportCsv, reportHtml } from './report'
import { api } from '../../api'
import { useApp, useT } from '../shell/context'
import { selectActiveProfile } from '../shell/appStore'
import { EventTimeline } from './EventTimeline'
import { RoomTasks } from './RoomTasks'
import { UsersTable } from './UsersTable'
import { startUserDrag } from '../designer/imageDrop'
import { MAX_CHARTED, type RoomsState } from './roomsStore'
import { sayModeration } from './say'
import { download } from '../../components/download'
import { errorText } from '../../i18n/i18n'

const TIMELINE_CHOICES = 300
// The charts (and uPlot) load when a room is first opened, not with the window.
const QualityCharts = lazy(() => import('./QualityCharts').then((m) => ({ default: m.QualityCharts })))

type Pending = { kind: 'remove' } | { kind: 'block' } | { kind: 'dismiss' } | null

export function RoomDetail(props: { store: StoreApi<RoomsState>; locale: string }) {
  const t = useT()
  const s = useStore(props.store)
  const [pending, setPending] = useState<Pending>(null)
  const [isMute, setIsMute] = useState<1 | 2 | 3>(1)
  const [durationMin, setDurationMin] = useState(0)
  const [confirmText, setConfirmText] = useState('')
  const [eventsUser, setTimelineUser] = useState<string | null>(null)
  const [reporting, setReporting] = useState(false)
  const profileName = useApp(selectActiveProfile)?.name ?? ''
  const sendToDesigner = useApp((a) => a.roomSentToDesigner)
  // Derived once per users list, not on every render: a room can have tens of thousands of sessions.
  const userIds = useMemo(() => [...new Set(s.users.map((u) => u.userId))], [s.users])
  const inRoomIds = useMemo(() => new Set(s.users.filter((u) => !u.finished).map((u) => u.userId)), [s.users])
  const joins = useMemo(() => {
    const m = new Map<string, number>()
    for (const u of s.users) m.set(u.userId, Math.max(m.get(u.userId) ?? 0, u.joinTs))
    return m
  }, [s.users])
  const moderation = useMemo(
    () => (s.selected && s.sdkAppId !== null ? moderationStates({ sdkAppId: s.sdkAppId, roomId: s.selected.roomId }, s.audit, s.scheduled, joins) : undefined),
    [s.selected, s.sdkAppId, s.audit, s.scheduled, joins],
  )
  // A second's tick only while a timed unblock counts down.
  const counting = moderation !== undefined && [...moderation.values()].some((m) => m.unblockAt !== null)
  const [nowMs, setNowMs] = useState(() => Date.now())
  useEffect(() => {
    if (!counting) return
    const tick = () => setNowMs(Date.now())
    const first = setTimeout(tick, 0)
    const timer = setInterval(tick, 1000)
    return () => {
      clearTimeout(first)
      clearInterval(timer)
    }
  }, [counting])
  const room = s.selected
  if (!room || s.sdkAppId === null) return null
  // Charts show the users charted (apart from those picked to act on), else the first six
  // (DescribeCallDetailInfo's per-call limit).
  const chartUsers = s.charted.length > 0 ? s.charted : userIds.slice(0, MAX_CHARTED)
  const timelineUser = eventsUser && userIds.includes(eventsUser) ? eventsUser : (chartUsers[0] ?? null)
  // A select with thousands of options takes seconds to build: it lists the charted and picked
  // users first, then the room's first users up to a few hundred; pick a user in the table to see others.
  const timelineChoices = [...new Set([...(timelineUser ? [timelineUser] : []), ...chartUsers, ...s.picked, ...userIds.slice(0, TIMELINE_CHOICES)])]
  const roomOutcome = (o: ModerationOutcome) => (o.userIds.length ? o : { ...o, userIds: [room.roomId] })

  // The report covers everyone, with quality for the room's last hour (one metric call per six users).
  const report = async (kind: 'csv' | 'html') => {
    const sdkAppId = s.sdkAppId!
    setReporting(true)
    const end = room.finished && room.destroyTime > 0 ? room.destroyTime : Math.floor(Date.now() / 1000)
    const [quality, audit] = await Promise.all([
      userIds.length
        ? api['rooms.quality']({ sdkAppId, commId: room.commId, startTime: Math.max(room.createTime, end - 3600), endTime: end, userIds: userIds.slice(0, 60), dataTypes: ['aBit', 'aLoss', 'aBlock', 'bigvBit', 'bigvLoss', 'bigvBlock', 'bigvDecFps', 'appCpu'] })
        : Promise.resolve(null),
      api['audit.list'](),
    ])
    setReporting(false)
    const input = {
      room,
      sdkAppId,
      profile: profileName,
      users: s.users,
      quality: quality?.ok ? quality.value : [],
      actions: audit.ok ? audit.value.filter((a) => a.roomId === room.roomId && a.sdkAppId === sdkAppId) : [],
      generatedAt: Date.now(),
    }
    const name = `trtc-room-${room.roomId.replace(/[^\w.-]+/g, '_')}-report`
    const blob =
      kind === 'csv'
        ? new Blob([reportCsv(input)], { type: 'text/csv;charset=utf-8' })
        : new Blob([reportHtml(input, t('detail.report.title', { room: room.roomId }))], { type: 'text/html;charset=utf-8' })
    download(`${name}.${kind}`, blob)
  }
  const target = { sdkAppId: s.sdkAppId, roomId: room.roomId, roomIdType: room.roomIdType }
  const run = async (req: ModerationRequest) => {
    await s.moderationRequested(req)
    setPending(null)
    setConfirmText('')
  }
  return (
    <aside className="detail card" data-testid="room-detail" aria-label={room.roomId}>
      <div className="detail-head">
        <div className="detail-title">
          <h2 className="mono" translate="no">
            {room.roomId}
          </h2>
          <p className="muted small">
            {formatTime(room.createTime, s.utc, props.locale)} · {t('detail.variant', { type: t(room.roomIdType === 'number' ? 'rooms.type.number' : 'rooms.type.string') })}
          </p>
        </div>
        <button type="button" className="button small icon" onClick={() => void s.roomOpened(null)} aria-label={t('detail.close')} title={t('detail.close')} data-testid="detail-close">
          ✕
        </button>
      </div>
      <div className="detail-head-actions">
          <DropdownMenu.Root>
            <DropdownMenu.Trigger asChild>
              <button type="button" className="button small" disabled={reporting} data-testid="report-menu">
                {t('detail.report')} ▾
              </button>
            </DropdownMenu.Trigger>
            <DropdownMenu.Portal>
              <DropdownMenu.Content className="menu" align="end" sideOffset={6}>
                <DropdownMenu.Item className="menu-item" onSelect={() => void report('csv')} data-testid="report-csv">
                  {t('detail.report.csv')}
                </DropdownMenu.Item>
                <DropdownMenu.Item className="menu-item" onSelect={() => void report('html')} data-testid="report-html">
                  {t('detail.report.html')}
                </DropdownMenu.Item>
              </DropdownMenu.Content>
            </DropdownMenu.Portal>
          </DropdownMenu.Root>
          <button type="button" className="button small" onClick={() => sendToDesigner(s.sdkAppId!, room)} title={t('designer.users.useInDesigner.hint')} data-testid="room-use-in-designer">
            {t('designer.users.useInDesigner')}
          </button>
          {/* The room as a whole, apart from the actions on the users picked below. */}
          <span className="spacer" />
          <button type="button" className="button small danger" disabled={room.finished || s.busy} onClick={() => setPending({ kind: 'dismiss' })} data-testid="action-dismiss">
            {t('detail.dismiss')}
          </button>
      </div>
      <div className="detail-bar" role="toolbar" aria-label={t('detail.actOnBar')}>
        <label className="check">
          <input
            type="checkbox"
            checked={inRoomIds.size > 0 && s.picked.length === inRoomIds.size}
            onChange={(e) => s.allUsersPicked(e.target.checked)}
            data-testid="pick-all"
          />
          {t('detail.selectAll')}
        </label>
        <span className="muted small" data-testid="picked-count">{t('detail.selected', { count: s.picked.length })}</span>
        <span className="spacer" />
        <button type="button" className="button small" disabled={s.picked.length === 0 || s.busy} onClick={() => setPending({ kind: 'remove' })} data-testid="action-remove">
          {t('detail.removeMenu')}
        </button>
        <button type="button" className="button small" disabled={s.picked.length === 0 || s.busy} onClick={() => setPending({ kind: 'block' })} data-testid="action-block">
          {t('detail.block')}
        </button>
        <button
          type="button"
          className="button small"
          disabled={s.picked.length === 0 || s.busy}
          onClick={() => void run({ action: 'block', ...target, userIds: s.picked, isMute: 0 })}
          data-testid="action-unblock"
        >
          {t('detail.unblock')}
        </button>
      </div>
      {s.outcomes.length > 0 && (
        <ul className="outcomes" data-testid="moderation-outcomes">
          {s.outcomes.map((o, i) => (
            <li key={i} className={o.ok ? 'ok' : 'fail'}>
              {sayModeration(t, roomOutcome(o))}
              {o.ok ? ` · ${t('mod.result.done')}` : ` · ${t('mod.result.failed', { message: o.error ? errorText(t, o.error) : '' })}`}
              {o.requestId && <span className="muted small mono"> · {o.requestId}</span>}
              {o.auditPending && <span className="small" data-testid="audit-pending">{' '}{t('mod.auditPending', { reason: o.auditPending })}</span>}
            </li>
          ))}
        </ul>
      )}
      {s.scheduled.filter((e) => e.roomId === room.roomId && e.sdkAppId === s.sdkAppId).length > 0 && (
        <ul className="scheduled" data-testid="scheduled-unblocks">
          {s.scheduled
            .filter((e) => e.roomId === room.roomId && e.sdkAppId === s.sdkAppId)
            .map((e) => (
              <li key={e.id}>
                {t('detail.unblocksAt', { users: e.userIds.join(', '), time: new Date(e.unblockAt).toLocaleTimeString(props.locale) })}
                <button type="button" className="link" onClick={() => void s.scheduledCancelled(e.id)}>
                  {t('mod.cancel')}
                </button>
              </li>
            ))}
        </ul>
      )}
      <RoomTasks key={room.commId} sdkAppId={s.sdkAppId} room={room} usersInRoom={[...inRoomIds]} utc={s.utc} locale={props.locale} onRobotsChanged={() => void s.usersRequested()} />
      <h3>{t('detail.users', { count: s.users.length })}</h3>
      {s.usersError && <p className="error-text" role="alert">{errorText(t, s.usersError)}</p>}
      {s.usersLoading && s.users.length === 0 && <p className="muted">{t('detail.loadingUsers')}</p>}
      {!s.usersLoading && !s.usersError && s.users.length === 0 && <p className="muted">{t('detail.noUsers')}</p>}
      {s.users.length > 0 && (
        <UsersTable
          users={s.users}
          picked={s.picked}
          charted={chartUsers}
          onChart={(u, on) => s.chartedChanged(on ? [...chartUsers, u] : chartUsers.filter((c) => c !== u))}
          maxCharted={MAX_CHARTED}
          utc={s.utc}
          locale={props.locale}
          onPick={s.userPicked}
          onRowDragStart={(e, u) => startUserDrag(e, { userId: u.userId, roomId: room.roomId, roomIdType: room.roomIdType })}
          moderation={moderation}
          nowMs={nowMs}
        />
      )}

      {s.users.length > 0 && (
        <>
          <Suspense fallback={<p className="muted">{t('detail.loadingCharts')}</p>}>
            <QualityCharts sdkAppId={s.sdkAppId} room={room} userIds={chartUsers} />
          </Suspense>
          <label className="inline-field">
            <span>{t('detail.eventsFor')}</span>
            <select value={timelineUser ?? ''} onChange={(e) => setTimelineUser(e.target.value)} data-testid="timeline-user">
              {timelineChoices.map((u) => (
                <option key={u} value={u}>{u}</option>
              ))}
            </select>
          </label>
          {timelineUser && <EventTimeline sdkAppId={s.sdkAppId} room={room} userId={timelineUser} />}
        </>
      )}

      <Dialog.Root open={pending !== null} onOpenChange={(open) => !open && setPending(null)}>
        <Dialog.Portal>
          <Dialog.Overlay className="dialog-overlay" />
          <Dialog.Content className="dialog" data-testid="moderation-dialog">
            {pending?.kind === 'remove' && (
              <>
                <Dialog.Title className="dialog-title">{t('mod.remove.title', { count: s.picked.length, room: room.roomId })}</Dialog.Title>
                <Dialog.Description className="muted">{t('mod.remove.body')}</Dialog.Description>
                <p className="mono small">{s.picked.join(', ')}</p>
                <div className="dialog-actions">
                  <Dialog.Close asChild>
                    <button type="button" className="button">{t('mod.cancel')}</button>
                  </Dialog.Close>
                  <button type="button" className="button danger" disabled={s.busy} onClick={() => void run({ action: 'remove', ...target, userIds: s.picked })} data-testid="confirm-remove">
                    {t('detail.remove')}
                  </button>
                </div>
              </>
            )}
            {pending?.kind === 'block' && (
              <>
                <Dialog.Title className="dialog-title">{t('mod.block.title', { count: s.picked.length })}</Dialog.Title>
                <Dialog.Description className="mono small">{s.picked.join(', ')}</Dialog.Description>
                <fieldset className="radios">
                  {([1, 2, 3] as const).map((m) => (
                    <label key={m} className="check">
                      <input type="radio" name="mute" checked={isMute === m} onChange={() => setIsMute(m)} />
                      {t(m === 1 ? 'mod.block.audioVideo' : m === 2 ? 'mod.block.audio' : 'mod.block.video')}
                    </label>
                  ))}
                </fieldset>
                <label className="field">
                  <span>{t('mod.block.duration')}</span>
                  <select value={durationMin} onChange={(e) => setDurationMin(Number(e.target.value))} data-testid="block-duration">
                    {[0, 5, 15, 60, 240, 1440].map((m) => (
                      <option key={m} value={m}>
                        {m === 0 ? t('mod.block.untilUnblocked') : t('mod.block.minutes', { minutes: m })}
                      </option>
                    ))}
                  </select>
                </label>
                <div className="dialog-actions">
                  <Dialog.Close asChild>
                    <button type="button" className="button">{t('mod.cancel')}</button>
                  </Dialog.Close>
                  <button
                    type="button"
                    className="button primary"
                    disabled={s.busy}
                    onClick={() => void run({ action: 'block', ...target, userIds: s.picked, isMute, ...(durationMin ? { durationS: durationMin * 60 } : {}) })}
                    data-testid="confirm-block"
                  >
                    {t('mod.confirm')}
                  </button>
                </div>
              </>
            )}
            {pending?.kind === 'dismiss' && (
              <>
                <Dialog.Title className="dialog-title">{t('mod.dismiss.title', { room: room.roomId })}</Dialog.Title>
                <Dialog.Description className="muted">{t('mod.dismiss.body')}</Dialog.Description>
                <input
                  type="text"
                  value={confirmText}
                  placeholder={t('mod.dismiss.placeholder')}
                  onChange={(e) => setConfirmText(e.target.value)}
                  data-testid="confirm-room-id"
                  autoFocus
                />
                <div className="dialog-actions">
                  <Dialog.Close asChild>
                    <button type="button" className="button">{t('mod.cancel')}</button>
                  </Dialog.Close>
                  <button
                    type="button"
                    className="button danger"
                    disabled={confirmText !== room.roomId || s.busy}
                    onClick={() => void run({ action: 'dismiss', ...target, confirmRoomId: confirmText })}
                    data-testid="confirm-dismiss"
                  >
                    {t('mod.dismiss.action')}
                  </button>
                </div>
              </>
            )}
          </Dialog.Content>
        </Dialog.Portal>
      </Dialog.Root>
    </aside>
  )
}
