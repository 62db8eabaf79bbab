// "Test connection": one cheap, read-only call that exercises the key, the token, the clock and
// the permissions, turned into a verdict in words.
//
// DescribeTrtcUsage is used because it needs no SDKAppID (omitted = every application of the
// account, 003_530a54cf0f8c0df7.txt L13801–L13809) and no dashboard edition, unlike DescribeRoomInfo
// (L11113–L11117). A one-day query is the smallest it accepts.
import type { AppError } from '../../shared/errors'
import type { TencentClient } from '../cloud/client'

export type VerdictKind = 'ok' | 'wrongKey' | 'unknownSecretId' | 'expiredToken' | 'clockSkew' | 'noPermission' | 'regionNotAllowed' | 'network' | 'failed'

export interface ConnectionVerdict {
  kind: VerdictKind
  message: string
  error?: AppError
  requestId?: string
}

// DescribeTrtcUsage "only supports: ap-guangzhou, ap-singapore" (L13797–L13799).
const usageRegions = ['ap-guangzhou', 'ap-singapore']

function verdictFor(e: AppError, skewMs: number): ConnectionVerdict {
  const rid = e.requestId ? { requestId: e.requestId } : {}
  const v = (kind: VerdictKind, message: string): ConnectionVerdict => ({ kind, message, ...rid })
  switch (e.tencentCode) {
    case 'AuthFailure.SignatureFailure':
      return v('wrongKey', 'Wrong key: the SecretKey does not match the SecretId.')
    case 'AuthFailure.SecretIdNotFound':
    case 'AuthFailure.InvalidSecretId':
      return v('unknownSecretId', 'Unknown SecretId: Tencent Cloud does not know this key; it may have been deleted, disabled or mistyped.')
    case 'AuthFailure.TokenFailure':
      return v('expiredToken', 'The temporary token has expired or is invalid.')
  }
  if (e.code === 'credentials.expired') return v('expiredToken', e.message)
  if (e.code === 'tencent.signatureExpired')
    return v('clockSkew', `This computer's clock is off by about ${Math.round(Math.abs(skewMs) / 1000)} s; set it to update automatically.`)
  if (e.code === 'tencent.unauthorized') return v('noPermission', 'The key works, but its account lacks CAM permission for TRTC.')
  if (e.code === 'tencent.unsupportedRegion') return v('regionNotAllowed', 'The region is not allowed for this API.')
  if (e.code.startsWith('network.')) return { ...v('network', e.message), error: e }
  return { ...v('failed', e.message), error: e }
}

export async function testConnection(client: Pick<TencentClient, 'call' | 'skewMs'>, opts: { region: string; nowMs: number; signal?: AbortSignal }): Promise<ConnectionVerdict> {
  const day = new Date(opts.nowMs).toISOString().slice(0, 10)
  const region = usageRegions.includes(opts.region) ? opts.region : 'ap-guangzhou'
  const r = await client.call('DescribeTrtcUsage', { StartTime: day, EndTime: day }, { region, priority: 'user', mutating: false, ...(opts.signal ? { signal: opts.signal } : {}) })
  if (r.ok) {
    const skew = client.skewMs()
    const note = Math.abs(skew) > 60_000 ? ` Note: this computer's clock is off by about ${Math.round(Math.abs(skew) / 1000)} s.` : ''
    return { kind: 'ok', message: `Connected: the key works and TRTC answered.${note}`, requestId: r.value.RequestId }
  }
  return verdictFor(r.error, client.skewMs())
}
