// A minimal signed TC3 call to a simulator (or any TRTC endpoint), for tests, scripts and benches.
import { JSON_CONTENT_TYPE, tc3Sign } from '../main/cloud/tc3'

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
}

export interface CallResult {
  status: number
  date: string | null
  response: Record<string, unknown>
}

export async function signedCall(action: string, body: unknown, o: CallOptions): Promise<CallResult> {
  const url = new URL(o.endpoint)
  const payload = JSON.stringify(body)
  const timestamp = o.timestamp ?? Math.floor(Date.now() / 1000)
  const sig = tc3Sign({ secretId: o.secretId, secretKey: o.secretKey, service: 'trtc', host: url.host, timestamp, payload })
  const headers: Record<string, string> = {
    Authorization: o.authorization ?? sig.authorization,
    'Content-Type': JSON_CONTENT_TYPE,
    'X-TC-Action': action,
    'X-TC-Version': o.version ?? '2019-07-22',
    'X-TC-Timestamp': String(timestamp),
  }
  if (o.region !== undefined) headers['X-TC-Region'] = o.region
  if (o.token !== undefined) headers['X-TC-Token'] = o.token
  const res = await fetch(url, { method: 'POST', headers, body: payload })
  const json = (await res.json()) as { Response: Record<string, unknown> }
  return { status: res.status, date: res.headers.get('date'), response: json.Response }
}

export function errorCode(r: CallResult): string | undefined {
  const e = r.response['Error'] as { Code?: string } | undefined
  return e?.Code
}
