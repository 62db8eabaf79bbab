// Media played into a room (Start/Describe/Update/StopStreamIngest, 003_530a54cf0f8c0df7.txt
// L5768–L6448) and AI tasks (Start/Describe/StopAITranscription and …AIConversation, L6459–L7792),
// started from a room. The API lists no tasks, so main keeps the ones started here (in
// room-tasks.json, so a loop started before a restart can still be stopped) and asks the cloud for
// each one's status. Robots get a UserSig made here; every start, change and stop is audited like
// moderation.
import type { AIStartRequest, AuditEntry, IngestStartRequest, IngestUpdateRequest, RoomTask } from '../../shared/contract/contract'
import { err, ok, type Result } from '../../shared/errors'
import { actions } from '../../shared/trtc/actions'
import { configProblems } from '../../shared/trtc/ai'
import type { DescribeAITaskResponse, StartAITaskResponse } from '../../shared/trtc/ai'
import type { DescribeStreamIngestResponse, StartStreamIngestResponse } from '../../shared/trtc/ingest'
import type { Region } from '../../shared/trtc/common'
import { rename } from 'node:fs/promises'
import { readJsonFile, writeFileAtomic } from '../atomicFile'
import type { Emit, Logger } from '../ipc/dispatch'
import { robotFor } from '../mixing/goLive'
import { DEMO_CLIP_PATH } from '../../simulator/demoClip'
import { DEMO_PROFILE_ID, type CloudContext } from '../profiles/cloudContext'
import type { CloudHandle } from './cloudAccess'
import { createAuditRecorder, type AuditLog } from './auditLog'

/** Ended tasks kept for the list, newest first, beyond the running ones. */
const KEEP_ENDED = 20

/**
 * The region a task lives in. Describe and StopStreamIngest accept only four of the six regions
 * StartStreamIngest does (L5796–L5799, L5945–L5948 against L6090–L6095), so a relay is started where
 * it can also be stopped; AI tasks take the profile's region when listed (L6728–L6731), else the first.
 */
export function taskRegion(kind: RoomTask['kind'], profileRegion: string): string {
  const regions = (kind === 'ingest' ? actions.StopStreamIngest.regions : actions.StartAITranscription.regions) as readonly Region[]
  return regions.includes(profileRegion as Region) ? profileRegion : (kind === 'ingest' ? 'ap-singapore' : regions[0]!)
}

/** The wire's room ID type: ingest 1 numeric, 0 string (L6103–L6105); AI tasks the reverse (L7065–L7070). */
const roomIdTypeOf = (kind: RoomTask['kind'], type: 'number' | 'string'): 0 | 1 => ((type === 'number') === (kind === 'ingest') ? 1 : 0)

