import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import type { AlertsView } from '../../shared/contract/contract'
import { startSimulator, type Simulator } from '../../simulator/server'
import { emptyOverlay, findApp, inRoomAt, roomActive, roomsInRange, sessionsAt, type Room } from '../../simulator/world'
import type { TencentClient } from '../cloud/client'
import type { RequestLog } from '../cloud/requestLog'
import type { CloudAccess } from '../rooms/cloudAccess'
import { simulatorCloud } from '../testing/simulatorCloud'
import { createAlertsService, type AlertsService } from './alertsService'

let sim: Simulator
let client: TencentClient
let log: RequestLog
let cloud: CloudAccess
let dir: string
const clock = { now: () => Date.now() }
const quiet = { error: () => undefined, warn: () => undefined, info: () => undefined }

beforeAll(async () => {
  sim = await startSimulator({ seed: 'alerts' })
  ;({ client, log, cloud } = simulatorCloud(sim))
})
afterAll(async () => {
  await client.close()
  await sim.close()
})
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'alerts-'))
})
afterEach(async () => {
  await rm(dir, { recursive: true, force: true })
})

function start(notes: { title: string; body: string }[] = [], pushes: AlertsView[] = []): Promise<AlertsService> {
  return createAlertsService({
    dir,
    cloud,
    now: clock.now,
    emit: (e, payload) => {
      if (e === 'alerts.changed') pushes.push(payload as AlertsView)
    },
    notify: (title, body) => void notes.push({ title, body }),
    log: quiet,
  })
}

/** A live room with at least two users in it right now. */
function liveRoom(): { room: Room; users: string[] } {
  const app = findApp(sim.world, sim.credentials.sdkAppId)!
  const now = Math.floor(Date.now() / 1000)
  for (const room of roomsInRange(sim.world, app, now, now, now, emptyOverlay()).reverse()) {
    if (!roomActive(room, emptyOverlay(), now)) continue
    const users = sessionsAt(sim.world, room, emptyOverlay(), now)
      .filter((s) => inRoomAt(s, now) && inRoomAt(s, now + 120))
      .map((s) => s.userId)
    if (users.length >= 2 && room.createTime < now - 120) return { room, users }
  }
  throw new Error('no live room with two users')
}

const app = () => sim.credentials.sdkAppId

