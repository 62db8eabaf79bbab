import { useEffect, useRef } from 'react'
import { useVirtualizer } from '@tanstack/react-virtual'
import type { RoomQuality, RoomRow } from '../../../../shared/contract/contract'
import { useT } from '../shell/context'
import { formatDuration, formatTime } from './format'
import type { SortKey } from './roomsStore'
import { FLAG_AUDIO_STUTTER, FLAG_LOSS, FLAG_VIDEO_STUTTER } from '../../../../shared/dashboard/roomFlags'
import './rooms.css'

const ROW_H = 36
/** Three sweeps (60 s apart) without news. */
const STALE_S = 180

export function RoomsTable(props: {
  rows: RoomRow[]
  nowS: number
  utc: boolean
  locale: string
  sort: { key: SortKey; desc: boolean }
  selected: string | null
  onSort(key: SortKey): void
  onOpen(row: RoomRow): void
  quality: Record<string, RoomQuality>
  /** Whether media or an AI task started from here runs in the room. */
  running?(room: RoomRow): boolean
  /** The rooms drawn now, for main to measure first. */
  onVisible?(commIds: string[]): void
}) {
  const t = useT()
  const parentRef = useRef<HTMLDivElement>(null)
  const virtualizer = useVirtualizer({ count: props.rows.length, getScrollElement: () => parentRef.current, estimateSize: () => ROW_H, overscan: 12 })
  // Tell main which rooms are on screen (after scrolling settles), so their quality comes first.
  const items = virtualizer.getVirtualItems()
  const visibleKey = items.map((v) => props.rows[v.index]?.commId ?? '').join(',')
  const { onVisible } = props
  useEffect(() => {
    if (!onVisible || !visibleKey) return
    const timer = setTimeout(() => onVisible(visibleKey.split(',').filter(Boolean)), 250)
    return () => clearTimeout(timer)
  }, [visibleKey, onVisible])
  const header = (key: SortKey | null, label: string) => (
    <div role="columnheader" aria-sort={key && props.sort.key === key ? (props.sort.desc ? 'descending' : 'ascending') : undefined}>
      {key ? (
        <button type="button" className="th-button" onClick={() => props.onSort(key)} data-testid={`sort-${key}`}>
          {label}
          {props.sort.key === key && <span aria-hidden="true">{props.sort.desc ? ' ▾' : ' ▴'}</span>}
        </button>
      ) : (
        label
      )}
    </div>
  )
  return (
    <div className="table rooms-table" role="table" aria-rowcount={props.rows.length} data-testid="rooms-table">
      <div className="tr th" role="row">
        {header('roomId', t('rooms.col.room'))}
        {header('users', t('rooms.col.users'))}
        {header('stutter', t('rooms.col.stutter'))}
        {header('loss', t('rooms.col.worstUser'))}
        {header('start', t('rooms.col.start'))}
        {header('duration', t('rooms.col.duration'))}
        {header('status', t('rooms.col.status'))}
        {header(null, t('rooms.col.type'))}
        {header(null, t('rooms.col.creator'))}
      </div>
      <div ref={parentRef} className="tbody" role="rowgroup">
        <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
          {virtualizer.getVirtualItems().map((v) => {
            const r = props.rows[v.index]!
            const end = r.finished ? r.destroyTime : props.nowS
            return (
              <div
                key={r.commId}
                role="row"
                className="tr"
                aria-selected={props.selected === r.commId}
                data-testid="room-row"
                data-room={r.roomId}
                tabIndex={0}
                onClick={() => props.onOpen(r)}
                onKeyDown={(e) => e.key === 'Enter' && props.onOpen(r)}
                style={{ position: 'absolute', top: 0, left: 0, right: 0, height: ROW_H, transform: `translateY(${v.start}px)` }}
              >
                <div role="cell" className="mono ellipsis" title={`${r.roomId} · ${t(r.roomIdType === 'number' ? 'rooms.type.number' : 'rooms.type.string')}`} translate="no">
                  {r.roomId}
                </div>
                <QualityCells q={props.quality[r.commId]} staleS={r.finished ? 0 : props.nowS - Math.floor((props.quality[r.commId]?.fetchedAt ?? props.nowS * 1000) / 1000)} />
                <div role="cell">{formatTime(r.createTime, props.utc, props.locale, true)}</div>
                <div role="cell" className="mono">{formatDuration(end - r.createTime)}</div>
                <div role="cell">
                  <span className={r.finished ? 'pill' : 'pill live'}>{t(r.finished ? 'rooms.ended' : 'rooms.live')}</span>
                  {props.running?.(r) && (
                    <span className="room-running" title={t('rooms.tasksRunning')} aria-label={t('rooms.tasksRunning')} data-testid="room-running">
                      ▶
                    </span>
                  )}
                </div>
                <div role="cell" className="muted">{t(r.roomIdType === 'number' ? 'rooms.type.number' : 'rooms.type.string')}</div>
                <div role="cell" className="ellipsis">{r.creator}</div>
              </div>
            )
          })}
        </div>
      </div>
    </div>
  )
}

