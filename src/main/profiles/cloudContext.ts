// The active profile and its Tencent client. Real profiles come from the ProfileService (keychain +
// profiles.json); the built-in "Demo (local simulator)" profile talks to a simulator started in
// this process on loopback, with generated credentials, and is active whenever no real profile is.
import type { ProfileList, ProfileListItem } from '../../shared/contract/contract'
import { err, ok, type Result } from '../../shared/errors'
import { createTencentClient, type TencentClient } from '../cloud/client'
import { createRateBudget, type RateBudget } from '../cloud/rateBudget'
import { createRequestLog, secretIdHint, type RequestLog } from '../cloud/requestLog'
import type { ProfileService, ProfileSummary } from '../credentials/profiles'
import type { CloudAccess, CloudHandle } from '../rooms/cloudAccess'

export const DEMO_PROFILE_ID = 'demo'

/** What the Demo profile needs of the simulator. */
export interface DemoCloud {
  endpoint: string
  credentials: { secretId: string; secretKey: string; region: string; sdkAppId: number }
  sdkAppIds: number[]
  sdkSecretKeyOf(sdkAppId: number): string | undefined
  close(): Promise<void>
}

export interface CloudContext extends CloudAccess {
  list(): Promise<Result<ProfileList>>
  activate(id: string): Promise<Result<ProfileList>>
  /** Forget the cached client of a profile whose credentials or endpoint changed. */
  invalidate(id: string): void
  clientFor(id: string): Promise<Result<CloudHandle>>
  sdkSecretKeyFor(id: string, sdkAppId: number): Promise<Result<string>>
  requestLog: RequestLog
  profiles: ProfileService
  activeId(): Promise<string>
  /** The Demo simulator's base URL (starting it if needed). */
  demoEndpoint(): Promise<string>
  close(): Promise<void>
}

export function createCloudContext(deps: {
  profiles: ProfileService
  startDemo: () => Promise<DemoCloud>
  clock: { now(): number }
}): CloudContext {
  const budget: RateBudget = createRateBudget({ clock: deps.clock })
  const requestLog = createRequestLog()
  const clients = new Map<string, Promise<Result<CloudHandle>>>()
  let demo: Promise<DemoCloud> | null = null
  const demoCloud = () => (demo ??= deps.startDemo())

  function demoItem(d: DemoCloud): ProfileListItem {
    return {
      id: DEMO_PROFILE_ID,
      name: 'Demo (local simulator)',
      kind: 'demo',
      secretIdHint: secretIdHint(d.credentials.secretId),
      sdkAppIds: d.sdkAppIds,
      hasSecretKey: true,
      hasToken: false,
      tokenExpiresAt: null,
      endpoint: { url: d.endpoint },
      defaultRegion: d.credentials.region,
      sdkApps: d.sdkAppIds.map((sdkAppId) => ({ sdkAppId, hasSdkSecretKey: true })),
    }
  }
  const item = (p: ProfileSummary): ProfileListItem => ({
    id: p.id,
    name: p.name,
    kind: 'tencentCloud',
    secretIdHint: p.secretIdHint,
    sdkAppIds: p.sdkApps.map((a) => a.sdkAppId),
    hasSecretKey: p.hasSecretKey,
    hasToken: p.hasToken,
    tokenExpiresAt: p.tokenExpiresAt,
    endpoint: p.endpoint,
    defaultRegion: p.defaultRegion,
    sdkApps: p.sdkApps,
  })

  async function list(): Promise<Result<ProfileList>> {
    const [real, d] = await Promise.all([deps.profiles.list(), demoCloud()])
    const profiles = real.ok ? real.value.profiles.map(item) : []
    // Without a keychain the real profiles cannot be read, but the Demo profile still works.
    const activeId = real.ok && real.value.activeId ? real.value.activeId : DEMO_PROFILE_ID
    return ok({ profiles: [demoItem(d), ...profiles], activeId })
  }

  async function makeClient(id: string): Promise<Result<CloudHandle>> {
    const clock = deps.clock
    if (id === DEMO_PROFILE_ID) {
      const d = await demoCloud()
      const client: TencentClient = createTencentClient({
        clock,
        credentials: async () => ok({ secretId: d.credentials.secretId, secretKey: d.credentials.secretKey }),
        endpoint: { url: d.endpoint },
        budget,
        log: requestLog,
      })
      return ok({ profileId: id, profileName: 'Demo (local simulator)', client, region: d.credentials.region, sdkAppIds: d.sdkAppIds })
    }
    const p = await deps.profiles.get(id)
    if (!p.ok) return p
    const client = createTencentClient({
      clock,
      credentials: () => deps.profiles.credentialsFor(id),
      endpoint: p.value.endpoint,
      budget,
      log: requestLog,
    })
    return ok({ profileId: id, profileName: p.value.name, client, region: p.value.defaultRegion, sdkAppIds: p.value.sdkApps.map((a) => a.sdkAppId) })
  }

  function clientFor(id: string): Promise<Result<CloudHandle>> {
    let c = clients.get(id)
    if (!c) {
      c = makeClient(id)
      clients.set(id, c)
      void c.then((r) => {
        if (!r.ok) clients.delete(id)
      })
    }
    return c
  }

  return {
    list,
    async activate(id) {
      const r = await deps.profiles.setActive(id === DEMO_PROFILE_ID ? null : id)
      if (!r.ok) return r
      return list()
    },
    invalidate(id) {
      const c = clients.get(id)
      clients.delete(id)
      void c?.then((r) => {
        if (r.ok) void r.value.client.close()
      })
    },
    clientFor,
    async current() {
      const l = await list()
      if (!l.ok) return l
      return l.value.activeId ? clientFor(l.value.activeId) : err('credentials.missing', 'err.profile.noneActive')
    },
    async sdkSecretKeyFor(id, sdkAppId) {
      if (id !== DEMO_PROFILE_ID) return deps.profiles.sdkSecretKeyFor(id, sdkAppId)
      const key = (await demoCloud()).sdkSecretKeyOf(sdkAppId)
      return key ? ok(key) : err('credentials.missing', 'err.profile.demoNoApp', { sdkAppId })
    },
    requestLog,
    profiles: deps.profiles,
    demoEndpoint: async () => (await demoCloud()).endpoint,
    async activeId() {
      const r = await deps.profiles.list()
      return r.ok && r.value.activeId ? r.value.activeId : DEMO_PROFILE_ID
    },
    async close() {
      for (const c of clients.values()) {
        void c.then((r) => {
          if (r.ok) void r.value.client.close()
        })
      }
      clients.clear()
      if (demo) await (await demo).close()
    },
  }
}
