import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createProfileService, type ProfileInput, type ProfileService } from './profiles'
import { InMemorySecretStore, type SecretStore } from './secretStore'
import { err } from '../../shared/errors'

const SECRET_ID = 'AKIDexampleexampleexample1a2b'
const SECRET_KEY = 'super-secret-key-value-XYZ'
const input: ProfileInput = {
  name: 'Production',
  secretId: SECRET_ID,
  secretKey: SECRET_KEY,
  token: 'tmp-token-123',
  tokenExpiresAt: 2_000_000,
  endpoint: { site: 'intl' },
  defaultRegion: 'ap-singapore',
  sdkApps: [{ sdkAppId: 1400000001, sdkSecretKey: 'sdk-secret-1' }, { sdkAppId: 1400000002 }],
}

let dir: string
let secrets: InMemorySecretStore
let now = 1_000_000
let service: ProfileService

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'profiles-'))
  secrets = new InMemorySecretStore()
  now = 1_000_000
  service = createProfileService({ dir, secrets, clock: { now: () => now } })
})
afterEach(async () => {
  await rm(dir, { recursive: true, force: true })
})

describe('profile service', () => {
  it('keeps secrets in the store and only hints in profiles.json and summaries', async () => {
    const created = await service.create(input)
    expect(created.ok).toBe(true)
    if (!created.ok) return
    expect(created.value).toMatchObject({
      name: 'Production',
      secretIdHint: 'AKID…1a2b',
      hasSecretKey: true,
      hasToken: true,
      tokenExpiresAt: 2_000_000,
      // Not in use yet: profiles.create tests the connection before it activates a profile.
      active: false,
      sdkApps: [
        { sdkAppId: 1400000001, hasSdkSecretKey: true },
        { sdkAppId: 1400000002, hasSdkSecretKey: false },
      ],
    })
    const onDisk = await readFile(join(dir, 'profiles.json'), 'utf8')
    const summaries = JSON.stringify(await service.list())
    for (const text of [onDisk, summaries]) {
      for (const secret of [SECRET_ID, SECRET_KEY, 'tmp-token-123', 'sdk-secret-1']) expect(text).not.toContain(secret)
    }
    expect(await service.credentialsFor(created.value.id)).toEqual({ ok: true, value: { secretId: SECRET_ID, secretKey: SECRET_KEY, token: 'tmp-token-123' } })
    expect(await service.sdkSecretKeyFor(created.value.id, 1400000001)).toEqual({ ok: true, value: 'sdk-secret-1' })
    expect(await service.sdkSecretKeyFor(created.value.id, 1400000002)).toMatchObject({ ok: false, error: { code: 'credentials.missing' } })
    expect((await readdir(dir)).filter((f) => f.endsWith('.tmp'))).toEqual([])
  })

  it('updates keep absent secrets, replace given ones and remove nulled ones', async () => {
    const c = await service.create(input)
    if (!c.ok) throw new Error('create failed')
    const id = c.value.id
    const u = await service.update(id, { name: 'Prod', token: null, sdkApps: [{ sdkAppId: 1400000002, sdkSecretKey: 'sdk-secret-2' }] })
    expect(u).toMatchObject({ ok: true, value: { name: 'Prod', hasToken: false, tokenExpiresAt: null, sdkApps: [{ sdkAppId: 1400000002, hasSdkSecretKey: true }] } })
    expect(await service.credentialsFor(id)).toEqual({ ok: true, value: { secretId: SECRET_ID, secretKey: SECRET_KEY } })
    expect(secrets.accounts()).not.toContain(`profile:${id}:sdk:1400000001`)
    expect(secrets.accounts()).not.toContain(`profile:${id}:token`)
    await service.update(id, { secretKey: 'rotated-key' })
    expect(await service.credentialsFor(id)).toMatchObject({ ok: true, value: { secretKey: 'rotated-key' } })
    expect(await service.update(id, { defaultRegion: 'mars-1' as never })).toMatchObject({ ok: false, error: { code: 'request.invalid' } })
  })

  it('reports an expired token before any call, and deletes every keychain entry with the profile', async () => {
    const c = await service.create(input)
    if (!c.ok) throw new Error('create failed')
    expect((await service.setActive(c.value.id)).ok).toBe(true)
    now = 2_000_001
    expect(await service.credentialsFor(c.value.id)).toMatchObject({ ok: false, error: { code: 'credentials.expired' } })
    const second = await service.create({ ...input, name: 'Staging', token: undefined, tokenExpiresAt: undefined })
    if (!second.ok) throw new Error('create failed')
    expect((await service.delete(c.value.id)).ok).toBe(true)
    expect(secrets.accounts().filter((a) => a.includes(c.value.id))).toEqual([])
    const list = await service.list()
    expect(list).toMatchObject({ ok: true, value: { activeId: second.value.id } })
    expect(await service.get(c.value.id)).toMatchObject({ ok: false, error: { code: 'profile.notFound' } })
    expect(await service.setActive('nope')).toMatchObject({ ok: false, error: { code: 'profile.notFound' } })
    expect((await service.setActive(null)).ok).toBe(true)
  })

  it('writes nothing when the keychain is unavailable', async () => {
    const broken: SecretStore = {
      get: async () => err('keychain.unavailable', 'err.code.keychain.unavailable'),
      set: async () => err('keychain.unavailable', 'err.code.keychain.unavailable'),
      delete: async () => ({ ok: true, value: false }),
    }
    const s = createProfileService({ dir, secrets: broken, clock: { now: () => now } })
    expect(await s.create(input)).toMatchObject({ ok: false, error: { code: 'keychain.unavailable' } })
    expect(await readdir(dir)).toEqual([])
  })

  it('serialises concurrent changes and refuses a damaged file', async () => {
    const results = await Promise.all(Array.from({ length: 5 }, (_, i) => service.create({ ...input, name: `P${i}` })))
    expect(results.every((r) => r.ok)).toBe(true)
    const list = await service.list()
    expect(list.ok && list.value.profiles.map((p) => p.name)).toEqual(['P0', 'P1', 'P2', 'P3', 'P4'])
    await writeFile(join(dir, 'profiles.json'), '{"version": 7}')
    expect(await service.list()).toMatchObject({ ok: false, error: { code: 'file.invalid' } })
  })

  it('accepts a local simulator URL but no remote one', async () => {
    expect((await service.create({ ...input, endpoint: { url: 'http://127.0.0.1:9000' } })).ok).toBe(true)
    expect(await service.create({ ...input, endpoint: { url: 'https://evil.example.com' } })).toMatchObject({ ok: false, error: { code: 'request.invalid' } })
  })
})
