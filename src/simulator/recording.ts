// Cloud recording tasks (003_530a54cf0f8c0df7.txt L12776–L13749). Status follows the room: Idle until
// an anchor publishes, InProgress while one does, Exited for a short while after DeleteCloudRecording
// ("The task is being ended", L13207–L13212), then the task is gone.
import { verifyUserSig } from '../main/usersig/tlsSig'
import type { SimContext } from './context'
import { isStringRoomId, isUserId, parseNumericRoomId } from '../shared/trtc/roomId'
import { codesOf, done, fail, Params, type DefaultCodes, type Reply } from './params'
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
  /** The mixed canvas: MixTranscodeParams.VideoParams, or 360 × 640 without it. */
  canvas: { w: number; h: number }
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

// CreateCloudRecording's error table (L13088–L13145) documents InvalidParameter.OutOfRange for wrong
// values and MissingParameter.* for absent ones; Modify's and Delete's likewise (L13537–L13564, L13713–L13749).
const REC_CODES: DefaultCodes = { missing: 'MissingParameter', invalid: 'InvalidParameter.OutOfRange', range: 'InvalidParameter.OutOfRange' }

const REC_COLOR = /^#[0-9a-fA-F]{6}$/
const HTTP_URL = /^https?:\/\/[^\s/?#]+[^\s]*$/
const CJK = /[\u3000-\u303f\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff00-\uffef]/
/** "The maximum number of streams one can receive at the same time is 25. When streams are mixed, up to 24 videos are supported." (L16104–L16107) */
const MAX_MIXED_VIDEOS = 24
/** The canvas without MixTranscodeParams.VideoParams: 360 × 640 (L16385, L16390). */
export const DEFAULT_CANVAS = { w: 360, h: 640 }

function optUrl(p: Params, name: string, required = false, noCjk = false): void {
  // Image members are JPG/PNG URLs the cloud downloads (L15577–L15583, L15675–L15702, L16453). rule: image.url
  const v = required ? p.str(name) : p.optStr(name)
  if (v === undefined || p.firstFailure()) return
  if (!HTTP_URL.test(v)) p.reject(undefined, `${name} is not an http(s) URL.`)
  // BackgroundImageUrl "cannot contain Chinese characters" (L15675–L15677). rule: image.cjk
  else if (noCjk && CJK.test(v)) p.reject(undefined, `${name} cannot contain Chinese characters.`)
}

function userIdOk(p: Params, name: string, id: string | undefined, pattern = false): void {
  // User IDs: letters, digits, _ and - (002_397368d6e2c38332.txt L66); subscription lists may end an ID with ".*$" as a prefix match (L16108–L16111). rule: user.id
  if (id === undefined || p.firstFailure()) return
  const bare = pattern && id.endsWith('.*$') ? id.slice(0, -3) : id
  if (!isUserId(bare)) p.reject(undefined, `${name} "${id}" may contain only letters, digits, underscores and hyphens.`)
}

/** SubscribeStreamUserIds (L16103–L16170): at most 32 IDs per list, not an allowlist and a blocklist of one kind together. */
export function readSubscribe(p: Params): void {
  const s = p.obj('SubscribeStreamUserIds')
  if (!s) return
  const lists = Object.fromEntries(['SubscribeAudioUserIds', 'UnSubscribeAudioUserIds', 'SubscribeVideoUserIds', 'UnSubscribeVideoUserIds'].map((k) => [k, s.strArray(k) ?? []]))
  for (const [k, ids] of Object.entries(lists)) {
    if (ids.length > 32) s.reject(undefined, `${k} holds at most 32 user IDs.`) // rule: audio.count
    for (const id of ids) userIdOk(s, k, id, true)
  }
  const n = (k: string): number => lists[k]?.length ?? 0
  // rule: audio.bothLists
  if (n('SubscribeAudioUserIds') > 0 && n('UnSubscribeAudioUserIds') > 0) s.reject(undefined, 'An audio allowlist and blocklist cannot be given together.')
  if (n('SubscribeVideoUserIds') > 0 && n('UnSubscribeVideoUserIds') > 0) s.reject(undefined, 'A video allowlist and blocklist cannot be given together.')
}

/** MixLayoutParams (L15584–L15724) on a canvas of w × h; the stored copy is the body as given. */
export function readMixLayout(p: Params, canvas: { w: number; h: number }): Record<string, unknown> | undefined {
  const layout = p.obj('MixLayoutParams')
  if (!layout) return undefined
  const { w: W, h: H } = canvas
  const mode = layout.int('MixLayoutMode', {}, [1, 4]) // required (L15590)
  const list = layout.objArray('MixLayoutList') ?? []
  if (mode === 4) {
    // rule: tiles.none, tiles.count
    if (list.length === 0) layout.reject(undefined, 'MixLayoutMode 4 (custom) needs a MixLayoutList.')
    if (list.length > MAX_MIXED_VIDEOS) layout.reject(undefined, `MixLayoutList holds ${list.length} windows; a mixed recording shows up to ${MAX_MIXED_VIDEOS} videos (L15642, L16106).`)
    const named = new Set<string>()
    for (const t of list) {
      // MixLayout: Top/Left/Width/Height required, [0, 1920], within the canvas (L15524–L15539). rule: tile.range, tile.right, tile.bottom
      const top = t.int('Top', {}, [0, 1920])
      const left = t.int('Left', {}, [0, 1920])
      const width = t.int('Width', {}, [0, 1920])
      const height = t.int('Height', {}, [0, 1920])
      if (!t.firstFailure() && (left + width > W || top + height > H)) t.reject(undefined, `A MixLayoutList window (${left},${top} ${width}×${height}) does not fit the ${W}×${H} canvas.`)
      const userId = t.optStr('UserId')
      userIdOk(t, 'UserId', userId)
      t.optInt('Alpha', {}, [0, 255]) // L15543–L15546 rule: tile.alpha
      t.optInt('RenderMode', {}, [0, 3]) // L15548–L15567
      const mediaId = t.optInt('MediaId', {}, [0, 1]) ?? 0 // L15569–L15572
      t.optInt('ImageLayer', {}, [0, Number.MAX_SAFE_INTEGER]) // "0 … means the bottommost layer" (L15574–L15575) rule: tile.layer
      optUrl(t, 'SubBackgroundImage')
      if (userId !== undefined && !t.firstFailure()) {
        // One stream cannot hold two windows. rule: binding.duplicate
        const key = `${userId}\u0000${mediaId}`
        if (named.has(key)) t.reject(undefined, `${userId} is named in two windows.`)
        named.add(key)
      }
    }
  }
  // "#RRGGBB" (L15645–L15652). rule: color.format
  const color = layout.optStr('BackGroundColor')
  if (color !== undefined && !REC_COLOR.test(color)) layout.reject(undefined, `BackGroundColor "${color}" is not of the form #RRGGBB.`)
  userIdOk(layout, 'MaxResolutionUserId', layout.optStr('MaxResolutionUserId'))
  layout.optInt('MediaId', {}, [0, 1])
  optUrl(layout, 'BackgroundImageUrl', false, true)
  layout.optInt('PlaceHolderMode', {}, [0, 1]) // L15680–L15686
  layout.optInt('BackgroundImageRenderMode', {}, [0, 3]) // L15688–L15693
  optUrl(layout, 'DefaultSubBackgroundImage')
  layout.optInt('RenderMode', {}, [0, 3]) // L15710–L15716
  layout.optInt('MaxResolutionUserAlign', {}, [0, 1]) // L15718–L15724
  const marks = layout.objArray('WaterMarkList') ?? []
  if (marks.length > 25) layout.reject(undefined, 'WaterMarkList supports up to 25 watermarks.') // L15704–L15705 rule: watermarks.count
  for (const m of marks) {
    const type = m.optInt('WaterMarkType', {}, [0, 2]) ?? 0
    // "1: text (not supported yet)" (L16405–L16406). rule: watermark.textUnsupported
    if (type === 1 && !m.firstFailure()) m.reject('UnsupportedOperation', 'Text watermarks are not supported yet.')
    if (type === 0) {
      const img = m.obj('WaterMarkImage', {}, true)
      if (!img) continue
      optUrl(img, 'WaterMarkUrl', true)
      // [0, 2560], within the canvas (L16456–L16470). rule: watermark.range, watermark.bounds, watermark.integer
      const top = img.int('Top', {}, [0, 2560])
      const left = img.int('Left', {}, [0, 2560])
      const width = img.int('Width', {}, [0, 2560])
      const height = img.int('Height', {}, [0, 2560])
      if (!img.firstFailure() && (left + width > W || top + height > H)) img.reject(undefined, 'A watermark image does not fit the canvas.')
    }
    if (type === 2) {
      const ts = m.obj('WaterMarkTimestamp', {}, true)
      ts?.int('Pos', {}, [0, 6]) // L16477–L16480
      ts?.optInt('TimeZone')
    }
  }
  return layout.body
}

export function createCloudRecording(body: Record<string, unknown>, ctx: SimContext, tasks: RecordingTasks): Reply {
  const p = new Params(body, codesOf('CreateCloudRecording', REC_CODES))
  const sdkAppId = p.int('SdkAppId', { missing: 'MissingParameter.SdkAppId', invalid: 'InvalidParameter.SdkAppId' })
  const roomId = p.str('RoomId', { missing: 'MissingParameter.RoomId' })
  const userId = p.str('UserId', { missing: 'MissingParameter.UserId' })
  const userSig = p.str('UserSig', { missing: 'MissingParameter.UserSig' })
  const rp = p.obj('RecordParams', { missing: 'MissingParameter.RecordParams' }, true)
  // RecordParams (L15833–L15911).
  const recordMode = rp?.int('RecordMode', { missing: 'MissingParameter.RecordMode' }, [1, 2])
  const maxIdleTime = rp?.optInt('MaxIdleTime', {}, [5, 86400]) ?? 30
  const streamType = rp?.optInt('StreamType', {}, [0, 2]) ?? 0
  rp?.optInt('OutputFormat', {}, [0, 4])
  rp?.optInt('AvMerge', {}, [0, 1])
  rp?.optInt('MaxMediaFileDuration', {}, [1, 1440])
  rp?.optInt('MediaId', {}, [0, 2])
  if (rp) readSubscribe(rp)
  const sp = p.obj('StorageParams', { missing: 'MissingParameter.StorageParams' }, true)
  const cloud = sp?.obj('CloudStorage')
  const vod = sp?.obj('CloudVod')
  let filePrefix: string[] = []
  if (sp && !cloud && !vod) sp.reject('MissingParameter.CloudStorage', 'StorageParams needs CloudStorage or CloudVod.')
  if (cloud) {
    // CloudStorage members are all required (L15003–L15035).
    cloud.int('Vendor', { missing: 'MissingParameter.Vendor' }, [0, 1])
    cloud.str('Region', { missing: 'MissingParameter.Region' })
    cloud.str('Bucket', { missing: 'MissingParameter.Bucket' })
    cloud.str('AccessKey', { missing: 'MissingParameter.AccessKey' })
    cloud.str('SecretKey', { missing: 'MissingParameter.SecretKey' })
    filePrefix = cloud.strArray('FileNamePrefix') ?? []
    if (!cloud.failure && filePrefix.some((x) => !/^[A-Za-z0-9_-]+$/.test(x))) cloud.reject(undefined, 'FileNamePrefix may hold letters, digits, _ and -.') // L15027–L15033
  }
  const tv = vod?.obj('TencentVod')
  if (tv) {
    // TencentVod (L16187–L16238): MediaType 0–4, AAC only for audio-only recordings; UserDefineRecordId ≤ 64 bytes of letters, digits, _ and -.
    const mediaType = tv.optInt('MediaType', {}, [0, 4])
    if (!tv.failure && mediaType === 2 && streamType !== 1) tv.reject(undefined, 'MediaType 2 (AAC) is valid only if StreamType is 1.')
    const rid = tv.optStr('UserDefineRecordId')
    if (rid !== undefined && !tv.failure && !/^[A-Za-z0-9_-]{1,64}$/.test(rid)) tv.reject(undefined, 'UserDefineRecordId may hold up to 64 letters, digits, _ and -.')
    tv.optInt('ExpireTime', {}, [0, Number.MAX_SAFE_INTEGER])
  }
  const roomIdType = (p.optInt('RoomIdType', {}, [0, 1]) ?? 1) as 0 | 1
  // ResourceExpiredHour: default 72, 6–720 (L12898–L12913).
  const expiredHour = p.optInt('ResourceExpiredHour', {}, [6, 720]) ?? 72
  // MixTranscodeParams: "If you set this parameter, you must specify all its fields." (L15726–L15741)
  const mt = p.obj('MixTranscodeParams')
  const vp = mt?.obj('VideoParams')
  // VideoParams (L16374–L16395): sides ≤ 1920, area ≤ 1920 × 1080, Fps 1–60, BitRate 64,000–8,192,000 bps, Gop (no range stated). rule: canvas.width, canvas.height, canvas.area
  const width = vp?.int('Width', {}, [0, 1920])
  const height = vp?.int('Height', {}, [0, 1920])
  if (vp && !vp.failure && (width ?? 0) * (height ?? 0) > 1920 * 1080) vp.reject(undefined, 'VideoParams Width × Height cannot exceed 1920 × 1080.')
  const fps = vp?.int('Fps', {}, [1, 60])
  const bitRate = vp?.int('BitRate', {}, [64000, 8192000])
  const gop = vp?.int('Gop', {}, [1, Number.MAX_SAFE_INTEGER])
  const ap = mt?.obj('AudioParams')
  // AudioParams (L14980–L15001): SampleRate 1–3, Channel 1–2, BitRate 32,000–128,000 bps.
  ap?.int('SampleRate', {}, [1, 3])
  ap?.int('Channel', {}, [1, 2])
  ap?.int('BitRate', {}, [32000, 128000])
  const canvas = vp ? { w: width ?? 0, h: height ?? 0 } : DEFAULT_CANVAS
  const mixLayout = readMixLayout(p, canvas)
  const problem = p.firstFailure()
  if (problem) return fail(problem.code, problem.message)
  const secret = ctx.sdkSecretKeys.get(sdkAppId)
  if (!findApp(ctx.world, sdkAppId) || secret === undefined) return fail('InvalidParameter.SdkAppId', `SDKAppID ${sdkAppId} does not belong to this account.`)
  // RoomIdType 0 string, 1 32-bit integer (L12872–L12888); integer rooms 1–4294967295 (000_b308e910fed97ab3.txt L32).
  if (roomIdType === 1 ? parseNumericRoomId(roomId) === null : !isStringRoomId(roomId)) return fail('InvalidParameter.OutOfRange', `RoomId "${roomId}" is not a valid ${roomIdType === 1 ? 'integer' : 'string'} room ID.`)
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
    canvas,
    ...(mixLayout ? { mixLayout } : {}),
    ...(vp ? { video: { fps, bitRate, gop } } : {}),
    createdAt: ctx.now,
    expiresAt: ctx.now + expiredHour * 3600,
  })
  return done({ TaskId: taskId })
}

