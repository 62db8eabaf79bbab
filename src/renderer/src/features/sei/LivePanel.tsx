// Live stream source: an HTTP-FLV URL (or a mix task started from TRTC Desk) read in main, whose SEI
// arrives over IPC. Shows the connection state, the latency of each volume layout (its `ts` against
// the skew-corrected clock) and keeps the last few minutes of messages.
import { useEffect, useState } from 'react'
import { api } from '../../api'
import type { LiveSeiStatus, MixTask, RoomRow } from '../../../../shared/contract/contract'
import { applyCommand } from '../../../../shared/layout/commands'
import { createDoc, type LayoutDoc } from '../../../../shared/layout/model'
import type { SeiEntry } from '../../../../shared/media/seiEntry'
import { useApp, useT } from '../shell/context'
import { selectActiveProfile, selectLocale } from '../shell/appStore'
import { errorText } from '../../i18n/i18n'
import { sendsVideo } from '../../../../shared/trtc/eventIds'

const KEEP = 2000

/** The busiest live room (the most users in it now) where someone sends video: only they get a region in a mix's SEI. */
async function demoRoom(sdkAppId: number, live: RoomRow[], now: number): Promise<RoomRow | undefined> {
  const present = await Promise.all(
    live.map(async (r) => {
      const users = await api['rooms.users']({ sdkAppId, commId: r.commId, startTime: r.createTime, endTime: now })
      return users.ok ? users.value.filter((u) => !u.finished).map((u) => u.userId) : []
    }),
  )
  const byUsers = live.map((room, i) => ({ room, userIds: present[i]! })).sort((a, b) => b.userIds.length - a.userIds.length)
  for (const { room, userIds } of byUsers) {
    for (const userId of userIds) {
      const events = await api['rooms.events']({ sdkAppId, commId: room.commId, roomId: room.roomId, userId, startTime: room.createTime, endTime: now })
      if (events.ok && sendsVideo(events.value)) return room
    }
  }
  return undefined
}

