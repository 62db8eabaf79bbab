// The last 500 TRTC API calls, for the request inspector. Entries go to the renderer, so they hold
// no SecretKey, no token and no signature: the SecretId appears only as a hint, and payload fields
// that carry other secrets (robot UserSig, storage keys) are masked.
import type { RequestLogView } from '../../shared/contract/contract'

/** The renderer's view of a call, less the tccli line it is given on the way out. */
export type RequestLogEntry = Omit<RequestLogView, 'tccli'>

export type NewEntry = Omit<RequestLogEntry, 'id'>

export const LOG_CAPACITY = 500
export const REDACTED = '<redacted>'

// Request fields that carry a credential of their own (003_530a54cf0f8c0df7.txt: UserSig L12857,
// CloudStorage.AccessKey/SecretKey L15003–L15035, PrivateMapKey L12915, LLMConfig's APIKey L6519–L6535,
// TTSConfig's SecretId/SecretKey L6537–L6559).
const SECRET_FIELDS = new Set(['UserSig', 'SecretKey', 'AccessKey', 'PrivateMapKey', 'Token', 'SecretId', 'APIKey'])
// Parameters the API types as String that hold JSON with keys of the customer's own services.
const JSON_FIELDS = new Set(['LLMConfig', 'TTSConfig'])

function redactJsonText(text: string): string {
  try {
    return JSON.stringify(redactPayload(JSON.parse(text)))
  } catch {
    return REDACTED
  }
}

export function secretIdHint(secretId: string): string {
  if (secretId.length <= 8) return '…'
  return `${secretId.slice(0, 4)}…${secretId.slice(-4)}`
}

export function redactPayload(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(redactPayload)
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {}
    for (const [k, v] of Object.entries(value)) out[k] = typeof v !== 'string' ? redactPayload(v) : SECRET_FIELDS.has(k) ? REDACTED : JSON_FIELDS.has(k) ? redactJsonText(v) : v
    return out
  }
  return value
}

/** Rewrites `Credential=<SecretId>/…` to the hint and drops the signature. */
export function redactAuthorization(authorization: string): string {
  return authorization
    .replace(/Credential=([^/]+)\//, (_m, id: string) => `Credential=${secretIdHint(id)}/`)
    .replace(/Signature=[0-9a-f]+/, `Signature=${REDACTED}`)
}

export interface RequestLog {
  add(entry: NewEntry): RequestLogEntry
  /** Oldest first. */
  entries(): RequestLogEntry[]
  clear(): void
}

export function createRequestLog(capacity = LOG_CAPACITY): RequestLog {
  const ring: RequestLogEntry[] = []
  let start = 0
  let nextId = 1
  return {
    add(entry) {
      const full: RequestLogEntry = { id: nextId++, ...entry }
      if (ring.length < capacity) ring.push(full)
      else {
        ring[start] = full
        start = (start + 1) % capacity
      }
      return full
    },
    entries() {
      return [...ring.slice(start), ...ring.slice(0, start)]
    },
    clear() {
      ring.length = 0
      start = 0
    },
  }
}

// POSIX shell single-quoting.
function shellQuote(s: string): string {
  return /^[A-Za-z0-9_@%+=:,./-]+$/.test(s) ? s : `'${s.replace(/'/g, `'\\''`)}'`
}

function unfold(prefix: string, value: unknown, out: string[]): void {
  if (Array.isArray(value)) value.forEach((v, i) => unfold(`${prefix}.${i}`, v, out))
  else if (value !== null && typeof value === 'object') for (const [k, v] of Object.entries(value)) unfold(prefix ? `${prefix}.${k}` : k, v, out)
  else if (value !== undefined && value !== null) out.push(`--${prefix}`, shellQuote(String(value)))
}

/**
 * A `tccli` line that repeats the call. tccli's `--cli-unfold-argument` takes nested parameters as
 * dotted names and array items by index from 0 (tccli/cli_unfold_argument.py, TencentCloud/
 * tencentcloud-cli). Masked values stay masked: the user fills them in.
 */
export function toTccli(entry: Pick<RequestLogEntry, 'action' | 'region' | 'payload'>): string {
  const parts = ['tccli', 'trtc', entry.action]
  if (entry.region) parts.push('--region', shellQuote(entry.region))
  parts.push('--cli-unfold-argument')
  let params: unknown
  try {
    params = JSON.parse(entry.payload)
  } catch {
    params = {}
  }
  const args: string[] = []
  unfold('', params, args)
  return [...parts, ...args].join(' ')
}
