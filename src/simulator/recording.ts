// Cloud recording tasks (003_530a54cf0f8c0df7.txt L12776–L13749). Status follows the room: Idle until
// an anchor publishes, InProgress while one does, Exited for a short while after DeleteCloudRecording
// ("The task is being ended", L13207–L13212), then the task is gone.
import { verifyUserSig } from '../main/usersig/tlsSig'
import type { SimContext } from './context'
import { done, fail, Params, type Reply } from './params'
import { findActiveRoom, findApp, idleFor, inRoomAt, publishingAt, sessionsAt } from './world'

export const EXIT_GRACE_S = 10

export interface RecordingTask {
  taskId: string
  sdkAppId: number
  roomId: string
  /** 0 string, 1 integer — the recording APIs' own convention (L12872–L12888). */
  roomIdType: 0 | 1
  recordMode: 1 | 2
  toVod: boolean
  filePrefix: string[]
  maxIdleTime: number
  mixLayout?: Record<string, unknown>
  /** The mixed picture's encoding as requested (MixTranscodeParams.VideoParams). */
  video?: { fps?: number; bitRate?: number; gop?: number }
  subscribe?: Record<string, unknown>
  createdAt: number
  expiresAt: number
  deletedAt?: number
}

export type RecordingTasks = Map<string, RecordingTask>

function publishers(task: RecordingTask, ctx: SimContext): string[] {
  const room = findActiveRoom(ctx.world, task.sdkAppId, task.roomId, task.roomIdType === 0, ctx.now, ctx.overlay)
  if (!room) return []
  return sessionsAt(ctx.world, room, ctx.overlay, ctx.now)
    .filter((s) => inRoomAt(s, ctx.now) && s.role === 'anchor')
    .filter((s) => {
      const pub = publishingAt(ctx.overlay, room, s, ctx.now)
      return pub.audio || pub.video
    })
    .map((s) => s.userId)
}

export function recordingStatus(task: RecordingTask, ctx: SimContext): 'Idle' | 'InProgress' | 'Exited' | 'Gone' {
  if (task.deletedAt !== undefined) return ctx.now - task.deletedAt < EXIT_GRACE_S ? 'Exited' : 'Gone'
  // RecordParams.MaxIdleTime: the robot leaves once the room has had no anchor for that long (L15833–L15911).
  if (idleFor(ctx.world, task.sdkAppId, task.roomId, task.roomIdType === 0, task.createdAt, ctx.now, task.maxIdleTime, ctx.overlay)) return 'Gone'
  return publishers(task, ctx).length > 0 ? 'InProgress' : 'Idle'
}

export function createCloudRecording(body: Record<string, unknown>, ctx: SimContext, tasks: RecordingTasks): Reply {
  const p = new Params(body)
  const sdkAppId = p.int('SdkAppId', { missing: 'MissingParameter.SdkAppId', invalid: 'InvalidParameter.SdkAppId' })
  const roomId = p.str('RoomId', { missing: 'MissingParameter.RoomId' })
  const userId = p.str('UserId', { missing: 'MissingParameter.UserId' })
  const userSig = p.str('UserSig', { missing: 'MissingParameter.UserSig' })
  const rp = p.obj('RecordParams', { missing: 'MissingParameter.RecordParams' }, true)
  const recordMode = rp?.int('RecordMode', { missing: 'MissingParameter.RecordMode', invalid: 'InvalidParameter.OutOfRange' }, [1, 2])
  const maxIdleTime = rp?.optInt('MaxIdleTime', { invalid: 'InvalidParameter.OutOfRange' }, [5, 86400]) ?? 30
  rp?.optInt('StreamType', { invalid: 'InvalidParameter.OutOfRange' }, [0, 2])
  rp?.optInt('OutputFormat', { invalid: 'InvalidParameter.OutOfRange' }, [0, 4])
  rp?.optInt('MaxMediaFileDuration', { invalid: 'InvalidParameter.OutOfRange' }, [1, 1440])
  const sp = p.obj('StorageParams', { missing: 'MissingParameter.StorageParams' }, true)
  const cloud = sp?.obj('CloudStorage')
  const vod = sp?.obj('CloudVod')
  let filePrefix: string[] = []
  if (sp && !cloud && !vod) sp.reject('MissingParameter.CloudStorage', 'StorageParams needs CloudStorage or CloudVod.')
  if (cloud) {
    // CloudStorage members are all required (L15003–L15035).
    cloud.int('Vendor', { missing: 'MissingParameter.Vendor', invalid: 'InvalidParameter.OutOfRange' }, [0, 1])
    cloud.str('Region', { missing: 'MissingParameter.Region' })
    cloud.str('Bucket', { missing: 'MissingParameter.Bucket' })
    cloud.str('AccessKey', { missing: 'MissingParameter.AccessKey' })
    cloud.str('SecretKey', { missing: 'MissingParameter.SecretKey' })
    filePrefix = cloud.strArray('FileNamePrefix') ?? []
  }
  const roomIdType = (p.optInt('RoomIdType', { invalid: 'InvalidParameter.OutOfRange' }, [0, 1]) ?? 1) as 0 | 1
  // ResourceExpiredHour: default 72, 6–720 (L12898–L12913).
  const expiredHour = p.optInt('ResourceExpiredHour', { invalid: 'InvalidParameter.OutOfRange' }, [6, 720]) ?? 72
  const layout = p.obj('MixLayoutParams')
  layout?.optInt('MixLayoutMode', { invalid: 'InvalidParameter.OutOfRange' }, [1, 4])
  // VideoParams: Fps 1–60, BitRate 64,000–8,192,000 bps (L16391–L16393).
  const vp = p.obj('MixTranscodeParams')?.obj('VideoParams')
  const fps = vp?.optInt('Fps', { invalid: 'InvalidParameter.OutOfRange' }, [1, 60])
  const bitRate = vp?.optInt('BitRate', { invalid: 'InvalidParameter.OutOfRange' }, [64000, 8192000])
  const gop = vp?.optInt('Gop', { invalid: 'InvalidParameter.OutOfRange' })
  const problem = p.firstFailure()
  if (problem) return fail(problem.code, problem.message)
  const secret = ctx.sdkSecretKeys.get(sdkAppId)
  if (!findApp(ctx.world, sdkAppId) || secret === undefined) return fail('InvalidParameter.SdkAppId', `SDKAppID ${sdkAppId} does not belong to this account.`)
  if (roomIdType === 1 && !/^\d+$/.test(roomId)) return fail('InvalidParameter.OutOfRange', 'RoomIdType 1 (32-bit integer) needs a numeric RoomId.')
  const sig = verifyUserSig(userSig, { sdkAppId, sdkSecretKey: secret, nowSeconds: ctx.now, userId })
  if (!sig.ok) return fail('FailedOperation', `The recording robot's UserSig was refused: ${sig.error.message}`)
  const taskId = ctx.nextId('rec')
  tasks.set(taskId, {
    taskId,
    sdkAppId,
    roomId,
    roomIdType,
    recordMode: recordMode === 1 ? 1 : 2,
    toVod: !cloud,
    filePrefix,
    maxIdleTime,
    ...(layout ? { mixLayout: layout.body } : {}),
    ...(vp ? { video: { fps, bitRate, gop } } : {}),
    createdAt: ctx.now,
    expiresAt: ctx.now + expiredHour * 3600,
  })
  return done({ TaskId: taskId })
}

