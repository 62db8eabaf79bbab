// The dashboard store over the typed client and the real main services, backed by a simulator.
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createClient, type Api } from '../../../../shared/contract/client'
import { createInMemoryTransport } from '../../../../shared/contract/inMemoryTransport'
import { lastDays } from '../../../../shared/dashboard/dashboard'
import { InMemorySecretStore } from '../../../../main/credentials/secretStore'
import { createServices, demoCloudOf, type Services } from '../../../../main/services'
import { startSimulator, type Simulator } from '../../../../simulator/server'
import { createDashboardStore, selectUsageProblem } from './dashboardStore'

let services: Services
let sim: Simulator
let api: Api
let dir: string
let sdkAppId: number

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'trtc-dashboard-store-'))
  sim = await startSimulator({ seed: 'dashboard-store' })
  const transport = createInMemoryTransport((c, r) => services.dispatch(c, r))
  services = await createServices({
    userDataDir: dir,
    secrets: new InMemorySecretStore(),
    appInfo: { name: 'TRTC Desk', version: '0', versions: { electron: '', chrome: '', node: '', v8: '' }, platform: 'linux', arch: 'x64', systemLocales: ['en'] },
    log: { error: () => undefined, warn: () => undefined, info: () => undefined },
    emit: (e, p) => transport.emit(e, p),
    openExternal: async () => undefined,
    startDemo: async () => demoCloudOf(sim),
  })
  api = createClient(transport)
  sdkAppId = sim.credentials.sdkAppId
})
afterAll(async () => {
  await services.close()
  await rm(dir, { recursive: true, force: true })
})

function make() {
  const store = createDashboardStore({ api, now: Date.now })
  const off = api.on('dashboard.snapshot', (s) => store.getState().snapshotPushed(s))
  return { store, s: () => store.getState(), off }
}

describe('dashboard store', () => {
  it('starts polling for an app and loads market and usage for the last 7 days', async () => {
    const { s, off } = make()
    await s().appSelected(sdkAppId)
    expect(s().error).toBeNull()
    expect(s().snapshot?.sdkAppId).toBe(sdkAppId)
    expect(s().snapshot?.scale.data?.times.length).toBeGreaterThan(0)
    expect(s().market?.scale.data?.columns).toContain('userCount')
    expect(s().usage?.relay.data?.keys).toEqual(['Bandwidth'])

    await s().pauseToggled()
    expect(s().snapshot?.paused).toBe(true)
    await s().refreshChosen(30)
    expect(s().snapshot?.refreshS).toBe(30)
    expect(services.settings.get().dashboardRefreshS).toBe(30)
    await s().pauseToggled()
    expect(s().snapshot?.paused).toBe(false)
    await s().left()
    expect(s().snapshot?.running).toBe(false)
    off()
  })

  it('an unknown app is refused with a message and changes nothing', async () => {
    const { s, off } = make()
    await s().appSelected(1)
    expect(s().error?.code).toBe('request.invalid')
    expect(s().snapshot).toBeNull()
    off()
  })

  it('keeps usage data through a failed reload of the same period, not of another one', async () => {
    const { s, off } = make()
    await s().appSelected(sdkAppId)
    const good = s().usage!.trtc
    expect(good.error).toBeNull()

    sim.setFaults({ errorRate: { InvalidParameter: 1 } })
    try {
      await s().usageRequested()
      expect(s().usage!.trtc.error?.code).toBe('tencent.invalidParameter')
      expect(s().usage!.trtc.data).toEqual(good.data)
      expect(s().usage!.trtc.updatedAt).toBe(good.updatedAt)

      s().usageRangeChanged(lastDays(Math.floor(Date.now() / 1000), 3))
      await s().usageRequested()
      expect(s().usage!.trtc.error).not.toBeNull()
      expect(s().usage!.trtc.data).toBeNull()
    } finally {
      sim.setFaults({})
    }
    await s().usageRequested()
    expect(s().usage!.trtc.error).toBeNull()
    expect(s().usage!.trtc.data!.times.length).toBe(3)
    await s().left()
    off()
  })

  it('refuses a usage period over 31 days before sending anything', () => {
    const { s, off } = make()
    s().usageRangeChanged({ startDate: '2020-01-01' })
    expect(selectUsageProblem(s(), Math.floor(Date.now() / 1000))).toBe('tooLong')
    off()
  })
})
