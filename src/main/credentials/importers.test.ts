import { mkdir, mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { deletePlaintextSource, discoverCredentials, importCandidate } from './importers'
import { createProfileService } from './profiles'
import { InMemorySecretStore } from './secretStore'

let home: string
let dataDir: string
const exists = (p: string) => stat(p).then(() => true, () => false)

beforeEach(async () => {
  home = await mkdtemp(join(tmpdir(), 'home-'))
  dataDir = await mkdtemp(join(tmpdir(), 'data-'))
  await mkdir(join(home, '.tccli'))
  await writeFile(join(home, '.tccli', 'default.credential'), JSON.stringify({ secretId: 'AKIDtccliDefault00001111', secretKey: 'tccli-key' }))
  await writeFile(join(home, '.tccli', 'default.configure'), JSON.stringify({ _sys_param: { region: 'ap-singapore', output: 'json' }, trtc: { endpoint: 'trtc.tencentcloudapi.com' } }))
  await writeFile(join(home, '.tccli', 'broken.credential'), '{not json')
  await mkdir(join(home, '.tencentcloud'))
  await writeFile(
    join(home, '.tencentcloud', 'credentials'),
    '[default]\nsecret_id = AKIDiniDefault000022223333\nsecret_key = ini-key\ntoken = ini-token\n\n[other]\nsecret_id = AKIDiniOther0000444455556666\nsecret_key = other-key\n',
  )
})
afterEach(async () => {
  await rm(home, { recursive: true, force: true })
  await rm(dataDir, { recursive: true, force: true })
})

const env = { TENCENTCLOUD_SECRET_ID: 'AKIDfromEnvironment7777', TENCENTCLOUD_SECRET_KEY: 'env-key', TENCENTCLOUD_SESSION_TOKEN: 'env-token' }

describe('credential importers', () => {
  it('discovers env, tccli and INI credentials with hints only', async () => {
    const found = await discoverCredentials({ home, env })
    expect(found.map((c) => [c.id, c.secretIdHint, c.hasToken, c.region])).toEqual([
      ['env', 'AKID…7777', true, null],
      ['tccli:default', 'AKID…1111', false, 'ap-singapore'],
      ['ini:default', 'AKID…3333', true, null],
      ['ini:other', 'AKID…6666', false, null],
    ])
    const text = JSON.stringify(found)
    for (const secret of ['env-key', 'tccli-key', 'ini-key', 'other-key', 'ini-token', 'env-token']) expect(text).not.toContain(secret)
    expect(await discoverCredentials({ home: join(home, 'nowhere'), env: {} })).toEqual([])
  })

  it('imports into the keychain and then removes the plaintext copy', async () => {
    const secrets = new InMemorySecretStore()
    const profiles = createProfileService({ dir: dataDir, secrets, clock: Date })
    const e = { home, env: {} }
    const p = await importCandidate(e, profiles, 'tccli:default', { name: 'From tccli', endpoint: { site: 'intl' } })
    expect(p).toMatchObject({ ok: true, value: { defaultRegion: 'ap-singapore', secretIdHint: 'AKID…1111' } })
    if (!p.ok) return
    expect(await profiles.credentialsFor(p.value.id)).toEqual({ ok: true, value: { secretId: 'AKIDtccliDefault00001111', secretKey: 'tccli-key' } })
    expect((await deletePlaintextSource(e, 'tccli:default')).ok).toBe(true)
    expect(await exists(join(home, '.tccli', 'default.credential'))).toBe(false)
    expect(await exists(join(home, '.tccli', 'default.configure'))).toBe(true)

    const q = await importCandidate(e, profiles, 'ini:default', { name: 'From INI', endpoint: { site: 'china' } })
    if (!q.ok) throw new Error('import failed')
    expect(await profiles.credentialsFor(q.value.id)).toMatchObject({ ok: true, value: { token: 'ini-token' } })
    expect((await deletePlaintextSource(e, 'ini:default')).ok).toBe(true)
    const left = await readFile(join(home, '.tencentcloud', 'credentials'), 'utf8')
    expect(left).not.toContain('ini-key')
    expect(left).toContain('other-key')
    expect((await deletePlaintextSource(e, 'ini:other')).ok).toBe(true)
    expect(await exists(join(home, '.tencentcloud', 'credentials'))).toBe(false)
  })

  it('refuses unknown candidates and environment deletion', async () => {
    const profiles = createProfileService({ dir: dataDir, secrets: new InMemorySecretStore(), clock: Date })
    expect(await importCandidate({ home, env: {} }, profiles, 'tccli:../../etc/passwd', { name: 'x', endpoint: { site: 'china' } })).toMatchObject({ ok: false, error: { code: 'credentials.missing' } })
    expect(await deletePlaintextSource({ home, env }, 'env')).toMatchObject({ ok: false, error: { code: 'request.invalid' } })
    expect(await deletePlaintextSource({ home, env }, 'tccli:nothing')).toMatchObject({ ok: false })
  })
})
