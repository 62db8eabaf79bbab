// Go live: start a mix to CDN or a cloud recording on a live room with the designed layout, take
// later versions of the layout (or a cue) to it with what will change shown first, and stop it.
// Tasks run in main, which makes the robots' UserSigs; every result shown is the cloud's answer.
import { boundRoom, isTextField } from './liveKeys'
import { useEffect, useMemo, useState } from 'react'
import { useStore, type StoreApi } from 'zustand'
import { api } from '../../api'
import { mixVideoSchema, recordingOptionsSchema, type Cue, type MixTask, type MixVideo, type RecordingOptions, type RecordingTask, type RoomRow } from '../../../../shared/contract/contract'
import type { AppError, Result } from '../../../../shared/errors'
import type { LayoutDoc, RoomIdType } from '../../../../shared/layout/model'
import { useApp, useIssueText, useT } from '../shell/context'
import { useIssues } from './checks'
import type { MessageKey } from '../../i18n/i18n'
import { selectActiveProfile } from '../shell/appStore'
import { CueList } from './CueList'
import { cueStore as sharedCues } from './session'
import { cueForKey, layoutDiff, sameLayout, type CueState, type LayoutDiff } from './cueStore'
import { selectSettledDoc, type DesignerState } from './designerStore'

export { layoutDiff }

const STATUS_POLL_MS = 30_000


type Kind = 'mix' | 'recording'
interface LiveTask {
  key: string
  kind: Kind
  taskId: string
  roomId: string
  roomIdType: RoomIdType
  /** The canvas the task runs with; a Take keeps it. */
  canvas: { width: number; height: number }
  /** "#3" for a mix (SequenceNumber), the recording's status otherwise. */
  detail: string
  status: RecordingTask['status'] | null
}

/** The mixed picture's encoding as typed. */
interface EncodeForm {
  fps: string
  bitrateKbps: string
  gop: string
}
const initialEncode: EncodeForm = { fps: '15', bitrateKbps: '1500', gop: '2' }
type EncodeProblem = 'fps' | 'bitrate' | 'gop'
const whole = (s: string) => (/^\d+$/.test(s.trim()) ? Number(s.trim()) : NaN)
const readEncode = (f: EncodeForm) => ({ fps: whole(f.fps), bitrateKbps: whole(f.bitrateKbps), gop: whole(f.gop) })
const encodeProblem = (key: PropertyKey | undefined): EncodeProblem => (key === 'fps' ? 'fps' : key === 'gop' ? 'gop' : 'bitrate')

/** A mix's VideoEncode, or what is wrong with it (VideoEncode L16365–L16372). */
export function readMixVideo(f: EncodeForm): { ok: true; value: MixVideo } | { ok: false; problems: EncodeProblem[] } {
  const r = mixVideoSchema.safeParse(readEncode(f))
  return r.success ? { ok: true, value: r.data } : { ok: false, problems: [...new Set(r.error.issues.map((i) => encodeProblem(i.path[0])))] }
}

/** The recording form as typed; numbers are checked before anything is sent. */
interface RecordingForm extends EncodeForm {
  streamType: RecordingOptions['streamType']
  maxIdleTime: string
  mediaType: RecordingOptions['mediaType']
  expireDays: string
  recordId: string
}
const initialForm: RecordingForm = { streamType: 0, maxIdleTime: '30', mediaType: 0, expireDays: '0', recordId: '', ...initialEncode }

type FormProblem = 'idle' | 'expire' | 'prefix' | 'aac' | EncodeProblem
/** The options the form stands for, or what is wrong with it (RecordParams L15833–L15911, TencentVod L16187–L16238). */
export function readRecordingForm(f: RecordingForm): { ok: true; value: RecordingOptions } | { ok: false; problems: FormProblem[] } {
  const value = {
    streamType: f.streamType,
    maxIdleTime: whole(f.maxIdleTime),
    mediaType: f.mediaType,
    expireDays: whole(f.expireDays),
    recordId: f.recordId.trim(),
    video: readEncode(f),
  }
  const r = recordingOptionsSchema.safeParse(value)
  if (r.success) return { ok: true, value: r.data }
  const problems = new Set<FormProblem>()
  for (const i of r.error.issues) {
    const field = i.path[0]
    if (field === 'maxIdleTime') problems.add('idle')
    else if (field === 'expireDays') problems.add('expire')
    else if (field === 'recordId') problems.add('prefix')
    else if (field === 'mediaType') problems.add('aac')
    else if (field === 'video') problems.add(encodeProblem(i.path[1]))
  }
  return { ok: false, problems: [...problems] }
}

