import { execFileSync } from 'node:child_process'
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { genUserSig } from '../main/usersig/tlsSig'
import { decodeVolumeLayout } from '../shared/media/volumeLayout'
import { startSimulator, type Simulator } from './server'
import { errorCode, signedCall, type CallOptions } from './signedCall'
import { inRoomAt, roomActive, roomsInRange, sessionsAt, type Room, type SessionView } from './world'

const BASE = Date.UTC(2026, 4, 20, 9, 30, 0)
const realStart = Date.now()
let shift = 0
const clock = (): number => BASE + (Date.now() - realStart) + shift
const now = (): number => Math.floor(clock() / 1000)

let sim: Simulator
let opts: CallOptions

beforeAll(async () => {
  sim = await startSimulator({ seed: 'operations', clock })
  opts = { endpoint: sim.endpoint, secretId: sim.credentials.secretId, secretKey: sim.credentials.secretKey, region: 'ap-guangzhou' }
})
afterAll(async () => {
  await sim.close()
})

const raw = (action: string, body: unknown) => signedCall(action, body, { ...opts, timestamp: now() })
async function call(action: string, body: unknown): Promise<Record<string, unknown>> {
  const r = await raw(action, body)
  expect(errorCode(r), JSON.stringify(r.response['Error'])).toBeUndefined()
  return r.response
}

const used = new Set<string>()

/** A live room of the demo app, not used by an earlier test, with at least `anchors` anchors sending video. */
function liveRoom(isString: boolean, anchors: number): { room: Room; people: SessionView[] } {
  const app = sim.world.apps[0]!
  const t = now()
  const overlay = { removed: new Map(), blocked: new Map(), dismissed: new Map(), robots: new Map() }
  for (const room of roomsInRange(sim.world, app, t, t, t, overlay)) {
    if (used.has(room.commId) || room.isString !== isString || !roomActive(room, overlay, t + 120)) continue
    const people = sessionsAt(sim.world, room, overlay, t).filter((s) => inRoomAt(s, t) && inRoomAt(s, t + 120))
    if (people.filter((s) => s.role === 'anchor' && s.hasVideo).length >= anchors && people.length >= 2) {
      used.add(room.commId)
      return { room, people }
    }
  }
  throw new Error('the seeded world has no suitable live room')
}