function liveTask(p: Params, ctx: SimContext, tasks: RecordingTasks): RecordingTask | undefined {
  const sdkAppId = p.int('SdkAppId', { missing: 'MissingParameter.SdkAppId' })
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
  const p = new Params(body, codesOf('DescribeCloudRecording', REC_CODES))
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
  const p = new Params(body, codesOf('ModifyCloudRecording', REC_CODES))
  const task = liveTask(p, ctx, tasks)
  // The layout is checked against the canvas the task was created with (MixTranscodeParams cannot be modified, L13375–L13395).
  const layout = task ? readMixLayout(p, task.canvas) : undefined
  readSubscribe(p)
  const subscribe = p.obj('SubscribeStreamUserIds')
  const problem = p.firstFailure()
  if (problem || !task) return fail(problem?.code ?? 'ResourceNotFound', problem?.message ?? '')
  // "It works only when a task is in progress." (L13340–L13343)
  if (recordingStatus(task, ctx) === 'Exited') return fail('FailedOperation', 'The recording task is being ended and cannot be modified.')
  // "You need to specify all the parameters for each request" — what is omitted is reset.
  const next: RecordingTask = { ...task }
  delete next.mixLayout
  delete next.subscribe
  if (layout) next.mixLayout = layout
  if (subscribe) next.subscribe = subscribe.body
  tasks.set(task.taskId, next)
  return done({ TaskId: task.taskId })
}

export function deleteCloudRecording(body: Record<string, unknown>, ctx: SimContext, tasks: RecordingTasks): Reply {
  const p = new Params(body, codesOf('DeleteCloudRecording', REC_CODES))
  const task = liveTask(p, ctx, tasks)
  if (p.failure || !task) return fail(p.failure?.code ?? 'ResourceNotFound', p.failure?.message ?? '')
  if (task.deletedAt === undefined) tasks.set(task.taskId, { ...task, deletedAt: ctx.now })
  return done({ TaskId: task.taskId })
}
