// Finds credentials that other Tencent Cloud tools keep in plain text or in the environment, so the
// user can move them into the keychain. Discovery returns hints only; the secrets are read again at
// import time, in main, from a source identified by a fixed id (never a path from the renderer).
import { readdir, readFile, unlink } from 'node:fs/promises'
import { join } from 'node:path'
import { err, ok, type Result } from '../../shared/errors'
import { regions, type Region } from '../../shared/trtc/common'
import { writeFileAtomic } from '../atomicFile'
import { secretIdHint } from '../cloud/requestLog'
import type { ProfileInput, ProfileService, ProfileSummary } from './profiles'

export type CandidateSource = 'env' | 'tccli' | 'tencentcloudIni'

export interface ImportCandidate {
  /** `env`, `tccli:<profile>` or `ini:<section>` */
  id: string
  source: CandidateSource
  label: string
  /** Where the plaintext lives; null for the environment. */
  path: string | null
  secretIdHint: string
  hasToken: boolean
  region: Region | null
}

export interface ImportEnv {
  home: string
  env: Record<string, string | undefined>
}

interface Found {
  candidate: ImportCandidate
  secretId: string
  secretKey: string
  token?: string
}

const asRegion = (r: unknown): Region | null => (typeof r === 'string' && (regions as readonly string[]).includes(r) ? (r as Region) : null)
const str = (v: unknown): string | undefined => (typeof v === 'string' && v.trim() !== '' ? v.trim() : undefined)

async function readJson(path: string): Promise<Record<string, unknown> | null> {
  try {
    const v: unknown = JSON.parse(await readFile(path, 'utf8'))
    return v && typeof v === 'object' ? (v as Record<string, unknown>) : null
  } catch {
    return null
  }
}

// The environment variables read by Tencent Cloud's SDKs and tccli.
function fromEnv(e: ImportEnv): Found[] {
  const secretId = str(e.env.TENCENTCLOUD_SECRET_ID)
  const secretKey = str(e.env.TENCENTCLOUD_SECRET_KEY)
  if (!secretId || !secretKey) return []
  const token = str(e.env.TENCENTCLOUD_SESSION_TOKEN)
  return [
    {
      candidate: { id: 'env', source: 'env', label: 'Environment variables (TENCENTCLOUD_SECRET_ID)', path: null, secretIdHint: secretIdHint(secretId), hasToken: token !== undefined, region: asRegion(e.env.TENCENTCLOUD_REGION) },
      secretId,
      secretKey,
      ...(token ? { token } : {}),
    },
  ]
}

// tccli keeps `~/.tccli/<profile>.credential` ({"secretId", "secretKey", "token"?}) next to
// `<profile>.configure` ({"_sys_param": {"region": …}}) (tccli/configure.py, TencentCloud/tencentcloud-cli).
async function fromTccli(e: ImportEnv): Promise<Found[]> {
  const dir = join(e.home, '.tccli')
  let names: string[]
  try {
    names = await readdir(dir)
  } catch {
    return []
  }
  const found: Found[] = []
  for (const name of names.filter((n) => n.endsWith('.credential')).sort()) {
    const profile = name.slice(0, -'.credential'.length)
    if (!/^[A-Za-z0-9_.-]+$/.test(profile)) continue
    const cred = await readJson(join(dir, name))
    const secretId = str(cred?.secretId)
    const secretKey = str(cred?.secretKey)
    if (!secretId || !secretKey) continue
    const conf = await readJson(join(dir, `${profile}.configure`))
    const sys = conf?._sys_param
    const region = asRegion(sys && typeof sys === 'object' ? (sys as Record<string, unknown>).region : undefined)
    const token = str(cred?.token)
    found.push({
      candidate: { id: `tccli:${profile}`, source: 'tccli', label: `tccli profile "${profile}"`, path: join(dir, name), secretIdHint: secretIdHint(secretId), hasToken: token !== undefined, region },
      secretId,
      secretKey,
      ...(token ? { token } : {}),
    })
  }
  return found
}

interface IniSection {
  name: string
  values: Map<string, string>
}

