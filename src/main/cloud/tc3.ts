// TC3-HMAC-SHA256 (Signature v3), 003_530a54cf0f8c0df7.txt L8158–L8478.
// Pure: the caller passes the timestamp, so signing is deterministic and testable.
import { createHash, createHmac } from 'node:crypto'

export interface Tc3Input {
  secretId: string
  secretKey: string
  service: string
  host: string
  /** Unix seconds; becomes X-TC-Timestamp and (as a UTC date) the credential scope (L8396–L8405). */
  timestamp: number
  method?: 'POST' | 'GET'
  /** Already RFC 3986-encoded query string for GET; empty for POST (L8290–L8297). */
  query?: string
  contentType?: string
  payload: string
}

export interface Tc3Signature {
  hashedPayload: string
  canonicalRequest: string
  credentialScope: string
  stringToSign: string
  signature: string
  authorization: string
}

export const TC3_ALGORITHM = 'TC3-HMAC-SHA256'
export const JSON_CONTENT_TYPE = 'application/json; charset=utf-8'

export function sha256Hex(data: string | Uint8Array): string {
  return createHash('sha256').update(data).digest('hex')
}

function hmac(key: string | Buffer, msg: string): Buffer {
  return createHmac('sha256', key).update(msg, 'utf8').digest()
}

/** UTC calendar date of a Unix timestamp (L8396–L8402: UTC+0, not local time). */
export function utcDate(timestamp: number): string {
  return new Date(timestamp * 1000).toISOString().slice(0, 10)
}

export function tc3Sign(input: Tc3Input): Tc3Signature {
  const method = input.method ?? 'POST'
  const contentType = input.contentType ?? JSON_CONTENT_TYPE
  const hashedPayload = sha256Hex(method === 'GET' ? '' : input.payload)
  // Header keys and values lower-cased and trimmed, sorted by key (L8299–L8331).
  const canonicalHeaders = `content-type:${contentType.trim().toLowerCase()}\nhost:${input.host.trim().toLowerCase()}\n`
  const signedHeaders = 'content-type;host'
  const canonicalRequest = [method, '/', input.query ?? '', canonicalHeaders, signedHeaders, hashedPayload].join('\n')
  const date = utcDate(input.timestamp)
  const credentialScope = `${date}/${input.service}/tc3_request`
  const stringToSign = [TC3_ALGORITHM, String(input.timestamp), credentialScope, sha256Hex(canonicalRequest)].join('\n')
  const secretDate = hmac('TC3' + input.secretKey, date)
  const secretService = hmac(secretDate, input.service)
  const secretSigning = hmac(secretService, 'tc3_request')
  const signature = createHmac('sha256', secretSigning).update(stringToSign, 'utf8').digest('hex')
  const authorization =
    `${TC3_ALGORITHM} Credential=${input.secretId}/${credentialScope}, SignedHeaders=${signedHeaders}, Signature=${signature}`
  return { hashedPayload, canonicalRequest, credentialScope, stringToSign, signature, authorization }
}

export interface ParsedAuthorization {
  secretId: string
  date: string
  service: string
  signedHeaders: string[]
  signature: string
}

/** Parses an Authorization header; null when it is not a well-formed TC3 credential. */
export function parseTc3Authorization(header: string): ParsedAuthorization | null {
  const m = /^TC3-HMAC-SHA256 Credential=([^/,\s]+)\/(\d{4}-\d{2}-\d{2})\/([a-z0-9-]+)\/tc3_request, ?SignedHeaders=([a-z0-9;-]+), ?Signature=([0-9a-f]{64})$/.exec(
    header.trim(),
  )
  if (!m) return null
  return { secretId: m[1]!, date: m[2]!, service: m[3]!, signedHeaders: m[4]!.split(';'), signature: m[5]! }
}