describe('moderation effects', () => {
  it('blocks, removes and dismisses, and later Describe* calls show it', async () => {
    const { room, people } = liveRoom(false, 1)
    const app = sim.credentials.sdkAppId
    const anchor = people.find((s) => s.role === 'anchor' && s.hasVideo)!
    const other = people.find((s) => s !== anchor)!
    await call('SetUserBlocked', { SdkAppId: app, RoomId: Number(room.roomId), UserId: anchor.userId, IsMute: 1 })
    // Measured after the answer (plus a second for the API's second resolution): on a loaded machine
    // the request may reach the server well after it was sent.
    const blockedAt = now() + 1
    shift += 20_000
    const detail = (await call('DescribeCallDetailInfo', { SdkAppId: app, CommId: room.commId, StartTime: blockedAt - 20, EndTime: now(), UserIds: [anchor.userId], DataType: ['aBit', 'bigvBit'] })) as {
      Data: Array<{ DataType: string; Content: Array<{ Time: number; Value: number }> }>
    }
    for (const series of detail.Data) {
      const before = series.Content.filter((p) => p.Time < blockedAt)
      const after = series.Content.filter((p) => p.Time >= blockedAt)
      expect(before.some((p) => p.Value > 0), series.DataType).toBe(true)
      expect(after.length).toBeGreaterThan(5)
      expect(after.every((p) => p.Value === 0), series.DataType).toBe(true)
    }
    const evBody = { SdkAppId: app, CommId: room.commId, RoomId: room.roomId, StartTime: blockedAt - 1, EndTime: now() }
    const blockedEvents = (await call('DescribeUserEvent', { ...evBody, UserId: anchor.userId })) as { Data: Array<{ Content: Array<{ EventId: number; ParamOne: number }> }> }
    const ids = blockedEvents.Data[0]!.Content.map((e) => `${e.EventId}:${e.ParamOne}`)
    expect(ids.some((x) => x === '3001:1' || x === '32771:-1')).toBe(true) // muted (SDK) / disabled audio (WebRTC)

    const kickedAt = now()
    await call('RemoveUser', { SdkAppId: app, RoomId: Number(room.roomId), UserIds: [other.userId] })
    shift += 5_000
    const users = (await call('DescribeUserInfo', { SdkAppId: app, CommId: room.commId, StartTime: kickedAt - 60, EndTime: now(), UserIds: [other.userId] })) as {
      UserList: Array<{ UserId: string; LeaveTs: number; Finished: boolean }>
    }
    expect(users.UserList[0]).toMatchObject({ UserId: other.userId, LeaveTs: kickedAt, Finished: true })
    const leave = (await call('DescribeUserEvent', { ...evBody, StartTime: kickedAt - 1, UserId: other.userId })) as { Data: Array<{ Content: Array<{ EventId: number; ParamOne: number }> }> }
    const leaveIds = leave.Data[0]!.Content.map((e) => `${e.EventId}:${e.ParamOne}`)
    expect(leaveIds.some((x) => x === '7001:2' || x === '32789:-1')).toBe(true) // kicked out (SDK) / exited (WebRTC)
    expect(errorCode(await raw('SetUserBlocked', { SdkAppId: app, RoomId: Number(room.roomId), UserId: other.userId, IsMute: 0 }))).toBe('FailedOperation.UserNotExist')

    const dismissedAt = now()
    await call('DismissRoom', { SdkAppId: app, RoomId: Number(room.roomId) })
    shift += 2_000
    const rooms = (await call('DescribeRoomInfo', { SdkAppId: app, StartTime: now() - 600, EndTime: now(), RoomId: room.roomId })) as {
      RoomList: Array<{ CommId: string; IsFinished: boolean; DestroyTime: number }>
    }
    expect(rooms.RoomList.find((r) => r.CommId === room.commId)).toMatchObject({ IsFinished: true, DestroyTime: dismissedAt })
    expect(errorCode(await raw('DismissRoom', { SdkAppId: app, RoomId: Number(room.roomId) }))).toBe('FailedOperation.RoomNotExist')
  })

  it('validates moderation parameters with the documented codes', async () => {
    const app = sim.credentials.sdkAppId
    expect(errorCode(await raw('RemoveUser', { SdkAppId: app, RoomId: 1234 }))).toBe('MissingParameter.UserIds')
    expect(errorCode(await raw('RemoveUser', { SdkAppId: app, RoomId: 1234, UserIds: Array.from({ length: 11 }, (_, i) => `u${i}`) }))).toBe('InvalidParameter.UserIds')
    expect(errorCode(await raw('SetUserBlocked', { SdkAppId: app, RoomId: 'abc', UserId: 'u', IsMute: 1 }))).toBe('InvalidParameter.RoomId')
    expect(errorCode(await raw('SetUserBlocked', { SdkAppId: 42, RoomId: 1, UserId: 'u', IsMute: 1 }))).toBe('FailedOperation.SdkAppIdNotExist')
    expect(errorCode(await raw('DismissRoom', { SdkAppId: app }))).toBe('MissingParameter.RoomId')
    expect(errorCode(await raw('DismissRoomByStrRoomId', { SdkAppId: app, RoomId: 'no-such-room' }))).toBe('FailedOperation.RoomNotExist')
  })

  it('works on string rooms through the ByStrRoomId actions', async () => {
    const { room, people } = liveRoom(true, 1)
    const app = sim.credentials.sdkAppId
    const target = people[people.length - 1]!
    await call('SetUserBlockedByStrRoomId', { SdkAppId: app, StrRoomId: room.roomId, UserId: target.userId, IsMute: 2 })
    await call('RemoveUserByStrRoomId', { SdkAppId: app, RoomId: room.roomId, UserIds: [target.userId] })
    await call('DismissRoomByStrRoomId', { SdkAppId: app, RoomId: room.roomId })
    expect(errorCode(await raw('DismissRoomByStrRoomId', { SdkAppId: app, RoomId: room.roomId }))).toBe('FailedOperation.RoomNotExist')
  })
})

