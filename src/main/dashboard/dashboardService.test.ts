// The dashboard service against the real simulator over HTTP: polling, pause, editions, faults.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import type { Settings } from '../../shared/contract/contract'
import { lastDays, REFRESH_DEFAULT_S, type DashboardSnapshot } from '../../shared/dashboard/dashboard'
import { startSimulator, type Simulator } from '../../simulator/server'
import type { TencentClient } from '../cloud/client'
import type { RequestLog } from '../cloud/requestLog'
import type { CloudAccess } from '../rooms/cloudAccess'
import { simulatorCloud } from '../testing/simulatorCloud'
import { createDashboardService, editionNeedOf, type DashboardService, type Timers } from './dashboardService'
import { appError } from '../../shared/errors'

let sim: Simulator
let client: TencentClient
let log: RequestLog
let cloud: CloudAccess
const clock = { now: () => Date.now() }
const nowS = (): number => Math.floor(Date.now() / 1000)

beforeAll(async () => {
  sim = await startSimulator({ seed: 'dashboard' })
  // One attempt, so an injected fault shows at once instead of after the backoff. A region the
  // usage APIs do not serve: the service must send them to one that does.
  ;({ client, log, cloud } = simulatorCloud(sim, { retry: { maxAttempts: 1 }, region: 'ap-beijing' }))
})

afterAll(async () => {
  await client.close()
  await sim.close()
})

/** Timers the test fires by hand. */
function manualTimers(): Timers & { pending: Array<{ fn: () => void; ms: number }>; fire(): void } {
  const pending: Array<{ fn: () => void; ms: number }> = []
  return {
    pending,
    setTimeout: (fn, ms) => {
      const t = { fn, ms }
      pending.push(t)
      return t
    },
    clearTimeout: (h) => {
      const i = pending.indexOf(h as (typeof pending)[number])
      if (i >= 0) pending.splice(i, 1)
    },
    fire() {
      const t = pending.shift()
      t?.fn()
    },
  }
}

let service: DashboardService
let pushed: DashboardSnapshot[]
let settings: Settings
function make(timers = manualTimers()) {
  pushed = []
  settings = { theme: 'system', language: 'system' }
  service = createDashboardService({
    cloud,
    settings: { get: () => settings, update: async (p) => (settings = { ...settings, ...p }) },
    emit: (e, p) => {
      if (e === 'dashboard.snapshot') pushed.push(p as DashboardSnapshot)
    },
    now: clock.now,
    timers,
  })
  return timers
}

afterEach(() => {
  service.close()
  sim.setEdition('premium')
  sim.setFaults({})
})

const calls = (action: string) => log.entries().filter((e) => e.action === action)

