import { spawn } from 'node:child_process'
import { createInterface } from 'node:readline'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { tc3Sign } from '../main/cloud/tc3'
import { startSimulator, type Simulator } from './server'
import { errorCode, signedCall, type CallOptions } from './signedCall'

const BASE_MS = Date.UTC(2026, 0, 15, 12, 0, 0)
const realStart = Date.now()
let shiftMs = 0
const clock = (): number => BASE_MS + (Date.now() - realStart) + shiftMs
const nowS = (): number => Math.floor(clock() / 1000)

let sim: Simulator
let opts: CallOptions

beforeAll(async () => {
  sim = await startSimulator({ seed: 'contract', clock })
  opts = { endpoint: sim.endpoint, secretId: sim.credentials.secretId, secretKey: sim.credentials.secretKey, region: 'ap-guangzhou' }
})
afterAll(async () => {
  await sim.close()
})

const call = (action: string, body: unknown, extra: Partial<CallOptions> = {}) => signedCall(action, body, { ...opts, timestamp: nowS(), ...extra })
const window = () => ({ SdkAppId: sim.credentials.sdkAppId, StartTime: nowS() - 3600, EndTime: nowS() })

describe('envelope and signing', () => {
  it('answers a signed request with the documented success envelope and a Date header', async () => {
    const r = await call('DescribeRoomInfo', window())
    expect(r.status).toBe(200)
    expect(r.response['RequestId']).toMatch(/^[0-9a-f-]{36}$/)
    expect(r.response['Error']).toBeUndefined()
    expect(typeof r.response['Total']).toBe('number')
    expect(Date.parse(r.date ?? '')).toBeGreaterThan(0)
  })

  it('answers errors with HTTP 200 and Error.Code / Error.Message', async () => {
    const r = await call('NoSuchThing', {})
    expect(r.status).toBe(200)
    expect(r.response['Error']).toEqual({ Code: 'InvalidAction', Message: expect.any(String) })
    expect(r.response['RequestId']).toEqual(expect.any(String))
  })

  it('rejects each authentication failure with its documented code', async () => {
    expect(errorCode(await call('DescribeRoomInfo', window(), { timestamp: nowS() - 301 }))).toBe('AuthFailure.SignatureExpire')
    expect(errorCode(await call('DescribeRoomInfo', window(), { timestamp: nowS() + 400 }))).toBe('AuthFailure.SignatureExpire')
    expect(errorCode(await call('DescribeRoomInfo', window(), { secretId: 'AKIDDEMO-nobody' }))).toBe('AuthFailure.SecretIdNotFound')
    expect(errorCode(await call('DescribeRoomInfo', window(), { secretKey: 'wrong' }))).toBe('AuthFailure.SignatureFailure')
    expect(errorCode(await call('DescribeRoomInfo', window(), { authorization: 'Bearer x' }))).toBe('AuthFailure.InvalidAuthorization')
    const host = new URL(sim.endpoint).host
    const other = tc3Sign({ secretId: opts.secretId, secretKey: opts.secretKey, service: 'trtc', host, timestamp: nowS(), payload: '{"other":1}' })
    expect(errorCode(await call('DescribeRoomInfo', window(), { authorization: other.authorization }))).toBe('AuthFailure.SignatureFailure')
    const noHost = other.authorization.replace('SignedHeaders=content-type;host', 'SignedHeaders=content-type')
    expect(errorCode(await call('DescribeRoomInfo', window(), { authorization: noHost }))).toBe('AuthFailure.InvalidAuthorization')
  })

  it('accepts GET with the parameters in a signed query string', async () => {
    const body = { ...window(), PageSize: 3, PageNumber: 1 }
    const viaGet = await call('DescribeRoomInfo', body, { method: 'GET' })
    expect(errorCode(viaGet)).toBeUndefined()
    const viaPost = await call('DescribeRoomInfo', body)
    expect(viaGet.response['RoomList']).toEqual(viaPost.response['RoomList'])
    expect((viaGet.response['RoomList'] as unknown[]).length).toBe(3)
    const arrays = await call('RemoveUser', { SdkAppId: sim.credentials.sdkAppId, RoomId: 1, UserIds: Array.from({ length: 11 }, (_, i) => `u${i}`) }, { method: 'GET', region: 'ap-beijing' })
    expect(errorCode(arrays)).toBe('InvalidParameter.UserIds')
  })

  it('checks temporary credentials and their token', async () => {
    const t = sim.issueTemporaryCredentials(60)
    const base = { secretId: t.secretId, secretKey: t.secretKey }
    expect(errorCode(await call('DescribeRoomInfo', window(), { ...base, token: t.token }))).toBeUndefined()
    expect(errorCode(await call('DescribeRoomInfo', window(), base))).toBe('AuthFailure.TokenFailure')
    expect(errorCode(await call('DescribeRoomInfo', window(), { ...base, token: 'forged' }))).toBe('AuthFailure.TokenFailure')
    shiftMs += 61_000
    try {
      expect(errorCode(await call('DescribeRoomInfo', window(), { ...base, token: t.token }))).toBe('AuthFailure.TokenFailure')
    } finally {
      shiftMs -= 61_000
    }
  })

  it('checks version, region and parameters', async () => {
    expect(errorCode(await call('DescribeRoomInfo', window(), { version: '2017-03-12' }))).toBe('NoSuchVersion')
    expect(errorCode(await call('DescribeTrtcUsage', { StartTime: '2026-01-14', EndTime: '2026-01-14' }, { region: 'ap-beijing' }))).toBe('UnsupportedRegion')
    expect(errorCode(await call('DescribeRoomInfo', window(), { region: 'na-toronto' }))).toBeUndefined()
    expect(errorCode(await call('DescribeUserInfo', { ...window(), CommId: 'x' }, { region: 'na-toronto' }))).toBe('UnsupportedRegion')
    expect(errorCode(await call('DescribeRoomInfo', { StartTime: 1, EndTime: 2 }))).toBe('MissingParameter.SdkAppId')
    expect(errorCode(await call('DescribeRoomInfo', { ...window(), PageSize: 101 }))).toBe('InvalidParameter.PageSizeOversize')
    expect(errorCode(await call('DescribeRoomInfo', { ...window(), StartTime: nowS() - 15 * 86400 }))).toBe('InvalidParameter.StartTsOversize')
    expect(errorCode(await call('DescribeRoomInfo', { ...window(), StartTime: nowS() - 25 * 3600 }))).toBe('InvalidParameter.QueryScaleOversize')
  })
})

