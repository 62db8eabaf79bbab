import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { genUserSig } from '../main/usersig/tlsSig'
import { startSimulator, type Simulator } from './server'
import { errorCode, signedCall, type CallOptions } from './signedCall'
import { createWorld, emptyOverlay, findApp, roomActive, roomsInRange, sessionsAt, inRoomAt } from './world'

const NOW = Math.floor(Date.UTC(2026, 2, 3, 15, 20, 0) / 1000)

describe('world (pure)', () => {
  it('is a function of the seed', () => {
    const a = createWorld('alpha')
    const b = createWorld('alpha')
    const c = createWorld('beta')
    const appA = a.apps[0]!
    const appB = b.apps[0]!
    expect(a.apps).toEqual(b.apps)
    expect(c.apps[0]!.sdkAppId).not.toBe(appA.sdkAppId)
    const ra = roomsInRange(a, appA, NOW - 3600, NOW, NOW, emptyOverlay())
    expect(roomsInRange(b, appB, NOW - 3600, NOW, NOW, emptyOverlay())).toEqual(ra)
    expect(ra.length).toBeGreaterThan(5)
    expect(ra.some((r) => r.isString)).toBe(true)
    expect(ra.some((r) => !r.isString)).toBe(true)
  })

  it('keeps rooms alive: the people in a room change as time passes', () => {
    const w = createWorld('alive')
    const app = w.apps[0]!
    const overlay = emptyOverlay()
    const present = (t: number): string => {
      const rooms = roomsInRange(w, app, t, t, t, overlay).filter((r) => roomActive(r, overlay, t))
      return rooms.map((r) => `${r.roomId}:${sessionsAt(w, r, overlay, t).filter((s) => inRoomAt(s, t)).map((s) => s.userId).join(',')}`).join('|')
    }
    expect(present(NOW)).toBe(present(NOW))
    expect(present(NOW + 900)).not.toBe(present(NOW))
    expect(findApp(w, app.sdkAppId)).toBe(app)
  })
})