const PRESENT_POLL_MS = 15_000

export function GoLivePanel(props: { store: StoreApi<DesignerState>; cues?: StoreApi<CueState> }) {
  const t = useT()
  const say = useIssueText()
  /** A failure in words: a layout held back by main names the checks it failed. */
  const failed = (e: AppError): string => (e.checks?.length ? e.checks.map(say).join(' ') : e.message)
  const cueStore = props.cues ?? sharedCues
  const doc = useStore(props.store, selectSettledDoc)
  const target: Kind = useStore(props.store, (s) => (s.dialect === 'recording' ? 'recording' : 'mix'))
  const profile = useApp(selectActiveProfile)
  const sdkAppId = profile?.sdkAppIds[0] ?? null
  const [rooms, setRooms] = useState<RoomRow[]>([])
  const [roomKey, setRoomKey] = useState('')
  const [cdn, setCdn] = useState('')
  const [form, setForm] = useState<RecordingForm>(initialForm)
  const [mixEncode, setMixEncode] = useState<EncodeForm>(initialEncode)
  const [mixTasks, setMixTasks] = useState<MixTask[]>([])
  const [recordings, setRecordings] = useState<RecordingTask[]>([])
  const [running, setRunning] = useState<Record<string, LayoutDoc>>({})
  const [selected, setSelected] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null)
  const cues = useStore(cueStore, (s) => s.cues)
  const live = useStore(cueStore, (s) => s.live)

  useEffect(() => {
    void api['mixing.tasks']().then((r) => r.ok && setMixTasks(r.value))
    void api['recording.tasks']().then((r) => r.ok && setRecordings(r.value))
    if (!cueStore.getState().loaded) void cueStore.getState().load()
    const offMix = api.on('mixing.tasksChanged', setMixTasks)
    const offRec = api.on('recording.tasksChanged', setRecordings)
    return () => {
      offMix()
      offRec()
    }
  }, [cueStore])

  const tasks: LiveTask[] = useMemo(
    () =>
      target === 'mix'
        ? mixTasks.map((m) => ({ key: `mix:${m.taskId}`, kind: 'mix' as const, taskId: m.taskId, roomId: m.roomId, roomIdType: m.roomIdType, canvas: m.canvas, detail: `#${m.sequence}`, status: null }))
        : recordings.map((r) => ({ key: `recording:${r.taskId}`, kind: 'recording' as const, taskId: r.taskId, roomId: r.roomId, roomIdType: r.roomIdType, canvas: r.canvas, detail: t('designer.rec.modified', { n: r.modifications }), status: r.status })),
    [target, mixTasks, recordings, t],
  )
  // The task cues and hotkeys go to: the one picked, else the newest of the target.
  const current = tasks.find((x) => x.key === selected) ?? tasks[0] ?? null

  useEffect(() => {
    for (const task of [...mixTasks.map((m) => ({ key: `mix:${m.taskId}`, kind: 'mix' as const, taskId: m.taskId })), ...recordings.map((r) => ({ key: `recording:${r.taskId}`, kind: 'recording' as const, taskId: r.taskId }))]) {
      if (running[task.key]) continue
      const read = task.kind === 'mix' ? api['mixing.layout']({ taskId: task.taskId }) : api['recording.layout']({ taskId: task.taskId })
      void read.then((r) => r.ok && setRunning((m) => ({ ...m, [task.key]: r.value })))
    }
  }, [mixTasks, recordings, running])

  const loadRooms = async () => {
    if (sdkAppId === null) return
    const now = Math.floor(Date.now() / 1000)
    const r = await api['rooms.fetch']({ jobId: 'designer-rooms', sdkAppId, startTime: now - 3600, endTime: now })
    if (!r.ok) return setMessage({ ok: false, text: failed(r.error) })
    const live = r.value.rooms.filter((x) => !x.finished)
    setRooms(live)
    // Default to the room most of the layout's bound users are in.
    setRoomKey((key) => (key && live.some((x) => x.commId === key) ? key : (boundRoom(doc, live)?.commId ?? key)))
  }

  const room = rooms.find((r) => r.commId === roomKey)
  const formRead = readRecordingForm(form)
  const mixRead = readMixVideo(mixEncode)
  // The checks follow the task the layout goes to: the running one picked, else the room picked to start in.
  // Who is in that room now, so a tile bound to someone absent says so (re-read every 15 s).
  const ctxRoom = current ? rooms.find((r) => r.roomId === current.roomId && r.roomIdType === current.roomIdType) : room
  const [present, setPresent] = useState<{ commId: string; users: string[] } | null>(null)
  useEffect(() => {
    if (!ctxRoom || sdkAppId === null) return
    const read = () =>
      void api['rooms.users']({ sdkAppId, commId: ctxRoom.commId, startTime: ctxRoom.createTime, endTime: Math.floor(Date.now() / 1000) }).then(
        (r) => r.ok && setPresent({ commId: ctxRoom.commId, users: r.value.filter((u) => !u.finished).map((u) => u.userId) }),
      )
    read()
    const timer = setInterval(read, PRESENT_POLL_MS)
    return () => clearInterval(timer)
  }, [ctxRoom, sdkAppId])
  const presentUsers = present && ctxRoom && present.commId === ctxRoom.commId ? present.users : null
  const taskContext = useMemo(
    () =>
      current
        ? { room: { id: current.roomId, type: current.roomIdType }, canvas: current.canvas, ...(presentUsers ? { present: presentUsers } : {}) }
        : room
          ? { room: { id: room.roomId, type: room.roomIdType }, ...(presentUsers ? { present: presentUsers } : {}) }
          : null,
    [current, room, presentUsers],
  )
  useEffect(() => props.store.getState().taskContextChanged(taskContext), [props.store, taskContext])
  const issues = useIssues(props.store)
  const layoutErrors = issues.filter((i) => i.severity === 'error').length

  const start = async () => {
    if (!room || sdkAppId === null) return
    setBusy(true)
    if (target === 'mix' && mixRead.ok) {
      const r = await api['mixing.start']({ sdkAppId, roomId: room.roomId, roomIdType: room.roomIdType, doc, cdnUrls: cdn.split(/\s+/).filter(Boolean), video: mixRead.value })
      setMessage(r.ok ? { ok: true, text: t('designer.live.started', { task: r.value.taskId, requestId: r.value.requestId }) } : { ok: false, text: failed(r.error) })
      if (r.ok) {
        setRunning((m) => ({ ...m, [`mix:${r.value.taskId}`]: doc }))
        setSelected(`mix:${r.value.taskId}`)
      }
    } else if (target === 'recording' && formRead.ok) {
      const r = await api['recording.start']({ sdkAppId, roomId: room.roomId, roomIdType: room.roomIdType, doc, options: formRead.value })
      setMessage(r.ok ? { ok: true, text: t('designer.rec.started', { task: r.value.taskId, requestId: r.value.requestId }) } : { ok: false, text: failed(r.error) })
      if (r.ok) {
        setRunning((m) => ({ ...m, [`recording:${r.value.taskId}`]: doc }))
        setSelected(`recording:${r.value.taskId}`)
      }
    }
    setBusy(false)
  }

  /** Sends `next` to the task; the message and the live cue follow the cloud's answer only. */
  const take = async (task: LiveTask, next: LayoutDoc, cue?: { cue: Cue; index: number }) => {
    setBusy(true)
    const r: Result<{ requestId: string; sequence?: number; modifications?: number }> = task.kind === 'mix' ? await api['mixing.update']({ taskId: task.taskId, doc: next }) : await api['recording.update']({ taskId: task.taskId, doc: next })
    setBusy(false)
    if (!r.ok) {
      setMessage({ ok: false, text: cue ? t('designer.cue.failed', { n: cue.index + 1, name: cue.cue.name, error: failed(r.error) }) : failed(r.error) })
      return
    }
    setRunning((m) => ({ ...m, [task.key]: next }))
    cueStore.getState().taken(task.key, cue?.cue.id ?? null)
    const requestId = r.value.requestId
    setMessage({
      ok: true,
      text: cue
        ? t('designer.cue.taken', { n: cue.index + 1, name: cue.cue.name, requestId })
        : task.kind === 'mix'
          ? t('designer.live.taken', { sequence: r.value.sequence ?? 0, requestId })
          : t('designer.rec.taken', { requestId }),
    })
  }
  const stop = async (task: LiveTask) => {
    setBusy(true)
    const r = task.kind === 'mix' ? await api['mixing.stop']({ taskId: task.taskId }) : await api['recording.stop']({ taskId: task.taskId })
    setBusy(false)
    if (!r.ok) setMessage({ ok: false, text: failed(r.error) })
    else {
      cueStore.getState().taken(task.key, null)
      setMessage({ ok: true, text: t('designer.live.stopped', { task: task.taskId }) })
    }
  }
  const refresh = async () => {
    const r = await api['recording.tasks']()
    if (r.ok) setRecordings(r.value)
    else setMessage({ ok: false, text: failed(r.error) })
  }

  // While recordings run, ask the cloud for their status now and then: a robot leaves by itself
  // after MaxIdleTime without an anchor.
  const watching = target === 'recording' && recordings.some((r) => r.status !== 'ended')
  useEffect(() => {
    if (!watching) return
    const timer = setInterval(() => void api['recording.tasks']().then((r) => r.ok && setRecordings(r.value)), STATUS_POLL_MS)
    return () => clearInterval(timer)
  }, [watching])

  // Hotkeys 1–9 take cue N to the current task while armed, unless typing in a field.
  const armed = useStore(cueStore, (s) => s.armed)
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (!armed || e.ctrlKey || e.metaKey || e.altKey || e.repeat || isTextField(e.target)) return
      // Not while a dialog or a menu is open over the designer.
      if (e.target instanceof Element && e.target.closest('[role="dialog"], [role="menu"], [role="alertdialog"]')) return
      const cue = cueForKey(cues, e.key)
      if (!cue || !current || busy) return
      e.preventDefault()
      void take(current, cue.doc, { cue, index: cues.indexOf(cue) })
    }
    window.addEventListener('keydown', onKey)
    return () => window.removeEventListener('keydown', onKey)
  })

  const diffText = (d: LayoutDiff | null) =>
    d === null ? '…' : sameLayout(d) ? t('designer.live.same') : d.added + d.removed.length + d.changed === 0 ? t('designer.live.diffOther') : t('designer.live.diff', { added: d.added, removed: d.removed.length, changed: d.changed })
  const liveCueName = (key: string) => {
    const i = cues.findIndex((c) => c.id === live[key])
    return i < 0 ? null : `${i + 1} · ${cues[i]!.name}`
  }
  // One task per room and target from here: a second Start would mix or record the room twice.
  const runsInRoom = room ? tasks.some((x) => x.roomId === room.roomId && x.roomIdType === room.roomIdType) : false
  const canStart = Boolean(room) && !busy && !runsInRoom && layoutErrors === 0 && (target === 'mix' ? Boolean(cdn.trim()) && mixRead.ok : formRead.ok)

  return (
    <section className="designer-panel" data-testid="designer-golive">
      <h3>{t('designer.live.title')}</h3>
      <div className="golive-target" role="radiogroup" aria-label={t('designer.live.target')}>
        {(['mix', 'recording'] as const).map((k) => (
          <label key={k} className="segment">
            <input type="radio" name="golive-target" checked={target === k} onChange={() => props.store.getState().dialectChanged(k === 'mix' ? 'mcu' : 'recording')} data-testid={`golive-target-${k}`} />
            <span>{t(k === 'mix' ? 'designer.live.targetMix' : 'designer.live.targetRecording')}</span>
          </label>
        ))}
      </div>
      <div className="golive-row">
        <select value={roomKey} onChange={(e) => setRoomKey(e.target.value)} onFocus={() => void loadRooms()} data-testid="golive-room" aria-label={t('designer.live.pickRoom')}>
          <option value="">{t('designer.live.pickRoom')}</option>
          {rooms.map((r) => (
            <option key={r.commId} value={r.commId}>{r.roomId}</option>
          ))}
        </select>
        <button type="button" className="button" onClick={() => void loadRooms()} data-testid="golive-reload">{t('designer.live.refreshRooms')}</button>
      </div>
      {target === 'mix' ? (
        <>
          <input type="text" value={cdn} onChange={(e) => setCdn(e.target.value)} placeholder="rtmp://push.example.com/live/stream" spellCheck={false} data-testid="golive-cdn" aria-label={t('designer.live.cdn')} />
          <div className="golive-form">
            <EncodeFields form={mixEncode} onChange={(patch) => setMixEncode({ ...mixEncode, ...patch })} problems={mixRead.ok ? [] : mixRead.problems} />
            {!mixRead.ok && (
              <ul className="golive-problems" role="alert" data-testid="golive-mix-problems">
                {mixRead.problems.map((p) => (
                  <li key={p}>{t(`designer.live.err.${p}`)}</li>
                ))}
              </ul>
            )}
          </div>
        </>
      ) : (
        <RecordingFields form={form} onChange={setForm} problems={formRead.ok ? [] : formRead.problems} />
      )}
      {layoutErrors > 0 && (
        <p className="golive-problems" role="alert" data-testid="golive-layout-errors">
          {t('designer.live.err.layout', { n: layoutErrors })}
        </p>
      )}
      <button type="button" className="button primary" disabled={!canStart} onClick={() => void start()} data-testid="golive-start">
        {t(target === 'mix' ? 'designer.live.start' : 'designer.rec.start')}
      </button>
      {runsInRoom && <p className="muted small" data-testid="golive-runs-here">{t('designer.live.runsHere')}</p>}
      {message && <p className={message.ok ? 'golive-msg ok' : 'golive-msg fail'} role="status" data-testid="golive-message">{message.text}</p>}
      {target === 'recording' && recordings.length > 0 && (
        <button type="button" className="link golive-refresh" onClick={() => void refresh()} data-testid="golive-refresh">
          {t('designer.rec.refresh')}
        </button>
      )}
      {tasks.length > 0 && (
        <ul className="golive-tasks">
          {tasks.map((task) => {
            const d = running[task.key] ? layoutDiff(running[task.key]!, doc) : null
            const same = d !== null && sameLayout(d)
            const cueName = liveCueName(task.key)
            return (
              <li key={task.key} className={current?.key === task.key ? 'current' : ''} data-testid="golive-task">
                <label className="golive-task-head">
                  <input type="radio" name="golive-current" checked={current?.key === task.key} onChange={() => setSelected(task.key)} aria-label={t('designer.live.cueTarget')} data-testid="golive-current" />
                  <span className="mono">{task.roomId}</span>
                  {task.status && <span className={`golive-status ${task.status}`} data-testid="golive-status">{t(`designer.rec.status.${task.status}`)}</span>}
                  <span className="muted small">{task.detail}</span>
                </label>
                <div className="muted small mono golive-id">{task.taskId}</div>
                {cueName && <div className="small" data-testid="golive-live-cue">{t('designer.cue.runs', { cue: cueName })}</div>}
                <div className="muted small" data-testid="golive-diff">{diffText(d)}</div>
                <div className="golive-actions">
                  <button type="button" className="button primary" disabled={busy || same || layoutErrors > 0 || task.status === 'ended'} onClick={() => void take(task, doc)} data-testid="golive-take">
                    {t('designer.live.take')}
                  </button>
                  <button type="button" className="button danger" disabled={busy} onClick={() => void stop(task)} data-testid="golive-stop">
                    {t(task.status === 'ended' ? 'designer.live.remove' : 'designer.live.stop')}
                  </button>
                </div>
              </li>
            )
          })}
        </ul>
      )}
      <CueList cues={cueStore} doc={doc} running={current ? (running[current.key] ?? null) : null} liveCueId={current ? (live[current.key] ?? null) : null} busy={busy} onTake={(cue, index) => current && void take(current, cue.doc, { cue, index })} />
    </section>
  )
}