// ---------------------------------------------------------------- mixing and live stream

interface SeiFound {
  payloadType: number
  text: string
}

/** An independent FLV + H.264 SEI reader, so the stream is checked by code other than what wrote it. */
function readSei(flv: Uint8Array): { seis: SeiFound[]; videoTags: number } {
  const seis: SeiFound[] = []
  let videoTags = 0
  let o = 13
  while (o + 11 <= flv.length) {
    const size = (flv[o + 1]! << 16) | (flv[o + 2]! << 8) | flv[o + 3]!
    if (o + 11 + size + 4 > flv.length) break
    const data = flv.subarray(o + 11, o + 11 + size)
    if (flv[o] === 9 && data[1] === 1) {
      videoTags++
      let p = 5
      while (p + 4 <= data.length) {
        const len = new DataView(data.buffer, data.byteOffset + p).getUint32(0)
        const nal = data.subarray(p + 4, p + 4 + len)
        if ((nal[0]! & 0x1f) === 6) {
          const rbsp: number[] = []
          for (let i = 1, zeros = 0; i < nal.length; i++) {
            if (zeros >= 2 && nal[i] === 3) {
              zeros = 0
              continue
            }
            rbsp.push(nal[i]!)
            zeros = nal[i] === 0 ? zeros + 1 : 0
          }
          let q = 0
          while (q < rbsp.length - 1) {
            let type = 0
            while (rbsp[q] === 255) type += rbsp[q++]!
            type += rbsp[q++]!
            let sz = 0
            while (rbsp[q] === 255) sz += rbsp[q++]!
            sz += rbsp[q++]!
            const payload = Uint8Array.from(rbsp.slice(q, q + sz))
            seis.push({ payloadType: type, text: Buffer.from(type === 5 ? payload.subarray(16) : payload).toString('utf8') })
            q += sz
          }
        }
        p += 4 + len
      }
    }
    o += 11 + size + 4
  }
  return { seis, videoTags }
}

async function capture(url: string, ms: number): Promise<Uint8Array> {
  const ac = new AbortController()
  const res = await fetch(url, { signal: ac.signal })
  expect(res.headers.get('content-type')).toBe('video/x-flv')
  const chunks: Uint8Array[] = []
  const reader = res.body!.getReader()
  const timer = setTimeout(() => ac.abort(), ms)
  try {
    for (;;) {
      const { done, value } = await reader.read()
      if (done) break
      chunks.push(value)
    }
  } catch {
    // aborted: the capture window is over
  } finally {
    clearTimeout(timer)
  }
  return Buffer.concat(chunks)
}

