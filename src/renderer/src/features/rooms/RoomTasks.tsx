// A room's media and AI tasks: what runs in it from here (status from the cloud, volume, pause,
// source, stop) and the buttons that start more. The dialogs are in TaskDialogs.tsx.
import { useEffect, useRef, useState } from 'react'
import { useStore } from 'zustand'
import type { RoomRow, RoomTask } from '../../../../shared/contract/contract'
import { errorText } from '../../i18n/i18n'
import { useT } from '../shell/context'
import { formatTime } from './format'
import { roomTasksStore, type RoomTasksState } from './roomTasksStore'
import { AITaskDialog, IngestDialog, SourceDialog } from './TaskDialogs'
import './roomTasks.css'
import './tasksMessages'

/** Seconds between status checks while a task of the room runs. */
const POLL_S = 10

type Open = { kind: 'ingest' } | { kind: 'transcription' } | { kind: 'conversation' } | { kind: 'source'; task: RoomTask } | null

export function RoomTasks(props: { sdkAppId: number; room: RoomRow; usersInRoom: string[]; utc: boolean; locale: string; onRobotsChanged(): void }) {
  const t = useT()
  const store = roomTasksStore()
  const s = useStore(store)
  const [open, setOpen] = useState<Open>(null)
  const { room } = props
  const mine = s.tasks.filter((task) => task.sdkAppId === props.sdkAppId && task.roomId === room.roomId && task.roomIdType === room.roomIdType)
  const running = mine.filter((task) => task.endedAt === null)
  const anyRunning = running.length > 0
  // A robot joined or left the room: its users (and the audit) are read again.
  const robots = running.map((task) => task.robotUserId).join(' ')
  const { onRobotsChanged } = props
  const seenRobots = useRef<string | null>(null)
  useEffect(() => {
    if (seenRobots.current !== null && seenRobots.current !== robots) onRobotsChanged()
    seenRobots.current = robots
  }, [robots, onRobotsChanged])

  // Asked on open, then every few seconds while something runs here: a clip can end by itself.
  useEffect(() => {
    void store.getState().refreshRequested()
  }, [store, room.roomId])
  useEffect(() => {
    if (!anyRunning) return
    const timer = setInterval(() => void store.getState().refreshRequested(), POLL_S * 1000)
    return () => clearInterval(timer)
  }, [store, anyRunning])

  // Today's times as a time of day; older ones with their date.
  const time = (ms: number) =>
    new Date(ms).toDateString() === new Date().toDateString() && !props.utc ? new Date(ms).toLocaleTimeString(props.locale) : formatTime(Math.floor(ms / 1000), props.utc, props.locale)
  const target = { sdkAppId: props.sdkAppId, roomId: room.roomId, roomIdType: room.roomIdType }
  return (
    <section className="room-tasks" data-testid="room-tasks" aria-label={t('tasks.title')}>
      <h3>{t('tasks.title')}</h3>
      <div className="room-tasks-head">
        <button type="button" className="button small" disabled={room.finished} onClick={() => setOpen({ kind: 'ingest' })} data-testid="tasks-play">
          {t('tasks.play')}
        </button>
        <button type="button" className="button small" disabled={room.finished} onClick={() => setOpen({ kind: 'transcription' })} data-testid="tasks-captions">
          {t('tasks.captions')}
        </button>
        <button type="button" className="button small" disabled={room.finished} onClick={() => setOpen({ kind: 'conversation' })} data-testid="tasks-agent">
          {t('tasks.agent')}
        </button>
      </div>
      {s.loadError && (
        <p className="error-text small" role="alert">
          {t('tasks.checkFailed', { reason: errorText(t, s.loadError) })}
        </p>
      )}
      {mine.length === 0 && <p className="muted small">{room.finished ? t('tasks.endedRoom') : t('tasks.empty')}</p>}
      {mine.length > 0 && (
        <ul className="room-task-list" data-testid="room-task-list">
          {mine.map((task) => (
            <TaskRow key={task.taskId} task={task} s={s} time={time} onSource={() => setOpen({ kind: 'source', task })} />
          ))}
        </ul>
      )}
      {open?.kind === 'ingest' && <IngestDialog target={target} demoClipUrl={s.demoClipUrl} start={s.ingestStarted} onClose={() => setOpen(null)} />}
      {(open?.kind === 'transcription' || open?.kind === 'conversation') && (
        <AITaskDialog kind={open.kind} target={target} usersInRoom={props.usersInRoom.filter((u) => !running.some((task) => task.robotUserId === u))} start={s.aiStarted} onClose={() => setOpen(null)} />
      )}
      {open?.kind === 'source' && <SourceDialog task={open.task} change={s.ingestChanged} onClose={() => setOpen(null)} />}
    </section>
  )
}

