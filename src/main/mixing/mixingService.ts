// Live mixing tasks started from this app: Start/Update/StopPublishCdnStream with a layout from the
// designer. The robot's UserSig is made here from the profile's SDK secret key, so the key never
// leaves main. SequenceNumber grows by itself with every update (003_530a54cf0f8c0df7.txt L2266–L2269).
import type { MixStartRequest, MixTask } from '../../shared/contract/contract'
import { err, ok, type Result } from '../../shared/errors'
import { toStartPublishCdnStreamRequest, toUpdatePublishCdnStreamRequest } from '../../shared/layout/compile'
import type { LayoutDoc } from '../../shared/layout/model'
import type { PublishCdnStreamResponse } from '../../shared/trtc/mixing'
import type { Emit } from '../ipc/dispatch'
import type { CloudContext } from '../profiles/cloudContext'
import { DEMO_PROFILE_ID } from '../profiles/cloudContext'
import { invalidLayout, robotFor } from './goLive'
import type { ImageProber } from './imageProbe'

// Defaults for a mixed picture when the user gives none: 15 fps, 1,500 Kbps, a keyframe every
// 2 s (VideoEncode L15440–L15480 leaves the choice to the caller).
const defaultEncode = { Fps: 15, BitRate: 1500, Gop: 2 }
// AudioParams is "required when you start a relay task" (L2355–L2361): 48 kHz stereo at 64 Kbps.
const defaultAudio = { SampleRate: 48000 as const, Channel: 2 as const, BitRate: 64 }
// The robot leaves this long after the room empties (AgentParams.MaxIdleTime, L14934–L14956).
const ROBOT_IDLE_S = 30

export function createMixingService(deps: { cloud: CloudContext; emit: Emit; now: () => number; images: ImageProber }) {
  const tasks = new Map<string, MixTask & { doc: LayoutDoc }>()
  const publish = () => deps.emit('mixing.tasksChanged', list())
  const list = (): MixTask[] => [...tasks.values()].map(({ doc: _doc, ...t }) => t).sort((a, b) => b.startedAt - a.startedAt)

  return {
    list,
    /** The layout the task was last given, for comparing with what its stream says. */
    layout(taskId: string): Result<LayoutDoc> {
      const task = tasks.get(taskId)
      return task ? ok(task.doc) : err('request.invalid', 'err.live.mixNotOurs')
    },
    async start(req: MixStartRequest): Promise<Result<MixTask>> {
      const bad = await invalidLayout(req.doc, 'mcu', { room: { id: req.roomId, type: req.roomIdType } }, deps.images)
      if (bad) return bad
      const robot = await robotFor(deps.cloud, req.sdkAppId, 'mixer', deps.now())
      if (!robot.ok) return robot
      const { profileId, handle, userId, userSig } = robot.value
      const body = toStartPublishCdnStreamRequest(req.doc, {
        SdkAppId: req.sdkAppId,
        RoomId: req.roomId,
        // McuLayout family: 0 = integer room, 1 = string room (L2337).
        RoomIdType: req.roomIdType === 'number' ? 0 : 1,
        AgentParams: { UserId: userId, UserSig: userSig, MaxIdleTime: ROBOT_IDLE_S },
        VideoEncode: req.video ? { Fps: req.video.fps, BitRate: req.video.bitrateKbps, Gop: req.video.gop } : defaultEncode,
        AudioEncode: defaultAudio,
        ...(req.cdnUrls.length ? { PublishCdnParams: req.cdnUrls.map((u) => ({ PublishCdnUrl: u, IsTencentCdn: 0 as const })) } : {}),
      })
      const r = await handle.client.call<PublishCdnStreamResponse>('StartPublishCdnStream', body, { region: handle.region, priority: 'user', mutating: true })
      if (!r.ok) return r
      const demo = profileId === DEMO_PROFILE_ID ? await deps.cloud.demoEndpoint() : null
      const task = {
        taskId: r.value.TaskId,
        profileId,
        sdkAppId: req.sdkAppId,
        roomId: req.roomId,
        roomIdType: req.roomIdType,
        startedAt: deps.now(),
        sequence: 0,
        requestId: r.value.RequestId,
        // The simulator serves every task as HTTP-FLV; a real task plays where the user says its CDN does.
        liveUrl: demo ? `${demo}/live/${encodeURIComponent(r.value.TaskId)}.flv` : (req.playUrl ?? null),
        // VideoEncode cannot change while the task runs (L2256–L2258): every update keeps this canvas.
        canvas: { width: req.doc.canvas.width, height: req.doc.canvas.height },
        doc: req.doc,
      }
      tasks.set(task.taskId, task)
      publish()
      const { doc: _doc, ...view } = task
      return ok(view)
    },
    async update(taskId: string, doc: LayoutDoc): Promise<Result<MixTask>> {
      const task = tasks.get(taskId)
      if (!task) return err('request.invalid', 'err.live.mixNotOurs')
      const bad = await invalidLayout(doc, 'mcu', { room: { id: task.roomId, type: task.roomIdType }, canvas: task.canvas }, deps.images)
      if (bad) return bad
      const handle = await deps.cloud.clientFor(task.profileId)
      if (!handle.ok) return handle
      const sequence = task.sequence + 1
      const body = toUpdatePublishCdnStreamRequest(doc, { SdkAppId: task.sdkAppId, TaskId: taskId, SequenceNumber: sequence, MainRoom: { roomId: task.roomId, roomIdType: task.roomIdType } })
      const r = await handle.value.client.call<PublishCdnStreamResponse>('UpdatePublishCdnStream', body, { region: handle.value.region, priority: 'user', mutating: true })
      if (!r.ok) return r
      Object.assign(task, { sequence, doc, requestId: r.value.RequestId })
      publish()
      const { doc: _doc, ...view } = task
      return ok(view)
    },
    async stop(taskId: string): Promise<Result<MixTask[]>> {
      const task = tasks.get(taskId)
      if (!task) return ok(list())
      const handle = await deps.cloud.clientFor(task.profileId)
      if (!handle.ok) return handle
      const r = await handle.value.client.call('StopPublishCdnStream', { SdkAppId: task.sdkAppId, TaskId: taskId }, { region: handle.value.region, priority: 'user', mutating: true })
      // A task the cloud no longer knows is stopped all the same.
      if (!r.ok && r.error.code !== 'tencent.notFound') return r
      tasks.delete(taskId)
      publish()
      return ok(list())
    },
  }
}

export type MixingService = ReturnType<typeof createMixingService>