export function LivePanel(props: { onEntries(entries: SeiEntry[]): void; onLatency(ms: number | null): void; onDesign(doc: LayoutDoc | null): void }) {
  const t = useT()
  const active = useApp(selectActiveProfile)
  const locale = useApp(selectLocale)
  const [url, setUrl] = useState('')
  const [tasks, setTasks] = useState<MixTask[]>([])
  const [session, setSession] = useState<string | null>(null)
  const [status, setStatus] = useState<LiveSeiStatus | null>(null)
  const [error, setError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  const { onEntries, onLatency, onDesign } = props

  useEffect(() => {
    void api['mixing.tasks']().then((r) => r.ok && setTasks(r.value))
    return api.on('mixing.tasksChanged', setTasks)
  }, [])

  useEffect(() => {
    if (!session) return
    let skewMs = 0
    void api['cloud.status']().then((r) => {
      if (r.ok) skewMs = r.value.skewMs
    })
    let kept: SeiEntry[] = []
    const offEntries = api.on('sei.liveEntries', (m) => {
      if (m.id !== session) return
      kept = [...kept, ...m.entries].slice(-KEEP)
      onEntries(kept)
      const last = [...m.entries].reverse().find((e) => e.layout)
      // ts is the server's second-resolution clock at output (003_530a54cf0f8c0df7.txt L2240).
      if (last?.layout) onLatency(m.receivedAt + skewMs - last.layout.ts * 1000)
    })
    const offStatus = api.on('sei.liveStatus', (s) => s.id === session && setStatus(s))
    return () => {
      offEntries()
      offStatus()
      void api['sei.liveStop']({ id: session })
    }
  }, [session, onEntries, onLatency])

  const connect = async (target: string, taskId?: string) => {
    setError(null)
    onDesign(null)
    if (taskId) void api['mixing.layout']({ taskId }).then((r) => r.ok && onDesign(r.value))
    const r = await api['sei.liveStart']({ url: target })
    if (!r.ok) return setError(errorText(t, r.error))
    onEntries([])
    onLatency(null)
    setStatus(null)
    setSession(r.value.id)
  }

  // On the Demo profile there is always something to watch: mix the busiest live room in a 2×2 grid.
  const startDemoMix = async () => {
    if (!active) return
    setBusy(true)
    setError(null)
    const sdkAppId = active.sdkAppIds[0]!
    const now = Math.floor(Date.now() / 1000)
    const rooms = await api['rooms.fetch']({ jobId: 'sei-demo', sdkAppId, startTime: now - 3600, endTime: now })
    const live = rooms.ok ? rooms.value.rooms.filter((r) => !r.finished).slice(0, 12) : []
    const room = await demoRoom(sdkAppId, live, now)
    if (!room) {
      setBusy(false)
      return setError(rooms.ok ? t('sei.live.noRoom') : errorText(t, rooms.error))
    }
    let doc = applyCommand(createDoc('1280x720', 'Live preview'), { type: 'applyTemplate', starter: '2x2' })
    doc = applyCommand(doc, { type: 'setSei', sei: { layoutVolume: { appData: 'trtc-desk', payloadType: 100, interval: 500, followIdr: false } } })
    const r = await api['mixing.start']({ sdkAppId, roomId: room.roomId, roomIdType: room.roomIdType, doc, cdnUrls: ['rtmp://127.0.0.1/live/trtc-desk-preview'] })
    setBusy(false)
    if (!r.ok) return setError(errorText(t, r.error))
    if (r.value.liveUrl) {
      setUrl(r.value.liveUrl)
      void connect(r.value.liveUrl, r.value.taskId)
    }
  }

  return (
    <div className="live-panel" data-testid="sei-live">
      <label className="field wide">
        <span>{t('sei.live.url')}</span>
        <input type="text" value={url} placeholder="https://…/live/stream.flv" onChange={(e) => setUrl(e.target.value)} spellCheck={false} data-testid="sei-live-url" />
      </label>
      <div className="toolbar">
        {session ? (
          <button
            type="button"
            className="button"
            onClick={() => {
              setSession(null)
              setStatus((st) => st && { id: st.id, state: 'stopped', bytes: st.bytes })
            }}
            data-testid="sei-live-stop"
          >
            {t('sei.live.stop')}
          </button>
        ) : (
          <button type="button" className="button primary" disabled={!/^https?:\/\//.test(url)} onClick={() => void connect(url)} data-testid="sei-live-connect">
            {t('sei.live.connect')}
          </button>
        )}
        {active?.kind === 'demo' && !session && (
          <button type="button" className="button" disabled={busy} onClick={() => void startDemoMix()} data-testid="sei-live-demo">
            {t('sei.live.demo')}
          </button>
        )}
      </div>
      {status && (
        <p className={`live-state ${status.state}`} role="status" data-testid="sei-live-status">
          {t(`sei.live.state.${status.state}`)}
          {status.reason && ` — ${t(status.reason.key, status.reason.params)} ${t('err.stream.retryIn', { seconds: status.retryInS ?? 0 })}`}
        </p>
      )}
      {error && <p className="error-text" role="alert">{error}</p>}
      {tasks.length > 0 && (
        <div>
          <h3 className="small muted">{t('sei.live.tasks')}</h3>
          <ul className="task-list">
            {tasks.map((task) => (
              <li key={task.taskId}>
                <span className="mono ellipsis">{task.roomId}</span>
                <span className="muted small">{new Date(task.startedAt).toLocaleTimeString(locale)}</span>
                {task.liveUrl && (
                  <button
                    type="button"
                    className="link"
                    onClick={() => {
                      setUrl(task.liveUrl!)
                      void connect(task.liveUrl!, task.taskId)
                    }}
                  >
                    {t('sei.live.watch')}
                  </button>
                )}
                <button type="button" className="link danger-link" onClick={() => void api['mixing.stop']({ taskId: task.taskId })}>
                  {t('sei.live.stopTask')}
                </button>
              </li>
            ))}
          </ul>
        </div>
      )}
    </div>
  )
}
