// The show surface: Preview (the layout being prepared, the designer's document) beside Program
// (what the running mix has on air: the cloud's last confirmed layout and its real picture under
// its SEI), the diff between them tile by tile, Take, and the cue list with thumbnails. Hotkeys
// (Space or Enter takes, 1–9 load cues) work only while armed.
import { useEffect, useMemo, useState } from 'react'
import { useStore } from 'zustand'
import { api } from '../../api'
import type { MixTask, RoomRow } from '../../../../shared/contract/contract'
import { diffLayouts, isEmptyDiff } from '../../../../shared/layout/diff'
import type { LayoutDoc } from '../../../../shared/layout/model'
import { STARTERS } from '../../../../shared/layout/templates'
import type { AppError } from '../../../../shared/errors'
import type { MessageKey } from '../../i18n/i18n'
import { boundUsers, shapeOf } from '../designer/CueList'
import { cueForKey } from '../designer/cueStore'
import { boundRoom, isTextField } from '../designer/liveKeys'
import { selectSettledDoc } from '../designer/designerStore'
import { cueStore, designerStore } from '../designer/session'
import { useApp, useIssueText, useT } from '../shell/context'
import { selectActiveProfile } from '../shell/appStore'
import { LayoutMonitor } from './LayoutMonitor'
import { ProgramMonitor, type ProgramInfo } from './ProgramMonitor'
import './show.css'

