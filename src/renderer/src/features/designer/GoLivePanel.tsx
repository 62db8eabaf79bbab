// Go live: start a mix task on a live room with the designed layout, take later versions of the
// layout to it (with what will change shown first), and stop it. Mixing runs in main, which makes
// the robot's UserSig and numbers the updates.
import { useEffect, useMemo, useState } from 'react'
import { useStore, type StoreApi } from 'zustand'
import { api } from '../../api'
import type { MixTask, RoomRow } from '../../../../shared/contract/contract'
import type { LayoutDoc } from '../../../../shared/layout/model'
import { useApp, useT } from '../shell/context'
import { selectActiveProfile } from '../shell/appStore'
import { selectSettledDoc, type DesignerState } from './designerStore'

/** What taking `next` to a task that runs `current` changes, tile by tile. */
export function layoutDiff(current: LayoutDoc, next: LayoutDoc): { added: number; removed: number; changed: number; canvas: boolean } {
  const before = new Map(current.tiles.map((t) => [t.id, t]))
  let added = 0
  let changed = 0
  for (const t of next.tiles) {
    const b = before.get(t.id)
    if (!b) added++
    else if (JSON.stringify(b) !== JSON.stringify(t)) changed++
    before.delete(t.id)
  }
  const canvas = current.canvas.width !== next.canvas.width || current.canvas.height !== next.canvas.height || JSON.stringify(current.canvas) !== JSON.stringify(next.canvas)
  return { added, removed: before.size, changed, canvas }
}

export function GoLivePanel(props: { store: StoreApi<DesignerState> }) {
  const t = useT()
  const doc = useStore(props.store, selectSettledDoc)
  const profile = useApp(selectActiveProfile)
  const sdkAppId = profile?.sdkAppIds[0] ?? null
  const [rooms, setRooms] = useState<RoomRow[]>([])
  const [roomKey, setRoomKey] = useState('')
  const [cdn, setCdn] = useState('')
  const [tasks, setTasks] = useState<MixTask[]>([])
  const [running, setRunning] = useState<Record<string, LayoutDoc>>({})
  const [busy, setBusy] = useState(false)
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null)

  useEffect(() => {
    void api['mixing.tasks']().then((r) => r.ok && setTasks(r.value))
    return api.on('mixing.tasksChanged', setTasks)
  }, [])
  useEffect(() => {
    for (const task of tasks) {
      if (!running[task.taskId]) void api['mixing.layout']({ taskId: task.taskId }).then((r) => r.ok && setRunning((m) => ({ ...m, [task.taskId]: r.value })))
    }
  }, [tasks, running])

  const loadRooms = async () => {
    if (sdkAppId === null) return
    const now = Math.floor(Date.now() / 1000)
    const r = await api['rooms.fetch']({ jobId: 'designer-rooms', sdkAppId, startTime: now - 3600, endTime: now })
    if (r.ok) setRooms(r.value.rooms.filter((x) => !x.finished))
    else setMessage({ ok: false, text: r.error.message })
  }

  const room = rooms.find((r) => r.commId === roomKey)
  const start = async () => {
    if (!room || sdkAppId === null) return
    setBusy(true)
    const r = await api['mixing.start']({ sdkAppId, roomId: room.roomId, roomIdType: room.roomIdType, doc, cdnUrls: cdn.split(/\s+/).filter(Boolean) })
    setBusy(false)
    setMessage(r.ok ? { ok: true, text: t('designer.live.started', { task: r.value.taskId, requestId: r.value.requestId }) } : { ok: false, text: r.error.message })
    if (r.ok) setRunning((m) => ({ ...m, [r.value.taskId]: doc }))
  }
  const take = async (task: MixTask) => {
    setBusy(true)
    const r = await api['mixing.update']({ taskId: task.taskId, doc })
    setBusy(false)
    setMessage(r.ok ? { ok: true, text: t('designer.live.taken', { sequence: r.value.sequence, requestId: r.value.requestId }) } : { ok: false, text: r.error.message })
    if (r.ok) setRunning((m) => ({ ...m, [task.taskId]: doc }))
  }
  const stop = async (task: MixTask) => {
    setBusy(true)
    const r = await api['mixing.stop']({ taskId: task.taskId })
    setBusy(false)
    if (!r.ok) setMessage({ ok: false, text: r.error.message })
  }

  const diffs = useMemo(() => Object.fromEntries(tasks.map((task) => [task.taskId, running[task.taskId] ? layoutDiff(running[task.taskId]!, doc) : null])), [tasks, running, doc])

  return (
    <section className="designer-panel" data-testid="designer-golive">
      <h3>{t('designer.live.title')}</h3>
      <div className="golive-row">
        <select value={roomKey} onChange={(e) => setRoomKey(e.target.value)} onFocus={() => void loadRooms()} data-testid="golive-room">
          <option value="">{t('designer.live.pickRoom')}</option>
          {rooms.map((r) => (
            <option key={r.commId} value={r.commId}>{r.roomId}</option>
          ))}
        </select>
        <button type="button" className="button" onClick={() => void loadRooms()}>{t('designer.live.refreshRooms')}</button>
      </div>
      <input type="text" value={cdn} onChange={(e) => setCdn(e.target.value)} placeholder="rtmp://push.example.com/live/stream" spellCheck={false} data-testid="golive-cdn" />
      <button type="button" className="button primary" disabled={!room || !cdn.trim() || busy} onClick={() => void start()} data-testid="golive-start">
        {t('designer.live.start')}
      </button>
      {message && <p className={message.ok ? 'golive-msg ok' : 'golive-msg fail'} role="status" data-testid="golive-message">{message.text}</p>}
      {tasks.length > 0 && (
        <ul className="golive-tasks">
          {tasks.map((task) => {
            const d = diffs[task.taskId]
            const same = d && !d.canvas && d.added + d.removed + d.changed === 0
            return (
              <li key={task.taskId} data-testid="golive-task">
                <div>
                  <span className="mono">{task.roomId}</span> <span className="muted small">#{task.sequence}</span>
                </div>
                <div className="muted small" data-testid="golive-diff">
                  {d ? (same ? t('designer.live.same') : t('designer.live.diff', { added: d.added, removed: d.removed, changed: d.changed })) : '…'}
                </div>
                <div className="golive-actions">
                  <button type="button" className="button primary" disabled={busy || Boolean(same)} onClick={() => void take(task)} data-testid="golive-take">
                    {t('designer.live.take')}
                  </button>
                  <button type="button" className="button danger" disabled={busy} onClick={() => void stop(task)} data-testid="golive-stop">
                    {t('designer.live.stop')}
                  </button>
                </div>
              </li>
            )
          })}
        </ul>
      )}
    </section>
  )
}
