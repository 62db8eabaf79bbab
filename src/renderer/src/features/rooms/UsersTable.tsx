// The room's users, virtualized like the rooms table: a large room can have thousands of sessions,
// and only the rows in view (plus a margin) are in the DOM. A real <table> keeps the header and
// cell semantics; spacer rows above and below stand in for the rows not rendered, and fixed
// column widths keep the columns still while rows come and go.
import { useRef, type DragEvent } from 'react'
import { useVirtualizer } from '@tanstack/react-virtual'
import type { UserRow } from '../../../../shared/contract/contract'
import { useT } from '../shell/context'
import { formatDuration, formatTime } from './format'
import type { UserModeration } from './moderationState'
import './usersTable.css'

/** Row height in px: 13px text + 2 × 6px padding + border, as table.grid draws it. */
export const USER_ROW_H = 32

export function UsersTable(props: {
  users: UserRow[]
  picked: string[]
  /** Users charted, apart from those picked to act on; a chart toggle per row when onChart is given. */
  charted?: string[]
  onChart?(userId: string, on: boolean): void
  maxCharted?: number
  utc: boolean
  locale: string
  onPick(userId: string, picked: boolean): void
  /** Rows can be dragged out (e.g. onto the layout designer) when this is given. */
  onRowDragStart?(e: DragEvent, user: UserRow): void
  /** What moderation did to each user (moderationState.ts), and now in Unix ms for countdowns. */
  moderation?: ReadonlyMap<string, UserModeration>
  nowMs?: number
}) {
  const t = useT()
  const scrollRef = useRef<HTMLDivElement>(null)
  const virtualizer = useVirtualizer({ count: props.users.length, getScrollElement: () => scrollRef.current, estimateSize: () => USER_ROW_H, overscan: 12 })
  const items = virtualizer.getVirtualItems()
  const top = items[0]?.start ?? 0
  const bottom = virtualizer.getTotalSize() - (items.at(-1)?.end ?? 0)
  const picked = new Set(props.picked)
  const charted = new Set(props.charted ?? [])
  const chartFull = charted.size >= (props.maxCharted ?? Infinity)
  const chart = props.onChart
  const cols = chart ? 8 : 7
  return (
    <div className="users-scroll" ref={scrollRef} data-testid="users-scroll">
      <table className="grid users-grid" data-testid="users-table" aria-rowcount={props.users.length + 1}>
        <colgroup>
          <col style={{ width: 52 }} />
          {chart && <col style={{ width: 52 }} />}
          <col style={{ width: 170 }} />
          <col style={{ width: 176 }} />
          <col style={{ width: 176 }} />
          <col style={{ width: 130 }} />
          <col style={{ width: 100 }} />
          <col style={{ width: 120 }} />
        </colgroup>
        <thead>
          <tr>
            <th title={t('detail.col.actHint')}>{t('detail.col.act')}</th>
            {chart && <th title={t('detail.col.chartHint')}>{t('detail.col.chart')}</th>}
            <th>{t('detail.col.user')}</th>
            <th>{t('detail.col.left')}</th>
            <th>{t('detail.col.joined')}</th>
            <th>{t('detail.col.device')}</th>
            <th>{t('detail.col.sdk')}</th>
            <th>{t('detail.col.ip')}</th>
          </tr>
        </thead>
        <tbody>
          {top > 0 && (
            <tr aria-hidden="true" className="spacer-row">
              <td colSpan={cols} style={{ height: top }} />
            </tr>
          )}
          {items.map((v) => {
            const u = props.users[v.index]!
            return (
              <tr
                key={`${u.userId}-${u.joinTs}`}
                aria-rowindex={v.index + 2}
                data-testid="user-row"
                data-user={u.userId}
                data-in-room={!u.finished}
                style={{ height: USER_ROW_H }}
                draggable={props.onRowDragStart !== undefined}
                onDragStart={props.onRowDragStart && ((e) => props.onRowDragStart!(e, u))}
              >
                <td>
                  <input type="checkbox" aria-label={t('detail.actOn', { user: u.userId })} disabled={u.finished} checked={!u.finished && picked.has(u.userId)} onChange={(e) => props.onPick(u.userId, e.target.checked)} />
                </td>
                {chart && (
                  <td>
                    <button
                      type="button"
                      className="chart-toggle"
                      aria-pressed={charted.has(u.userId)}
                      aria-label={t('detail.chartUser', { user: u.userId })}
                      title={charted.has(u.userId) || !chartFull ? t('detail.chartUser', { user: u.userId }) : t('detail.chartFull', { max: props.maxCharted ?? 0 })}
                      disabled={!charted.has(u.userId) && chartFull}
                      onClick={() => chart(u.userId, !charted.has(u.userId))}
                      data-testid="chart-toggle"
                    >
                      <svg width="14" height="12" viewBox="0 0 14 12" aria-hidden="true">
                        <polyline points="1,10 5,5 8,7 13,1" fill="none" stroke="currentColor" strokeWidth="1.8" strokeLinejoin="round" strokeLinecap="round" />
                      </svg>
                    </button>
                  </td>
                )}
                <td className="mono ellipsis" title={u.userId} translate="no">
                  {u.userId}
                </td>
                {/* What matters while moderating comes first: in the room (and what moderation did), or when they left. */}
                <td className="user-state">
                  {u.finished ? formatTime(u.leaveTs, props.utc, props.locale, true) : <ModerationBadges state={props.moderation?.get(u.userId)} nowMs={props.nowMs ?? Date.now()} />}
                </td>
                <td>{formatTime(u.joinTs, props.utc, props.locale, true)}</td>
                <td className="ellipsis" title={u.deviceType} translate="no">
                  {u.deviceType}
                </td>
                <td className="mono ellipsis" translate="no">
                  {u.sdkVersion}
                </td>
                <td className="mono ellipsis" translate="no">
                  {u.clientIp}
                </td>
              </tr>
            )
          })}
          {bottom > 0 && (
            <tr aria-hidden="true" className="spacer-row">
              <td colSpan={cols} style={{ height: bottom }} />
            </tr>
          )}
        </tbody>
      </table>
    </div>
  )
}

/** "In room", or what moderation did: audio / video / both blocked (with the timed unblock's countdown), removed. */
function ModerationBadges(props: { state: UserModeration | undefined; nowMs: number }) {
  const t = useT()
  const s = props.state
  if (!s || (!s.audioBlocked && !s.videoBlocked && s.removedAt === null)) return <span className="pill live">{t('detail.inRoom')}</span>
  const timed = s.unblockAt !== null && s.unblockAt > props.nowMs
  const blocked = s.audioBlocked && s.videoBlocked ? t('detail.badge.bothBlocked') : s.audioBlocked ? t('detail.badge.audioBlocked') : s.videoBlocked ? t('detail.badge.videoBlocked') : null
  return (
    <span className="badges" data-testid="user-moderation">
      {s.removedAt !== null && <span className="pill warn">{t('detail.badge.removed')}</span>}
      {blocked && (
        <span
          className="pill warn"
          data-testid="user-blocked"
          title={timed ? t('detail.badge.unblocksIn', { time: formatDuration((s.unblockAt! - props.nowMs) / 1000) }) : t('detail.badge.blockedHint')}
        >
          {blocked}
          {timed ? ` · ${formatDuration((s.unblockAt! - props.nowMs) / 1000)}` : ''}
        </span>
      )}
    </span>
  )
}