describe('rate limits', () => {
  it('answers RequestLimitExceeded past 20 requests per second', async () => {
    const t0 = Date.now()
    const results = await Promise.all(Array.from({ length: 30 }, () => call('DescribeUserEvent', { ...window(), CommId: 'none', RoomId: '1', UserId: 'u' })))
    const elapsedS = Math.ceil((Date.now() - t0) / 1000)
    const limited = results.filter((r) => errorCode(r) === 'RequestLimitExceeded').length
    expect(limited).toBeGreaterThan(0)
    expect(results.length - limited).toBeLessThanOrEqual(20 * elapsedS)
    expect(results.every((r) => errorCode(r) === undefined || errorCode(r) === 'RequestLimitExceeded')).toBe(true)
  })

  it('allows DescribeTrtcRoomUsage once per 15 seconds', async () => {
    const body = { SdkAppid: sim.credentials.sdkAppId, StartTime: '2026-01-15 10:00', EndTime: '2026-01-15 11:00' }
    const first = await call('DescribeTrtcRoomUsage', body)
    expect(errorCode(first)).toBeUndefined()
    expect(String(first.response['Data'])).toMatch(/^RoomId,Audio,SD,hd,FullHD,2K,4K\n/)
    expect(errorCode(await call('DescribeTrtcRoomUsage', body))).toBe('RequestLimitExceeded')
  })
})

