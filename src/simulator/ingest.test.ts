// Stream ingest against the simulator over HTTP, through the app's own signing client: the robot
// is in the room's users while the task runs and leaves when it stops or its media ends; each
// documented refusal comes back with its code (003_530a54cf0f8c0df7.txt L5768–L6448).
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { clockedSimulator, tencentCodeOf, type ClockedSimulator } from '../main/testing/simulatorCloud'
import type { DescribeUserInfoResponse } from '../shared/trtc/roomsQuality'
import { MAX_INGEST_TASKS, MEDIA_PLAY_S } from './ingest'
import type { Simulator } from './server'
import { errorCode, signedCall } from './signedCall'
import { findApp, stayingRoom } from './world'

const region = 'ap-singapore'
let bed: ClockedSimulator
let sim: Simulator
beforeAll(async () => {
  bed = await clockedSimulator('ingest', region)
  sim = bed.sim
})
afterAll(() => sim.close())

const nowS = () => bed.nowS()
const call = <T>(action: string, body: Record<string, unknown>) => bed.call<T>(action, body)
const codeOf = tencentCodeOf

const robot = (userId: string, sdkAppId?: number) => ({ UserId: userId, UserSig: bed.userSig(userId, sdkAppId) })

async function usersOf(commId: string): Promise<Array<{ UserId: string; Finished: boolean }>> {
  const r = await call<DescribeUserInfoResponse>('DescribeUserInfo', { CommId: commId, SdkAppId: sim.credentials.sdkAppId, StartTime: nowS() - 3600, EndTime: nowS(), PageNumber: 0, PageSize: 100 })
  expect(r.ok).toBe(true)
  return r.ok ? (r.value.UserList ?? []).map((u) => ({ UserId: u.UserId, Finished: u.Finished })) : []
}