function RecordingFields(props: { form: RecordingForm; onChange(f: RecordingForm): void; problems: FormProblem[] }) {
  const t = useT()
  const f = props.form
  const set = (patch: Partial<RecordingForm>) => props.onChange({ ...f, ...patch })
  return (
    <div className="golive-form" data-testid="golive-recording-form">
      <p className="muted small">{t('designer.rec.about')}</p>
      <label>
        <span>{t('designer.rec.streamType')}</span>
        <select value={f.streamType} onChange={(e) => set({ streamType: Number(e.target.value) as RecordingForm['streamType'] })} data-testid="golive-rec-stream">
          <option value={0}>{t('designer.rec.stream.0')}</option>
          <option value={1}>{t('designer.rec.stream.1')}</option>
          <option value={2}>{t('designer.rec.stream.2')}</option>
        </select>
      </label>
      <label>
        <span>{t('designer.rec.format')}</span>
        <select value={f.mediaType} onChange={(e) => set({ mediaType: Number(e.target.value) as RecordingForm['mediaType'] })} data-testid="golive-rec-format">
          <option value={0}>MP4</option>
          <option value={1}>HLS</option>
          <option value={3}>HLS + MP4</option>
          <option value={2}>AAC</option>
          <option value={4}>HLS + AAC</option>
        </select>
      </label>
      <label>
        <span>{t('designer.rec.idle')}</span>
        <input type="text" inputMode="numeric" value={f.maxIdleTime} onChange={(e) => set({ maxIdleTime: e.target.value })} aria-invalid={props.problems.includes('idle')} data-testid="golive-rec-idle" />
      </label>
      <label>
        <span>{t('designer.rec.expire')}</span>
        <input type="text" inputMode="numeric" value={f.expireDays} onChange={(e) => set({ expireDays: e.target.value })} aria-invalid={props.problems.includes('expire')} data-testid="golive-rec-expire" />
      </label>
      <label>
        <span>{t('designer.rec.prefix')}</span>
        <input type="text" value={f.recordId} placeholder={t('designer.rec.prefixNone')} spellCheck={false} onChange={(e) => set({ recordId: e.target.value })} aria-invalid={props.problems.includes('prefix')} data-testid="golive-rec-prefix" />
      </label>
      <EncodeFields form={f} onChange={set} problems={props.problems} />
      {props.problems.length > 0 && (
        <ul className="golive-problems" role="alert" data-testid="golive-rec-problems">
          {props.problems.map((p) => (
            <li key={p}>{t(`designer.rec.err.${p}`)}</li>
          ))}
        </ul>
      )}
    </div>
  )
}

/** Frame rate, bitrate and keyframe interval of the mixed picture, one row each. */
function EncodeFields(props: { form: EncodeForm; onChange(patch: Partial<EncodeForm>): void; problems: readonly string[] }) {
  const t = useT()
  const row = (key: keyof EncodeForm, problem: EncodeProblem, label: MessageKey, testId: string) => (
    <label>
      <span>{t(label)}</span>
      <input type="text" inputMode="numeric" value={props.form[key]} onChange={(e) => props.onChange({ [key]: e.target.value })} aria-invalid={props.problems.includes(problem)} data-testid={testId} />
    </label>
  )
  return (
    <>
      {row('fps', 'fps', 'designer.rec.fps', 'golive-enc-fps')}
      {row('bitrateKbps', 'bitrate', 'designer.rec.bitrate', 'golive-enc-bitrate')}
      {row('gop', 'gop', 'designer.rec.gop', 'golive-enc-gop')}
    </>
  )
}
