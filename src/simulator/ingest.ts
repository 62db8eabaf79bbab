// Pull-stream relay tasks (003_530a54cf0f8c0df7.txt L5768–L6448): a robot user joins the room and
// publishes the media at StreamUrl, so it is in the room's user list and events while the task
// runs. The simulator does not fetch the media: one play lasts MEDIA_PLAY_S (an assumption of the
// simulator, the reference does not say); RepeatNum plays, or with -1 until Stop or MaxDuration.
import { verifyUserSig } from '../main/usersig/tlsSig'
import type { SimContext } from './context'
import { isStringRoomId, isUserId, parseNumericRoomId } from '../shared/trtc/roomId'
import { codesOf, done, fail, Params, type DefaultCodes, type Reply } from './params'
import { placeRobot } from './robots'
import { findActiveRoom, findApp } from './world'

export const MEDIA_PLAY_S = 120
/** Tasks an application may run at once before FailedOperation.RestrictedConcurrency (L6259; the count is the simulator's). */
export const MAX_INGEST_TASKS = 20

export interface IngestTask {
  taskId: string
  sdkAppId: number
  roomId: string
  isString: boolean
  userId: string
  streamUrl: string
  volume: number
  paused: boolean
  startedAt: number
  /** When the media runs out (or MaxDuration ends a loop); Infinity: a loop without MaxDuration. */
  endsAt: number
  stoppedAt?: number
}

export type IngestTasks = Map<string, IngestTask>

