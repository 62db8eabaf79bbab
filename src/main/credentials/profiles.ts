// Credential profiles. Secrets (SecretId, SecretKey, token, SDK secret keys) go to the SecretStore;
// everything else to `profiles.json`, written atomically. The renderer only ever receives
// ProfileSummary, which carries hints and flags, never a secret.
import { randomUUID } from 'node:crypto'
import { join } from 'node:path'
import { z } from 'zod'
import { err, ok, type Result } from '../../shared/errors'
import { regions } from '../../shared/trtc/common'
import { readJsonFile, writeFileAtomic } from '../atomicFile'
import type { TencentCredentials } from '../cloud/client'
import { secretIdHint } from '../cloud/requestLog'
import type { SecretStore } from './secretStore'

// A local simulator endpoint is allowed only on loopback.
const loopbackUrl = z
  .url()
  .refine((u) => {
    // zod runs a refine even after .url() failed: never parse what is not a URL.
    if (!URL.canParse(u)) return false
    const { protocol, hostname } = new URL(u)
    return (protocol === 'http:' || protocol === 'https:') && (hostname === '127.0.0.1' || hostname === 'localhost' || hostname === '[::1]')
  }, 'Only a local (loopback) URL is allowed')

export const endpointSchema = z.union([
  z.object({ site: z.enum(['china', 'intl']) }).strict(),
  z.object({ region: z.enum(regions) }).strict(),
  z.object({ url: loopbackUrl }).strict(),
])

const sdkAppIdValue = z.int().min(1)
// Every secret has a ceiling, far above any real one: STS session tokens run to a few KB, SDK secret
// keys are 64 hex characters. A 10 MB "token" is a paste accident, refused with a sentence.
const tokenSchema = z.string().min(1).max(8192, 'A session token is at most 8,192 characters')
const sdkSecretKeySchema = z.string().trim().min(1).max(256, 'An SDK secret key is at most 256 characters')

export const profileInputSchema = z
  .object({
    name: z.string().trim().min(1).max(80),
    secretId: z.string().trim().min(1).max(128),
    secretKey: z.string().trim().min(1).max(256),
    token: tokenSchema.optional(),
    /** Unix ms; when the temporary token stops working. */
    tokenExpiresAt: z.int().min(0).optional(),
    endpoint: endpointSchema,
    defaultRegion: z.enum(regions),
    sdkApps: z.array(z.object({ sdkAppId: sdkAppIdValue, sdkSecretKey: sdkSecretKeySchema.optional() }).strict()).max(100),
  })
  .strict()

/** Absent secrets are kept; `token: null` removes the token; `sdkSecretKey: null` removes that key. */
export const profilePatchSchema = z
  .object({
    name: z.string().trim().min(1).max(80).optional(),
    secretId: z.string().trim().min(1).max(128).optional(),
    secretKey: z.string().trim().min(1).max(256).optional(),
    token: tokenSchema.nullable().optional(),
    tokenExpiresAt: z.int().min(0).nullable().optional(),
    endpoint: endpointSchema.optional(),
    defaultRegion: z.enum(regions).optional(),
    sdkApps: z.array(z.object({ sdkAppId: sdkAppIdValue, sdkSecretKey: sdkSecretKeySchema.nullable().optional() }).strict()).max(100).optional(),
  })
  .strict()

export type ProfileInput = z.input<typeof profileInputSchema>
export type ProfilePatch = z.input<typeof profilePatchSchema>
export type ProfileEndpoint = z.infer<typeof endpointSchema>

const storedProfileSchema = z.object({
  id: z.string(),
  name: z.string(),
  secretIdHint: z.string(),
  hasSecretKey: z.boolean(),
  hasToken: z.boolean(),
  tokenExpiresAt: z.number().nullable(),
  endpoint: endpointSchema,
  defaultRegion: z.enum(regions),
  sdkApps: z.array(z.object({ sdkAppId: z.number(), hasSdkSecretKey: z.boolean() })),
  createdAt: z.number(),
  updatedAt: z.number(),
})
type StoredProfile = z.infer<typeof storedProfileSchema>

