// TLSSigAPIv2: the UserSig / PrivateMapKey ticket format of TRTC (000_b308e910fed97ab3.txt "UserSig",
// 001_5a0f4332afd1dac3.txt "PrivateMapKey"). The seeds name the ticket but not its bytes; the layout
// below matches the public tls-sig-api-v2 implementations (Java/Node/PHP/Go): a JSON document whose
// TLS.sig is an HMAC-SHA256 over fixed "key:value\n" lines, zlib-deflated and base64 with the
// URL-safe substitutions + → *, / → -, = → _.
// Pure except for Node's crypto and zlib: the clock is a parameter.
import { createHmac, timingSafeEqual } from 'node:crypto'
import { deflateSync, inflateSync } from 'node:zlib'
import { err, ok, type Result } from '../../shared/errors'

/** PrivateMapKey privilege bits (dwPrivilegeMap). */
export const Privilege = {
  createRoom: 1,
  enterRoom: 2,
  sendAudio: 4,
  receiveAudio: 8,
  sendVideo: 16,
  receiveVideo: 32,
  sendSubVideo: 64,
  receiveSubVideo: 128,
} as const
export const ALL_PRIVILEGES = 255

export interface PrivateMapKeyUserBuf {
  userId: string
  sdkAppId: number
  /** Numeric room (dwAuthID); 0 when the room is a string. */
  roomId: number
  /** Absolute Unix seconds (public implementations write now + expire). */
  expireAt: number
  privilegeMap: number
  accountType: number
  /** Present only in the version-1 layout used for string room IDs. */
  strRoomId?: string
}

export interface DecodedUserSig {
  version: string
  identifier: string
  sdkAppId: number
  time: number
  expire: number
  /** Base64 of the raw userbuf as carried in TLS.userbuf. */
  userBufBase64?: string
  userBuf?: PrivateMapKeyUserBuf
  sig: string
}

export type UserSigFailure = 'invalid' | 'mismatch' | 'expired'

export interface GenUserSigInput {
  sdkAppId: number
  sdkSecretKey: string
  userId: string
  expireSeconds: number
  nowSeconds: number
  userBuf?: Uint8Array
}

const encoder = new TextEncoder()
const decoder = new TextDecoder('utf-8', { fatal: true })

function toUrlBase64(bytes: Uint8Array): string {
  return Buffer.from(bytes).toString('base64').replace(/\+/g, '*').replace(/\//g, '-').replace(/=/g, '_')
}

function fromUrlBase64(text: string): Uint8Array | null {
  const std = text.replace(/\*/g, '+').replace(/-/g, '/').replace(/_/g, '=')
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(std) || std.length === 0) return null
  return Buffer.from(std, 'base64')
}

function hmacBase64(key: string, identifier: string, sdkAppId: number, time: number, expire: number, userBufB64?: string): string {
  let content = `TLS.identifier:${identifier}\nTLS.sdkappid:${sdkAppId}\nTLS.time:${time}\nTLS.expire:${expire}\n`
  if (userBufB64 !== undefined) content += `TLS.userbuf:${userBufB64}\n`
  return createHmac('sha256', key).update(content, 'utf8').digest('base64')
}

export function genUserSig(input: GenUserSigInput): string {
  // Member order as TLSSigAPIv2's genSig writes it (ver, identifier, sdkappid, time, expire, userbuf,
  // sig), so equal inputs give byte-equal tickets (tlsSig.test.ts checks against tls-sig-api-v2).
  const doc: Record<string, string | number> = {
    'TLS.ver': '2.0',
    'TLS.identifier': input.userId,
    'TLS.sdkappid': input.sdkAppId,
    'TLS.time': input.nowSeconds,
    'TLS.expire': input.expireSeconds,
  }
  let userBufB64: string | undefined
  if (input.userBuf) {
    userBufB64 = Buffer.from(input.userBuf).toString('base64')
    doc['TLS.userbuf'] = userBufB64
  }
  doc['TLS.sig'] = hmacBase64(input.sdkSecretKey, input.userId, input.sdkAppId, input.nowSeconds, input.expireSeconds, userBufB64)
  return toUrlBase64(deflateSync(Buffer.from(JSON.stringify(doc), 'utf8')))
}

export interface PrivateMapKeyInput {
  sdkAppId: number
  userId: string
  nowSeconds: number
  expireSeconds: number
  privilegeMap: number
  /** Numeric room ID, or a string room ID (version-1 layout). */
  room: number | string
}

/**
 * userbuf, big-endian: cVer(1) wAccountLen(2) account dwSdkAppid(4) dwAuthID(4) dwExpTime(4)
 * dwPrivilegeMap(4) dwAccountType(4) [wRoomStrLen(2) roomStr] — cVer 1 only with a string room.
 */
export function encodePrivateMapKeyUserBuf(input: PrivateMapKeyInput): Uint8Array {
  const account = encoder.encode(input.userId)
  const roomStr = typeof input.room === 'string' ? encoder.encode(input.room) : null
  const length = 1 + 2 + account.length + 20 + (roomStr ? 2 + roomStr.length : 0)
  const out = new Uint8Array(length)
  const view = new DataView(out.buffer)
  let o = 0
  out[o++] = roomStr ? 1 : 0
  view.setUint16(o, account.length)
  o += 2
  out.set(account, o)
  o += account.length
  view.setUint32(o, input.sdkAppId >>> 0)
  view.setUint32(o + 4, typeof input.room === 'number' ? input.room >>> 0 : 0)
  view.setUint32(o + 8, (input.nowSeconds + input.expireSeconds) >>> 0)
  view.setUint32(o + 12, input.privilegeMap >>> 0)
  view.setUint32(o + 16, 0)
  o += 20
  if (roomStr) {
    view.setUint16(o, roomStr.length)
    out.set(roomStr, o + 2)
  }
  return out
}

