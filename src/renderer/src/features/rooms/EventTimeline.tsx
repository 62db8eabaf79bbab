// One user's events in a room (DescribeUserEvent through rooms.events) as a vertical timeline,
// each event explained from the Event ID table in the UI language.
import { useEffect, useState } from 'react'
import './insights.css'
import type { RoomRow, UserEvent } from '../../../../shared/contract/contract'
import type { Result } from '../../../../shared/errors'
import { describeEvent, findEvent, type EventCategory, type EventSeverity } from '../../../../shared/trtc/eventIds'
import { api } from '../../api'
import { useApp, useErrorText, useT } from '../shell/context'
import { selectLocale } from '../shell/appStore'
import type { en } from './insightsMessages'

type InsightsKey = keyof typeof en
type Translate = (key: InsightsKey, params?: Record<string, string | number>) => string

export interface EventTimelineProps {
  sdkAppId: number
  room: RoomRow
  userId: string
}

// A glyph per category so the kind of event reads without colour too.
const ICONS: Record<EventCategory | 'unknown', string> = {
  room: '⇄',
  network: '⇅',
  device: '◎',
  app: '▣',
  audio: '♪',
  video: '▶',
  qos: '≋',
  unknown: '?',
}

// EventMessage.Type: "0: A non-video event 2: The big video 3: The small video 7: A relayed video"
// (003_530a54cf0f8c0df7.txt L15058–L15085).
const STREAM_TYPES: Record<number, InsightsKey> = { 2: 'insights.events.stream.2', 3: 'insights.events.stream.3', 7: 'insights.events.stream.7' }

function clockTime(ms: number, locale: string): string {
  const d = new Date(ms)
  const hms = d.toLocaleTimeString(locale, { hour12: false, hour: '2-digit', minute: '2-digit', second: '2-digit' })
  return `${hms}.${String(d.getMilliseconds()).padStart(3, '0')}`
}

export function EventTimeline(props: EventTimelineProps) {
  const t = useT() as unknown as Translate
  const sayError = useErrorText()
  const locale = useApp(selectLocale)
  const [attempt, setAttempt] = useState(0)
  const [answer, setAnswer] = useState<{ key: string; result: Result<UserEvent[]> } | null>(null)
  const { sdkAppId, room, userId } = props
  // An answer for an earlier request (another user or room) is ignored rather than cleared.
  const requestKey = [sdkAppId, room.commId, userId, attempt].join('|')
  const loading = answer?.key !== requestKey
  const result = answer?.key === requestKey ? answer.result : null
  const events = result?.ok ? result.value : []
  const error = result && !result.ok ? result.error : null

  useEffect(() => {
    let live = true
    // "If you pass in an end time later than the room end time, the room end time will be used."
    // (003_530a54cf0f8c0df7.txt L11556–L11561), so a live room can ask up to now.
    const end = room.finished && room.destroyTime > 0 ? room.destroyTime : Math.floor(Date.now() / 1000)
    void api['rooms.events']({ sdkAppId, commId: room.commId, roomId: room.roomId, userId, startTime: room.createTime, endTime: Math.max(room.createTime, end) }).then((r) => {
      if (live) setAnswer({ key: requestKey, result: r })
    })
    return () => {
      live = false
    }
  }, [requestKey, sdkAppId, room.commId, room.roomId, room.createTime, room.destroyTime, room.finished, userId])

  return (
    <section className="insights-events" data-testid="event-timeline" aria-busy={loading}>
      <div className="insights-head">
        <h3>{t('insights.events.title', { user: userId })}</h3>
        <span className="spacer" />
        {!loading && !error && <span className="muted small">{t('insights.events.count', { count: events.length })}</span>}
      </div>
      {loading && <p className="muted insights-status">{t('insights.events.loading')}</p>}
      {!loading && error && (
        <div className="insights-error" role="alert" data-testid="events-error">
          <span>{t('insights.events.failed', { message: sayError(error) })}</span>
          <button type="button" className="button small" onClick={() => setAttempt((n) => n + 1)}>
            {t('insights.events.retry')}
          </button>
        </div>
      )}
      {!loading && !error && events.length === 0 && <p className="muted insights-status">{t('insights.events.empty')}</p>}
      {!loading && !error && events.length > 0 && (
        <ol className="timeline">
          {events.map((e, i) => {
            const def = findEvent(e)
            const category: EventCategory | 'unknown' = def?.category ?? 'unknown'
            const severity: EventSeverity = def?.severity ?? 'warning'
            const stream = STREAM_TYPES[e.type]
            return (
              <li key={`${e.timeMs}-${i}`} className={`timeline-item cat-${category} sev-${severity}`} data-testid="timeline-event" data-event-id={e.eventId} data-known={def !== undefined}>
                <time className="timeline-time mono" dateTime={new Date(e.timeMs).toISOString()}>
                  {clockTime(e.timeMs, locale)}
                </time>
                <span className="timeline-dot" aria-hidden="true">
                  {ICONS[category]}
                </span>
                <div className="timeline-body">
                  <div className="timeline-text">{describeEvent(e, locale)}</div>
                  <div className="timeline-meta small muted">
                    <span className="timeline-cat">{t(`insights.category.${category}`)}</span>
                    {stream && <span>{t(stream)}</span>}
                    {e.peerId && e.peerId !== userId && <span>{t('insights.events.peer', { peer: e.peerId })}</span>}
                    <details className="timeline-raw">
                      <summary>{t('insights.events.details')}</summary>
                      <span className="mono">{t('insights.events.raw', { id: e.eventId, p1: e.paramOne, p2: e.paramTwo })}</span>
                    </details>
                  </div>
                </div>
              </li>
            )
          })}
        </ol>
      )}
    </section>
  )
}
