import { createHmac } from 'node:crypto'
import { createRequire } from 'node:module'
import { deflateSync, inflateSync } from 'node:zlib'
import { afterEach, describe, expect, it, vi } from 'vitest'
import {
  ALL_PRIVILEGES,
  decodePrivateMapKeyUserBuf,
  decodeUserSig,
  encodePrivateMapKeyUserBuf,
  genUserSig,
  userSigFailure,
  verifyUserSig,
} from './tlsSig'

// Values of the public tls-sig-api-v2 Node example (sdkappid 1400000000, user "xiaojun").
const KEY = '5bd2850fff3ecb11d7c805251c51ee463a25727bddc2385f3fa8bfee1bb93b5e'
const APP = 1400000000
const NOW = 1_600_000_000
const EXPIRE = 86400 * 180

function inflateTicket(sig: string): Record<string, unknown> {
  const std = sig.replace(/\*/g, '+').replace(/-/g, '/').replace(/_/g, '=')
  return JSON.parse(inflateSync(Buffer.from(std, 'base64')).toString('utf8')) as Record<string, unknown>
}

describe('genUserSig', () => {
  it('writes the documented JSON fields and an HMAC over the fixed lines', () => {
    const sig = genUserSig({ sdkAppId: APP, sdkSecretKey: KEY, userId: 'xiaojun', expireSeconds: EXPIRE, nowSeconds: NOW })
    expect(sig).toMatch(/^[A-Za-z0-9*\-_]+$/)
    const doc = inflateTicket(sig)
    const expectedSig = createHmac('sha256', KEY)
      .update(`TLS.identifier:xiaojun\nTLS.sdkappid:${APP}\nTLS.time:${NOW}\nTLS.expire:${EXPIRE}\n`)
      .digest('base64')
    expect(doc).toEqual({ 'TLS.ver': '2.0', 'TLS.identifier': 'xiaojun', 'TLS.sdkappid': APP, 'TLS.time': NOW, 'TLS.expire': EXPIRE, 'TLS.sig': expectedSig })
    expect(Object.keys(doc)).toEqual(['TLS.ver', 'TLS.identifier', 'TLS.sdkappid', 'TLS.time', 'TLS.expire', 'TLS.sig'])
  })

  it('is deterministic for equal inputs and differs per user', () => {
    const a = genUserSig({ sdkAppId: APP, sdkSecretKey: KEY, userId: 'a', expireSeconds: 60, nowSeconds: NOW })
    expect(genUserSig({ sdkAppId: APP, sdkSecretKey: KEY, userId: 'a', expireSeconds: 60, nowSeconds: NOW })).toBe(a)
    expect(genUserSig({ sdkAppId: APP, sdkSecretKey: KEY, userId: 'b', expireSeconds: 60, nowSeconds: NOW })).not.toBe(a)
  })

  it('round-trips UTF-8 identifiers', () => {
    const sig = genUserSig({ sdkAppId: APP, sdkSecretKey: KEY, userId: '主播-01', expireSeconds: 60, nowSeconds: NOW })
    const v = verifyUserSig(sig, { sdkAppId: APP, sdkSecretKey: KEY, nowSeconds: NOW + 1, userId: '主播-01' })
    expect(v.ok && v.value.identifier).toBe('主播-01')
  })
})