describe('real-time polling', () => {
  it('fetches scale and quality for the last hour at most, pushes snapshots and polls every 20 s by default', async () => {
    const timers = make()
    const before = calls('DescribeTRTCRealTimeScaleData').length
    const r = await service.start({ sdkAppId: sim.credentials.sdkAppId })
    expect(r.ok).toBe(true)
    const snap = service.snapshot()
    expect(snap.scale.error).toBeNull()
    expect(snap.scale.data!.columns).toEqual(['userCount', 'roomCount'])
    expect(snap.scale.data!.times.length).toBeGreaterThan(10)
    expect(snap.quality.data!.columns).toEqual(['videoFreezeRate', 'audioFreezeRate'])
    expect(snap.window!.endTime - snap.window!.startTime).toBeLessThanOrEqual(3600)
    expect(pushed.at(-1)?.scale.updatedAt).toBe(snap.scale.updatedAt)
    // SdkAppId is a String for these APIs (L4069) and no Region is sent (L4067).
    const last = calls('DescribeTRTCRealTimeScaleData').at(-1)!
    expect(JSON.parse(last.payload)).toMatchObject({ SdkAppId: String(sim.credentials.sdkAppId) })
    expect(last.region).toBeNull()
    expect(calls('DescribeTRTCRealTimeScaleData').length).toBe(before + 1)
    expect(timers.pending.map((t) => t.ms)).toEqual([REFRESH_DEFAULT_S * 1000])

    // The timer refreshes; a new timer is armed after the answer.
    timers.fire()
    await expect.poll(() => calls('DescribeTRTCRealTimeScaleData').length, { timeout: 10_000 }).toBe(before + 2)
    await expect.poll(() => timers.pending.length, { timeout: 10_000 }).toBe(1)
  })

  it('pause stops the timer, resume fetches at once, and the interval persists in settings', async () => {
    const timers = make()
    await service.start({ sdkAppId: sim.credentials.sdkAppId, spanS: 600 })
    expect(service.snapshot().window!.endTime - service.snapshot().window!.startTime).toBe(600)
    const n = calls('DescribeTRTCRealTimeQualityData').length
    expect(service.pause(true).paused).toBe(true)
    expect(timers.pending).toEqual([])
    expect(service.snapshot().nextAt).toBeNull()
    expect(calls('DescribeTRTCRealTimeQualityData').length).toBe(n)

    const c = await service.configure({ refreshS: 60 })
    expect(c.ok && c.value.refreshS).toBe(60)
    expect(settings.dashboardRefreshS).toBe(60)
    expect(timers.pending).toEqual([])

    service.pause(false)
    await expect.poll(() => calls('DescribeTRTCRealTimeQualityData').length, { timeout: 10_000 }).toBe(n + 1)
    await expect.poll(() => timers.pending.map((t) => t.ms), { timeout: 10_000 }).toEqual([60_000])
    service.stop()
    expect(timers.pending).toEqual([])
    expect(service.snapshot().running).toBe(false)
  })

  it('a stop and start while a refresh is on its way still leaves polling armed', async () => {
    const timers = make()
    const first = service.start({ sdkAppId: sim.credentials.sdkAppId })
    await new Promise((r) => setTimeout(r, 1))
    service.stop()
    const second = await service.start({ sdkAppId: sim.credentials.sdkAppId })
    await first
    expect(second.ok && second.value.running).toBe(true)
    expect(service.snapshot().scale.data).not.toBeNull()
    expect(timers.pending.map((t) => t.ms)).toEqual([REFRESH_DEFAULT_S * 1000])
  })

  it('refuses an SDKAppID that is not the active profile’s', async () => {
    make()
    const r = await service.start({ sdkAppId: 1 })
    expect(r.ok).toBe(false)
    if (!r.ok) expect(r.error.code).toBe('request.invalid')
  })

  it('says the Free edition cannot call the dashboard APIs, per panel, while usage still works', async () => {
    make()
    sim.setEdition('free')
    await service.start({ sdkAppId: sim.credentials.sdkAppId })
    const snap = service.snapshot()
    for (const p of [snap.scale, snap.quality]) {
      expect(p.edition).toBe('standard')
      expect(p.error?.code).toBe('tencent.editionRequired')
      expect(p.error?.message).toMatch(/Standard or Premium/)
      expect(p.data).toBeNull()
    }
    const m = await service.market({ sdkAppId: sim.credentials.sdkAppId, ...lastDays(nowS(), 7), period: 'd' })
    expect(m.ok && m.value.scale.edition).toBe('standard')
    expect(m.ok && m.value.quality.edition).toBe('standard')
    const u = await service.usage({ sdkAppId: sim.credentials.sdkAppId, ...lastDays(nowS(), 7) })
    expect(u.ok && u.value.trtc.error).toBeNull()
    expect(u.ok && u.value.trtc.data!.keys).toEqual(['Audio', 'SD', 'HD', 'FullHD', '2K', '4K'])
  })

  it('keeps the last good data through an injected fault, marks it stale, and recovers', async () => {
    make()
    await service.start({ sdkAppId: sim.credentials.sdkAppId })
    const good = service.snapshot()
    expect(good.scale.error).toBeNull()
    sim.setFaults({ errorRate: { InternalError: 1 } })
    await new Promise((r) => setTimeout(r, 5))
    const bad = await service.refresh()
    expect(bad.scale.error?.code).toBe('tencent.internal')
    expect(bad.scale.edition).toBeNull()
    expect(bad.scale.data).toEqual(good.scale.data)
    expect(bad.scale.updatedAt).toBe(good.scale.updatedAt)
    expect(bad.quality.error).not.toBeNull()
    sim.setFaults({})
    await new Promise((r) => setTimeout(r, 5))
    const back = await service.refresh()
    expect(back.scale.error).toBeNull()
    expect(back.quality.error).toBeNull()
    expect(back.scale.updatedAt!).toBeGreaterThan(good.scale.updatedAt!)
  })
})