describe('mixing', () => {
  it('streams H.264 FLV with the layout SEI of the current layout, and follows updates', async () => {
    const { room, people } = liveRoom(false, 2)
    const [a, b] = people.filter((s) => s.role === 'anchor' && s.hasVideo) as [SessionView, SessionView]
    const app = sim.credentials.sdkAppId
    const tile = (user: SessionView, x: number) => ({
      UserMediaStream: { UserInfo: { UserId: user.userId, RoomId: room.roomId, RoomIdType: 0 } },
      LocationX: x,
      LocationY: 0,
      ImageWidth: 640,
      ImageHeight: 720,
      ZOrder: 1,
    })
    const robot = 'mixer_robot_1'
    const started = (await call('StartPublishCdnStream', {
      SdkAppId: app,
      RoomId: room.roomId,
      RoomIdType: 0,
      AgentParams: { UserId: robot, UserSig: genUserSig({ sdkAppId: app, sdkSecretKey: sim.credentials.sdkSecretKey, userId: robot, expireSeconds: 600, nowSeconds: now() }) },
      WithTranscoding: 1,
      AudioParams: { AudioEncode: { SampleRate: 48000, Channel: 2, BitRate: 64 } },
      VideoParams: { VideoEncode: { Width: 1280, Height: 720, Fps: 15, BitRate: 1500, Gop: 2 }, LayoutParams: { MixLayoutMode: 4, MixLayoutList: [tile(a, 0), tile(b, 640)] } },
      PublishCdnParams: [{ PublishCdnUrl: 'rtmp://127.0.0.1/live/test', IsTencentCdn: 1 }],
      SeiParams: { LayoutVolume: { AppData: 'layout_sei_test', PayloadType: 100, Interval: 200 }, PassThrough: { PayloadType: 5, PayloadUuid: '0123456789abcdef0123456789abcdef', PayloadContent: 'hello' } },
    })) as { TaskId: string }
    const url = `${sim.endpoint}/live/${encodeURIComponent(started.TaskId)}.flv`

    const first = await capture(url, 1500)
    const dir = mkdtempSync(join(tmpdir(), 'sim-flv-'))
    writeFileSync(join(dir, 'cap.flv'), first)
    const probe = JSON.parse(execFileSync('ffprobe', ['-v', 'error', '-show_streams', '-of', 'json', join(dir, 'cap.flv')]).toString()) as { streams: Array<{ codec_name: string; width: number; height: number }> }
    expect(probe.streams[0]).toMatchObject({ codec_name: 'h264', width: 640, height: 360 })
    const read1 = readSei(first)
    expect(read1.videoTags).toBeGreaterThanOrEqual(15)
    const decoded = read1.seis.filter((s) => s.payloadType === 100).map((s) => decodeVolumeLayout(s.text))
    expect(decoded.every((d) => d.warnings.length === 0)).toBe(true)
    const layouts1 = decoded.flatMap((d) => (d.layout ? [d.layout] : []))
    expect(layouts1.length).toBeGreaterThanOrEqual(2)
    expect(layouts1[0]).toMatchObject({ app_data: 'layout_sei_test', canvas: { w: 1280, h: 720 }, ver: '1.0' })
    expect(layouts1[0]!.regions.map((r) => [r.uid, r.x, r.w])).toEqual([
      [a.userId, 0, 640],
      [b.userId, 640, 640],
    ])
    expect(read1.seis.some((s) => s.payloadType === 5 && s.text === 'hello')).toBe(true)

    const stale = await raw('UpdatePublishCdnStream', { SdkAppId: app, TaskId: started.TaskId, SequenceNumber: 5, WithTranscoding: 1 })
    expect(errorCode(stale)).toBeUndefined()
    // The SequenceNumber must increase (L2266–L2269).
    expect(errorCode(await raw('UpdatePublishCdnStream', { SdkAppId: app, TaskId: started.TaskId, SequenceNumber: 5, WithTranscoding: 1 }))).toBe('FailedOperation')
    await call('UpdatePublishCdnStream', {
      SdkAppId: app,
      TaskId: started.TaskId,
      SequenceNumber: 6,
      WithTranscoding: 1,
      VideoParams: { LayoutParams: { MixLayoutMode: 4, MixLayoutList: [tile(b, 0), tile(a, 640)] } },
    })
    const read2 = readSei(await capture(url, 800))
    const layout2 = decodeVolumeLayout(read2.seis.find((s) => s.payloadType === 100)!.text).layout!
    expect(layout2.regions.map((r) => [r.uid, r.x])).toEqual([
      [b.userId, 0],
      [a.userId, 640],
    ])

    await call('StopPublishCdnStream', { SdkAppId: app, TaskId: started.TaskId })
    expect((await fetch(url)).status).toBe(404)
    expect(errorCode(await raw('StopPublishCdnStream', { SdkAppId: app, TaskId: started.TaskId }))).toBe('ResourceNotFound')
  })

  it('stops a task by itself once its room has been empty for MaxIdleTime', async () => {
    const { room } = liveRoom(false, 1)
    const app = sim.credentials.sdkAppId
    const started = (await call('StartPublishCdnStream', {
      SdkAppId: app,
      RoomId: room.roomId,
      RoomIdType: 0,
      AgentParams: { UserId: 'idle_robot', MaxIdleTime: 5 },
      WithTranscoding: 1,
      AudioParams: {},
      PublishCdnParams: [{ PublishCdnUrl: 'rtmp://127.0.0.1/live/idle' }],
    })) as { TaskId: string }
    shift += 6_000
    await call('UpdatePublishCdnStream', { SdkAppId: app, TaskId: started.TaskId, SequenceNumber: 1, WithTranscoding: 1 })
    await call('DismissRoom', { SdkAppId: app, RoomId: Number(room.roomId) })
    shift += 4_000
    await call('UpdatePublishCdnStream', { SdkAppId: app, TaskId: started.TaskId, SequenceNumber: 2, WithTranscoding: 1 })
    shift += 2_000
    expect(errorCode(await raw('UpdatePublishCdnStream', { SdkAppId: app, TaskId: started.TaskId, SequenceNumber: 3, WithTranscoding: 1 }))).toBe('ResourceNotFound')
  })

  it('verifies the robot UserSig and validates parameters', async () => {
    const app = sim.credentials.sdkAppId
    const base = {
      SdkAppId: app,
      RoomId: '1234',
      RoomIdType: 0,
      WithTranscoding: 1,
      AudioParams: {},
      PublishCdnParams: [{ PublishCdnUrl: 'rtmp://127.0.0.1/live/x' }],
    }
    const sig = (key: string, expire: number) => genUserSig({ sdkAppId: app, sdkSecretKey: key, userId: 'robot', expireSeconds: expire, nowSeconds: now() - 10 })
    const wrong = await raw('StartPublishCdnStream', { ...base, AgentParams: { UserId: 'robot', UserSig: sig('not-the-key', 600) } })
    expect(errorCode(wrong)).toBe('InvalidParameter')
    expect(JSON.stringify(wrong.response['Error'])).toMatch(/wrong/)
    const expired = await raw('StartPublishCdnStream', { ...base, AgentParams: { UserId: 'robot', UserSig: sig(sim.credentials.sdkSecretKey, 5) } })
    expect(JSON.stringify(expired.response['Error'])).toMatch(/expired/)
    expect(errorCode(await raw('StartPublishCdnStream', { ...base, AgentParams: { UserId: 'robot' }, PublishCdnParams: undefined }))).toBe('MissingParameter')
    const badTile = { VideoEncode: { Width: 640, Height: 360, Fps: 15, BitRate: 800, Gop: 2 }, LayoutParams: { MixLayoutMode: 4, MixLayoutList: [{ LocationX: 600, ImageWidth: 100, ImageHeight: 100 }] } }
    expect(errorCode(await raw('StartPublishCdnStream', { ...base, AgentParams: { UserId: 'robot' }, VideoParams: badTile }))).toBe('InvalidParameter')
    const badSei = { LayoutVolume: { PayloadType: 244 } }
    expect(errorCode(await raw('StartPublishCdnStream', { ...base, AgentParams: { UserId: 'robot' }, SeiParams: badSei }))).toBe('InvalidParameter')
    const badUuid = { PassThrough: { PayloadType: 5, PayloadUuid: 'xyz', PayloadContent: 'a' } }
    expect(errorCode(await raw('StartPublishCdnStream', { ...base, AgentParams: { UserId: 'robot' }, SeiParams: badUuid }))).toBe('InvalidParameter')
    const audioOnly = (await call('StartPublishCdnStream', { ...base, AgentParams: { UserId: 'robot' } })) as { TaskId: string }
    const toVideo = { SdkAppId: app, TaskId: audioOnly.TaskId, SequenceNumber: 1, WithTranscoding: 1, VideoParams: { LayoutParams: { MixLayoutMode: 3 } } }
    expect(errorCode(await raw('UpdatePublishCdnStream', toVideo))).toBe('UnsupportedOperation')
    expect(errorCode(await signedCall('StartPublishCdnStream', { ...base, AgentParams: { UserId: 'robot' } }, { ...opts, region: 'ap-beijing', timestamp: now() }))).toBe('UnsupportedRegion')
  })
})

