// The API console's channel through the real wiring: the contract's check, the handler, the active
// (Demo) profile's signing client and the simulator over loopback HTTP, and the request log.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { AuditEntry, ConsoleCallResult, RoomTask } from '../../shared/contract/contract'
import { genUserSig } from '../usersig/tlsSig'
import type { Result } from '../../shared/errors'
import { stayingRoom } from '../../simulator/world'
import { servicesOnSimulator } from '../testing/simulatorCloud'
import type { TencentClient } from '../cloud/client'
import { createConsoleService } from './consoleService'

let env: Awaited<ReturnType<typeof servicesOnSimulator>>
beforeAll(async () => {
  env = await servicesOnSimulator('console-call')
})
afterAll(() => env.close())

const call = (request: unknown) => env.services.dispatch('console.call', request) as Promise<Result<ConsoleCallResult>>
const nowS = () => Math.floor(Date.now() / 1000)
const logOf = (action: string) => env.services.cloud.requestLog.entries().filter((e) => e.action === action)

describe('console.call', () => {
  it('sends DescribeRoomInfo for the Demo app and answers the Response with its RequestId, logged as the console’s', async () => {
    const sdkAppId = env.sim.world.apps[0]!.sdkAppId
    const r = await call({ action: 'DescribeRoomInfo', params: { SdkAppId: sdkAppId, StartTime: nowS() - 3600, EndTime: nowS(), PageSize: 20 } })
    if (!r.ok) throw new Error(r.error.message)
    expect(r.value.action).toBe('DescribeRoomInfo')
    expect(r.value.region).toBe(env.sim.credentials.region)
    expect(r.value.requestId).toMatch(/^[0-9a-f-]{36}$/)
    expect(r.value.response['RequestId']).toBe(r.value.requestId)
    const rooms = r.value.response['RoomList'] as unknown[]
    expect(rooms.length).toBeGreaterThan(0)
    expect(r.value.durationMs).toBeGreaterThanOrEqual(0)
    const logged = logOf('DescribeRoomInfo').at(-1)!
    expect(logged).toMatchObject({ origin: 'console', outcome: 'ok', requestId: r.value.requestId, mutating: false })
  })

  it('blocks a user of a live room (a mutating call) and logs it as such', async () => {
    const app = env.sim.world.apps[0]!
    const live = stayingRoom(env.sim.world, app, nowS(), { users: 1, forS: 60, isString: false })!
    const r = await call({ action: 'SetUserBlocked', params: { SdkAppId: app.sdkAppId, RoomId: Number(live.room.roomId), UserId: live.userIds[0], IsMute: 1 } })
    if (!r.ok) throw new Error(r.error.message)
    expect(Object.keys(r.value.response)).toEqual(['RequestId'])
    expect(logOf('SetUserBlocked').at(-1)).toMatchObject({ origin: 'console', outcome: 'ok', mutating: true })
    // Audited like a block from Rooms, so the user's badge there says so.
    const audit = (await env.services.dispatch('audit.list', undefined)) as Result<AuditEntry[]>
    expect(audit.ok && audit.value.at(-1)).toMatchObject({ action: 'block', apiAction: 'SetUserBlocked', isMute: 1, userIds: [live.userIds[0]], roomId: live.room.roomId, roomIdType: 'number', result: 'ok', requestId: r.value.requestId })
  })

  it('lists a relay started and stopped by hand among the room’s tasks, audited', async () => {
    const app = env.sim.world.apps[0]!
    const live = stayingRoom(env.sim.world, app, nowS(), { users: 1, forS: 300 })!
    const { room } = live
    const userSig = genUserSig({ sdkAppId: app.sdkAppId, sdkSecretKey: env.sim.sdkSecretKeyOf(app.sdkAppId)!, userId: 'relay_console', expireSeconds: 3600, nowSeconds: nowS() })
    const started = await call({
      action: 'StartStreamIngest',
      region: 'ap-singapore',
      params: { SdkAppId: app.sdkAppId, RoomId: room.roomId, RoomIdType: room.isString ? 0 : 1, UserId: 'relay_console', UserSig: userSig, StreamUrl: 'https://media.example.com/a.mp4', Volume: 60, RepeatNum: -1 },
    })
    if (!started.ok) throw new Error(started.error.message)
    const taskId = started.value.response['TaskId'] as string
    const tasks = async () => ((await env.services.dispatch('roomTasks.list', undefined)) as Result<{ tasks: RoomTask[] }> & { ok: true }).value.tasks
    expect((await tasks()).find((t) => t.taskId === taskId)).toMatchObject({ kind: 'ingest', roomId: room.roomId, roomIdType: room.isString ? 'string' : 'number', robotUserId: 'relay_console', region: 'ap-singapore', volume: 60, repeatNum: -1, status: 'InProgress' })
    expect((await call({ action: 'StopStreamIngest', region: 'ap-singapore', params: { SdkAppId: app.sdkAppId, TaskId: taskId } })).ok).toBe(true)
    expect((await tasks()).find((t) => t.taskId === taskId)?.status).toBe('ended')
    const audit = (await env.services.dispatch('audit.list', undefined)) as Result<AuditEntry[]> & { ok: true }
    expect(audit.value.filter((e) => e.taskId === taskId).map((e) => e.action)).toEqual(['inject', 'injectStop'])
  })

  it('refuses parameters the action’s schema refuses, before anything is signed or logged', async () => {
    const before = env.services.cloud.requestLog.entries().length
    const r = await call({ action: 'DescribeRoomInfo', params: { SdkAppId: 1400000001, StartTime: nowS() - 60, EndTime: nowS(), PageSize: 500 } })
    expect(!r.ok && r.error).toMatchObject({ code: 'request.invalid', say: { key: 'err.request.fields', params: { fields: 'PageSize' } } })
    // The look-back rule (L11160) and the region list (L11531–L11534) are checked too.
    const old = await call({ action: 'DescribeUserInfo', params: { CommId: '1400000001_1_1', SdkAppId: 1400000001, StartTime: nowS() - 20 * 86400, EndTime: nowS() - 20 * 86400 + 60 } })
    expect(!old.ok && old.error.say).toEqual({ key: 'err.request.tooOld', params: { action: 'DescribeUserInfo', days: 14 } })
    const region = await call({ action: 'DescribeUserInfo', region: 'ap-tokyo', params: { CommId: '1400000001_1_1', SdkAppId: 1400000001, StartTime: nowS() - 60, EndTime: nowS() } })
    expect(!region.ok && region.error.say.key).toBe('err.request.region')
    expect(env.services.cloud.requestLog.entries().length).toBe(before)
  })

  it('refuses an action that is not one of the 39 and a region that is not one', async () => {
    for (const request of [{ action: 'DescribeSecrets', params: {} }, { action: 'DescribeRoomInfo', params: {}, region: 'mars-1' }, { action: 'DescribeRoomInfo', params: [] }]) {
      const r = await call(request)
      expect(!r.ok && r.error.code, JSON.stringify(request)).toBe('request.invalid')
    }
  })

  it('answers Tencent Cloud’s refusal as an error with its code, RequestId and sentence', async () => {
    const r = await call({ action: 'DescribeCloudRecording', params: { SdkAppId: env.sim.world.apps[0]!.sdkAppId, TaskId: 'no-such-task' } })
    expect(r.ok).toBe(false)
    if (r.ok) return
    expect(r.error.tencentCode).toMatch(/^(FailedOperation|InvalidParameter|ResourceNotFound)/)
    expect(r.error.requestId).toMatch(/^[0-9a-f-]{36}$/)
    expect(r.error.say.key.startsWith('err.tc.')).toBe(true)
    expect(logOf('DescribeCloudRecording').at(-1)).toMatchObject({ origin: 'console', tencentCode: r.error.tencentCode })
  })

  it('never returns the profile’s SecretKey or SecretId', async () => {
    const app = env.sim.world.apps[0]!
    const live = stayingRoom(env.sim.world, app, nowS(), { users: 1, forS: 60, isString: false })!
    const r = await call({ action: 'DescribeRoomInfo', params: { SdkAppId: app.sdkAppId, StartTime: nowS() - 600, EndTime: nowS(), RoomId: live.room.roomId } })
    expect(r.ok).toBe(true)
    const text = JSON.stringify(r)
    expect(text).not.toContain(env.sim.credentials.secretKey)
    expect(text).not.toContain(env.sim.credentials.secretId)
  })

  it('masks a credential the cloud echoes in a response (a robot’s UserSig)', async () => {
    const client: TencentClient = {
      call: async () => ({ ok: true, value: { RequestId: 'r-1', AgentConfig: { UserId: 'robot_1', UserSig: 'eJyrVkrOSy1SsjI0NjY0MjA2NDI2MDI3tDI0MjE2sLLSUkpRslJKLCnJzEtXqgUAdKIMBQ' } } }) as never,
      skewMs: () => 0,
      close: async () => undefined,
    }
    const service = createConsoleService({ cloud: { current: async () => ({ ok: true, value: { profileId: 'p', profileName: 'P', client, region: 'ap-guangzhou', sdkAppIds: [1] } }) }, now: Date.now })
    const r = await service.call({ action: 'DescribeAIConversation', params: { TaskId: 't-1' } })
    expect(r.ok && r.value.response).toEqual({ RequestId: 'r-1', AgentConfig: { UserId: 'robot_1', UserSig: '<redacted>' } })
  })
})
