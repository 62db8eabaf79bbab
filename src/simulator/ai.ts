// AI conversation and transcription tasks (003_530a54cf0f8c0df7.txt L6459–L7792). The simulator
// runs no speech recognition, LLM or TTS: it keeps the task's state and puts its robot in the room.
// A task is Preparing for its first PREPARE_S seconds, then InProgress; after Stop (or
// ServerPushText with StopAfterPlay) it is Stopped for STOPPED_S seconds ("the task has stopped
// and resources are being cleaned up", L6759–L6762), then it no longer exists.
import { verifyUserSig } from '../main/usersig/tlsSig'
import { aiLanguages } from '../shared/trtc/ai'
import { isStringRoomId, isUserId, parseNumericRoomId } from '../shared/trtc/roomId'
import type { SimContext } from './context'
import { codesOf, done, fail, Params, type Reply } from './params'
import { placeRobot } from './robots'
import { findApp } from './world'

export const PREPARE_S = 2
export const STOPPED_S = 10
/** Tasks an application may run at once before ResourceInsufficient.RequestRejection (the count is the simulator's). */
export const MAX_AI_TASKS = 20

export interface AITask {
  taskId: string
  kind: 'conversation' | 'transcription'
  sdkAppId: number
  roomId: string
  isString: boolean
  robotUserId: string
  /** Conversation: the user it talks with; transcription mode 1: the user it transcribes. */
  targetUserId?: string
  /** Transcription: 0 the whole room, 1 one user. */
  mode?: 0 | 1
  sessionId: string
  startedAt: number
  stoppedAt?: number
}

export type AITasks = Map<string, AITask>

type Status = 'Preparing' | 'InProgress' | 'Stopped' | 'Gone'

export function aiStatus(task: AITask, now: number): Status {
  if (task.stoppedAt !== undefined) return now - task.stoppedAt < STOPPED_S ? 'Stopped' : 'Gone'
  return now - task.startedAt < PREPARE_S ? 'Preparing' : 'InProgress'
}

function robotIn(task: AITask, ctx: SimContext): void {
  placeRobot({ sdkAppId: task.sdkAppId, roomId: task.roomId, isString: task.isString, userId: task.robotUserId, joinTs: task.startedAt, leaveTs: task.stoppedAt ?? Infinity, deviceType: 'AI robot' }, ctx)
}

function language(p: Params | undefined): void {
  if (!p) return
  const lang = p.optStr('Language')
  if (lang !== undefined && !(aiLanguages as readonly string[]).includes(lang)) p.reject(undefined, `Language "${lang}" is not one the reference lists.`)
  const alt = p.strArray('AlternativeLanguage')
  if (alt && (alt.length > 3 || alt.some((l) => !(aiLanguages as readonly string[]).includes(l)))) p.reject(undefined, 'AlternativeLanguage holds up to 3 listed languages.')
  if (alt?.length && lang === 'zh-dialect') p.reject(undefined, 'AlternativeLanguage cannot be used with zh-dialect.')
}

/** LLMConfig and TTSConfig are JSON strings with required members (L6519–L6559). */
function jsonConfig(p: Params, name: string, required: string[]): Record<string, unknown> | undefined {
  const text = p.optStr(name)
  if (text === undefined || p.firstFailure()) return undefined
  let value: unknown
  try {
    value = JSON.parse(text)
  } catch {
    p.reject(undefined, `${name} is not valid JSON.`)
    return undefined
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    p.reject(undefined, `${name} is not a JSON object.`)
    return undefined
  }
  const missing = required.filter((k) => (value as Record<string, unknown>)[k] === undefined)
  if (missing.length) p.reject(undefined, `${name} lacks ${missing.join(', ')}.`)
  return value as Record<string, unknown>
}

/** An optional string that, when given, is not empty. */
function nonEmpty(p: Params, name: string): string | undefined {
  const v = p.optStr(name)
  if (v === '') p.reject(undefined, `${name} is empty.`)
  return v || undefined
}

