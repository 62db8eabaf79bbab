// Every channel, at least 100 invalid requests each, delivered the way Electron delivers them (a V8
// serialize round trip): each is answered request.invalid with a short message, no handler runs,
// nothing throws. Requests are built from each schema's own members (zod's JSON Schema view) filled
// with values of the wrong kind, out of range, or shaped to reach a prototype.
import { deserialize, serialize } from 'node:v8'
import { describe, expect, it } from 'vitest'
import { z } from 'zod'
import { channelNames } from '../../shared/contract/channels'
import { contract } from '../../shared/contract/contract'
import { profileInputSchema } from '../credentials/profiles'
import { createDispatch, describeIssues, forbiddenKeyPath, type Handlers } from './dispatch'
import { mulberry32 } from '../../shared/testing/rng'

const PER_CHANNEL = 100


type Json = { type?: string | string[]; properties?: Record<string, Json>; items?: Json; anyOf?: Json[]; oneOf?: Json[] }

/** Property names of an object schema, through unions. */
function members(s: Json | undefined): Record<string, Json> {
  if (!s) return {}
  const out: Record<string, Json> = { ...(s.properties ?? {}) }
  for (const alt of [...(s.anyOf ?? []), ...(s.oneOf ?? [])]) Object.assign(out, members(alt))
  return out
}

function generator(seed: number) {
  const r = mulberry32(seed)
  const pick = <T,>(xs: readonly T[]): T => xs[Math.floor(r() * xs.length)] as T
  const scalars: unknown[] = [
    null, true, false, 0, -1, 1.5, 2 ** 53, -(2 ** 31), Number.NaN, Infinity, '', ' ', 'x', '0x124f9e', '+12', '012', 'not a url', 'http://', 'javascript:alert(1)',
    'file:///etc/passwd', 'https://example.com/', '1e3', '主播', 'a'.repeat(300), '\u0000', [], [1], ['a'], {}, { a: 1 }, new Date(0), new Uint8Array(3),
  ]
  const value = (schema: Json | undefined, depth: number): unknown => {
    const props = members(schema)
    const keys = Object.keys(props)
    if (depth < 3 && keys.length > 0 && r() < 0.6) {
      const o: Record<string, unknown> = {}
      for (const k of keys) if (r() < 0.7) o[k] = value(props[k], depth + 1)
      if (r() < 0.2) o[pick(['extra', 'secret', 'id2'])] = pick(scalars)
      if (r() < 0.1) Object.defineProperty(o, '__proto__', { value: { polluted: true }, enumerable: true })
      return o
    }
    if (depth < 3 && schema?.items && r() < 0.5) return Array.from({ length: Math.floor(r() * 4) }, () => value(schema.items, depth + 1))
    return pick(scalars)
  }
  return value
}

const neverCalled = new Proxy({} as Handlers, {
  get: (_t, channel) => async () => {
    throw new Error(`handler ${String(channel)} ran for an invalid request`)
  },
})

describe('every channel refuses invalid requests cleanly', () => {
  const errors: string[] = []
  const dispatch = createDispatch(neverCalled, { error: (m) => errors.push(m), warn: () => undefined, info: () => undefined })

  for (const channel of channelNames) {
    it(`${channel}: ${PER_CHANNEL} invalid requests → request.invalid`, async () => {
      const schema = contract[channel].request as z.ZodType
      const json = z.toJSONSchema(schema, { unrepresentable: 'any', io: 'input' }) as Json
      const value = generator([...channel].reduce((h, c) => Math.imul(h ^ c.charCodeAt(0), 16777619) >>> 0, 2166136261))
      let sent = 0
      let tries = 0
      while (sent < PER_CHANNEL && tries < PER_CHANNEL * 50) {
        tries++
        const request = deserialize(serialize(value(json, 0)))
        // Only requests the contract refuses count (or that carry a forbidden key, refused before it).
        if (!forbiddenKeyPath(request) && schema.safeParse(request).success) continue
        sent++
        const r = await dispatch(channel, request)
        expect(r.ok, `${channel} accepted ${JSON.stringify(request)?.slice(0, 200)}`).toBe(false)
        if (r.ok) continue
        expect(r.error.code).toBe('request.invalid')
        expect(r.error.message.length).toBeLessThanOrEqual(400)
      }
      expect(sent).toBe(PER_CHANNEL)
      expect(errors).toEqual([])
    })
  }
})

describe('request errors', () => {
  it('quote no value, and stay short however much was sent', () => {
    const schema = z.object({ name: z.string().max(5), url: z.url() }).strict()
    const wide = Object.fromEntries(Array.from({ length: 5000 }, (_, i) => [`key${i}_${'k'.repeat(50)}`, 'secret-value-123']))
    const r = schema.safeParse({ name: 'AKIDsecret-looking-value', url: 'sk_live_notaurl', ...wide })
    const text = describeIssues(r.error!)
    expect(text.length).toBeLessThan(400)
    expect(text).not.toContain('secret-value-123')
    expect(text).not.toContain('AKIDsecret-looking-value')
    expect(text).not.toContain('sk_live_notaurl')
  })

  it('finds a prototype key at any depth, after a V8 round trip', () => {
    const evil = JSON.parse('{"patch":{"sdkApps":[{"__proto__":{"isAdmin":true}}]}}') as unknown
    expect(forbiddenKeyPath(deserialize(serialize(evil)))).toBe('__proto__')
    expect(forbiddenKeyPath({ a: { constructor: 1 } })).toBe('constructor')
    expect(forbiddenKeyPath({ a: [{ b: 1 }] })).toBeNull()
  })

  it('profiles.update with a __proto__ patch, numeric rooms in other spellings, and a non-URL endpoint are refused', async () => {
    const dispatch = createDispatch(neverCalled, { error: () => undefined, warn: () => undefined, info: () => undefined })
    const proto = await dispatch('profiles.update', deserialize(serialize(JSON.parse('{"id":"p1","patch":{"__proto__":{"name":"x"}}}'))))
    expect(!proto.ok && proto.error.code).toBe('request.invalid')
    for (const roomId of ['0x124f9e', '+1200030', '01200030', ' 1200030', '1200030.0', '1e6', '4294967296']) {
      const r = await dispatch('moderation.run', { action: 'dismiss', sdkAppId: 1400000001, roomId, roomIdType: 'number', confirmRoomId: roomId })
      expect(!r.ok && r.error.code, roomId).toBe('request.invalid')
    }
    // The profile form's own schema (run by the profiles handler): a non-URL endpoint is a refusal, not a throw.
    const parsed = profileInputSchema.safeParse({ name: 'x', secretId: 'a', secretKey: 'b', endpoint: { url: 'not a url' }, defaultRegion: 'ap-guangzhou', sdkApps: [] })
    expect(parsed.success).toBe(false)
    const huge = profileInputSchema.safeParse({ name: 'x', secretId: 'a', secretKey: 'b', token: 't'.repeat(10 * 1024 * 1024), endpoint: { site: 'intl' }, defaultRegion: 'ap-guangzhou', sdkApps: [{ sdkAppId: 1, sdkSecretKey: 'k'.repeat(257) }] })
    expect(huge.success).toBe(false)
    expect(huge.error!.issues.map((i) => i.message)).toEqual(['A session token is at most 8,192 characters', 'An SDK secret key is at most 256 characters'])
  })
})