describe('market and usage', () => {
  it('fetches market scale and quality; an old start fails only the quality panel (30 vs 60 days)', async () => {
    make()
    const r = await service.market({ sdkAppId: sim.credentials.sdkAppId, ...lastDays(nowS(), 45), period: 'd' })
    expect(r.ok).toBe(true)
    if (!r.ok) return
    expect(r.value.scale.error).toBeNull()
    expect(r.value.scale.data!.times.length).toBeGreaterThanOrEqual(44)
    expect(r.value.scale.data!.columns).toEqual(expect.arrayContaining(['userCount', 'roomCount', 'peakCurrentUsers', 'peakCurrentChannels']))
    expect(r.value.quality.error?.code).toBe('request.invalid')
    expect(r.value.quality.error?.message).toMatch(/30 days/)

    // Yesterday and today: just after midnight UTC today alone has a single hour.
    const h = await service.market({ sdkAppId: sim.credentials.sdkAppId, ...lastDays(nowS(), 2), period: 'h' })
    expect(h.ok && h.value.quality.data!.columns).toEqual(['videoFreezeRate', 'audioFreezeRate', 'networkDelay', 'joinSuccessRate', 'joinSuccessIn5sRate'])
    expect(h.ok && h.value.quality.data!.times.length).toBeGreaterThan(1)
  })

  it('fetches the four usage families (recording single and mixed) in a usage region, with totals', async () => {
    make()
    const r = await service.usage({ sdkAppId: null, ...lastDays(nowS(), 7) })
    expect(r.ok).toBe(true)
    if (!r.ok) return
    for (const panel of Object.values(r.value)) {
      expect(panel.error).toBeNull()
      expect(panel.data!.times.length).toBe(7)
      expect(panel.data!.totals.length).toBe(panel.data!.keys.length)
    }
    expect(r.value.relay.data!.keys).toEqual(['Bandwidth'])
    expect(r.value.trtc.data!.totals[0]).toBeCloseTo(r.value.trtc.data!.values[0]!.reduce((a, b) => a + b, 0))
    const usageCalls = log.entries().filter((e) => e.action.endsWith('Usage')).slice(-5)
    expect(usageCalls.map((c) => c.region)).toEqual(['ap-guangzhou', 'ap-guangzhou', 'ap-guangzhou', 'ap-guangzhou', 'ap-guangzhou'])
    expect(usageCalls.map((c) => JSON.parse(c.payload).MixType).filter(Boolean).sort()).toEqual(['multi', 'single'])

    const tooLong = await service.usage({ sdkAppId: null, ...lastDays(nowS(), 40) })
    expect(tooLong.ok).toBe(false)
  })

  it('reads a start beyond the edition’s look-back as a call for the Premium edition (L17199)', async () => {
    sim.setEdition('standard')
    const now = nowS()
    const r = await client.call('DescribeTRTCRealTimeScaleData', { SdkAppId: String(sim.credentials.sdkAppId), StartTime: now - 7200, EndTime: now }, { priority: 'user', mutating: false })
    expect(r.ok).toBe(false)
    if (r.ok) return
    expect(r.error.tencentCode).toBe('InvalidParameter.StartTimeOversize')
    expect(editionNeedOf('DescribeTRTCRealTimeScaleData', r.error)).toBe('premium')
  })

  it('lists usage by room for a day, with the SdkAppid spelling and a usage region', async () => {
    make()
    const today = new Date().toISOString().slice(0, 10)
    const r = await service.roomUsage({ sdkAppId: sim.credentials.sdkAppId, date: today })
    expect(r.ok && r.value.error).toBeNull()
    if (!r.ok) return
    expect(r.value.data!.columns).toEqual(['Audio', 'SD', 'HD', 'FullHD', '2K', '4K'])
    expect(r.value.data!.rows.length).toBeGreaterThan(0)
    const totals = r.value.data!.rows.map((x) => x.total)
    expect(totals).toEqual([...totals].sort((a, b) => b - a))
    const call = calls('DescribeTrtcRoomUsage').at(-1)!
    expect(call.region).toBe('ap-guangzhou')
    expect(JSON.parse(call.payload)).toMatchObject({ SdkAppid: sim.credentials.sdkAppId, StartTime: `${today} 00:00` })
    const future = await service.roomUsage({ sdkAppId: sim.credentials.sdkAppId, date: '2999-01-01' })
    expect(future.ok).toBe(false)
  })

  it('maps only dashboard errors to an edition', () => {
    const e = appError('tencent.failedOperation', 'err.tc.UnsupportedOperation', undefined, { tencentCode: 'UnsupportedOperation' })
    expect(editionNeedOf('DescribeTRTCMarketScaleData', e)).toBe('standard')
    expect(editionNeedOf('DescribeTrtcUsage', e)).toBeNull()
    expect(editionNeedOf('DescribeTRTCRealTimeScaleData', { ...e, code: 'tencent.editionRequired', tencentCode: 'InvalidParameter.StartTimeOversize' })).toBe('premium')
  })
})