const fileSchema = z.object({ version: z.literal(1), activeId: z.string().nullable(), profiles: z.array(storedProfileSchema) })
type ProfilesFile = z.infer<typeof fileSchema>

export interface ProfileSummary {
  id: string
  name: string
  /** e.g. `AKID…1a2b` */
  secretIdHint: string
  hasSecretKey: boolean
  hasToken: boolean
  tokenExpiresAt: number | null
  endpoint: ProfileEndpoint
  defaultRegion: string
  sdkApps: { sdkAppId: number; hasSdkSecretKey: boolean }[]
  active: boolean
}

export const accounts = {
  secretId: (id: string) => `profile:${id}:secretId`,
  secretKey: (id: string) => `profile:${id}:secretKey`,
  token: (id: string) => `profile:${id}:token`,
  sdkSecretKey: (id: string, sdkAppId: number) => `profile:${id}:sdk:${sdkAppId}`,
}

export interface ProfileServiceDeps {
  dir: string
  secrets: SecretStore
  clock: { now(): number }
}

export interface ProfileService {
  list(): Promise<Result<{ profiles: ProfileSummary[]; activeId: string | null }>>
  get(id: string): Promise<Result<ProfileSummary>>
  create(input: ProfileInput): Promise<Result<ProfileSummary>>
  update(id: string, patch: ProfilePatch): Promise<Result<ProfileSummary>>
  delete(id: string): Promise<Result<void>>
  setActive(id: string | null): Promise<Result<void>>
  /** Main process only. */
  credentialsFor(id: string): Promise<Result<TencentCredentials>>
  /** Main process only. */
  sdkSecretKeyFor(id: string, sdkAppId: number): Promise<Result<string>>
}

function invalid(e: z.ZodError): Result<never> {
  const first = e.issues[0]
  return err('request.invalid', 'err.profile.field', { field: first?.path.join('.') || '—' })
}

