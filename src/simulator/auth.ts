// Server side of TC3-HMAC-SHA256 (003_530a54cf0f8c0df7.txt L8158–L8478): rebuilds the canonical
// request from what was actually received, so a client that signs one thing and sends another fails
// the way it would against Tencent Cloud. Failure codes: L9985–L10004 and L17017.
import { createHmac, timingSafeEqual } from 'node:crypto'
import { parseTc3Authorization, sha256Hex, TC3_ALGORITHM, utcDate } from '../main/cloud/tc3'

export interface Credential {
  secretId: string
  secretKey: string
  /** Temporary credentials carry a token and an expiry (Unix seconds). */
  token?: string
  expiresAt?: number
}

export interface ReceivedRequest {
  method: string
  path: string
  /** Raw query string without '?'. */
  query: string
  /** Lower-cased header names. */
  headers: Record<string, string | undefined>
  body: Uint8Array
}

export interface AuthFailure {
  code: string
  message: string
}

/** 003_530a54cf0f8c0df7.txt L7918–L7923: more than five minutes apart → signature expired. */
export const MAX_SKEW_S = 300

export function verifyTc3(req: ReceivedRequest, lookup: (secretId: string) => Credential | undefined, nowS: number): AuthFailure | Credential {
  const header = req.headers['authorization']
  if (!header) return { code: 'AuthFailure.InvalidAuthorization', message: 'Authorization in the request header is missing.' }
  const parsed = parseTc3Authorization(header)
  if (!parsed || !header.trim().startsWith(TC3_ALGORITHM)) {
    return { code: 'AuthFailure.InvalidAuthorization', message: '`Authorization` in the request header is invalid.' }
  }
  if (!parsed.signedHeaders.includes('host') || !parsed.signedHeaders.includes('content-type')) {
    return { code: 'AuthFailure.InvalidAuthorization', message: 'SignedHeaders must include content-type and host.' }
  }
  const tsText = req.headers['x-tc-timestamp'] ?? ''
  if (!/^\d+$/.test(tsText)) return { code: 'AuthFailure.InvalidAuthorization', message: 'X-TC-Timestamp is missing or not a Unix timestamp.' }
  const ts = Number(tsText)
  if (Math.abs(nowS - ts) > MAX_SKEW_S) {
    return {
      code: 'AuthFailure.SignatureExpire',
      message: `Signature expired. Timestamp and server time cannot differ by more than five minutes (server time ${nowS}, request ${ts}).`,
    }
  }
  // L8396–L8405: the scope date is the UTC date of X-TC-Timestamp.
  if (parsed.date !== utcDate(ts) || parsed.service !== 'trtc') {
    return { code: 'AuthFailure.SignatureFailure', message: 'The credential scope does not match X-TC-Timestamp\'s UTC date and service "trtc".' }
  }
  const cred = lookup(parsed.secretId)
  if (!cred) return { code: 'AuthFailure.SecretIdNotFound', message: 'The SecretId does not exist. Check that it is enabled and copied in full.' }
  const signatureFor = (host: string | undefined): Buffer => {
    const headers: Record<string, string | undefined> = { ...req.headers, host }
    const canonicalHeaders = [...parsed.signedHeaders]
      .sort()
      .map((name) => `${name}:${(headers[name] ?? '').trim().toLowerCase()}\n`)
      .join('')
    const payloadHash = sha256Hex(req.method === 'GET' ? '' : req.body)
    const canonicalRequest = [req.method, req.path || '/', req.query, canonicalHeaders, parsed.signedHeaders.join(';'), payloadHash].join('\n')
    const scope = `${parsed.date}/${parsed.service}/tc3_request`
    const stringToSign = [TC3_ALGORITHM, tsText, scope, sha256Hex(canonicalRequest)].join('\n')
    const kDate = createHmac('sha256', 'TC3' + cred.secretKey).update(parsed.date).digest()
    const kService = createHmac('sha256', kDate).update(parsed.service).digest()
    const kSigning = createHmac('sha256', kService).update('tc3_request').digest()
    return Buffer.from(createHmac('sha256', kSigning).update(stringToSign).digest('hex'))
  }
  const given = Buffer.from(parsed.signature)
  const matches = (expected: Buffer): boolean => expected.length === given.length && timingSafeEqual(expected, given)
  // Tencent's hosts never carry a port, so signers differ on a loopback endpoint: the official SDK
  // signs the host name alone (tencentcloud-sdk-nodejs-common Sign.sign3 uses URL.hostname), others
  // the Host header as sent. Both are accepted.
  const host = req.headers['host']
  const bare = host?.replace(/:\d+$/, '')
  if (!matches(signatureFor(host)) && (bare === host || !matches(signatureFor(bare)))) {
    return {
      code: 'AuthFailure.SignatureFailure',
      message: 'The provided credentials could not be validated. Please check your signature is correct.',
    }
  }
  if (cred.token !== undefined) {
    const token = req.headers['x-tc-token']
    if (token !== cred.token) return { code: 'AuthFailure.TokenFailure', message: 'Token error: the temporary credential needs its X-TC-Token.' }
    if (cred.expiresAt !== undefined && nowS >= cred.expiresAt) return { code: 'AuthFailure.TokenFailure', message: 'Token error: the temporary credential has expired.' }
  }
  return cred
}

export function isAuthFailure(v: AuthFailure | Credential): v is AuthFailure {
  return 'code' in v
}