function parseIni(text: string): IniSection[] {
  const sections: IniSection[] = []
  let cur: IniSection | null = null
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.trim()
    if (line === '' || line.startsWith('#') || line.startsWith(';')) continue
    const head = /^\[([^\]]+)\]$/.exec(line)
    if (head) {
      cur = { name: head[1]!.trim(), values: new Map() }
      sections.push(cur)
      continue
    }
    const eq = line.indexOf('=')
    if (cur && eq > 0) cur.values.set(line.slice(0, eq).trim(), line.slice(eq + 1).trim())
  }
  return sections
}

// `~/.tencentcloud/credentials`, INI with `secret_id`, `secret_key`, optional `token`.
async function fromIni(e: ImportEnv): Promise<Found[]> {
  const path = join(e.home, '.tencentcloud', 'credentials')
  let text: string
  try {
    text = await readFile(path, 'utf8')
  } catch {
    return []
  }
  const found: Found[] = []
  for (const s of parseIni(text)) {
    const secretId = str(s.values.get('secret_id'))
    const secretKey = str(s.values.get('secret_key'))
    if (!secretId || !secretKey || !/^[A-Za-z0-9_.-]+$/.test(s.name)) continue
    const token = str(s.values.get('token'))
    found.push({
      candidate: { id: `ini:${s.name}`, source: 'tencentcloudIni', label: `~/.tencentcloud/credentials [${s.name}]`, path, secretIdHint: secretIdHint(secretId), hasToken: token !== undefined, region: asRegion(s.values.get('region')) },
      secretId,
      secretKey,
      ...(token ? { token } : {}),
    })
  }
  return found
}

async function findAll(e: ImportEnv): Promise<Found[]> {
  return [...fromEnv(e), ...(await fromTccli(e)), ...(await fromIni(e))]
}

export async function discoverCredentials(e: ImportEnv): Promise<ImportCandidate[]> {
  return (await findAll(e)).map((f) => f.candidate)
}

export interface ImportOptions {
  name: string
  endpoint: ProfileInput['endpoint']
  defaultRegion?: Region
  sdkApps?: ProfileInput['sdkApps']
}

/** Copies the candidate's secrets into a new profile (and so into the keychain). */
export async function importCandidate(e: ImportEnv, profiles: ProfileService, candidateId: string, opts: ImportOptions): Promise<Result<ProfileSummary>> {
  const f = (await findAll(e)).find((x) => x.candidate.id === candidateId)
  if (!f) return err('credentials.missing', 'err.import.gone')
  return profiles.create({
    name: opts.name,
    secretId: f.secretId,
    secretKey: f.secretKey,
    ...(f.token ? { token: f.token } : {}),
    endpoint: opts.endpoint,
    defaultRegion: opts.defaultRegion ?? f.candidate.region ?? 'ap-guangzhou',
    sdkApps: opts.sdkApps ?? [],
  })
}

/**
 * Removes the plaintext copy after an import: the tccli `.credential` file, or the section of the
 * INI file (the whole file when nothing else is left). Environment variables live in the user's
 * shell setup, which the app does not edit.
 */
export async function deletePlaintextSource(e: ImportEnv, candidateId: string): Promise<Result<void>> {
  const f = (await findAll(e)).find((x) => x.candidate.id === candidateId)
  if (!f || f.candidate.path === null) {
    if (candidateId === 'env')
      return err('request.invalid', 'err.import.envNotRemovable')
    return err('credentials.missing', 'err.import.gone')
  }
  try {
    if (f.candidate.source === 'tccli') {
      await unlink(f.candidate.path)
      return ok(undefined)
    }
    const section = candidateId.slice('ini:'.length)
    const text = await readFile(f.candidate.path, 'utf8')
    const kept: string[] = []
    let inTarget = false
    for (const line of text.split(/\r?\n/)) {
      const head = /^\s*\[([^\]]+)\]\s*$/.exec(line)
      if (head) inTarget = head[1]!.trim() === section
      if (!inTarget) kept.push(line)
    }
    const rest = kept.join('\n').trim()
    if (parseIni(rest).length === 0) await unlink(f.candidate.path)
    else await writeFileAtomic(f.candidate.path, rest + '\n')
    return ok(undefined)
  } catch {
    return err('file.unreadable', 'err.import.notRemovable', { path: f.candidate.path })
  }
}