export function createRoomTasks(deps: { cloud: CloudContext; audit: AuditLog; emit: Emit; now: () => number; path: string; log: Logger; auditRetryMs?: number }) {
  const record = createAuditRecorder(deps.audit, deps.auditRetryMs)
  let tasks: RoomTask[] = []
  // A file that cannot be read is set aside, not overwritten, so the task IDs in it are not lost.
  const loaded = (async () => {
    try {
      const json = (await readJsonFile(deps.path)) as { tasks?: RoomTask[] } | undefined
      if (Array.isArray(json?.tasks)) tasks = json.tasks.filter((t) => typeof t?.taskId === 'string' && typeof t.kind === 'string')
    } catch (e) {
      deps.log.warn(`room-tasks.json could not be read; kept aside: ${(e as Error).message}`)
      await rename(deps.path, `${deps.path}.unreadable-${deps.now()}`).catch(() => undefined)
    }
  })()

  const list = (): RoomTask[] => [...tasks].sort((a, b) => b.startedAt - a.startedAt)
  const changed = async (): Promise<void> => {
    const running = tasks.filter((t) => t.endedAt === null)
    const ended = tasks.filter((t) => t.endedAt !== null).sort((a, b) => b.endedAt! - a.endedAt!).slice(0, KEEP_ENDED)
    tasks = [...running, ...ended]
    deps.emit('roomTasks.changed', list())
    try {
      await writeFileAtomic(deps.path, JSON.stringify({ version: 1, tasks }, null, 1))
    } catch (e) {
      deps.log.warn(`room-tasks.json could not be written: ${(e as Error).message}`)
    }
  }
  const find = (taskId: string): RoomTask | undefined => tasks.find((t) => t.taskId === taskId)
  const ended = (task: RoomTask) => Object.assign(task, { status: 'ended', endedAt: deps.now() })

  const audit = async (task: RoomTask, action: AuditEntry['action'], apiAction: string, handle: CloudHandle, r: Result<{ RequestId: string }>, extra: Partial<AuditEntry> = {}): Promise<void> => {
    await record({
      time: new Date(deps.now()).toISOString(),
      profile: handle.profileName,
      sdkAppId: task.sdkAppId,
      roomId: task.roomId,
      roomIdType: task.roomIdType,
      action,
      apiAction,
      taskId: task.taskId || undefined,
      userIds: [task.robotUserId],
      result: r.ok ? 'ok' : r.error.code,
      message: r.ok ? undefined : r.error.message,
      requestId: r.ok ? r.value.RequestId : r.error.requestId,
      tencentCode: r.ok ? undefined : r.error.tencentCode,
      ...extra,
    })
  }

  /** Asks the cloud where the task stands; a task the cloud no longer knows has ended. */
  async function describe(task: RoomTask): Promise<void> {
    const handle = await deps.cloud.clientFor(task.profileId)
    if (!handle.ok) {
      task.checkError = handle.error
      return
    }
    const { client } = handle.value
    const opts = { region: task.region, priority: 'background' as const, mutating: false }
    task.checkedAt = deps.now()
    if (task.kind === 'ingest') {
      const r = await client.call<DescribeStreamIngestResponse>('DescribeStreamIngest', { SdkAppId: task.sdkAppId, TaskId: task.taskId }, opts)
      // "NotExist: Indicates that the current task does not exist." (L5823–L5824)
      if (r.ok) {
        delete task.checkError
        if (r.value.Status === 'InProgress') task.status = 'InProgress'
        else ended(task)
      } else if (r.error.code === 'tencent.notFound') ended(task)
      else task.checkError = r.error
      return
    }
    const action = task.kind === 'transcription' ? 'DescribeAITranscription' : 'DescribeAIConversation'
    const r = await client.call<DescribeAITaskResponse>(action, { TaskId: task.taskId }, opts)
    if (r.ok) {
      delete task.checkError
      // "Stopped: Task has stopped, resources are being cleaned up" (L6762, L7262)
      if (r.value.Status === 'Stopped') ended(task)
      else task.status = r.value.Status
    } else if (r.error.code === 'tencent.notFound') ended(task)
    else task.checkError = r.error
  }

  const start = async (task: Omit<RoomTask, 'taskId' | 'requestId' | 'region' | 'profileId' | 'robotUserId'>, prefix: 'relay' | 'asr' | 'agent', suffix: string | undefined, body: (robot: { userId: string; userSig: string }) => Record<string, unknown>, action: 'StartStreamIngest' | 'StartAITranscription' | 'StartAIConversation', auditAs: AuditEntry['action'], extra: Partial<AuditEntry> = {}): Promise<Result<RoomTask>> => {
    await loaded
    const robot = await robotFor(deps.cloud, task.sdkAppId, prefix, deps.now(), suffix)
    if (!robot.ok) return robot
    const { handle, userId, userSig, profileId } = robot.value
    const region = taskRegion(task.kind, handle.region)
    const r = await handle.client.call<StartStreamIngestResponse | StartAITaskResponse>(action, body({ userId, userSig }), { region, priority: 'user', mutating: true })
    const entry: RoomTask = { ...task, profileId, region, robotUserId: userId, taskId: r.ok ? r.value.TaskId : '', requestId: r.ok ? r.value.RequestId : '' }
    await audit(entry, auditAs, action, handle, r, extra)
    if (!r.ok) return r
    tasks.push(entry)
    await describe(entry)
    await changed()
    return ok(entry)
  }

  const base = (req: { sdkAppId: number; roomId: string; roomIdType: 'number' | 'string' }, kind: RoomTask['kind']) => ({
    kind,
    sdkAppId: req.sdkAppId,
    roomId: req.roomId,
    roomIdType: req.roomIdType,
    startedAt: deps.now(),
    status: 'unknown' as const,
    checkedAt: null,
    endedAt: null,
  })

  return {
    /** Every task started here, running ones asked of the cloud first. */
    async list(): Promise<Result<{ tasks: RoomTask[]; demoClipUrl: string | null }>> {
      await loaded
      await Promise.all(tasks.filter((t) => t.endedAt === null).map(describe))
      await changed()
      const demo = (await deps.cloud.activeId()) === DEMO_PROFILE_ID
      return ok({ tasks: list(), demoClipUrl: demo ? new URL(DEMO_CLIP_PATH, await deps.cloud.demoEndpoint()).href : null })
    },
    async clear(taskId: string): Promise<Result<RoomTask[]>> {
      await loaded
      tasks = tasks.filter((t) => t.taskId !== taskId || t.endedAt === null)
      await changed()
      return ok(list())
    },

    startIngest(req: IngestStartRequest): Promise<Result<RoomTask>> {
      const task = { ...base(req, 'ingest'), streamUrl: req.streamUrl, volume: req.volume, paused: false, repeatNum: req.repeatNum }
      return start(
        task,
        'relay',
        req.robot,
        (robot) => ({
          SdkAppId: req.sdkAppId,
          RoomId: req.roomId,
          RoomIdType: roomIdTypeOf('ingest', req.roomIdType),
          UserId: robot.userId,
          UserSig: robot.userSig,
          StreamUrl: req.streamUrl,
          RepeatNum: req.repeatNum,
          ...(req.maxDurationMin !== undefined ? { MaxDuration: req.maxDurationMin } : {}),
          Volume: req.volume,
          // "AutoPush … whether to automatically push the stream into the room" (L6143–L6144)
          AutoPush: true,
        }),
        'StartStreamIngest',
        'inject',
        { streamUrl: req.streamUrl, volume: req.volume },
      )
    },

    /** UpdateStreamIngest with what changed; a new source starts over (L6331–L6352). */
    async updateIngest(req: IngestUpdateRequest): Promise<Result<RoomTask>> {
      await loaded
      const task = find(req.taskId)
      if (!task || task.kind !== 'ingest') return err('request.invalid', 'err.tasks.notOurs')
      const handle = await deps.cloud.clientFor(task.profileId)
      if (!handle.ok) return handle
      const body = { SdkAppId: task.sdkAppId, TaskId: task.taskId, ...(req.streamUrl !== undefined ? { StreamUrl: req.streamUrl } : {}), ...(req.volume !== undefined ? { Volume: req.volume } : {}), ...(req.paused !== undefined ? { IsPause: req.paused } : {}) }
      const r = await handle.value.client.call<DescribeStreamIngestResponse>('UpdateStreamIngest', body, { region: task.region, priority: 'user', mutating: true })
      await audit(task, 'injectUpdate', 'UpdateStreamIngest', handle.value, r, { streamUrl: req.streamUrl, volume: req.volume, paused: req.paused })
      if (!r.ok) {
        if (r.error.code === 'tencent.notFound') {
          ended(task)
          await changed()
        }
        return r
      }
      Object.assign(task, { status: 'InProgress', ...(req.streamUrl !== undefined ? { streamUrl: req.streamUrl } : {}), ...(req.volume !== undefined ? { volume: req.volume } : {}), ...(req.paused !== undefined ? { paused: req.paused } : {}) })
      await changed()
      return ok(task)
    },

    startAI(req: AIStartRequest): Promise<Result<RoomTask>> {
      if (req.kind === 'transcription') {
        const task = { ...base(req, 'transcription'), language: req.language, ...(req.targetUserId ? { targetUserId: req.targetUserId } : {}) }
        return start(
          task,
          'asr',
          req.robot,
          (robot) => ({
            SdkAppId: req.sdkAppId,
            RoomId: req.roomId,
            RoomIdType: roomIdTypeOf('transcription', req.roomIdType),
            TranscriptionParams: {
              UserId: robot.userId,
              UserSig: robot.userSig,
              ...(req.maxIdleTimeS !== undefined ? { MaxIdleTime: req.maxIdleTimeS } : {}),
              // "0: transcribe the whole room … 1: transcribe a specific user" (L16270–L16290)
              ...(req.targetUserId ? { TranscriptionMode: 1, TargetUserId: req.targetUserId } : { TranscriptionMode: 0 }),
            },
            RecognizeConfig: { Language: req.language, ...(req.alternativeLanguages?.length ? { AlternativeLanguage: req.alternativeLanguages } : {}) },
          }),
          'StartAITranscription',
          'transcribe',
        )
      }
      // LLMConfig and TTSConfig are JSON texts with required fields (L6519–L6559): checked here too.
      for (const [which, text] of [['LLMConfig', req.llmConfig], ['TTSConfig', req.ttsConfig]] as const) {
        const problem = configProblems(text, which)[0]
        if (problem) return Promise.resolve(err('request.invalid', 'err.tasks.config', { config: which, field: problem.field || which }, { message: `${which}: ${problem.problem} ${problem.field}` }))
      }
      const task = { ...base(req, 'conversation'), language: req.language, targetUserId: req.targetUserId }
      return start(
        task,
        'agent',
        req.robot,
        (robot) => ({
          SdkAppId: req.sdkAppId,
          RoomId: req.roomId,
          RoomIdType: roomIdTypeOf('conversation', req.roomIdType),
          AgentConfig: {
            UserId: robot.userId,
            UserSig: robot.userSig,
            TargetUserId: req.targetUserId,
            ...(req.maxIdleTimeS !== undefined ? { MaxIdleTime: req.maxIdleTimeS } : {}),
            ...(req.welcomeMessage ? { WelcomeMessage: req.welcomeMessage } : {}),
            ...(req.interruptMode !== undefined ? { InterruptMode: req.interruptMode } : {}),
          },
          STTConfig: { Language: req.language },
          LLMConfig: req.llmConfig,
          TTSConfig: req.ttsConfig,
        }),
        'StartAIConversation',
        'converse',
      )
    },

    /**
     * A task action sent by hand from the API console: a task it started joins the list, one it
     * changed or stopped is updated, each audited like the same action from Rooms.
     */
    async fromConsole(action: string, p: Record<string, unknown>, region: string, r: Result<{ RequestId: string; TaskId?: string }>, handle: CloudHandle): Promise<void> {
      await loaded
      const text = (v: unknown) => (typeof v === 'string' || typeof v === 'number' ? String(v) : '')
      const obj = (v: unknown) => (v && typeof v === 'object' ? (v as Record<string, unknown>) : {})
      const startedAs = { StartStreamIngest: 'ingest', StartAITranscription: 'transcription', StartAIConversation: 'conversation' } as const
      if (action in startedAs) {
        const kind = startedAs[action as keyof typeof startedAs]
        // Ingest: RoomIdType 0 string, 1 integer (default) (L6103–L6105); AI: 0 integer (default), 1 string (L7065–L7070).
        const stringRoom = kind === 'ingest' ? p.RoomIdType === 0 : p.RoomIdType === 1
        const robot = kind === 'ingest' ? p : kind === 'transcription' ? obj(p.TranscriptionParams) : obj(p.AgentConfig)
        const language = kind === 'transcription' ? obj(p.RecognizeConfig).Language : obj(p.STTConfig).Language
        const task: RoomTask = {
          kind,
          taskId: r.ok ? text(r.value.TaskId) : '',
          profileId: handle.profileId,
          sdkAppId: Number(p.SdkAppId),
          roomId: text(p.RoomId),
          roomIdType: stringRoom ? 'string' : 'number',
          robotUserId: text(robot.UserId),
          region,
          startedAt: deps.now(),
          requestId: r.ok ? r.value.RequestId : '',
          status: 'unknown',
          checkedAt: null,
          endedAt: null,
          ...(kind === 'ingest'
            ? { streamUrl: text(p.StreamUrl), volume: typeof p.Volume === 'number' ? p.Volume : 100, paused: false, repeatNum: typeof p.RepeatNum === 'number' ? p.RepeatNum : 1 }
            : { language: typeof language === 'string' ? language : 'zh', ...(robot.TargetUserId ? { targetUserId: text(robot.TargetUserId) } : {}) }),
        }
        await audit(task, kind === 'ingest' ? 'inject' : kind === 'transcription' ? 'transcribe' : 'converse', action, handle, r, kind === 'ingest' ? { streamUrl: task.streamUrl, volume: task.volume } : {})
        if (!r.ok || !task.taskId) return
        tasks.push(task)
        await describe(task)
        await changed()
        return
      }
      const task = find(text(p.TaskId))
      if (!task) return
      if (action === 'UpdateStreamIngest') {
        const change = { ...(typeof p.StreamUrl === 'string' ? { streamUrl: p.StreamUrl } : {}), ...(typeof p.Volume === 'number' ? { volume: p.Volume } : {}), ...(typeof p.IsPause === 'boolean' ? { paused: p.IsPause } : {}) }
        await audit(task, 'injectUpdate', action, handle, r, change)
        if (r.ok) Object.assign(task, change)
      } else if (/^Stop(StreamIngest|AITranscription|AIConversation)$/.test(action)) {
        await audit(task, task.kind === 'ingest' ? 'injectStop' : 'aiStop', action, handle, r)
        if (r.ok || r.error.code === 'tencent.notFound') ended(task)
      } else return
      await changed()
    },

    /** Stops a task; one the cloud says has already ended is marked so, not reported as a failure. */
    async stop(taskId: string, kinds: RoomTask['kind'][]): Promise<Result<RoomTask>> {
      await loaded
      const task = find(taskId)
      if (!task || !kinds.includes(task.kind)) return err('request.invalid', 'err.tasks.notOurs')
      if (task.endedAt !== null) return ok(task)
      const handle = await deps.cloud.clientFor(task.profileId)
      if (!handle.ok) return handle
      const action = task.kind === 'ingest' ? 'StopStreamIngest' : task.kind === 'transcription' ? 'StopAITranscription' : 'StopAIConversation'
      // StopStreamIngest takes SdkAppId and TaskId (L5950–L5954); the AI stops the TaskId only (L6886, L7385).
      const body = task.kind === 'ingest' ? { SdkAppId: task.sdkAppId, TaskId: task.taskId } : { TaskId: task.taskId }
      const r = await handle.value.client.call(action, body, { region: task.region, priority: 'user', mutating: true })
      await audit(task, task.kind === 'ingest' ? 'injectStop' : 'aiStop', action, handle.value, r)
      if (!r.ok && r.error.code !== 'tencent.notFound') return r
      ended(task)
      await changed()
      return ok(task)
    },
  }
}

export type RoomTasks = ReturnType<typeof createRoomTasks>