interface Robot {
  userId: string
  userSig: string
}

/** The checks both Start actions share, after their own members are read. */
function admit(p: Params, ctx: SimContext, tasks: AITasks, kind: AITask['kind'], sdkAppId: number, roomId: string, isString: boolean, robot: Robot, unknownApp: string): Reply | null {
  const problem = p.firstFailure()
  if (problem) return fail(problem.code, problem.message)
  const secret = ctx.sdkSecretKeys.get(sdkAppId)
  if (!findApp(ctx.world, sdkAppId) || secret === undefined) return fail(unknownApp, `SDKAppID ${sdkAppId} does not belong to this account.`)
  if (isString ? !isStringRoomId(roomId) : parseNumericRoomId(roomId) === null) return fail('InvalidParameter', `RoomId "${roomId}" is not a valid ${isString ? 'string' : 'numeric'} room ID.`)
  if (!isUserId(robot.userId)) return fail('InvalidParameter', `UserId "${robot.userId}" may contain only letters, digits, underscores and hyphens.`)
  const sig = verifyUserSig(robot.userSig, { sdkAppId, sdkSecretKey: secret, nowSeconds: ctx.now, userId: robot.userId })
  if (!sig.ok) return fail('InvalidParameter.UserSig', 'The UserSig is expired or wrong.')
  const running = [...tasks.values()].filter((t) => t.kind === kind && t.sdkAppId === sdkAppId && t.stoppedAt === undefined)
  if (running.length >= MAX_AI_TASKS) return fail('ResourceInsufficient.RequestRejection', 'Insufficient resources.')
  return null
}

export function startAIConversation(body: Record<string, unknown>, ctx: SimContext, tasks: AITasks): Reply {
  const p = new Params(body, codesOf('StartAIConversation'))
  const sdkAppId = p.int('SdkAppId')
  const roomId = p.str('RoomId')
  const agent = p.obj('AgentConfig', {}, true)
  const robot = { userId: agent?.str('UserId') ?? '', userSig: agent?.str('UserSig') ?? '' }
  const target = agent?.str('TargetUserId') ?? ''
  agent?.optInt('MaxIdleTime', {}, [1, Number.MAX_SAFE_INTEGER])
  agent?.optStr('WelcomeMessage')
  agent?.optInt('InterruptMode', {}, [0, 1])
  agent?.optInt('InterruptSpeechDuration', {}, [0, Number.MAX_SAFE_INTEGER])
  const sessionId = nonEmpty(p, 'SessionId')
  const isString = (p.optInt('RoomIdType', {}, [0, 1]) ?? 0) === 1
  const stt = p.obj('STTConfig')
  language(stt)
  stt?.optInt('VadSilenceTime', {}, [240, 2000])
  jsonConfig(p, 'LLMConfig', ['LLMType', 'Model', 'APIKey', 'APIUrl'])
  jsonConfig(p, 'TTSConfig', ['AppId', 'SecretId', 'SecretKey', 'VoiceType'])
  const refused = admit(p, ctx, tasks, 'conversation', sdkAppId, roomId, isString, robot, 'FailedOperation.NotAllowed')
  if (refused) return refused
  if (!isUserId(target)) return fail('InvalidParameter', `TargetUserId "${target}" may contain only letters, digits, underscores and hyphens.`)
  const running = [...tasks.values()].filter((t) => t.kind === 'conversation' && t.sdkAppId === sdkAppId && t.stoppedAt === undefined)
  if (sessionId !== undefined && running.some((t) => t.sessionId === sessionId)) return fail('FailedOperation.TaskExist', 'A task with this SessionId is running.')
  // "If multiple tasks are initiated in a room, the robot's UserId cannot be repeated, otherwise the previous task will be interrupted." (L14888–L14892)
  for (const t of running) {
    if (t.roomId === roomId && t.isString === isString && t.robotUserId === robot.userId) {
      t.stoppedAt = ctx.now
      robotIn(t, ctx)
    }
  }
  const taskId = ctx.nextId('aiconv')
  const task: AITask = { taskId, kind: 'conversation', sdkAppId, roomId, isString, robotUserId: robot.userId, targetUserId: target, sessionId: sessionId ?? '', startedAt: ctx.now }
  tasks.set(taskId, task)
  robotIn(task, ctx)
  return done({ TaskId: taskId })
}