function liveTask(p: Params, ctx: SimContext, tasks: RecordingTasks): RecordingTask | undefined {
  const sdkAppId = p.int('SdkAppId', { missing: 'MissingParameter.SdkAppId', invalid: 'InvalidParameter.SdkAppId' })
  const taskId = p.str('TaskId', { missing: 'MissingParameter.TaskId' })
  if (p.failure) return undefined
  const task = tasks.get(taskId)
  // Query/modify/stop work until ResourceExpiredHour has passed (L12898–L12913).
  if (!task || task.sdkAppId !== sdkAppId || recordingStatus(task, ctx) === 'Gone' || ctx.now >= task.expiresAt) {
    p.reject('ResourceNotFound', `The recording task ${taskId} does not exist or has ended.`)
    return undefined
  }
  return task
}

export function describeCloudRecording(body: Record<string, unknown>, ctx: SimContext, tasks: RecordingTasks): Reply {
  const p = new Params(body)
  const task = liveTask(p, ctx, tasks)
  if (p.failure || !task) return fail(p.failure?.code ?? 'ResourceNotFound', p.failure?.message ?? '')
  const status = recordingStatus(task, ctx)
  // Files being uploaded to VOD are not listed (L13150–L13155); COS files are, under FileNamePrefix.
  const prefix = [...task.filePrefix, task.taskId].join('/')
  const files =
    status === 'Idle' || task.toVod
      ? []
      : task.recordMode === 2
        ? [{ UserId: '', FileName: `${prefix}/${task.taskId}.m3u8`, TrackType: 'audio_video', BeginTimeStamp: task.createdAt }]
        : publishers(task, ctx).map((u) => ({ UserId: u, FileName: `${prefix}/${task.taskId}__UserId_s_${u}.m3u8`, TrackType: 'audio_video', BeginTimeStamp: task.createdAt }))
  return done({ TaskId: task.taskId, Status: status, StorageFileList: files })
}

export function modifyCloudRecording(body: Record<string, unknown>, ctx: SimContext, tasks: RecordingTasks): Reply {
  const p = new Params(body)
  const task = liveTask(p, ctx, tasks)
  const layout = p.obj('MixLayoutParams')
  layout?.int('MixLayoutMode', { invalid: 'InvalidParameter.OutOfRange' }, [1, 4])
  const subscribe = p.obj('SubscribeStreamUserIds')
  const problem = p.firstFailure()
  if (problem || !task) return fail(problem?.code ?? 'ResourceNotFound', problem?.message ?? '')
  // "It works only when a task is in progress." (L13340–L13343)
  if (recordingStatus(task, ctx) === 'Exited') return fail('FailedOperation', 'The recording task is being ended and cannot be modified.')
  // "You need to specify all the parameters for each request" — what is omitted is reset.
  const next: RecordingTask = { ...task }
  delete next.mixLayout
  delete next.subscribe
  if (layout) next.mixLayout = layout.body
  if (subscribe) next.subscribe = subscribe.body
  tasks.set(task.taskId, next)
  return done({ TaskId: task.taskId })
}

export function deleteCloudRecording(body: Record<string, unknown>, ctx: SimContext, tasks: RecordingTasks): Reply {
  const p = new Params(body)
  const task = liveTask(p, ctx, tasks)
  if (p.failure || !task) return fail(p.failure?.code ?? 'ResourceNotFound', p.failure?.message ?? '')
  if (task.deletedAt === undefined) tasks.set(task.taskId, { ...task, deletedAt: ctx.now })
  return done({ TaskId: task.taskId })
}