describe('stream ingest on the simulator', () => {
  it('puts its robot in the room while it runs; Update and Stop act on it, then it is gone', async () => {
    const app = findApp(sim.world, sim.credentials.sdkAppId)!
    const live = stayingRoom(sim.world, app, nowS(), { users: 1, forS: 600 })!
    const { room } = live
    const base = { SdkAppId: room.sdkAppId, RoomId: room.roomId, RoomIdType: room.isString ? 0 : 1, StreamUrl: 'https://media.example.com/preroll.mp4', RepeatNum: -1, Volume: 80 }
    const started = await call<{ TaskId: string }>('StartStreamIngest', { ...base, ...robot('ingest_preroll') })
    expect(started.ok).toBe(true)
    const taskId = started.ok ? started.value.TaskId : ''
    expect((await usersOf(room.commId)).find((u) => u.UserId === 'ingest_preroll')).toEqual({ UserId: 'ingest_preroll', Finished: false })
    expect(await call('DescribeStreamIngest', { SdkAppId: room.sdkAppId, TaskId: taskId })).toMatchObject({ ok: true, value: { Status: 'InProgress' } })
    // The same robot in the same room again: FailedOperation.TaskExist (L6262).
    expect(codeOf(await call('StartStreamIngest', { ...base, ...robot('ingest_preroll') }))).toBe('FailedOperation.TaskExist')
    expect(await call('UpdateStreamIngest', { SdkAppId: room.sdkAppId, TaskId: taskId, Volume: 30, IsPause: true })).toMatchObject({ ok: true, value: { Status: 'InProgress' } })
    expect(await call('StopStreamIngest', { SdkAppId: room.sdkAppId, TaskId: taskId })).toMatchObject({ ok: true })
    expect((await usersOf(room.commId)).find((u) => u.UserId === 'ingest_preroll')?.Finished).toBe(true)
    expect(await call('DescribeStreamIngest', { SdkAppId: room.sdkAppId, TaskId: taskId })).toMatchObject({ ok: true, value: { Status: 'NotExist' } })
    // After the end: Stop says it had finished (L6046), Update that it does not exist (L6436).
    expect(codeOf(await call('StopStreamIngest', { SdkAppId: room.sdkAppId, TaskId: taskId }))).toBe('FailedOperation.TaskFinished')
    expect(codeOf(await call('UpdateStreamIngest', { SdkAppId: room.sdkAppId, TaskId: taskId, Volume: 10 }))).toBe('FailedOperation.TaskNotExist')
  })

  it('ends by itself when its media has played RepeatNum times', async () => {
    const app = findApp(sim.world, sim.credentials.sdkAppId)!
    const { room } = stayingRoom(sim.world, app, nowS(), { users: 1, forS: 900 })!
    const r = await call<{ TaskId: string }>('StartStreamIngest', { SdkAppId: room.sdkAppId, RoomId: room.roomId, RoomIdType: room.isString ? 0 : 1, StreamUrl: 'https://media.example.com/clip.mp4', RepeatNum: 2, ...robot('ingest_twice') })
    expect(r.ok).toBe(true)
    const taskId = r.ok ? r.value.TaskId : ''
    bed.clock.offsetS += 2 * MEDIA_PLAY_S - 5
    expect(await call('DescribeStreamIngest', { SdkAppId: room.sdkAppId, TaskId: taskId })).toMatchObject({ ok: true, value: { Status: 'InProgress' } })
    bed.clock.offsetS += 10
    expect(await call('DescribeStreamIngest', { SdkAppId: room.sdkAppId, TaskId: taskId })).toMatchObject({ ok: true, value: { Status: 'NotExist' } })
    expect((await usersOf(room.commId)).find((u) => u.UserId === 'ingest_twice')?.Finished).toBe(true)
    bed.clock.offsetS = 0
  })

  it('refuses what the reference refuses, each with its documented code', async () => {
    const app = findApp(sim.world, sim.credentials.sdkAppId)!
    const { room } = stayingRoom(sim.world, app, nowS(), { users: 1, forS: 300 })!
    const base = { SdkAppId: room.sdkAppId, RoomId: room.roomId, RoomIdType: room.isString ? 0 : 1, StreamUrl: 'https://media.example.com/a.mp4', ...robot('ingest_refused') }
    // Signed by hand: the app's client would refuse most of these before sending.
    const raw = async (action: string, body: Record<string, unknown>) => errorCode(await signedCall(action, body, { endpoint: sim.endpoint, secretId: sim.credentials.secretId, secretKey: sim.credentials.secretKey, region, timestamp: nowS() }))
    expect(await raw('StartStreamIngest', { ...base, UserSig: robot('someone_else').UserSig })).toBe('InvalidParameter.UserSig')
    expect(await raw('StartStreamIngest', { ...base, StreamUrl: 'not a url' })).toBe('InvalidParameter.StreamUrl')
    expect(await raw('StartStreamIngest', { ...base, RoomIdType: 1, RoomId: 'not-a-number' })).toBe('InvalidParameter.RoomId')
    expect(await raw('StartStreamIngest', { ...base, SdkAppId: 1 })).toBe('InvalidParameter.SdkAppId')
    expect(await raw('StartStreamIngest', { ...base, RepeatNum: 0 })).toBe('InvalidParameter.BodyParamsError')
    const { RoomId: _r, ...noRoom } = base
    expect(await raw('StartStreamIngest', noRoom)).toBe('MissingParameter.RoomId')
    expect(await raw('DescribeStreamIngest', { SdkAppId: room.sdkAppId })).toBe('MissingParameter.TaskId')
    expect(await raw('StopStreamIngest', { SdkAppId: room.sdkAppId, TaskId: 'ingest-none' })).toBe('InvalidParameter.TaskId')
    expect(await raw('UpdateStreamIngest', { SdkAppId: room.sdkAppId, TaskId: 'ingest-none' })).toBe('FailedOperation.TaskNotExist')
    // Regions: Describe and Stop answer only in four (L5796–L5799).
    expect(errorCode(await signedCall('DescribeStreamIngest', { SdkAppId: room.sdkAppId, TaskId: 'x' }, { endpoint: sim.endpoint, secretId: sim.credentials.secretId, secretKey: sim.credentials.secretKey, region: 'ap-guangzhou', timestamp: nowS() }))).toBe('UnsupportedRegion')
  })

  it('refuses a relay past the concurrent tasks an application may run (FailedOperation.RestrictedConcurrency, L6259)', async () => {
    // The second application of the world: no task of the other tests counts against it.
    const app = sim.world.apps[1]!
    const { room } = stayingRoom(sim.world, app, nowS(), { users: 1, forS: 300 })!
    const where = { SdkAppId: room.sdkAppId, RoomId: room.roomId, RoomIdType: room.isString ? 0 : 1, StreamUrl: 'https://media.example.com/loop.mp4', RepeatNum: -1 }
    const ids: string[] = []
    await new Promise((resolve) => setTimeout(resolve, 1100)) // the other tests' calls leave the rate window
    for (let n = 0; n < MAX_INGEST_TASKS; n++) {
      const r = await call<{ TaskId: string }>('StartStreamIngest', { ...where, ...robot(`ingest_many_${n}`, app.sdkAppId) })
      if (r.ok) ids.push(r.value.TaskId)
      // Under the action's 20 requests a second (L6068): mutating calls are not retried.
      await new Promise((resolve) => setTimeout(resolve, 60))
    }
    expect(ids).toHaveLength(MAX_INGEST_TASKS)
    expect(codeOf(await call('StartStreamIngest', { ...where, ...robot('ingest_one_too_many', app.sdkAppId) }))).toBe('FailedOperation.RestrictedConcurrency')
    for (const TaskId of ids) {
      await call('StopStreamIngest', { SdkAppId: room.sdkAppId, TaskId })
      await new Promise((resolve) => setTimeout(resolve, 60))
    }
    expect(await call('StartStreamIngest', { ...where, ...robot('ingest_one_too_many', app.sdkAppId) })).toMatchObject({ ok: true })
  })
})