export function startAITranscription(body: Record<string, unknown>, ctx: SimContext, tasks: AITasks): Reply {
  const p = new Params(body, codesOf('StartAITranscription'))
  const sdkAppId = p.int('SdkAppId')
  const roomId = p.str('RoomId')
  const tp = p.obj('TranscriptionParams', {}, true)
  const robot = { userId: tp?.str('UserId') ?? '', userSig: tp?.str('UserSig') ?? '' }
  tp?.optInt('MaxIdleTime', {}, [1, Number.MAX_SAFE_INTEGER])
  const mode = (tp?.optInt('TranscriptionMode', {}, [0, 1]) ?? 0) as 0 | 1
  const target = tp ? nonEmpty(tp, 'TargetUserId') : undefined
  // "TargetUserId … required when TranscriptionMode is 1" (L16280–L16290)
  if (tp && !p.firstFailure() && mode === 1 && target === undefined) tp.reject('MissingParameter', 'TranscriptionMode 1 needs TargetUserId.')
  const sessionId = nonEmpty(p, 'SessionId')
  // "0 represents a numeric room number, and 1 represents a string room number … the default is a numeric room number" (L7065–L7070)
  const isString = (p.optInt('RoomIdType', {}, [0, 1]) ?? 0) === 1
  language(p.obj('RecognizeConfig'))
  const refused = admit(p, ctx, tasks, 'transcription', sdkAppId, roomId, isString, robot, 'FailedOperation.SdkAppIdNotUnderAppId')
  if (refused) return refused
  const running = [...tasks.values()].filter((t) => t.kind === 'transcription' && t.sdkAppId === sdkAppId && t.stoppedAt === undefined)
  // Without a SessionId: one task per room in mode 0, one per TargetUserId in mode 1 (L7053–L7063).
  const clash =
    sessionId !== undefined
      ? running.some((t) => t.sessionId === sessionId)
      : running.some((t) => t.roomId === roomId && t.isString === isString && (mode === 0 ? t.mode === 0 : t.mode === 1 && t.targetUserId === target))
  if (clash) return fail('FailedOperation.TaskExist', 'A transcription task for this room or user is running.')
  const taskId = ctx.nextId('aitrans')
  const task: AITask = { taskId, kind: 'transcription', sdkAppId, roomId, isString, robotUserId: robot.userId, mode, ...(target !== undefined ? { targetUserId: target } : {}), sessionId: sessionId ?? '', startedAt: ctx.now }
  tasks.set(taskId, task)
  robotIn(task, ctx)
  return done({ TaskId: taskId })
}

/** The task named by TaskId (or by SdkAppId and SessionId); refuses with the documented codes. */
function find(p: Params, ctx: SimContext, tasks: AITasks, kind: AITask['kind'], byTaskIdOnly: boolean): AITask | undefined {
  const taskId = byTaskIdOnly ? p.str('TaskId', { invalid: 'InvalidParameter.TaskId' }) : (p.optStr('TaskId', { invalid: 'InvalidParameter.TaskId' }) ?? '')
  const sdkAppId = byTaskIdOnly ? undefined : p.optInt('SdkAppId')
  const sessionId = byTaskIdOnly ? undefined : p.optStr('SessionId')
  if (p.firstFailure()) return undefined
  const task =
    taskId !== ''
      ? tasks.get(taskId)
      : [...tasks.values()].find((t) => t.sessionId !== '' && t.sessionId === sessionId && (sdkAppId === undefined || t.sdkAppId === sdkAppId) && aiStatus(t, ctx.now) !== 'Gone')
  if (!byTaskIdOnly && taskId === '' && sessionId === undefined) {
    p.reject('InvalidParameter.TaskId', 'Give the TaskId, or the SdkAppId and SessionId.')
    return undefined
  }
  if (!task || task.kind !== kind || aiStatus(task, ctx.now) === 'Gone') {
    p.reject('FailedOperation.TaskNotExist', 'The task does not exist.')
    return undefined
  }
  return task
}