describe('cloud recording', () => {
  it('moves a task from InProgress to Exited and then away', async () => {
    const { room } = liveRoom(false, 1)
    const app = sim.credentials.sdkAppId
    const robot = `recorder_${room.roomId}`
    const created = (await call('CreateCloudRecording', {
      SdkAppId: app,
      RoomId: room.roomId,
      RoomIdType: 1,
      UserId: robot,
      UserSig: genUserSig({ sdkAppId: app, sdkSecretKey: sim.credentials.sdkSecretKey, userId: robot, expireSeconds: 600, nowSeconds: now() }),
      RecordParams: { RecordMode: 2, MaxIdleTime: 30 },
      StorageParams: { CloudStorage: { Vendor: 0, Region: 'ap-guangzhou', Bucket: 'b-1', AccessKey: 'ak', SecretKey: 'sk', FileNamePrefix: ['p1'] } },
      MixLayoutParams: { MixLayoutMode: 3 },
    })) as { TaskId: string }
    const d1 = (await call('DescribeCloudRecording', { SdkAppId: app, TaskId: created.TaskId })) as { Status: string; StorageFileList: Array<{ FileName: string }> }
    expect(d1.Status).toBe('InProgress')
    expect(d1.StorageFileList[0]?.FileName).toMatch(new RegExp(`^p1/${created.TaskId}/`))
    await call('ModifyCloudRecording', { SdkAppId: app, TaskId: created.TaskId, MixLayoutParams: { MixLayoutMode: 1 } })
    await call('DeleteCloudRecording', { SdkAppId: app, TaskId: created.TaskId })
    const d2 = (await call('DescribeCloudRecording', { SdkAppId: app, TaskId: created.TaskId })) as { Status: string }
    expect(d2.Status).toBe('Exited')
    shift += 11_000
    expect(errorCode(await raw('DescribeCloudRecording', { SdkAppId: app, TaskId: created.TaskId }))).toBe('ResourceNotFound')
  })

  it('is Idle in a room with nobody publishing, and validates its parameters', async () => {
    const app = sim.credentials.sdkAppId
    const sig = genUserSig({ sdkAppId: app, sdkSecretKey: sim.credentials.sdkSecretKey, userId: 'rec', expireSeconds: 600, nowSeconds: now() })
    const base = { SdkAppId: app, RoomId: 'empty-room', RoomIdType: 0, UserId: 'rec', UserSig: sig, RecordParams: { RecordMode: 1 }, StorageParams: { CloudVod: { TencentVod: {} } } }
    const created = (await call('CreateCloudRecording', base)) as { TaskId: string }
    const d = (await call('DescribeCloudRecording', { SdkAppId: app, TaskId: created.TaskId })) as { Status: string; StorageFileList: unknown[] }
    expect(d).toMatchObject({ Status: 'Idle', StorageFileList: [] })
    expect(errorCode(await raw('CreateCloudRecording', { ...base, RecordParams: undefined }))).toBe('MissingParameter.RecordParams')
    expect(errorCode(await raw('CreateCloudRecording', { ...base, RecordParams: { RecordMode: 3 } }))).toBe('InvalidParameter.OutOfRange')
    expect(errorCode(await raw('CreateCloudRecording', { ...base, StorageParams: { CloudStorage: { Vendor: 0 } } }))).toBe('MissingParameter.Region')
    expect(errorCode(await raw('CreateCloudRecording', { ...base, UserSig: undefined }))).toBe('MissingParameter.UserSig')
    // Nobody comes: after MaxIdleTime (default 30 s) the robot leaves and the task is gone.
    shift += 31_000
    expect(errorCode(await raw('DescribeCloudRecording', { SdkAppId: app, TaskId: created.TaskId }))).toBe('ResourceNotFound')
  })
})
