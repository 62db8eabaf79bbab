// A minimal signed TC3 call to a simulator (or any TRTC endpoint), for tests, scripts and benches.
import { JSON_CONTENT_TYPE, tc3Sign } from '../main/cloud/tc3'

// "For the GET method, only the Content-Type: application/x-www-form-urlencoded protocol format is supported." (L8192–L8193)
const FORM_CONTENT_TYPE = 'application/x-www-form-urlencoded'

export interface CallOptions {
  endpoint: string
  secretId: string
  secretKey: string
  region?: string
  /** Unix seconds used for X-TC-Timestamp; defaults to now. */
  timestamp?: number
  version?: string
  token?: string
  /** Replaces the computed Authorization header. */
  authorization?: string
  /** GET sends flat parameters (`UserIds.0=a`) in the query string (L7959–L7979). */
  method?: 'GET' | 'POST'
}

function flatten(value: unknown, prefix: string, out: Array<[string, string]>): void {
  if (Array.isArray(value)) value.forEach((v, i) => flatten(v, `${prefix}.${i}`, out))
  else if (typeof value === 'object' && value !== null) for (const [k, v] of Object.entries(value)) flatten(v, prefix ? `${prefix}.${k}` : k, out)
  else if (value !== undefined) out.push([prefix, String(value)])
}

export interface CallResult {
  status: number
  date: string | null
  response: Record<string, unknown>
}

export async function signedCall(action: string, body: unknown, o: CallOptions): Promise<CallResult> {
  const url = new URL(o.endpoint)
  const method = o.method ?? 'POST'
  const payload = method === 'GET' ? '' : JSON.stringify(body)
  const pairs: Array<[string, string]> = []
  if (method === 'GET') flatten(body, '', pairs)
  const query = pairs.map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(v)}`).join('&')
  if (query) url.search = query
  const contentType = method === 'GET' ? FORM_CONTENT_TYPE : JSON_CONTENT_TYPE
  const timestamp = o.timestamp ?? Math.floor(Date.now() / 1000)
  const sig = tc3Sign({ secretId: o.secretId, secretKey: o.secretKey, service: 'trtc', host: url.host, timestamp, payload, method, query, contentType })
  const headers: Record<string, string> = {
    Authorization: o.authorization ?? sig.authorization,
    'Content-Type': contentType,
    'X-TC-Action': action,
    'X-TC-Version': o.version ?? '2019-07-22',
    'X-TC-Timestamp': String(timestamp),
  }
  if (o.region !== undefined) headers['X-TC-Region'] = o.region
  if (o.token !== undefined) headers['X-TC-Token'] = o.token
  const res = await fetch(url, method === 'GET' ? { method, headers } : { method, headers, body: payload })
  const json = (await res.json()) as { Response: Record<string, unknown> }
  return { status: res.status, date: res.headers.get('date'), response: json.Response }
}

export function errorCode(r: CallResult): string | undefined {
  const e = r.response['Error'] as { Code?: string } | undefined
  return e?.Code
}