describe('call quality over HTTP', () => {
  let sim: Simulator
  let opts: CallOptions
  const realStart = Date.now()
  const clock = (): number => NOW * 1000 + (Date.now() - realStart)
  const now = (): number => Math.floor(clock() / 1000)

  beforeAll(async () => {
    sim = await startSimulator({ seed: 'quality', clock })
    opts = { endpoint: sim.endpoint, secretId: sim.credentials.secretId, secretKey: sim.credentials.secretKey, region: 'ap-singapore' }
  })
  afterAll(async () => {
    await sim.close()
  })
  const call = async (action: string, body: unknown): Promise<Record<string, unknown>> => {
    const r = await signedCall(action, body, { ...opts, timestamp: now() })
    expect(errorCode(r), JSON.stringify(r.response['Error'])).toBeUndefined()
    return r.response
  }
  type RoomState = { CommId: string; RoomString: string; CreateTime: number; IsFinished: boolean; UserId: string }
  type UserInfo = { UserId: string; JoinTs: number; LeaveTs: number; Finished: boolean; RoomStr: string }
  const app = (): number => sim.credentials.sdkAppId

  it('pages DescribeRoomInfo without overlap and agrees across pages', async () => {
    const base = { SdkAppId: app(), StartTime: now() - 6 * 3600, EndTime: now() }
    const all = (await call('DescribeRoomInfo', { ...base, PageSize: 100 })) as { Total: number; RoomList: RoomState[] }
    expect(all.Total).toBeGreaterThan(20)
    const p0 = (await call('DescribeRoomInfo', { ...base })) as { Total: number; RoomList: RoomState[] }
    const p1 = (await call('DescribeRoomInfo', { ...base, PageNumber: 1 })) as { RoomList: RoomState[] }
    expect(p0.RoomList).toHaveLength(10) // default page size (L11169–L11176)
    expect(p0.Total).toBe(all.Total)
    expect([...p0.RoomList, ...p1.RoomList].map((r) => r.CommId)).toEqual(all.RoomList.slice(0, 20).map((r) => r.CommId))
    for (const r of all.RoomList) expect(r.CommId).toBe(`${app()}_${r.RoomString}_${r.CreateTime}`)
    const one = (await call('DescribeRoomInfo', { ...base, RoomId: all.RoomList[3]!.RoomString })) as { RoomList: RoomState[] }
    expect(one.RoomList.map((r) => r.CommId)).toContain(all.RoomList[3]!.CommId)
  })

  it('keeps DescribeRoomInfo, DescribeUserInfo, DescribeCallDetailInfo and DescribeUserEvent consistent', async () => {
    const rooms = (await call('DescribeRoomInfo', { SdkAppId: app(), StartTime: now() - 3 * 3600, EndTime: now(), PageSize: 100 })) as { RoomList: RoomState[] }
    const room = rooms.RoomList.find((r) => !r.IsFinished)!
    const info = (await call('DescribeUserInfo', { SdkAppId: app(), CommId: room.CommId, StartTime: Math.max(room.CreateTime, now() - 4 * 3600), EndTime: now(), PageSize: 100 })) as { Total: number; UserList: UserInfo[] }
    expect(info.Total).toBeGreaterThan(0)
    expect(info.UserList.map((u) => u.UserId)).toContain(room.UserId)
    for (const u of info.UserList) {
      expect(u.RoomStr).toBe(room.RoomString)
      expect(u.LeaveTs).toBeGreaterThanOrEqual(u.JoinTs)
      if (!u.Finished) expect(u.LeaveTs).toBe(now())
    }
    const user = info.UserList[0]!
    const detail = (await call('DescribeCallDetailInfo', {
      SdkAppId: app(),
      CommId: room.CommId,
      StartTime: Math.max(user.JoinTs, now() - 1800),
      EndTime: now(),
      UserIds: [user.UserId],
      DataType: ['aBit', 'bigvCapFps'],
    })) as { UserList: UserInfo[]; Data: Array<{ UserId: string; DataType: string; PeerId: string; Content: Array<{ Time: number; Value: number }> }> }
    expect(detail.UserList.map((u) => u.UserId)).toEqual([user.UserId])
    expect(detail.Data.map((d) => d.DataType)).toEqual(['aBit', 'bigvCapFps'])
    const content = detail.Data[0]!.Content
    expect(content.length).toBeGreaterThan(2)
    expect(content[1]!.Time - content[0]!.Time).toBe(2)
    const events = (await call('DescribeUserEvent', {
      SdkAppId: app(),
      CommId: room.CommId,
      RoomId: room.RoomString,
      UserId: user.UserId,
      StartTime: user.JoinTs,
      EndTime: now(),
    })) as { Data: Array<{ PeerId: string; Content: Array<{ EventId: number; Time: number }> }> }
    expect(events.Data[0]?.PeerId).toBe(user.UserId)
    const first = events.Data[0]!.Content[0]!
    expect(Math.floor(first.Time / 1000)).toBe(user.JoinTs)
    expect([5001, 32791]).toContain(first.EventId) // entering room: SDK 5001 or WebRTC 32791
  })

  it('refuses more than six users when DataType is given', async () => {
    const r = await signedCall(
      'DescribeCallDetailInfo',
      { SdkAppId: app(), CommId: 'x_1_1', StartTime: now() - 60, EndTime: now(), DataType: ['aBit'], UserIds: ['a', 'b', 'c', 'd', 'e', 'f', 'g'] },
      { ...opts, timestamp: now() },
    )
    expect(errorCode(r)).toBe('InvalidParameter.UserIdsMorethanSix')
  })

  it('gates the dashboard APIs by edition and serves Columns/Values series', async () => {
    const body = { SdkAppId: String(app()), StartTime: now() - 300, EndTime: now() }
    const scale = (await call('DescribeTRTCRealTimeScaleData', body)) as { Data: { Series: Array<{ Columns: string[]; Values: Array<{ RowValue: number[] }> }>; Total: number } }
    expect(scale.Data.Series[0]!.Columns).toEqual(['time', 'userCount', 'roomCount'])
    expect(scale.Data.Series[0]!.Values.length).toBeGreaterThanOrEqual(29)
    expect(scale.Data.Total).toBe(1)
    sim.setEdition('free')
    const r = await signedCall('DescribeTRTCRealTimeScaleData', body, { ...opts, timestamp: now() })
    expect(errorCode(r)).toBe('UnsupportedOperation')
    sim.setEdition('premium')
    const usage = (await call('DescribeTrtcUsage', { StartTime: '2026-03-02', EndTime: '2026-03-02', SdkAppId: app() })) as { UsageKey: string[]; UsageList: Array<{ TimeKey: string; UsageValue: number[] }> }
    expect(usage.UsageKey).toEqual(['Audio', 'SD', 'HD', 'FullHD', '2K', '4K'])
    expect(usage.UsageList).toHaveLength(288) // five-minute points for one day
    expect(usage.UsageList[0]!.TimeKey).toBe('2026-03-02 00:00:00')
  })

  it('validates usage, scale and market queries with the documented codes', async () => {
    const code = async (action: string, body: unknown) => errorCode(await signedCall(action, body, { ...opts, region: 'ap-guangzhou', timestamp: now() }))
    expect(await code('DescribeTrtcUsage', { StartTime: '2026-01-01', EndTime: '2026-02-15' })).toBe('InvalidParameter.QueryScaleOversize')
    expect(await code('DescribeRecordingUsage', { StartTime: '2026-03-01', EndTime: '2026-03-02' })).toBe('MissingParameter')
    expect(await code('DescribeRecordingUsage', { StartTime: '2026-03-01', EndTime: '2026-03-02', MixType: 'both' })).toBe('InvalidParameter')
    expect(await code('DescribeRelayUsage', { StartTime: '2026-03-01', EndTime: '2026-03-02', SdkAppId: 7 })).toBe('InvalidParameter.SdkAppId')
    const relay = (await call('DescribeRelayUsage', { StartTime: '2026-02-25', EndTime: '2026-03-02' })) as { UsageKey: string[]; UsageList: Array<{ TimeKey: string }> }
    expect(relay.UsageKey).toEqual(['Bandwidth'])
    expect(relay.UsageList.map((u) => u.TimeKey)).toEqual(['2026-02-25', '2026-02-26', '2026-02-27', '2026-02-28', '2026-03-01', '2026-03-02'].map((d) => `${d} 00:00:00`))
    const scale = (await call('DescribeScaleInfo', { SdkAppId: app(), StartTime: now() - 3 * 86400, EndTime: now() })) as { ScaleList: Array<{ Time: number; RoomNumbers: number; UserCount: number; UserNumber: number }> }
    // Three whole days before today; "Data for the current day cannot be queried." (L12531–L12533)
    expect(scale.ScaleList).toHaveLength(3)
    expect(scale.ScaleList.every((d) => d.Time % 86400 === 0 && d.Time < now() - (now() % 86400) && d.UserCount >= d.UserNumber && d.RoomNumbers > 0)).toBe(true)
    const market = (await call('DescribeTRTCMarketScaleData', { SdkAppId: String(app()), StartTime: '2026-03-01', EndTime: '2026-03-02', Period: 'd' })) as { Data: { Series: Array<{ Columns: string[]; Values: Array<{ RowValue: number[] }> }> } }
    expect(market.Data.Series[0]!.Columns).toEqual(['time', 'peakCurrentUsers', 'peakCurrentChannels', 'userCount', 'roomCount'])
    expect(market.Data.Series[0]!.Values.map((v) => v.RowValue[0])).toEqual([Date.UTC(2026, 2, 1) / 1000, Date.UTC(2026, 2, 2) / 1000])
    expect(await code('DescribeTRTCMarketQualityData', { SdkAppId: String(app()), StartTime: '2026-03-01', EndTime: '2026-03-02', Period: 'w' })).toBe('InvalidParameter')
  })

  it('gives the same answers for the same seed on another server', async () => {
    const twin = await startSimulator({ seed: 'quality', clock })
    try {
      const body = { SdkAppId: app(), StartTime: now() - 7200, EndTime: now() - 3600, PageSize: 50 }
      const a = await call('DescribeRoomInfo', body)
      const b = await signedCall('DescribeRoomInfo', body, { ...opts, endpoint: twin.endpoint, timestamp: now() })
      expect(b.response['RoomList']).toEqual(a['RoomList'])
      expect(twin.credentials).toEqual(sim.credentials)
      expect(genUserSig({ sdkAppId: app(), sdkSecretKey: twin.credentials.sdkSecretKey, userId: 'u', expireSeconds: 60, nowSeconds: 1 })).toBe(
        genUserSig({ sdkAppId: app(), sdkSecretKey: sim.credentials.sdkSecretKey, userId: 'u', expireSeconds: 60, nowSeconds: 1 }),
      )
    } finally {
      await twin.close()
    }
  })
})
