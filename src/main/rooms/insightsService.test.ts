import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { QualitySeries } from '../../shared/contract/contract'
import { startSimulator, type Simulator } from '../../simulator/server'
import { emptyOverlay, findApp, roomEnd, roomsInRange, sessionsAt, type Room } from '../../simulator/world'
import type { TencentClient } from '../cloud/client'
import type { RequestLog } from '../cloud/requestLog'
import { simulatorCloud } from '../testing/simulatorCloud'
import type { CloudAccess } from './cloudAccess'
import { createInsightsService, QUALITY_USERS_PER_CALL, QUALITY_WINDOW_S } from './insightsService'
import { err } from '../../shared/errors'

let sim: Simulator
let client: TencentClient
let log: RequestLog
let cloud: CloudAccess
const nowS = (): number => Math.floor(Date.now() / 1000)

beforeAll(async () => {
  sim = await startSimulator({ seed: 'insights' })
  ;({ client, log, cloud } = simulatorCloud(sim))
})

afterAll(async () => {
  await client.close()
  await sim.close()
})

/** A room of the simulated world that has run for more than `minS` with more than `minUsers` users so far. */
function findRoom(minS: number, minUsers: number): { room: Room; end: number; userIds: string[] } {
  const app = findApp(sim.world, sim.credentials.sdkAppId)!
  const now = nowS()
  for (const room of roomsInRange(sim.world, app, now - 8 * 3600, now, now, emptyOverlay())) {
    const end = Math.min(roomEnd(room, emptyOverlay()), now)
    const users = sessionsAt(sim.world, room, emptyOverlay(), end)
    if (end - room.createTime > minS && users.length > minUsers) return { room, end, userIds: users.map((u) => u.userId) }
  }
  throw new Error('the simulated world has no such room')
}

function callsOf(action: string): Array<Record<string, unknown>> {
  return log
    .entries()
    .filter((e) => e.action === action)
    .map((e) => JSON.parse(e.payload) as Record<string, unknown>)
}