export function decodePrivateMapKeyUserBuf(buf: Uint8Array): Result<PrivateMapKeyUserBuf> {
  const bad = err('request.invalid', 'err.usersig.buffer')
  if (buf.length < 3) return bad
  const view = new DataView(buf.buffer, buf.byteOffset, buf.byteLength)
  const ver = buf[0]
  if (ver !== 0 && ver !== 1) return bad
  const accountLen = view.getUint16(1)
  let o = 3 + accountLen
  if (buf.length < o + 20) return bad
  let userId: string
  try {
    userId = decoder.decode(buf.subarray(3, o))
  } catch {
    return bad
  }
  const result: PrivateMapKeyUserBuf = {
    userId,
    sdkAppId: view.getUint32(o),
    roomId: view.getUint32(o + 4),
    expireAt: view.getUint32(o + 8),
    privilegeMap: view.getUint32(o + 12),
    accountType: view.getUint32(o + 16),
  }
  o += 20
  if (ver === 1) {
    if (buf.length < o + 2) return bad
    const roomLen = view.getUint16(o)
    if (buf.length < o + 2 + roomLen) return bad
    try {
      result.strRoomId = decoder.decode(buf.subarray(o + 2, o + 2 + roomLen))
    } catch {
      return bad
    }
  }
  return ok(result)
}

function invalid(message: string): Result<never> {
  return err('request.invalid', 'err.usersig.malformed', undefined, { tencentCode: 'invalid', message })
}

/** Decodes without checking the HMAC. Never throws. */
export function decodeUserSig(sig: string): Result<DecodedUserSig> {
  const raw = fromUrlBase64(sig.trim())
  if (!raw) return invalid('The UserSig is not base64')
  let json: unknown
  try {
    json = JSON.parse(inflateSync(raw).toString('utf8'))
  } catch {
    return invalid('The UserSig is not a deflated JSON document')
  }
  if (typeof json !== 'object' || json === null) return invalid('The UserSig document is not an object')
  const doc = json as Record<string, unknown>
  const num = (v: unknown): number | null => {
    const n = typeof v === 'string' && /^\d+$/.test(v) ? Number(v) : v
    return typeof n === 'number' && Number.isInteger(n) ? n : null
  }
  const identifier = doc['TLS.identifier']
  const sdkAppId = num(doc['TLS.sdkappid'])
  const time = num(doc['TLS.time'])
  const expire = num(doc['TLS.expire'])
  const signature = doc['TLS.sig']
  if (typeof identifier !== 'string' || sdkAppId === null || time === null || expire === null || typeof signature !== 'string') {
    return invalid('The UserSig lacks one of TLS.identifier, TLS.sdkappid, TLS.time, TLS.expire, TLS.sig')
  }
  const decoded: DecodedUserSig = {
    version: typeof doc['TLS.ver'] === 'string' ? doc['TLS.ver'] : '',
    identifier,
    sdkAppId,
    time,
    expire,
    sig: signature,
  }
  const userBufB64 = doc['TLS.userbuf']
  if (userBufB64 !== undefined) {
    if (typeof userBufB64 !== 'string') return invalid('TLS.userbuf is not a string')
    decoded.userBufBase64 = userBufB64
    const parsed = decodePrivateMapKeyUserBuf(Buffer.from(userBufB64, 'base64'))
    if (!parsed.ok) return invalid(parsed.error.message)
    decoded.userBuf = parsed.value
  }
  return ok(decoded)
}

export interface VerifyUserSigOptions {
  sdkAppId: number
  sdkSecretKey: string
  nowSeconds: number
  userId?: string
}

/** Failures carry `tencentCode` 'invalid' | 'mismatch' | 'expired' so callers can tell them apart. */
export function verifyUserSig(sig: string, opts: VerifyUserSigOptions): Result<DecodedUserSig> {
  const decoded = decodeUserSig(sig)
  if (!decoded.ok) return decoded
  const d = decoded.value
  if (d.sdkAppId !== opts.sdkAppId) {
    return err('tencent.authFailure', 'err.usersig.otherApp', { sdkAppId: d.sdkAppId, expected: opts.sdkAppId }, { tencentCode: 'mismatch' })
  }
  if (opts.userId !== undefined && d.identifier !== opts.userId) {
    return err('tencent.authFailure', 'err.usersig.otherUser', { userId: d.identifier, expected: opts.userId }, { tencentCode: 'mismatch' })
  }
  const expected = Buffer.from(hmacBase64(opts.sdkSecretKey, d.identifier, d.sdkAppId, d.time, d.expire, d.userBufBase64), 'utf8')
  const given = Buffer.from(d.sig, 'utf8')
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) {
    return err('tencent.authFailure', 'err.usersig.badSignature', undefined, { tencentCode: 'mismatch' })
  }
  if (opts.nowSeconds > d.time + d.expire) {
    return err('credentials.expired', 'err.usersig.expired', undefined, { tencentCode: 'expired' })
  }
  return ok(d)
}

/** The reason of a failed verifyUserSig, for callers that map it to their own codes. */
export function userSigFailure(result: Result<unknown>): UserSigFailure | null {
  if (result.ok) return null
  const code = result.error.tencentCode
  return code === 'mismatch' || code === 'expired' ? code : 'invalid'
}
