// Cloud recordings started from the designer: Create/Modify/Describe/DeleteCloudRecording
// (003_530a54cf0f8c0df7.txt L12776–L13749) with the designed layout, mixed into one stream and
// stored in Tencent Cloud VOD. The robot's UserSig is made here from the profile's SDK secret key,
// so the key never leaves main; VOD storage needs no storage keys.
import type { RecordingOptions, RecordingStartRequest, RecordingTask } from '../../shared/contract/contract'
import { err, ok, type Result } from '../../shared/errors'
import { toCreateCloudRecordingRequest, toModifyCloudRecordingRequest } from '../../shared/layout/compile'
import type { LayoutDoc } from '../../shared/layout/model'
import type { CloudRecordingTaskResponse, DescribeCloudRecordingResponse } from '../../shared/trtc/recording'
import type { Emit } from '../ipc/dispatch'
import type { CloudContext } from '../profiles/cloudContext'
import { invalidLayout, robotFor } from '../mixing/goLive'
import type { ImageProber } from '../mixing/imageProbe'

// MixTranscodeParams for the mixed picture (L15726–L15741, VideoParams L16374–L16395 in bps):
// 15 fps, 1,500 Kbps, a keyframe every 2 s; audio 48 kHz stereo at 64 Kbps (AudioParams L14980–L15001).
const VIDEO = { Fps: 15, BitRate: 1_500_000, Gop: 2 }
const AUDIO = { SampleRate: 1 as const, Channel: 2 as const, BitRate: 64000 }


/** RecordParams and StorageParams of a mixed-stream recording into VOD. */
export function recordingFields(o: RecordingOptions) {
  return {
    // 2: mixed-stream recording, the only mode a layout applies to (L15842–L15850).
    RecordParams: { RecordMode: 2 as const, StreamType: o.streamType, MaxIdleTime: o.maxIdleTime },
    StorageParams: {
      CloudVod: {
        TencentVod: {
          MediaType: o.mediaType,
          // ExpireTime: seconds from now, 0 keeps the files (L16199–L16203).
          ExpireTime: o.expireDays * 86400,
          ...(o.recordId ? { UserDefineRecordId: o.recordId } : {}),
        },
      },
    },
  }
}

type Entry = RecordingTask & { doc: LayoutDoc }

