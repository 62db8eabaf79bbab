// Wiring for tests that talk to a running simulator over HTTP: the real signing client with a
// CloudAccess on it, or the whole set of main-process services on a fresh userData folder.
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { EventName } from '../../shared/contract/channels'
import { ok } from '../../shared/errors'
import { startSimulator, type Simulator } from '../../simulator/server'
import { createTencentClient, type TencentClient } from '../cloud/client'
import { createRateBudget } from '../cloud/rateBudget'
import { createRequestLog, type RequestLog } from '../cloud/requestLog'
import { InMemorySecretStore } from '../credentials/secretStore'
import { genUserSig } from '../usersig/tlsSig'
import type { CloudAccess } from '../rooms/cloudAccess'
import { createServices, demoCloudOf, type Services } from '../services'

export const quietLog = { error: () => undefined, warn: () => undefined, info: () => undefined }

/** A client signing with the simulator's credentials, and the active profile 'p1' using it. */
export function simulatorCloud(
  sim: Simulator,
  opts: { region?: string; retry?: Parameters<typeof createTencentClient>[0]['retry'] } = {},
): { client: TencentClient; log: RequestLog; cloud: CloudAccess } {
  const clock = { now: () => Date.now() }
  const log = createRequestLog()
  const client = createTencentClient({
    clock,
    credentials: async () => ok({ secretId: sim.credentials.secretId, secretKey: sim.credentials.secretKey }),
    endpoint: { url: sim.endpoint },
    budget: createRateBudget({ clock }),
    log,
    ...(opts.retry ? { retry: opts.retry } : {}),
  })
  const region = opts.region ?? sim.credentials.region
  const cloud: CloudAccess = { current: async () => ok({ profileId: 'p1', profileName: 'Test', client, region, sdkAppIds: [sim.credentials.sdkAppId] }) }
  return { client, log, cloud }
}

/** Every main-process service with the Demo profile on a new simulator; `close` removes it all. */
export async function servicesOnSimulator(seed: string): Promise<{
  sim: Simulator
  services: Services
  events: Array<{ event: EventName; payload: unknown }>
  dir: string
  close(): Promise<void>
}> {
  const dir = await mkdtemp(join(tmpdir(), `trtc-${seed}-`))
  const sim = await startSimulator({ seed })
  const events: Array<{ event: EventName; payload: unknown }> = []
  const services = await createServices({
    userDataDir: dir,
    secrets: new InMemorySecretStore(),
    log: quietLog,
    appInfo: { name: 'TRTC Desk', version: '0', versions: { electron: '', chrome: '', node: '', v8: '' }, platform: 'linux', arch: 'x64', systemLocales: ['en'] },
    emit: (event, payload) => void events.push({ event, payload }),
    openExternal: async () => undefined,
    startDemo: async () => demoCloudOf(sim),
  })
  return {
    sim,
    services,
    events,
    dir,
    async close() {
      await services.close()
      await sim.close().catch(() => undefined)
      await rm(dir, { recursive: true, force: true })
    },
  }
}

/**
 * A simulator whose clock a test moves (`clock.offsetS`), the app's own client on it, and what the
 * task tests ask of both: `call` sends an action as the app does (signed, paced, mutating unless it
 * only describes), `userSig` signs a robot in for an application (the first by default).
 */
export async function clockedSimulator(seed: string, region: string) {
  const clock = { offsetS: 0 }
  const sim = await startSimulator({ seed, clock: () => Date.now() + clock.offsetS * 1000 })
  const { client } = simulatorCloud(sim)
  const nowS = () => Math.floor(Date.now() / 1000) + clock.offsetS
  return {
    sim,
    clock,
    nowS,
    call: <T>(action: string, body: Record<string, unknown>) => client.call<T>(action, body, { region, priority: 'user', mutating: !action.startsWith('Describe') }),
    userSig: (userId: string, sdkAppId = sim.credentials.sdkAppId) => genUserSig({ sdkAppId, sdkSecretKey: sim.sdkSecretKeyOf(sdkAppId)!, userId, expireSeconds: 3600, nowSeconds: nowS() }),
  }
}

export type ClockedSimulator = Awaited<ReturnType<typeof clockedSimulator>>

/** Tencent Cloud's error code of a failed call; undefined when it succeeded. */
export const tencentCodeOf = (r: { ok: boolean; error?: { tencentCode?: string } }): string | undefined => (r.ok ? undefined : r.error?.tencentCode)