export function createProfileService(deps: ProfileServiceDeps): ProfileService {
  const file = join(deps.dir, 'profiles.json')
  let queue: Promise<unknown> = Promise.resolve()

  // One change at a time: each read-modify-write sees the previous one's result.
  function serial<T>(fn: () => Promise<T>): Promise<T> {
    const next = queue.then(fn, fn)
    queue = next.catch(() => undefined)
    return next
  }

  async function load(): Promise<Result<ProfilesFile>> {
    let raw: unknown
    try {
      raw = await readJsonFile(file)
    } catch {
      return err('file.unreadable', 'err.profile.listUnreadable', { file })
    }
    if (raw === undefined) return ok({ version: 1, activeId: null, profiles: [] })
    const parsed = fileSchema.safeParse(raw)
    if (!parsed.success) return err('file.invalid', 'err.profile.listDamaged', { file })
    return ok(parsed.data)
  }

  async function save(data: ProfilesFile): Promise<Result<void>> {
    try {
      await writeFileAtomic(file, JSON.stringify(data, null, 2) + '\n')
      return ok(undefined)
    } catch {
      return err('file.unreadable', 'err.profile.listUnwritable', { file })
    }
  }

  function summary(p: StoredProfile, activeId: string | null): ProfileSummary {
    return {
      id: p.id,
      name: p.name,
      secretIdHint: p.secretIdHint,
      hasSecretKey: p.hasSecretKey,
      hasToken: p.hasToken,
      tokenExpiresAt: p.tokenExpiresAt,
      endpoint: p.endpoint,
      defaultRegion: p.defaultRegion,
      sdkApps: p.sdkApps.map((a) => ({ ...a })),
      active: p.id === activeId,
    }
  }

  async function find(id: string): Promise<Result<{ data: ProfilesFile; profile: StoredProfile }>> {
    const data = await load()
    if (!data.ok) return data
    const profile = data.value.profiles.find((p) => p.id === id)
    if (!profile) return err('profile.notFound', 'err.code.profile.notFound')
    return ok({ data: data.value, profile })
  }

  async function put(account: string, secret: string): Promise<Result<void>> {
    return deps.secrets.set(account, secret)
  }

  return {
    async list() {
      const data = await load()
      if (!data.ok) return data
      return ok({ profiles: data.value.profiles.map((p) => summary(p, data.value.activeId)), activeId: data.value.activeId })
    },

    async get(id) {
      const f = await find(id)
      return f.ok ? ok(summary(f.value.profile, f.value.data.activeId)) : f
    },

    create(input) {
      return serial(async () => {
        const parsed = profileInputSchema.safeParse(input)
        if (!parsed.success) return invalid(parsed.error)
        const v = parsed.data
        const data = await load()
        if (!data.ok) return data
        const id = randomUUID()
        // Secrets first: if the keychain refuses, nothing is written anywhere.
        const writes: [string, string][] = [
          [accounts.secretId(id), v.secretId],
          [accounts.secretKey(id), v.secretKey],
        ]
        if (v.token) writes.push([accounts.token(id), v.token])
        for (const a of v.sdkApps) if (a.sdkSecretKey) writes.push([accounts.sdkSecretKey(id, a.sdkAppId), a.sdkSecretKey])
        for (const [account, secret] of writes) {
          const r = await put(account, secret)
          if (!r.ok) {
            for (const [done] of writes) await deps.secrets.delete(done)
            return r
          }
        }
        const now = deps.clock.now()
        const profile: StoredProfile = {
          id,
          name: v.name,
          secretIdHint: secretIdHint(v.secretId),
          hasSecretKey: true,
          hasToken: v.token !== undefined,
          tokenExpiresAt: v.token !== undefined ? (v.tokenExpiresAt ?? null) : null,
          endpoint: v.endpoint,
          defaultRegion: v.defaultRegion,
          sdkApps: v.sdkApps.map((a) => ({ sdkAppId: a.sdkAppId, hasSdkSecretKey: a.sdkSecretKey !== undefined })),
          createdAt: now,
          updatedAt: now,
        }
        const next: ProfilesFile = { ...data.value, profiles: [...data.value.profiles, profile], activeId: data.value.activeId }
        const saved = await save(next)
        if (!saved.ok) return saved
        return ok(summary(profile, next.activeId))
      })
    },

    update(id, patch) {
      return serial(async () => {
        const parsed = profilePatchSchema.safeParse(patch)
        if (!parsed.success) return invalid(parsed.error)
        const v = parsed.data
        const f = await find(id)
        if (!f.ok) return f
        const p = { ...f.value.profile }
        if (v.secretId !== undefined) {
          const r = await put(accounts.secretId(id), v.secretId)
          if (!r.ok) return r
          p.secretIdHint = secretIdHint(v.secretId)
        }
        if (v.secretKey !== undefined) {
          const r = await put(accounts.secretKey(id), v.secretKey)
          if (!r.ok) return r
          p.hasSecretKey = true
        }
        if (v.token === null) {
          const r = await deps.secrets.delete(accounts.token(id))
          if (!r.ok) return r
          p.hasToken = false
          p.tokenExpiresAt = null
        } else if (v.token !== undefined) {
          const r = await put(accounts.token(id), v.token)
          if (!r.ok) return r
          p.hasToken = true
        }
        if (v.tokenExpiresAt !== undefined && p.hasToken) p.tokenExpiresAt = v.tokenExpiresAt
        if (v.sdkApps !== undefined) {
          const kept = new Map(p.sdkApps.map((a) => [a.sdkAppId, a.hasSdkSecretKey]))
          const next: StoredProfile['sdkApps'] = []
          for (const a of v.sdkApps) {
            let has = kept.get(a.sdkAppId) ?? false
            if (a.sdkSecretKey === null) {
              const r = await deps.secrets.delete(accounts.sdkSecretKey(id, a.sdkAppId))
              if (!r.ok) return r
              has = false
            } else if (a.sdkSecretKey !== undefined) {
              const r = await put(accounts.sdkSecretKey(id, a.sdkAppId), a.sdkSecretKey)
              if (!r.ok) return r
              has = true
            }
            next.push({ sdkAppId: a.sdkAppId, hasSdkSecretKey: has })
          }
          for (const old of p.sdkApps)
            if (!v.sdkApps.some((a) => a.sdkAppId === old.sdkAppId)) {
              const r = await deps.secrets.delete(accounts.sdkSecretKey(id, old.sdkAppId))
              if (!r.ok) return r
            }
          p.sdkApps = next
        }
        if (v.name !== undefined) p.name = v.name
        if (v.endpoint !== undefined) p.endpoint = v.endpoint
        if (v.defaultRegion !== undefined) p.defaultRegion = v.defaultRegion
        p.updatedAt = deps.clock.now()
        const data = { ...f.value.data, profiles: f.value.data.profiles.map((q) => (q.id === id ? p : q)) }
        const saved = await save(data)
        return saved.ok ? ok(summary(p, data.activeId)) : saved
      })
    },

    delete(id) {
      return serial(async () => {
        const f = await find(id)
        if (!f.ok) return f
        const p = f.value.profile
        const gone = [accounts.secretId(id), accounts.secretKey(id), accounts.token(id), ...p.sdkApps.map((a) => accounts.sdkSecretKey(id, a.sdkAppId))]
        for (const account of gone) {
          const r = await deps.secrets.delete(account)
          if (!r.ok) return r
        }
        const profiles = f.value.data.profiles.filter((q) => q.id !== id)
        const activeId = f.value.data.activeId === id ? (profiles[0]?.id ?? null) : f.value.data.activeId
        return save({ ...f.value.data, profiles, activeId })
      })
    },

    setActive(id) {
      return serial(async () => {
        const data = await load()
        if (!data.ok) return data
        if (id !== null && !data.value.profiles.some((p) => p.id === id)) return err('profile.notFound', 'err.code.profile.notFound')
        return save({ ...data.value, activeId: id })
      })
    },

    async credentialsFor(id) {
      const f = await find(id)
      if (!f.ok) return f
      const p = f.value.profile
      if (p.hasToken && p.tokenExpiresAt !== null && p.tokenExpiresAt <= deps.clock.now())
        return err('credentials.expired', 'err.profile.tokenExpired', { name: p.name })
      const secretId = await deps.secrets.get(accounts.secretId(id))
      if (!secretId.ok) return secretId
      const secretKey = await deps.secrets.get(accounts.secretKey(id))
      if (!secretKey.ok) return secretKey
      if (!secretId.value || !secretKey.value)
        return err('credentials.missing', 'err.profile.keyGone', { name: p.name })
      const creds: TencentCredentials = { secretId: secretId.value, secretKey: secretKey.value }
      if (p.hasToken) {
        const token = await deps.secrets.get(accounts.token(id))
        if (!token.ok) return token
        if (!token.value) return err('credentials.missing', 'err.profile.tokenGone', { name: p.name })
        creds.token = token.value
      }
      return ok(creds)
    },

    async sdkSecretKeyFor(id, sdkAppId) {
      const f = await find(id)
      if (!f.ok) return f
      const app = f.value.profile.sdkApps.find((a) => a.sdkAppId === sdkAppId)
      if (!app?.hasSdkSecretKey) return err('credentials.missing', 'err.profile.noSdkKey', { sdkAppId })
      const key = await deps.secrets.get(accounts.sdkSecretKey(id, sdkAppId))
      if (!key.ok) return key
      if (!key.value) return err('credentials.missing', 'err.profile.sdkKeyGone', { sdkAppId })
      return ok(key.value)
    },
  }
}