function statusOf(task: RoomTask): { key: Parameters<ReturnType<typeof useT>>[0]; tone: string } {
  if (task.endedAt !== null) return { key: 'tasks.status.ended', tone: '' }
  if (task.kind === 'ingest' && task.paused) return { key: 'tasks.status.paused', tone: 'warn-tone' }
  if (task.status === 'InProgress') return { key: 'tasks.status.InProgress', tone: 'live' }
  if (task.status === 'Preparing' || task.status === 'Idle') return { key: `tasks.status.${task.status}`, tone: '' }
  return { key: 'tasks.status.unknown', tone: '' }
}

function TaskRow(props: { task: RoomTask; s: RoomTasksState; time: (ms: number) => string; onSource(): void }) {
  const t = useT()
  const { task, s } = props
  // The slider's position while dragged; the task's volume otherwise.
  const [draft, setDraft] = useState<number | null>(null)
  const volume = draft ?? task.volume ?? 100
  const commitVolume = () => {
    if (draft !== null && draft !== task.volume) void s.ingestChanged({ taskId: task.taskId, volume: draft }).then(() => setDraft(null))
    else setDraft(null)
  }
  const busy = s.busy === task.taskId
  const ended = task.endedAt !== null
  const outcome = s.outcome?.taskId === task.taskId ? s.outcome : null
  const status = statusOf(task)
  const plays = task.repeatNum === -1 ? t('tasks.plays.loop') : task.repeatNum && task.repeatNum > 1 ? t('tasks.plays.n', { n: task.repeatNum }) : t('tasks.plays.once')
  return (
    <li className={`room-task${ended ? ' ended' : ''}`} data-testid="room-task" data-kind={task.kind} data-status={ended ? 'ended' : task.status}>
      <div className="room-task-line">
        <strong className="nowrap">{t(`tasks.kind.${task.kind}`)}</strong>
        <span className={`pill ${status.tone}`} data-testid="room-task-status">{t(status.key)}</span>
        <span className="spacer" />
        {ended ? (
          <button type="button" className="link small" onClick={() => void s.taskCleared(task.taskId)} data-testid="room-task-clear">
            {t('tasks.clear')}
          </button>
        ) : (
          <button type="button" className="button small danger" disabled={busy} onClick={() => void s.taskStopped(task)} data-testid="room-task-stop">
            {t('tasks.stop')}
          </button>
        )}
      </div>
      <div className="room-task-line muted small">
        <span className="nowrap">
          {t('tasks.robot', { user: '' })}
          <span className="mono" translate="no">{task.robotUserId}</span>
        </span>
        <span>·</span>
        <span className="nowrap">{ended ? t('tasks.endedAt', { time: props.time(task.endedAt!) }) : t('tasks.started', { time: props.time(task.startedAt) })}</span>
      </div>
      {task.kind === 'ingest' ? (
        <div className="room-task-line">
          <span className="mono small ellipsis" translate="no" title={task.streamUrl}>
            {task.streamUrl}
          </span>
          <span className="muted small nowrap">· {plays}</span>
        </div>
      ) : (
        <div className="room-task-line muted small">
          <span>{t(`lang.${task.language as 'en'}`)}</span>
          <span>·</span>
          <span>
            {task.kind === 'conversation' || task.targetUserId ? (
              <>
                {t(task.kind === 'conversation' ? 'tasks.talksWith' : 'tasks.oneUser', { user: '' })}
                <span className="mono" translate="no">{task.targetUserId}</span>
              </>
            ) : (
              t('tasks.wholeRoom')
            )}
          </span>
        </div>
      )}
      {!ended && task.kind === 'ingest' && (
        <div className="room-task-line room-task-controls">
          <>
              <label className="inline-field">
                <span>{t('tasks.volume')}</span>
                <input
                  type="range"
                  min={0}
                  max={100}
                  value={volume}
                  disabled={busy}
                  onChange={(e) => setDraft(Number(e.target.value))}
                  onPointerUp={commitVolume}
                  onKeyUp={commitVolume}
                  data-testid="room-task-volume"
                />
                <span className="mono volume-value">{volume}</span>
              </label>
              <button type="button" className="button small" disabled={busy} onClick={() => void s.ingestChanged({ taskId: task.taskId, paused: !task.paused })} data-testid="room-task-pause">
                {t(task.paused ? 'tasks.resume' : 'tasks.pause')}
              </button>
              <button type="button" className="button small" disabled={busy} onClick={props.onSource} data-testid="room-task-source">
                {t('tasks.changeSource')}
              </button>
            </>
        </div>
      )}
      {task.checkError && !ended && <p className="error-text small">{t('tasks.checkFailed', { reason: errorText(t, task.checkError) })}</p>}
      {outcome?.error && (
        <p className="error-text small" role="alert" data-testid="room-task-error">
          {t('tasks.failed', { message: errorText(t, outcome.error) })}
        </p>
      )}
    </li>
  )
}