describe('fault injection', () => {
  it('injects errors by code, latency, clock offset and QPS, and clears them', async () => {
    sim.setFaults({ errorRate: { InternalError: 1 } })
    expect(errorCode(await call('DescribeRoomInfo', window()))).toBe('InternalError')
    sim.setFaults({ latencyMs: 150 })
    const t0 = Date.now()
    expect(errorCode(await call('DescribeRoomInfo', window()))).toBeUndefined()
    expect(Date.now() - t0).toBeGreaterThanOrEqual(140)
    sim.setFaults({ clockOffsetS: 600 })
    const skewed = await call('DescribeRoomInfo', window())
    expect(errorCode(skewed)).toBe('AuthFailure.SignatureExpire')
    expect(Math.abs(Date.parse(skewed.date ?? '') / 1000 - (nowS() + 600))).toBeLessThan(3)
    sim.setFaults({ qps: 1 })
    const burst = await Promise.all([0, 1, 2].map(() => call('DescribeUserInfo', { ...window(), CommId: 'none' })))
    expect(burst.filter((r) => errorCode(r) === 'RequestLimitExceeded').length).toBe(2)
    sim.setFaults({})
  })

  it('resets connections and slows bodies on demand, through the admin endpoint', async () => {
    const post = (faults: unknown) => fetch(`${sim.endpoint}/admin/faults`, { method: 'POST', body: JSON.stringify(faults) })
    expect((await post({ resetRate: 2 })).status).toBe(400)
    expect((await post({ resetRate: 1 })).status).toBe(200)
    await expect(call('DescribeRoomInfo', window())).rejects.toThrow()
    expect((await post({ slowBodyMs: 300 })).status).toBe(200)
    const t0 = Date.now()
    expect(errorCode(await call('DescribeRoomInfo', window()))).toBeUndefined()
    expect(Date.now() - t0).toBeGreaterThanOrEqual(200)
    expect((await post({})).status).toBe(200)
    const state = (await (await fetch(`${sim.endpoint}/admin/state`)).json()) as {
      faults: unknown
      apps: Array<{ sdkAppId: number; activeRooms: Array<{ users: Array<{ userId: string; role: string; publishing: { audio: boolean } }> }> }>
    }
    expect(state.faults).toEqual({})
    expect(state.apps[0]?.sdkAppId).toBe(sim.credentials.sdkAppId)
    const users = state.apps[0]!.activeRooms.flatMap((r) => r.users)
    expect(users.some((u) => u.role === 'anchor' && u.publishing.audio)).toBe(true)
  })
})

describe('standalone CLI', () => {
  it('prints the connection JSON first, serves signed calls and exits cleanly on SIGTERM', async () => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/simulator/cli.ts', '--seed', 'cli-test'], { stdio: ['ignore', 'pipe', 'pipe'] })
    const line = await new Promise<string>((resolveLine, reject) => {
      createInterface({ input: child.stdout }).once('line', resolveLine)
      child.once('exit', (code) => reject(new Error(`exited ${code}`)))
    })
    const info = JSON.parse(line) as { endpoint: string; secretId: string; secretKey: string; sdkAppId: number; sdkSecretKey: string; region: string }
    expect(info.endpoint).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/)
    expect(info.secretId).toMatch(/^AKIDDEMO-/)
    expect(info.secretId).not.toMatch(/^AKID[A-Za-z0-9]{32}$/)
    const r = await signedCall('DescribeRoomInfo', { SdkAppId: info.sdkAppId, StartTime: Math.floor(Date.now() / 1000) - 600, EndTime: Math.floor(Date.now() / 1000) }, { ...info })
    expect(errorCode(r)).toBeUndefined()
    const code = await new Promise<number | null>((resolveExit) => {
      child.once('exit', resolveExit)
      child.kill('SIGTERM')
    })
    expect(code).toBe(0)
  })
})