// The tables list InvalidParameter.BodyParamsError for a malformed body (L6263) and the Missing* codes (L6281–L6287).
const INGEST_CODES: DefaultCodes = { missing: 'MissingParameter', invalid: 'InvalidParameter.BodyParamsError', range: 'InvalidParameter.BodyParamsError' }
const MEDIA_URL = /^(https?|rtmp):\/\/[^\s/?#]+\S*$/

export function ingestRunning(task: IngestTask, now: number): boolean {
  return task.stoppedAt === undefined && now < task.endsAt
}

/** The task's robot in its room: joined at the start, leaves when the task ends. */
function placeTaskRobot(task: IngestTask, ctx: SimContext): void {
  placeRobot({ sdkAppId: task.sdkAppId, roomId: task.roomId, isString: task.isString, userId: task.userId, joinTs: task.startedAt, leaveTs: Math.min(task.stoppedAt ?? Infinity, task.endsAt), deviceType: 'Cloud relay' }, ctx)
}

export function startStreamIngest(body: Record<string, unknown>, ctx: SimContext, tasks: IngestTasks): Reply {
  const p = new Params(body, codesOf('StartStreamIngest', INGEST_CODES))
  const sdkAppId = p.int('SdkAppId', { missing: 'MissingParameter.SdkAppId', invalid: 'InvalidParameter.SdkAppId' })
  const roomId = p.str('RoomId', { missing: 'MissingParameter.RoomId' })
  // "0: String type RoomId 1: 32-bit Integer type RoomId (default)" (L6103–L6105)
  const roomIdType = p.optInt('RoomIdType', {}, [0, 1]) ?? 1
  const userId = p.str('UserId')
  const userSig = p.str('UserSig', { invalid: 'InvalidParameter.UserSig' })
  const streamUrl = p.optStr('StreamUrl', { invalid: 'InvalidParameter.StreamUrl' })
  p.optStr('PrivateMapKey')
  p.optInt('SeekSecond', {}, [0, Number.MAX_SAFE_INTEGER])
  p.optBool('AutoPush')
  const repeat = p.optInt('RepeatNum', {}, [-1, 1000]) ?? 1 // L6146–L6149
  const maxDuration = p.optInt('MaxDuration', {}, [1, 10080]) // minutes, L6151–L6152
  const volume = p.optInt('Volume', {}, [0, 100]) ?? 100 // L6154–L6155
  if (!p.firstFailure() && repeat === 0) p.reject(undefined, 'RepeatNum 0 is not valid.')
  if (!p.firstFailure() && streamUrl !== undefined && !MEDIA_URL.test(streamUrl)) p.reject('InvalidParameter.StreamUrl', 'Invalid StreamUrl format.')
  if (!p.firstFailure() && !isUserId(userId)) p.reject(undefined, `UserId "${userId}" may contain only letters, digits, underscores and hyphens.`)
  const problem = p.firstFailure()
  if (problem) return fail(problem.code, problem.message)
  const secret = ctx.sdkSecretKeys.get(sdkAppId)
  if (!findApp(ctx.world, sdkAppId) || secret === undefined) return fail('InvalidParameter.SdkAppId', `SDKAppID ${sdkAppId} does not belong to this account.`)
  const isString = roomIdType === 0
  if (isString ? !isStringRoomId(roomId) : parseNumericRoomId(roomId) === null) return fail(isString ? 'InvalidParameter.StrRoomId' : 'InvalidParameter.RoomId', `RoomId "${roomId}" is not a valid ${isString ? 'string' : 'integer'} room ID.`)
  // The robot enters a room that exists: the simulator's world makes its rooms, a relay cannot add one.
  if (!findActiveRoom(ctx.world, sdkAppId, roomId, isString, ctx.now, ctx.overlay)) return fail(isString ? 'InvalidParameter.StrRoomId' : 'InvalidParameter.RoomId', `No live room ${roomId} in application ${sdkAppId}.`)
  const sig = verifyUserSig(userSig, { sdkAppId, sdkSecretKey: secret, nowSeconds: ctx.now, userId })
  if (!sig.ok) return fail('InvalidParameter.UserSig', 'UserSig is expired or wrong.')
  const running = [...tasks.values()].filter((t) => t.sdkAppId === sdkAppId && ingestRunning(t, ctx.now))
  // "FailedOperation.TaskExist Task already exists" (L6262): the same robot in the same room.
  if (running.some((t) => t.roomId === roomId && t.isString === isString && t.userId === userId)) return fail('FailedOperation.TaskExist', 'Task already exists.')
  if (running.length >= MAX_INGEST_TASKS) return fail('FailedOperation.RestrictedConcurrency', 'The maximum number of concurrent relay tasks has been reached.')
  const taskId = ctx.nextId('ingest')
  const endsAt = repeat === -1 ? (maxDuration === undefined ? Infinity : ctx.now + maxDuration * 60) : ctx.now + repeat * MEDIA_PLAY_S
  const task: IngestTask = { taskId, sdkAppId, roomId, isString, userId, streamUrl: streamUrl ?? '', volume, paused: false, startedAt: ctx.now, endsAt }
  tasks.set(taskId, task)
  placeTaskRobot(task, ctx)
  return done({ TaskId: taskId })
}

/** The task of this application, whatever its state; a malformed or unknown TaskId is refused with `unknown`. */
function taskOf(p: Params, tasks: IngestTasks, unknown: string): IngestTask | undefined {
  const sdkAppId = p.int('SdkAppId', { missing: 'MissingParameter.SdkAppId', invalid: 'InvalidParameter.SdkAppId' })
  const taskId = p.str('TaskId', { missing: 'MissingParameter.TaskId', invalid: 'InvalidParameter.TaskId' })
  if (p.failure) return undefined
  const task = tasks.get(taskId)
  if (!task || task.sdkAppId !== sdkAppId) {
    if (unknown) p.reject(unknown, `The task ${taskId} does not exist.`)
    return undefined
  }
  return task
}

export function describeStreamIngest(body: Record<string, unknown>, ctx: SimContext, tasks: IngestTasks): Reply {
  // Describe's and Update's tables list no BodyParamsError (L5896–L5906, L6436–L6448): the common codes.
  const p = new Params(body, codesOf('DescribeStreamIngest'))
  const task = taskOf(p, tasks, '')
  if (p.failure) return fail(p.failure.code, p.failure.message)
  // "NotExist: Indicates that the current task does not exist." (L5823–L5824)
  return done({ Status: task && ingestRunning(task, ctx.now) ? 'InProgress' : 'NotExist' })
}

export function updateStreamIngest(body: Record<string, unknown>, ctx: SimContext, tasks: IngestTasks): Reply {
  const p = new Params(body, codesOf('UpdateStreamIngest'))
  const task = taskOf(p, tasks, 'FailedOperation.TaskNotExist')
  const streamUrl = p.optStr('StreamUrl', { invalid: 'InvalidParameter.StreamUrl' })
  const volume = p.optInt('Volume', {}, [0, 100])
  const paused = p.optBool('IsPause')
  if (!p.firstFailure() && streamUrl !== undefined && !MEDIA_URL.test(streamUrl)) p.reject('InvalidParameter.StreamUrl', 'Invalid StreamUrl format.')
  const problem = p.firstFailure()
  if (problem || !task) return fail(problem?.code ?? 'FailedOperation.TaskNotExist', problem?.message ?? '')
  if (!ingestRunning(task, ctx.now)) return fail('FailedOperation.TaskNotExist', 'The task does not exist.')
  // "If not filled in, no update" (L6336–L6352). A new media starts over.
  if (streamUrl !== undefined && streamUrl !== task.streamUrl) {
    task.streamUrl = streamUrl
    if (Number.isFinite(task.endsAt)) task.endsAt = Math.max(task.endsAt, ctx.now + MEDIA_PLAY_S)
    placeTaskRobot(task, ctx)
  }
  if (volume !== undefined) task.volume = volume
  if (paused !== undefined) task.paused = paused
  return done({ Status: 'InProgress' })
}

export function stopStreamIngest(body: Record<string, unknown>, ctx: SimContext, tasks: IngestTasks): Reply {
  const p = new Params(body, codesOf('StopStreamIngest', INGEST_CODES))
  const task = taskOf(p, tasks, 'InvalidParameter.TaskId')
  if (p.failure || !task) return fail(p.failure?.code ?? 'InvalidParameter.TaskId', p.failure?.message ?? '')
  // "FailedOperation.TaskFinished Task has ended when calling the interface." (L6046)
  if (!ingestRunning(task, ctx.now)) return fail('FailedOperation.TaskFinished', 'Task has ended when calling the interface.')
  task.stoppedAt = ctx.now
  placeTaskRobot(task, ctx)
  return done({})
}