export function ShowView() {
  const t = useT()
  const say = useIssueText()
  const failed = (e: AppError): string => (e.checks?.length ? e.checks.map(say).join(' ') : e.message)
  const preview = useStore(designerStore, selectSettledDoc)
  const cues = useStore(cueStore, (s) => s.cues)
  const armed = useStore(cueStore, (s) => s.armed)
  const profile = useApp(selectActiveProfile)
  const sdkAppId = profile?.sdkAppIds[0] ?? null
  const [tasks, setTasks] = useState<MixTask[]>([])
  const [selected, setSelected] = useState<string | null>(null)
  const [onAir, setOnAir] = useState<{ taskId: string; sequence: number; doc: LayoutDoc } | null>(null)
  const [busy, setBusy] = useState(false)
  const [message, setMessage] = useState<{ ok: boolean; text: string; details?: string } | null>(null)
  const [program, setProgram] = useState<ProgramInfo | null>(null)
  const [rooms, setRooms] = useState<RoomRow[]>([])
  const [roomKey, setRoomKey] = useState('')
  const [cdn, setCdn] = useState('')
  const [playUrl, setPlayUrl] = useState('')
  const demo = profile?.id === 'demo'

  useEffect(() => {
    void api['mixing.tasks']().then((r) => r.ok && setTasks(r.value))
    if (!cueStore.getState().loaded) void cueStore.getState().load()
    return api.on('mixing.tasksChanged', setTasks)
  }, [])
  const task = tasks.find((x) => x.taskId === selected) ?? tasks[0] ?? null

  // Program's layout is what main says the cloud confirmed: read again whenever the task's
  // SequenceNumber moves (a Take from here or from the designer).
  useEffect(() => {
    if (!task) return
    if (onAir && onAir.taskId === task.taskId && onAir.sequence === task.sequence) return
    let gone = false
    void api['mixing.layout']({ taskId: task.taskId }).then((r) => !gone && r.ok && setOnAir({ taskId: task.taskId, sequence: task.sequence, doc: r.value }))
    return () => {
      gone = true
    }
  }, [task, onAir])
  const onAirDoc = onAir && task && onAir.taskId === task.taskId ? onAir.doc : null
  const diff = useMemo(() => (onAirDoc ? diffLayouts(onAirDoc, preview) : null), [onAirDoc, preview])
  const same = diff !== null && isEmptyDiff(diff)

  const fetchRooms = (app: number) => {
    const now = Math.floor(Date.now() / 1000)
    return api['rooms.fetch']({ jobId: 'show-rooms', sdkAppId: app, startTime: now - 3600, endTime: now })
  }
  const applyRooms = (r: Awaited<ReturnType<typeof fetchRooms>>) => {
    if (!r.ok) return setMessage({ ok: false, text: failed(r.error) })
    const live = r.value.rooms.filter((x) => !x.finished)
    setRooms(live)
    setRoomKey((key) => (key && live.some((x) => x.commId === key) ? key : (boundRoom(preview, live) ?? live[0])?.commId ?? ''))
  }
  const loadRooms = () => sdkAppId !== null && void fetchRooms(sdkAppId).then(applyRooms)
  useEffect(() => {
    if (!task && sdkAppId !== null) void fetchRooms(sdkAppId).then(applyRooms)
    // Rooms are read when no task runs; the user reloads them by hand after that.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [sdkAppId, task === null])
  const room = rooms.find((r) => r.commId === roomKey)

  const start = async () => {
    if (!room || sdkAppId === null) return
    setBusy(true)
    const r = await api['mixing.start']({
      sdkAppId,
      roomId: room.roomId,
      roomIdType: room.roomIdType,
      doc: preview,
      cdnUrls: cdn.split(/\s+/).filter(Boolean),
      ...(playUrl.trim() ? { playUrl: playUrl.trim() } : {}),
    })
    setBusy(false)
    if (!r.ok) return setMessage({ ok: false, text: failed(r.error) })
    setSelected(r.value.taskId)
    setOnAir({ taskId: r.value.taskId, sequence: r.value.sequence, doc: preview })
    setMessage({ ok: true, text: t('show.started'), details: t('show.details.start', { task: r.value.taskId, requestId: r.value.requestId }) })
  }

  const take = async (next: LayoutDoc, cueName?: string) => {
    if (!task || busy) return
    setBusy(true)
    const r = await api['mixing.update']({ taskId: task.taskId, doc: next })
    setBusy(false)
    if (!r.ok) return setMessage({ ok: false, text: failed(r.error) })
    // Program follows the cloud's answer only.
    setOnAir({ taskId: task.taskId, sequence: r.value.sequence, doc: next })
    setMessage({ ok: true, text: cueName ? t('show.takenCue', { name: cueName }) : t('show.taken'), details: t('show.details.take', { sequence: r.value.sequence, requestId: r.value.requestId }) })
  }
  const stop = async () => {
    if (!task) return
    setBusy(true)
    const r = await api['mixing.stop']({ taskId: task.taskId })
    setBusy(false)
    setMessage(r.ok ? { ok: true, text: t('show.stopped') } : { ok: false, text: failed(r.error) })
  }
  const loadCue = (doc: LayoutDoc) => designerStore.getState().commandIssued({ type: 'replaceLayout', layout: doc })

  // Armed hotkeys: Space or Enter takes Preview, 1–9 load a cue into Preview.
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      // Space and Enter also activate a focused button or checkbox: those keep them.
      const control = e.target instanceof HTMLButtonElement || e.target instanceof HTMLInputElement
      if (!armed || e.ctrlKey || e.metaKey || e.altKey || e.repeat || isTextField(e.target) || (control && (e.key === ' ' || e.key === 'Enter'))) return
      if (e.target instanceof Element && e.target.closest('[role="dialog"], [role="menu"], [role="alertdialog"]')) return
      if ((e.key === ' ' || e.key === 'Enter') && task && diff && !same && !diff.canvas) {
        e.preventDefault()
        void take(preview)
        return
      }
      const cue = cueForKey(cues, e.key)
      if (cue) {
        e.preventDefault()
        loadCue(cue.doc)
      }
    }
    window.addEventListener('keydown', onKey)
    return () => window.removeEventListener('keydown', onKey)
  })

  const diffWords = !task
    ? t('show.diff.noTask')
    : diff === null
      ? t('show.diff.reading')
      : same
        ? t('show.diff.same')
        : diff.canvas
          ? t('show.diff.canvas', { width: onAirDoc!.canvas.width, height: onAirDoc!.canvas.height })
          : diff.added + diff.removed.length + diff.changed === 0
            ? t('show.diff.other')
            : t('show.diff.tiles', { added: diff.added, removed: diff.removed.length, changed: diff.changed })

  return (
    <div className="show-view" data-testid="view-show">
      <header className="show-head">
        <h1>{t('show.title')}</h1>
        {tasks.length > 1 ? (
          <select value={task?.taskId ?? ''} onChange={(e) => setSelected(e.target.value)} aria-label={t('show.task')} data-testid="show-task">
            {tasks.map((x) => (
              <option key={x.taskId} value={x.taskId}>
                {t('show.taskIn', { room: x.roomId })}
              </option>
            ))}
          </select>
        ) : (
          <span className="show-task-name" data-testid="show-task-name">
            {task ? t('show.taskIn', { room: task.roomId }) : t('show.noTask')}
          </span>
        )}
        <label className={armed ? 'cue-arm armed' : 'cue-arm'} title={t('show.armHint')}>
          <input type="checkbox" checked={armed} onChange={(e) => cueStore.getState().armedChanged(e.target.checked)} data-testid="show-arm" />
          <span>{armed ? t('show.armed') : t('show.disarmed')}</span>
        </label>
        {task && (
          <button type="button" className="button danger" disabled={busy} onClick={() => void stop()} data-testid="show-stop">
            {t('show.stop')}
          </button>
        )}
      </header>

      <div className="show-monitors">
        <section className="show-monitor preview" aria-label={t('show.preview')}>
          <div className="show-monitor-head">
            <h2>{t('show.preview')}</h2>
            <div className="show-starters">
              {STARTERS.map((s) => (
                <button key={s.id} type="button" className="button small" onClick={() => designerStore.getState().commandIssued({ type: 'applyTemplate', starter: s.id })} data-testid={`show-starter-${s.id}`}>
                  {t(`designer.starter.${s.id}` as MessageKey)}
                </button>
              ))}
            </div>
          </div>
          <div className="show-screen" style={{ aspectRatio: `${preview.canvas.width} / ${preview.canvas.height}` }}>
            <LayoutMonitor doc={preview} changes={diff?.tiles} testId="show-preview" />
          </div>
        </section>

        <div className="show-take">
          <button type="button" className="button primary show-take-button" disabled={!task || busy || same || diff === null || diff.canvas} onClick={() => void take(preview)} data-testid="show-take">
            {busy ? t('show.taking') : t('show.take')}
          </button>
          <p className={same ? 'show-diff same' : 'show-diff'} data-testid="show-diff">
            {diffWords}
          </p>
          {armed && <p className="muted small">{t('show.keys')}</p>}
        </div>

        <section className="show-monitor program" aria-label={t('show.program')}>
          <div className="show-monitor-head">
            <h2>
              {t('show.program')}
              {task && <span className="show-onair">{t('show.onAir')}</span>}
            </h2>
            {program?.latencyS != null && (
              <span className="muted small" data-testid="show-latency">
                {program.latencyS >= 0 ? t('show.latency', { s: program.latencyS.toFixed(1) }) : t('show.latencyAhead', { s: (-program.latencyS).toFixed(1) })}
              </span>
            )}
          </div>
          <div className="show-screen" style={{ aspectRatio: task ? `${task.canvas.width} / ${task.canvas.height}` : '16 / 9' }}>
            {task ? (
              <>
                {task.liveUrl ? (
                  <ProgramMonitor task={task} onAir={onAirDoc} onInfo={setProgram} />
                ) : (
                  <div className="program-state" data-testid="program-state">
                    <strong>{t('show.noPlayUrl')}</strong>
                    <span>{t('show.noPlayUrl.hint')}</span>
                  </div>
                )}
                {onAirDoc && (
                  <div className="show-onair-layout">
                    <LayoutMonitor doc={onAirDoc} removed={diff?.removed} testId="show-program" compact />
                  </div>
                )}
              </>
            ) : (
              <div className="show-start" data-testid="show-start">
                <p>{t('show.startHint')}</p>
                <div className="show-start-form">
                  <select value={roomKey} onChange={(e) => setRoomKey(e.target.value)} aria-label={t('show.room')} data-testid="show-room">
                    {rooms.length === 0 && <option value="">{t('show.noRooms')}</option>}
                    {rooms.map((r) => (
                      <option key={r.commId} value={r.commId}>
                        {r.roomId}
                      </option>
                    ))}
                  </select>
                  <button type="button" className="button small" onClick={loadRooms} data-testid="show-rooms-reload">
                    {t('show.reloadRooms')}
                  </button>
                  <input type="text" value={cdn} placeholder="rtmp://…" onChange={(e) => setCdn(e.target.value)} aria-label={t('show.cdn')} data-testid="show-cdn" />
                  {!demo && <input type="text" value={playUrl} placeholder="https://…/live/stream.flv" onChange={(e) => setPlayUrl(e.target.value)} aria-label={t('show.playUrl')} data-testid="show-play-url" />}
                  <button type="button" className="button primary" disabled={!room || busy || !cdn.trim()} onClick={() => void start()} data-testid="show-start-button">
                    {t('show.start')}
                  </button>
                </div>
              </div>
            )}
          </div>
          {program && program.missing.length > 0 && (
            <p className="show-warning" role="alert" data-testid="show-missing">
              {t('show.missing', { users: program.missing.join(', ') })}
            </p>
          )}
        </section>
      </div>

      {message && (
        <div className={message.ok ? 'show-msg ok' : 'show-msg fail'} role="status" data-testid="show-message">
          <span>{message.text}</span>
          {message.details && (
            <details>
              <summary>{t('show.details')}</summary>
              <code data-testid="show-details">{message.details}</code>
            </details>
          )}
        </div>
      )}

      <section className="show-cues" aria-label={t('show.cues')}>
        <div className="show-cues-head">
          <h2>{t('show.cues')}</h2>
          <button
            type="button"
            className="button small"
            onClick={() => void cueStore.getState().added(preview, t('designer.cue.defaultName', { shape: t(...shapeOf(preview)), who: boundUsers(preview) || t('designer.cue.openSlots') }))}
            data-testid="show-cue-add"
          >
            {t('show.addCue')}
          </button>
        </div>
        {cues.length === 0 ? (
          <p className="muted small">{t('show.noCues')}</p>
        ) : (
          <ol className="show-cue-strip">
            {cues.map((cue, i) => {
              const d = onAirDoc ? diffLayouts(onAirDoc, cue.doc) : null
              const live = d !== null && isEmptyDiff(d)
              return (
                <li key={cue.id} className={live ? 'show-cue live' : 'show-cue'}>
                  <button type="button" className="show-cue-button" onClick={() => loadCue(cue.doc)} title={t('show.loadCue')} data-testid="show-cue">
                    <span className="show-cue-key">{i < 9 ? i + 1 : ''}</span>
                    <LayoutMonitor doc={cue.doc} compact />
                    <span className="show-cue-name">{cue.name}</span>
                    <span className="muted small">{live ? t('show.cueOnAir') : d ? t('show.cueDiff', { n: d.added + d.removed.length + d.changed }) : ''}</span>
                  </button>
                </li>
              )
            })}
          </ol>
        )}
      </section>
    </div>
  )
}