/**
 * Users now / peak, the worse of video and audio stutter, and the worst user's packet loss, flagged
 * past the thresholds; a dash with the reason when unknown.
 */
function QualityCells(props: { q: RoomQuality | undefined; staleS: number }) {
  const t = useT()
  const q = props.q
  // A live room's figures older than three sweeps (the sweep keeps failing, or the app is offline) say so.
  const stale = props.staleS > STALE_S ? ` ${t('rooms.quality.stale', { minutes: Math.round(props.staleS / 60) })}` : ''
  if (!q)
    return (
      <>
        <div role="cell" className="muted">…</div>
        <div role="cell" className="muted">…</div>
        <div role="cell" className="muted">…</div>
      </>
    )
  const why = t(`rooms.quality.${q.unavailable ?? 'error'}`)
  const realTime = q.videoStutter !== null && q.audioStutter !== null
  const stutterFlag = realTime && (q.videoStutter! >= FLAG_VIDEO_STUTTER || q.audioStutter! >= FLAG_AUDIO_STUTTER)
  const w = q.worstUser
  const lossFlag = w !== null && w.loss >= FLAG_LOSS
  return (
    <>
      {realTime ? (
        <div role="cell" className={stale ? 'mono stale' : 'mono'} title={t('rooms.quality.usersHint', { now: q.usersNow ?? 0, peak: q.peakUsers ?? 0 }) + stale}>
          {q.usersNow ?? 0}
          <span className="muted"> / {q.peakUsers ?? 0}</span>
        </div>
      ) : (
        <div role="cell" className="muted" title={why}>—</div>
      )}
      {realTime ? (
        <div
          role="cell"
          className={`mono stutter${stutterFlag ? ' flagged' : ''}${stale ? ' stale' : ''}`}
          data-testid="room-stutter"
          title={t('rooms.quality.stutterHint', { video: q.videoStutter!, audio: q.audioStutter! }) + stale}
        >
          {stutterFlag && <span aria-label={t('rooms.quality.flagged')}>⚑ </span>}
          {q.videoStutter!.toFixed(1)} · {q.audioStutter!.toFixed(1)}
        </div>
      ) : (
        <div role="cell" className="muted small" title={why}>—</div>
      )}
      {w ? (
        <div
          role="cell"
          className={`${lossFlag ? 'stutter flagged' : ''}${stale ? ' stale' : ''}`}
          data-testid="room-worst-user"
          title={t('rooms.quality.lossHint', { user: w.userId, loss: w.loss, measured: q.measuredUsers, total: q.totalUsers ?? q.measuredUsers }) + stale}
        >
          {lossFlag && <span aria-label={t('rooms.quality.lossFlagged')}>⚑ </span>}
          <span className="mono">{w.loss.toFixed(1)} %</span> <span className="muted small worst-user" translate="no">
            {w.userId}
          </span>
        </div>
      ) : (
        <div role="cell" className="muted" title={q.totalUsers === null ? why : t('rooms.quality.noSenders')}>—</div>
      )}
    </>
  )
}