describe('quality', () => {
  it('splits a long room with many users into 1-hour, 6-user calls and stitches each series', async () => {
    const { room, end, userIds } = findRoom(QUALITY_WINDOW_S + 600, QUALITY_USERS_PER_CALL)
    const start = room.createTime
    log.clear()
    const r = await createInsightsService({ cloud }).quality({
      sdkAppId: room.sdkAppId,
      commId: room.commId,
      startTime: start,
      endTime: end,
      userIds,
      dataTypes: ['aBit', 'bigvDecFps'],
    })
    expect(r.ok).toBe(true)
    if (!r.ok) return

    const calls = callsOf('DescribeCallDetailInfo')
    const windows = Math.ceil((end - start) / QUALITY_WINDOW_S)
    const chunks = Math.ceil(userIds.length / QUALITY_USERS_PER_CALL)
    expect(windows).toBeGreaterThan(1)
    expect(chunks).toBeGreaterThan(1)
    // Every user in the simulator has one session, so one page per (window, chunk).
    expect(calls).toHaveLength(windows * chunks)
    for (const c of calls) {
      expect((c['UserIds'] as string[]).length).toBeLessThanOrEqual(6)
      expect(c['PageSize']).toBeLessThanOrEqual(6)
      expect((c['EndTime'] as number) - (c['StartTime'] as number)).toBeLessThanOrEqual(3600)
    }
    // The windows tile the room without gaps, and each window asks for every user once.
    const starts = [...new Set(calls.map((c) => c['StartTime'] as number))].sort((a, b) => a - b)
    expect(starts).toEqual(Array.from({ length: windows }, (_, i) => start + i * QUALITY_WINDOW_S))
    for (const s of starts) {
      const asked = calls.filter((c) => c['StartTime'] === s).flatMap((c) => c['UserIds'] as string[])
      expect(asked.sort()).toEqual([...userIds].sort())
    }

    const series = r.value
    for (const s of series) {
      const times = s.points.map((p) => p[0])
      // Sorted and free of the duplicate sample each window boundary yields.
      expect(times).toEqual([...new Set(times)].sort((a, b) => a - b))
    }
    // The creator stays the whole room: one aBit series across every window, 2-second steps.
    const creator: QualitySeries | undefined = series.find((s) => s.userId === room.creator && s.dataType === 'aBit')
    expect(creator?.peerId).toBeNull()
    const pts = creator!.points
    expect(pts[0]![0] - start).toBeLessThan(2)
    expect(end - pts[pts.length - 1]![0]).toBeLessThan(2)
    expect(pts.length).toBeGreaterThan((end - start) / 2 - 2)
    for (let i = 1; i < pts.length; i++) expect(pts[i]![0] - pts[i - 1]![0]).toBe(2)
    // Exactly one series per (user, peer, metric) and upstream series carry a null peer.
    const keys = series.map((s) => `${s.userId}|${s.peerId}|${s.dataType}`)
    expect(new Set(keys).size).toBe(keys.length)
    expect(series.filter((s) => s.dataType === 'aBit').every((s) => s.peerId === null)).toBe(true)
    // Decode fps is a downstream metric, measured against a remote peer.
    expect(series.some((s) => s.dataType === 'bigvDecFps' && s.peerId !== null && s.points.length > 0)).toBe(true)
    // Series come back in the order the users were asked for.
    const order = series.map((s) => userIds.indexOf(s.userId))
    expect(order).toEqual([...order].sort((a, b) => a - b))
  })

  it('makes one call for a short window with few users', async () => {
    const { room, end, userIds } = findRoom(600, 2)
    log.clear()
    const r = await createInsightsService({ cloud }).quality({
      sdkAppId: room.sdkAppId,
      commId: room.commId,
      startTime: end - 300,
      endTime: end,
      userIds: userIds.slice(0, 3),
      dataTypes: ['appCpu'],
    })
    expect(r.ok).toBe(true)
    expect(callsOf('DescribeCallDetailInfo')).toHaveLength(1)
  })

  it('refuses an unknown metric and a reversed window before calling', async () => {
    const svc = createInsightsService({ cloud })
    log.clear()
    const base = { sdkAppId: sim.credentials.sdkAppId, commId: `${sim.credentials.sdkAppId}_1_1`, userIds: ['a'] }
    const bad = await svc.quality({ ...base, startTime: nowS() - 60, endTime: nowS(), dataTypes: ['bogus'] })
    expect(bad.ok ? null : bad.error.code).toBe('request.invalid')
    const reversed = await svc.quality({ ...base, startTime: nowS(), endTime: nowS() - 60, dataTypes: ['aBit'] })
    expect(reversed.ok ? null : reversed.error.code).toBe('request.invalid')
    expect(log.entries()).toHaveLength(0)
  })

  it('returns the error of a failing call as a value', async () => {
    const r = await createInsightsService({ cloud }).quality({
      sdkAppId: sim.credentials.sdkAppId,
      commId: `${sim.credentials.sdkAppId}_1_1`,
      // Older than the 14-day look-back (003_530a54cf0f8c0df7.txt L11915–L11918).
      startTime: nowS() - 20 * 86400,
      endTime: nowS() - 20 * 86400 + 60,
      userIds: ['a'],
      dataTypes: ['aBit'],
    })
    expect(r.ok).toBe(false)
  })

  it('passes a missing profile through', async () => {
    const none: CloudAccess = { current: async () => err('credentials.missing', 'err.profile.noneActive') }
    const r = await createInsightsService({ cloud: none }).quality({ sdkAppId: 1400000001, commId: '1400000001_1_1', startTime: 1, endTime: 2, userIds: ['a'], dataTypes: ['aBit'] })
    expect(r.ok ? null : r.error.code).toBe('credentials.missing')
  })
})

describe('events', () => {
  it('flattens DescribeUserEvent into millisecond events sorted by time', async () => {
    const { room, end } = findRoom(600, 1)
    const r = await createInsightsService({ cloud }).events({
      sdkAppId: room.sdkAppId,
      commId: room.commId,
      roomId: room.roomId,
      userId: room.creator,
      startTime: room.createTime,
      endTime: end,
    })
    expect(r.ok).toBe(true)
    if (!r.ok) return
    expect(r.value.length).toBeGreaterThan(1)
    const times = r.value.map((e) => e.timeMs)
    expect(times).toEqual([...times].sort((a, b) => a - b))
    // Milliseconds: the first event (entering the room) falls in the room's creation second.
    expect(Math.floor(r.value[0]!.timeMs / 1000)).toBe(room.createTime)
    expect([5001, 32791, 32788, 7000]).toContain(r.value[0]!.eventId)
    expect(r.value.every((e) => e.peerId === room.creator)).toBe(true)
  })

  it('gives an empty list for a room the account does not have', async () => {
    const r = await createInsightsService({ cloud }).events({
      sdkAppId: sim.credentials.sdkAppId,
      commId: `${sim.credentials.sdkAppId}_nowhere_${nowS() - 100}`,
      roomId: 'nowhere',
      userId: 'u1',
      startTime: nowS() - 100,
      endTime: nowS(),
    })
    expect(r).toEqual({ ok: true, value: [] })
  })
})