export function createRecordingService(deps: { cloud: CloudContext; emit: Emit; now: () => number; images: ImageProber }) {
  const tasks = new Map<string, Entry>()
  const view = ({ doc: _doc, ...t }: Entry): RecordingTask => t
  const list = (): RecordingTask[] => [...tasks.values()].map(view).sort((a, b) => b.startedAt - a.startedAt)
  const publish = () => deps.emit('recording.tasksChanged', list())

  async function describe(task: Entry): Promise<void> {
    const handle = await deps.cloud.clientFor(task.profileId)
    if (!handle.ok) return
    const r = await handle.value.client.call<DescribeCloudRecordingResponse>('DescribeCloudRecording', { SdkAppId: task.sdkAppId, TaskId: task.taskId }, { region: handle.value.region, priority: 'user', mutating: false })
    task.checkedAt = deps.now()
    if (r.ok) {
      task.status = r.value.Status
      task.files = (r.value.StorageFileList ?? []).map((f) => f.FileName)
    } else if (r.error.code === 'tencent.notFound') {
      // The robot left (MaxIdleTime without an anchor) or the task expired.
      task.status = 'ended'
    } else task.status = 'unknown'
  }

  return {
    list,
    layout(taskId: string): Result<LayoutDoc> {
      const task = tasks.get(taskId)
      return task ? ok(task.doc) : err('request.invalid', 'err.live.recordingNotOurs')
    },
    /** Asks the cloud for the status of every task and publishes the list. */
    async refresh(): Promise<Result<RecordingTask[]>> {
      await Promise.all([...tasks.values()].filter((t) => t.status !== 'ended').map(describe))
      publish()
      return ok(list())
    },
    async start(req: RecordingStartRequest): Promise<Result<RecordingTask>> {
      const bad = await invalidLayout(req.doc, 'recording', { room: { id: req.roomId, type: req.roomIdType } }, deps.images)
      if (bad) return bad
      const robot = await robotFor(deps.cloud, req.sdkAppId, 'recorder', deps.now())
      if (!robot.ok) return robot
      const { profileId, handle, userId, userSig } = robot.value
      const body = toCreateCloudRecordingRequest(req.doc, {
        SdkAppId: req.sdkAppId,
        RoomId: req.roomId,
        // Recording's own encoding: 0 string room, 1 integer room (L12872–L12888).
        RoomIdType: req.roomIdType === 'number' ? 1 : 0,
        UserId: userId,
        UserSig: userSig,
        ...recordingFields(req.options),
        Video: req.options.video ? { Fps: req.options.video.fps, BitRate: req.options.video.bitrateKbps * 1000, Gop: req.options.video.gop } : VIDEO,
        AudioParams: AUDIO,
      })
      const r = await handle.client.call<CloudRecordingTaskResponse>('CreateCloudRecording', body, { region: handle.region, priority: 'user', mutating: true })
      if (!r.ok) return r
      const task: Entry = {
        taskId: r.value.TaskId,
        profileId,
        sdkAppId: req.sdkAppId,
        roomId: req.roomId,
        roomIdType: req.roomIdType,
        startedAt: deps.now(),
        modifications: 0,
        requestId: r.value.RequestId,
        status: 'unknown',
        files: [],
        checkedAt: null,
        // MixTranscodeParams are fixed at creation (ModifyCloudRecording takes only the layout, L13375–L13395).
        canvas: { width: req.doc.canvas.width, height: req.doc.canvas.height },
        doc: req.doc,
      }
      tasks.set(task.taskId, task)
      await describe(task)
      publish()
      return ok(view(task))
    },
    /** ModifyCloudRecording with the whole layout: what is left out is reset (L13340–L13343). */
    async update(taskId: string, doc: LayoutDoc): Promise<Result<RecordingTask>> {
      const task = tasks.get(taskId)
      if (!task) return err('request.invalid', 'err.live.recordingNotOurs')
      const bad = await invalidLayout(doc, 'recording', { room: { id: task.roomId, type: task.roomIdType }, canvas: task.canvas }, deps.images)
      if (bad) return bad
      const handle = await deps.cloud.clientFor(task.profileId)
      if (!handle.ok) return handle
      const body = toModifyCloudRecordingRequest(doc, { SdkAppId: task.sdkAppId, TaskId: taskId })
      const r = await handle.value.client.call<CloudRecordingTaskResponse>('ModifyCloudRecording', body, { region: handle.value.region, priority: 'user', mutating: true })
      if (!r.ok) {
        if (r.error.code === 'tencent.notFound') {
          task.status = 'ended'
          publish()
        }
        return r
      }
      Object.assign(task, { doc, requestId: r.value.RequestId, modifications: task.modifications + 1 })
      publish()
      return ok(view(task))
    },
    async stop(taskId: string): Promise<Result<RecordingTask[]>> {
      const task = tasks.get(taskId)
      if (!task) return ok(list())
      const handle = await deps.cloud.clientFor(task.profileId)
      if (!handle.ok) return handle
      const r = await handle.value.client.call('DeleteCloudRecording', { SdkAppId: task.sdkAppId, TaskId: taskId }, { region: handle.value.region, priority: 'user', mutating: true })
      // A task the cloud no longer knows has stopped all the same.
      if (!r.ok && r.error.code !== 'tencent.notFound') return r
      tasks.delete(taskId)
      publish()
      return ok(list())
    },
  }
}

export type RecordingService = ReturnType<typeof createRecordingService>
