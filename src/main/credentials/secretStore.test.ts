import { randomBytes } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import { KeytarSecretStore } from './secretStore'

// Runs against the real Secret Service of the machine. Locally, without one, the test is skipped
// with the reason; in CI (CI set) a missing Secret Service is a failure, never a silent skip.
const service = `TRTC Desk test ${process.pid} ${randomBytes(4).toString('hex')}`
const probe = new KeytarSecretStore(service)
const probeResult = await (async () => {
  const set = await probe.set('probe', 'x')
  if (!set.ok) return set.error.message
  const got = await probe.get('probe')
  await probe.delete('probe')
  return got.ok && got.value === 'x' ? null : 'the keychain did not return what was stored'
})()
const reason = probeResult === null ? null : `no usable Secret Service: ${probeResult}`
const skip = reason !== null && !process.env.CI
if (skip) process.stderr.write(`keytar test skipped: ${reason}\n`)

describe.skipIf(skip)('KeytarSecretStore with a real keychain', () => {
  it('finds a Secret Service (required in CI)', () => {
    expect(reason).toBeNull()
  })

  it('stores, reads, overwrites and deletes a secret', async () => {
    const store = new KeytarSecretStore(service)
    const account = `acct-${randomBytes(4).toString('hex')}`
    try {
      expect(await store.get(account)).toEqual({ ok: true, value: null })
      expect((await store.set(account, 'first')).ok).toBe(true)
      expect(await store.get(account)).toEqual({ ok: true, value: 'first' })
      expect((await store.set(account, 'second ünïcode')).ok).toBe(true)
      expect(await store.get(account)).toEqual({ ok: true, value: 'second ünïcode' })
      expect(await store.delete(account)).toEqual({ ok: true, value: true })
      expect(await store.get(account)).toEqual({ ok: true, value: null })
      expect(await store.delete(account)).toEqual({ ok: true, value: false })
    } finally {
      await store.delete(account)
    }
  })
})

describe('KeytarSecretStore without a keychain', () => {
  it('reports keychain.unavailable naming what to install, never throwing', async () => {
    const broken = new KeytarSecretStore(service, async () => {
      throw new Error('libsecret-1.so.0: cannot open shared object file')
    })
    const r = await broken.set('a', 'secret-value')
    expect(r.ok).toBe(false)
    if (r.ok) return
    expect(r.error.code).toBe('keychain.unavailable')
    expect(r.error.message).not.toContain('secret-value')
    if (process.platform === 'linux') expect(r.error.message).toMatch(/gnome-keyring.*libsecret/)
    expect((await broken.get('a')).ok).toBe(false)
  })
})