describe('PrivateMapKey userbuf', () => {
  it('matches the public byte layout for a numeric room (cVer 0)', () => {
    const buf = encodePrivateMapKeyUserBuf({ sdkAppId: APP, userId: 'xiaojun', nowSeconds: NOW, expireSeconds: EXPIRE, privilegeMap: 255, room: 10000 })
    const expireAt = NOW + EXPIRE
    expect(Array.from(buf)).toEqual([
      0, 0, 7, ...Buffer.from('xiaojun'),
      0x53, 0x72, 0x4e, 0x00, // 1400000000
      0x00, 0x00, 0x27, 0x10, // 10000
      (expireAt >>> 24) & 255, (expireAt >>> 16) & 255, (expireAt >>> 8) & 255, expireAt & 255,
      0, 0, 0, 0xff,
      0, 0, 0, 0,
    ])
    expect(buf.length).toBe(1 + 2 + 7 + 20)
  })

  it('uses cVer 1 with a length-prefixed room string for string rooms', () => {
    const buf = encodePrivateMapKeyUserBuf({ sdkAppId: APP, userId: 'xiaojun', nowSeconds: NOW, expireSeconds: 60, privilegeMap: 42, room: '1000000040' })
    expect(buf[0]).toBe(1)
    expect(Array.from(buf.subarray(14, 18))).toEqual([0, 0, 0, 0]) // dwAuthID is 0 for string rooms
    expect(Array.from(buf.subarray(30, 32))).toEqual([0, 10])
    expect(Buffer.from(buf.subarray(32)).toString()).toBe('1000000040')
    const back = decodePrivateMapKeyUserBuf(buf)
    expect(back.ok && back.value).toEqual({ userId: 'xiaojun', sdkAppId: APP, roomId: 0, expireAt: NOW + 60, privilegeMap: 42, accountType: 0, strRoomId: '1000000040' })
  })

  it('rejects truncated buffers without throwing', () => {
    const buf = encodePrivateMapKeyUserBuf({ sdkAppId: APP, userId: 'u', nowSeconds: NOW, expireSeconds: 60, privilegeMap: 1, room: 'r' })
    for (let n = 0; n < buf.length; n++) expect(decodePrivateMapKeyUserBuf(buf.subarray(0, n)).ok).toBe(false)
  })

  it('signs the userbuf line and decodes privileges from a PrivateMapKey', () => {
    const userBuf = encodePrivateMapKeyUserBuf({ sdkAppId: APP, userId: 'xiaojun', nowSeconds: NOW, expireSeconds: EXPIRE, privilegeMap: ALL_PRIVILEGES, room: 10000 })
    const key = genUserSig({ sdkAppId: APP, sdkSecretKey: KEY, userId: 'xiaojun', expireSeconds: EXPIRE, nowSeconds: NOW, userBuf })
    const doc = inflateTicket(key)
    const b64 = Buffer.from(userBuf).toString('base64')
    expect(doc['TLS.userbuf']).toBe(b64)
    expect(doc['TLS.sig']).toBe(
      createHmac('sha256', KEY).update(`TLS.identifier:xiaojun\nTLS.sdkappid:${APP}\nTLS.time:${NOW}\nTLS.expire:${EXPIRE}\nTLS.userbuf:${b64}\n`).digest('base64'),
    )
    const d = decodeUserSig(key)
    expect(d.ok && d.value.userBuf).toMatchObject({ roomId: 10000, privilegeMap: 255 })
  })
})