describe('alerts service on the simulator', () => {
  it('an app rule fires once, notifies, and the acknowledgement survives a restart', async () => {
    const notes: { title: string; body: string }[] = []
    const pushes: AlertsView[] = []
    const s = await start(notes, pushes)
    const saved = await s.saveRule({ name: 'Anyone online', enabled: true, kind: 'metric', scope: { kind: 'app', sdkAppId: app() }, metric: 'userCount', comparator: '>', threshold: 0, hysteresis: 0, durationS: 0 })
    expect(saved.ok).toBe(true)
    await s.pollNow()
    await s.pollNow()
    const list = s.list()
    expect(list.alerts).toHaveLength(1)
    expect(list.alerts[0]).toMatchObject({ ruleName: 'Anyone online', metric: 'userCount', comparator: '>', threshold: 0, resolvedAt: null, acknowledgedAt: null })
    expect(list.alerts[0]!.value).toBeGreaterThan(0)
    expect(list.unacknowledged).toBe(1)
    expect(list.status.problems).toEqual([])
    expect(notes).toHaveLength(1)
    expect(notes[0]!.title).toBe('Anyone online')
    expect(notes[0]!.body).toMatch(/^Online users \d+ > 0 — app \d+$/)
    expect(pushes.at(-1)!.unacknowledged).toBe(1)
    // Real-time data: DescribeTRTCRealTimeScaleData, without a region.
    const calls = log.entries().filter((e) => e.action === 'DescribeTRTCRealTimeScaleData')
    expect(calls.length).toBeGreaterThanOrEqual(2)
    expect(calls.every((c) => c.region === null)).toBe(true)

    const acked = await s.ack([list.alerts[0]!.id])
    expect(acked.ok && acked.value.unacknowledged).toBe(0)
    await s.close()

    const again = await start(notes)
    expect(again.rules().rules.map((r) => r.name)).toEqual(['Anyone online'])
    expect(again.list().alerts).toHaveLength(1)
    expect(again.list().alerts[0]!.acknowledgedAt).not.toBeNull()
    // The episode is still open after the restart: no second alert, no second notification.
    await again.pollNow()
    expect(again.list().alerts).toHaveLength(1)
    expect(notes).toHaveLength(1)
    await again.close()
  })

  it('a VIP rule fires when the VIP is removed from the room', async () => {
    const { room, users } = liveRoom()
    const vip = users[1]!
    const notes: { title: string; body: string }[] = []
    const s = await start(notes)
    const r = await s.saveRule({ name: 'VIP watch', enabled: true, kind: 'vip', sdkAppId: app(), roomId: room.roomId, userIds: [vip], alertIfAbsent: false, durationS: 0 })
    expect(r.ok).toBe(true)
    await s.pollNow()
    expect(s.list().alerts).toHaveLength(0)
    const kick = await client.call(
      room.isString ? 'RemoveUserByStrRoomId' : 'RemoveUser',
      { SdkAppId: app(), RoomId: room.isString ? room.roomId : Number(room.roomId), UserIds: [vip] },
      { region: sim.credentials.region, priority: 'user', mutating: true },
    )
    expect(kick.ok).toBe(true)
    await s.pollNow()
    const alerts = s.list().alerts
    expect(alerts).toHaveLength(1)
    expect(alerts[0]).toMatchObject({ kind: 'vip', userId: vip, vipReason: 'left', scope: { kind: 'room', roomId: room.roomId } })
    expect(notes[0]!.body).toBe(`VIP ${vip} left room ${room.roomId}.`)
    await s.close()
  })

  it('a user rule reads DescribeCallDetailInfo for the user\'s live call', async () => {
    const { room, users } = liveRoom()
    const s = await start()
    await s.saveRule({ name: 'Any audio', enabled: true, kind: 'metric', scope: { kind: 'user', sdkAppId: app(), roomId: room.roomId, userId: users[0]! }, metric: 'aBit', comparator: '>', threshold: -1, hysteresis: 0, durationS: 0 })
    await s.pollNow()
    expect(s.list().alerts).toHaveLength(1)
    expect(s.list().alerts[0]!.scope).toMatchObject({ kind: 'user', userId: users[0] })
    const detail = log.entries().filter((e) => e.action === 'DescribeCallDetailInfo').at(-1)!
    expect(JSON.parse(detail.payload)).toMatchObject({ CommId: room.commId, UserIds: [users[0]], DataType: ['aBit'] })
    await s.close()
  })

  it('refuses bad rules with a clear message and keeps the existing ones', async () => {
    const s = await start()
    await s.saveRule({ name: 'Keep me', enabled: false, kind: 'metric', scope: { kind: 'app', sdkAppId: app() }, metric: 'roomCount', comparator: '>', threshold: 5, hysteresis: 0, durationS: 60 })
    const bad = await s.saveRule({ name: 'Bad', enabled: true, kind: 'metric', scope: { kind: 'app', sdkAppId: app() }, metric: 'aLoss', comparator: '>', threshold: 5, hysteresis: 0, durationS: 0 })
    expect(bad.ok).toBe(false)
    if (!bad.ok) expect(bad.error).toMatchObject({ code: 'request.invalid', message: 'This metric cannot be measured for that scope' })
    const noVip = await s.saveRule({ name: 'VIP', enabled: true, kind: 'vip', sdkAppId: app(), userIds: [], alertIfAbsent: false, durationS: 0 })
    expect(!noVip.ok && noVip.error.message).toBe('List at least one VIP user ID')
    expect(s.rules().rules.map((r) => r.name)).toEqual(['Keep me'])
    await s.close()
  })

  it('disabling a rule resolves its alert; deleting it stops the poller', async () => {
    const s = await start()
    const saved = await s.saveRule({ name: 'Online', enabled: true, kind: 'metric', scope: { kind: 'app', sdkAppId: app() }, metric: 'roomCount', comparator: '>', threshold: 0, hysteresis: 0, durationS: 0 })
    if (!saved.ok) throw new Error(saved.error.message)
    await s.pollNow()
    expect(s.list().status.polling).toBe(true)
    const rule = saved.value.rules[0]!
    await s.saveRule({ ...rule, enabled: false })
    expect(s.list().alerts[0]!.resolvedAt).not.toBeNull()
    expect(s.list().status.polling).toBe(false)
    await s.deleteRule(rule.id)
    expect(s.rules().rules).toEqual([])
    await s.close()
  })

  it('the interval is kept within 10 s – 1 h and survives a restart; the timer polls on its own', async () => {
    const s = await start()
    expect(s.rules().pollIntervalS).toBe(30)
    const low = await s.configure(3)
    expect(low.ok && low.value.pollIntervalS).toBe(10)
    await s.configure(7200)
    expect(s.rules().pollIntervalS).toBe(3600)
    await s.configure(10)
    await s.close()
    const again = await start()
    expect(again.rules().pollIntervalS).toBe(10)
    await again.close()
  })

  it('polls by itself at the interval while a rule is enabled, and not without one', async () => {
    const pushes: AlertsView[] = []
    const s = await start([], pushes)
    await s.configure(10)
    const saved = await s.saveRule({ name: 'Rooms', enabled: true, kind: 'metric', scope: { kind: 'app', sdkAppId: app() }, metric: 'roomCount', comparator: '>', threshold: 1e9, hysteresis: 0, durationS: 0 })
    if (!saved.ok) throw new Error(saved.error.message)
    await s.pollNow()
    const first = s.list().status.lastPollAt!
    // The timer's poll, not one asked for: lastPollAt moves on by about the interval.
    await expect.poll(() => s.list().status.lastPollAt, { timeout: 15_000, interval: 250 }).toBeGreaterThanOrEqual(first + 9_000)
    await s.deleteRule(saved.value.rules[0]!.id)
    expect(s.list().status.polling).toBe(false)
    await s.close()
  }, 20_000)

  it('a damaged rules file is kept aside, not overwritten', async () => {
    await writeFile(join(dir, 'alert-rules.json'), '{ not json')
    const s = await start()
    expect(s.rules().rules).toEqual([])
    const { readdir } = await import('node:fs/promises')
    const kept = (await readdir(dir)).find((f) => f.startsWith('alert-rules.json.unreadable-'))
    expect(kept).toBeDefined()
    expect(await readFile(join(dir, kept!), 'utf8')).toBe('{ not json')
    await s.close()
  })
})