const describe = (action: string, kind: AITask['kind']) => (body: Record<string, unknown>, ctx: SimContext, tasks: AITasks): Reply => {
  const p = new Params(body, codesOf(action))
  const task = find(p, ctx, tasks, kind, false)
  if (p.failure || !task) return fail(p.failure?.code ?? 'FailedOperation.TaskNotExist', p.failure?.message ?? '')
  return done({ StartTime: new Date(task.startedAt * 1000).toISOString(), Status: aiStatus(task, ctx.now), TaskId: task.taskId, SessionId: task.sessionId })
}

const stop = (action: string, kind: AITask['kind']) => (body: Record<string, unknown>, ctx: SimContext, tasks: AITasks): Reply => {
  const p = new Params(body, codesOf(action))
  const task = find(p, ctx, tasks, kind, true)
  if (p.failure || !task) return fail(p.failure?.code ?? 'FailedOperation.TaskNotExist', p.failure?.message ?? '')
  if (task.stoppedAt !== undefined) return fail('FailedOperation.TaskNotExist', 'The task has stopped.')
  task.stoppedAt = ctx.now
  robotIn(task, ctx)
  return done({})
}

export const describeAIConversation = describe('DescribeAIConversation', 'conversation')
export const describeAITranscription = describe('DescribeAITranscription', 'transcription')
export const stopAIConversation = stop('StopAIConversation', 'conversation')
export const stopAITranscription = stop('StopAITranscription', 'transcription')

export function updateAIConversation(body: Record<string, unknown>, ctx: SimContext, tasks: AITasks): Reply {
  const p = new Params(body, codesOf('UpdateAIConversation'))
  const task = find(p, ctx, tasks, 'conversation', true)
  p.optStr('WelcomeMessage')
  p.optInt('InterruptMode', {}, [0, 1])
  p.optInt('InterruptSpeechDuration', {}, [0, Number.MAX_SAFE_INTEGER])
  jsonConfig(p, 'LLMConfig', ['LLMType', 'Model', 'APIKey', 'APIUrl'])
  jsonConfig(p, 'TTSConfig', ['AppId', 'SecretId', 'SecretKey', 'VoiceType'])
  const problem = p.firstFailure()
  if (problem || !task) return fail(problem?.code ?? 'FailedOperation.TaskNotExist', problem?.message ?? '')
  if (task.stoppedAt !== undefined) return fail('FailedOperation.TaskNotExist', 'The task has stopped.')
  return done({})
}

export function controlAIConversation(body: Record<string, unknown>, ctx: SimContext, tasks: AITasks): Reply {
  const p = new Params(body, codesOf('ControlAIConversation'))
  const task = find(p, ctx, tasks, 'conversation', true)
  const command = p.str('Command')
  // "ServerPushText" is the only command documented; its ServerPushText is then required (L7678–L7701).
  if (!p.firstFailure() && command !== 'ServerPushText') p.reject(undefined, `Command "${command}" is not documented.`)
  const push = p.obj('ServerPushText', {}, command === 'ServerPushText')
  push?.optStr('Text')
  push?.optBool('Interrupt')
  const stopAfter = push?.optBool('StopAfterPlay')
  const problem = p.firstFailure()
  if (problem || !task) return fail(problem?.code ?? 'FailedOperation.TaskNotExist', problem?.message ?? '')
  if (task.stoppedAt !== undefined) return fail('FailedOperation.TaskNotExist', 'The task has stopped.')
  // "StopAfterPlay … whether to automatically close the conversation task" (L16044–L16048): the text plays, then the task ends.
  if (stopAfter) {
    task.stoppedAt = ctx.now + 1
    robotIn(task, ctx)
  }
  return done({})
}