describe('verifyUserSig', () => {
  const sig = genUserSig({ sdkAppId: APP, sdkSecretKey: KEY, userId: 'robot_1', expireSeconds: 300, nowSeconds: NOW })

  it('accepts a valid ticket inside its lifetime', () => {
    expect(verifyUserSig(sig, { sdkAppId: APP, sdkSecretKey: KEY, nowSeconds: NOW + 300, userId: 'robot_1' }).ok).toBe(true)
  })

  it('reports expiry, mismatch and malformed tickets distinctly', () => {
    expect(userSigFailure(verifyUserSig(sig, { sdkAppId: APP, sdkSecretKey: KEY, nowSeconds: NOW + 301 }))).toBe('expired')
    expect(userSigFailure(verifyUserSig(sig, { sdkAppId: APP, sdkSecretKey: 'other', nowSeconds: NOW }))).toBe('mismatch')
    expect(userSigFailure(verifyUserSig(sig, { sdkAppId: APP + 1, sdkSecretKey: KEY, nowSeconds: NOW }))).toBe('mismatch')
    expect(userSigFailure(verifyUserSig(sig, { sdkAppId: APP, sdkSecretKey: KEY, nowSeconds: NOW, userId: 'someone' }))).toBe('mismatch')
    for (const bad of ['', '!!!', 'eJw', sig.slice(0, 20), Buffer.from('{"a":1}').toString('base64')]) {
      expect(userSigFailure(verifyUserSig(bad, { sdkAppId: APP, sdkSecretKey: KEY, nowSeconds: NOW }))).toBe('invalid')
    }
  })

  it('detects a tampered field even when the HMAC text is kept', () => {
    const doc = inflateTicket(sig)
    doc['TLS.expire'] = 999999
    const forged = deflateSync(Buffer.from(JSON.stringify(doc))).toString('base64').replace(/\+/g, '*').replace(/\//g, '-').replace(/=/g, '_')
    expect(userSigFailure(verifyUserSig(forged, { sdkAppId: APP, sdkSecretKey: KEY, nowSeconds: NOW }))).toBe('mismatch')
  })
})

// Tencent's own library as the oracle: the same inputs must give the same bytes, both ways. Its
// tickets take "now" from Date.now, so the clock is pinned for each comparison.
interface TlsSigApi {
  genUserSig(userId: string, expire: number): string
  genPrivateMapKey(userId: string, expire: number, roomId: number, privileges: number): string
  genPrivateMapKeyWithStringRoomID(userId: string, expire: number, roomStr: string, privileges: number): string
}
const { Api } = createRequire(import.meta.url)('tls-sig-api-v2') as { Api: new (sdkAppId: number, key: string) => TlsSigApi }

describe('byte-identical with tls-sig-api-v2', () => {
  afterEach(() => vi.useRealTimers())
  const at = (ms: number) => {
    vi.useFakeTimers({ toFake: ['Date'] })
    vi.setSystemTime(ms)
  }
  // ASCII user and room IDs: the library writes one byte per UTF-16 unit (charCodeAt), so non-ASCII
  // IDs in a PrivateMapKey have no defined bytes to agree on.
  const users = ['xiaojun', 'robot_1', 'a', 'user-0123456789_ABCDEFGHIJ']
  const clocks = [1_600_000_000_000, 1_796_590_813_999, 2_000_000_000_500]

  it('UserSig: equal tickets for every user, clock and lifetime', () => {
    const oracle = new Api(APP, KEY)
    for (const ms of clocks)
      for (const userId of users)
        for (const expire of [1, 300, 86400 * 180]) {
          at(ms)
          const theirs = oracle.genUserSig(userId, expire)
          const ours = genUserSig({ sdkAppId: APP, sdkSecretKey: KEY, userId, expireSeconds: expire, nowSeconds: Math.floor(ms / 1000) })
          expect(ours).toBe(theirs)
          // and ours verifies theirs
          expect(verifyUserSig(theirs, { sdkAppId: APP, sdkSecretKey: KEY, nowSeconds: Math.floor(ms / 1000), userId }).ok).toBe(true)
        }
  })

  it('PrivateMapKey: equal tickets for numeric and string rooms and every right', () => {
    const oracle = new Api(APP, KEY)
    for (const ms of clocks)
      for (const privileges of [1, 42, 255]) {
        at(ms)
        const now = Math.floor(ms / 1000)
        for (const room of [1, 10000, 4294967295]) {
          const userBuf = encodePrivateMapKeyUserBuf({ sdkAppId: APP, userId: 'xiaojun', nowSeconds: now, expireSeconds: 300, privilegeMap: privileges, room })
          expect(genUserSig({ sdkAppId: APP, sdkSecretKey: KEY, userId: 'xiaojun', expireSeconds: 300, nowSeconds: now, userBuf })).toBe(oracle.genPrivateMapKey('xiaojun', 300, room, privileges))
        }
        for (const room of ['1000000040', 'show-2026_finals']) {
          const userBuf = encodePrivateMapKeyUserBuf({ sdkAppId: APP, userId: 'xiaojun', nowSeconds: now, expireSeconds: 300, privilegeMap: privileges, room })
          const theirs = oracle.genPrivateMapKeyWithStringRoomID('xiaojun', 300, room, privileges)
          expect(genUserSig({ sdkAppId: APP, sdkSecretKey: KEY, userId: 'xiaojun', expireSeconds: 300, nowSeconds: now, userBuf })).toBe(theirs)
          const d = decodeUserSig(theirs)
          expect(d.ok && d.value.userBuf).toMatchObject({ strRoomId: room, privilegeMap: privileges, expireAt: now + 300 })
        }
      }
  })
})
