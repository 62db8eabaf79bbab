import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { ok } from '../../shared/errors'
import { createTencentClient, endpointUrl, type TencentClient } from './client'
import { createRateBudget } from './rateBudget'
import { createRequestLog, type RequestLog } from './requestLog'
import { parseTc3Authorization, tc3Sign } from './tc3'

const SECRET_ID = 'AKIDTEST-fake-client-id-0000-1a2b'
const SECRET_KEY = 'Gu5t9xGARNpq86cd98joQYCN3secretKEY0'
const TOKEN = 'temporary-token-value-0123456789'

type Behaviour = (ctx: { req: IncomingMessage; res: ServerResponse; body: string; n: number; reply(response: object): void }) => void

// A local stand-in for the TRTC endpoint that verifies TC3 signatures exactly as Tencent Cloud
// describes them (003_530a54cf0f8c0df7.txt L8158–L8478) and lets each test script its faults.
function startServer() {
  const counts = new Map<string, number>()
  const state = { offsetMs: 0, behaviour: undefined as Behaviour | undefined, seen: [] as IncomingMessage['headers'][] }
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = []
    req.on('data', (c: Buffer) => chunks.push(c))
    req.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8')
      const action = String(req.headers['x-tc-action'])
      const n = (counts.get(action) ?? 0) + 1
      counts.set(action, n)
      state.seen.push(req.headers)
      const serverNow = Date.now() + state.offsetMs
      res.setHeader('Date', new Date(serverNow).toUTCString())
      const reply = (response: object) => {
        res.setHeader('Content-Type', 'application/json')
        res.end(JSON.stringify({ Response: { RequestId: `req-${action}-${n}`, ...response } }))
      }
      const fail = (Code: string) => reply({ Error: { Code, Message: Code } })
      const auth = parseTc3Authorization(String(req.headers.authorization ?? ''))
      const ts = Number(req.headers['x-tc-timestamp'])
      if (!auth || auth.secretId !== SECRET_ID) return fail('AuthFailure.SecretIdNotFound')
      // "Timestamp and server time cannot differ by more than five minutes." (L9985–L10004)
      if (Math.abs(ts - serverNow / 1000) > 300) return fail('AuthFailure.SignatureExpire')
      const expected = tc3Sign({ secretId: SECRET_ID, secretKey: SECRET_KEY, service: 'trtc', host: String(req.headers.host), timestamp: ts, payload: body })
      if (expected.signature !== auth.signature || auth.service !== 'trtc') return fail('AuthFailure.SignatureFailure')
      if (state.behaviour) return state.behaviour({ req, res, body, n, reply })
      reply({ Total: 0, RoomList: [] })
    })
  })
  return new Promise<{ url: string; server: Server; counts: Map<string, number>; state: typeof state }>((resolve) => {
    server.listen(0, '127.0.0.1', () => resolve({ url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/`, server, counts, state }))
  })
}

let srv: Awaited<ReturnType<typeof startServer>>
let client: TencentClient
let log: RequestLog

function makeClient(overrides: { secretKey?: string; totalMs?: number; url?: string } = {}) {
  log = createRequestLog()
  return createTencentClient({
    clock: Date,
    credentials: async () => ok({ secretId: SECRET_ID, secretKey: overrides.secretKey ?? SECRET_KEY, token: TOKEN }),
    endpoint: { url: overrides.url ?? srv.url },
    budget: createRateBudget({ clock: Date }),
    log,
    timeouts: { connectMs: 500, totalMs: overrides.totalMs ?? 2000 },
    retry: { maxAttempts: 4, baseMs: 10, capMs: 40, maxTotalMs: 5000 },
  })
}

const now = () => Math.floor(Date.now() / 1000)
const roomQuery = () => ({ SdkAppId: 1400000001, StartTime: now() - 300, EndTime: now(), PageSize: 1 })
const read = { region: 'ap-guangzhou', priority: 'user', mutating: false } as const
const write = { region: 'ap-guangzhou', priority: 'user', mutating: true } as const
const dismiss = { SdkAppId: 1400000001, RoomId: 1234 }

beforeEach(async () => {
  srv = await startServer()
  client = makeClient()
})
afterEach(async () => {
  await client.close()
  srv.server.closeAllConnections()
  await new Promise((r) => srv.server.close(r))
})

describe('Tencent client against a local server', () => {
  it('sends a signed POST with the common headers and logs it without secrets', async () => {
    const r = await client.call<{ Total: number }>('DescribeRoomInfo', roomQuery(), read)
    expect(r).toMatchObject({ ok: true, value: { Total: 0, RequestId: 'req-DescribeRoomInfo-1' } })
    const h = srv.state.seen[0]!
    expect(h['x-tc-version']).toBe('2019-07-22')
    expect(h['x-tc-region']).toBe('ap-guangzhou')
    expect(h['x-tc-token']).toBe(TOKEN)
    expect(h['content-type']).toBe('application/json; charset=utf-8')
    const entry = log.entries()[0]!
    expect(entry).toMatchObject({ action: 'DescribeRoomInfo', outcome: 'ok', requestId: 'req-DescribeRoomInfo-1', retries: 0, secretIdHint: 'AKID…1a2b' })
    const text = JSON.stringify(log.entries())
    expect(text).not.toContain(SECRET_KEY)
    expect(text).not.toContain(TOKEN)
    expect(text).not.toContain(SECRET_ID)
    expect(entry.canonicalRequest).toContain(`host:${new URL(srv.url).host}\n`)
    expect(entry.payload).toContain('"PageSize":1')
  })

  it('omits X-TC-Region for dashboard actions and refuses invalid requests before sending', async () => {
    const r = await client.call('DescribeTRTCMarketScaleData', { SdkAppId: '1400000001', StartTime: '2024-01-01', EndTime: '2024-01-02', Period: 'd' }, read)
    expect(r.ok).toBe(true)
    expect(srv.state.seen[0]!['x-tc-region']).toBeUndefined()
    const bad = await client.call('RemoveUser', { SdkAppId: 1, RoomId: 1, UserIds: Array.from({ length: 11 }, (_, i) => `u${i}`) }, write)
    expect(bad).toMatchObject({ ok: false, error: { code: 'request.invalid' } })
    const wrongRegion = await client.call('DescribeRoomInfo', roomQuery(), { ...read, region: 'ap-shanghai' })
    expect(wrongRegion).toMatchObject({ ok: false, error: { code: 'request.invalid' } })
    expect(srv.counts.get('RemoveUser')).toBeUndefined()
    expect(srv.counts.get('DescribeRoomInfo')).toBeUndefined()
  })

  it('maps a wrong SecretKey to an authentication error without retrying', async () => {
    const bad = makeClient({ secretKey: 'wrong' })
    const r = await bad.call('DescribeRoomInfo', roomQuery(), read)
    await bad.close()
    expect(r).toMatchObject({ ok: false, error: { code: 'tencent.authFailure', tencentCode: 'AuthFailure.SignatureFailure', requestId: 'req-DescribeRoomInfo-1' } })
    expect(srv.counts.get('DescribeRoomInfo')).toBe(1)
  })

  it('waits out a gateway 429 and says what happened when it persists', async () => {
    srv.state.behaviour = ({ res, n, reply }) => {
      if (n <= 2) {
        res.statusCode = 429
        res.end('Too Many Requests')
      } else reply({ Total: 0, RoomList: [] })
    }
    const r = await client.call('DescribeRoomInfo', roomQuery(), read)
    expect(r.ok).toBe(true)
    expect(srv.counts.get('DescribeRoomInfo')).toBe(3)
    srv.state.behaviour = ({ res }) => {
      res.statusCode = 429
      res.end('Too Many Requests')
    }
    const p = await client.call('DescribeRoomInfo', roomQuery(), read)
    expect(p).toMatchObject({ ok: false, error: { code: 'tencent.rateLimited' } })
    if (!p.ok) {
      expect(p.error.message).toMatch(/HTTP 429/)
      expect(p.error.message).not.toMatch(/Check the endpoint/)
    }
  })

  it('recovers a read from 5xx answers but sends a mutation only once', async () => {
    srv.state.behaviour = ({ res, n, reply }) => {
      if (n <= 2) {
        res.statusCode = 502
        res.end('<html>Bad Gateway</html>')
      } else reply({ Total: 0, RoomList: [] })
    }
    const r = await client.call('DescribeRoomInfo', roomQuery(), read)
    expect(r.ok).toBe(true)
    expect(srv.counts.get('DescribeRoomInfo')).toBe(3)
    expect(log.entries().at(-1)!.retries).toBe(2)
    const m = await client.call('DismissRoom', dismiss, write)
    expect(m).toMatchObject({ ok: false, error: { code: 'network.protocol' } })
    expect(srv.counts.get('DismissRoom')).toBe(1)
  })

  it('recovers a read from connection resets but never resends a mutation', async () => {
    srv.state.behaviour = ({ req, n, reply }) => {
      if (n <= 2) req.socket.destroy()
      else reply({})
    }
    expect((await client.call('DescribeRoomInfo', roomQuery(), read)).ok).toBe(true)
    expect(srv.counts.get('DescribeRoomInfo')).toBe(3)
    const m = await client.call('RemoveUser', { SdkAppId: 1, RoomId: 5, UserIds: ['a'] }, write)
    expect(m).toMatchObject({ ok: false, error: { code: 'network.reset' } })
    expect(srv.counts.get('RemoveUser')).toBe(1)
  })

  it('times out slow bodies, retrying reads within the bound and mutations never', async () => {
    const slow = makeClient({ totalMs: 150 })
    srv.state.behaviour = ({ res }) => {
      res.writeHead(200, { 'Content-Type': 'application/json' })
      res.write('{"Response": {')
    }
    const r = await slow.call('DescribeRoomInfo', roomQuery(), read)
    expect(r).toMatchObject({ ok: false, error: { code: 'network.timeout' } })
    expect(srv.counts.get('DescribeRoomInfo')).toBe(4)
    const m = await slow.call('DismissRoom', dismiss, write)
    expect(m).toMatchObject({ ok: false, error: { code: 'network.timeout' } })
    expect(srv.counts.get('DismissRoom')).toBe(1)
    await slow.close()
  })

  it('backs off through a burst of RequestLimitExceeded for reads only', async () => {
    srv.state.behaviour = ({ n, reply }) => (n <= 3 ? reply({ Error: { Code: 'RequestLimitExceeded', Message: 'slow down' } }) : reply({ Total: 0, RoomList: [] }))
    expect((await client.call('DescribeRoomInfo', roomQuery(), read)).ok).toBe(true)
    expect(srv.counts.get('DescribeRoomInfo')).toBe(4)
    const m = await client.call('DismissRoom', dismiss, write)
    expect(m).toMatchObject({ ok: false, error: { code: 'tencent.rateLimited', retryable: true } })
    expect(srv.counts.get('DismissRoom')).toBe(1)
  })

  it.each([600_000, -600_000])('corrects a clock offset of %i ms after SignatureExpire, once, also for a mutation', async (offset) => {
    srv.state.offsetMs = offset
    srv.state.behaviour = ({ reply }) => reply({})
    const m = await client.call('DismissRoom', dismiss, write)
    expect(m.ok).toBe(true)
    expect(srv.counts.get('DismissRoom')).toBe(2)
    expect(Math.abs(client.skewMs() - offset)).toBeLessThan(1500)
    const r = await client.call('DescribeRoomInfo', roomQuery(), read)
    expect(r.ok).toBe(true)
    expect(srv.counts.get('DescribeRoomInfo')).toBe(1)
  })

  it('does not loop when the server keeps rejecting the timestamp', async () => {
    srv.state.behaviour = ({ reply }) => reply({ Error: { Code: 'AuthFailure.SignatureExpire', Message: 'expired' } })
    const m = await client.call('DismissRoom', dismiss, write)
    expect(m).toMatchObject({ ok: false, error: { code: 'tencent.signatureExpired' } })
    expect(srv.counts.get('DismissRoom')).toBe(2)
  })

  it('reports bodies that are not Tencent JSON as protocol errors', async () => {
    srv.state.behaviour = ({ res }) => res.end('hello')
    expect(await client.call('DescribeRoomInfo', roomQuery(), read)).toMatchObject({ ok: false, error: { code: 'network.protocol', retryable: false } })
    srv.state.behaviour = ({ res }) => res.end('{"NotResponse": 1}')
    expect(await client.call('DescribeRoomInfo', roomQuery(), read)).toMatchObject({ ok: false, error: { code: 'network.protocol' } })
    expect(srv.counts.get('DescribeRoomInfo')).toBe(2)
  })

  it('cancels a pending call promptly', async () => {
    srv.state.behaviour = () => undefined // never answers
    const ac = new AbortController()
    const started = Date.now()
    setTimeout(() => ac.abort(), 50)
    const r = await client.call('DescribeRoomInfo', roomQuery(), { ...read, signal: ac.signal })
    expect(r).toMatchObject({ ok: false, error: { code: 'cancelled' } })
    expect(Date.now() - started).toBeLessThan(1000)
    expect(log.entries().at(-1)!.outcome).toBe('cancelled')
  })

  it('retries a mutation only when the connection was refused before sending', async () => {
    const closed = await startServer()
    const deadUrl = closed.url
    await new Promise((r) => closed.server.close(r))
    const dead = makeClient({ url: deadUrl })
    const m = await dead.call('DismissRoom', dismiss, write)
    expect(m).toMatchObject({ ok: false, error: { code: 'network.unreachable' } })
    expect(log.entries().at(-1)!.retries).toBe(3)
    await dead.close()
  })
})

describe('endpointUrl', () => {
  it('maps sites, regions and explicit URLs to hosts', () => {
    expect(endpointUrl({ site: 'china' }).host).toBe('trtc.tencentcloudapi.com')
    expect(endpointUrl({ site: 'intl' }).host).toBe('trtc.intl.tencentcloudapi.com')
    expect(endpointUrl({ region: 'ap-singapore' }).host).toBe('trtc.ap-singapore.tencentcloudapi.com')
    expect(endpointUrl({ url: 'http://127.0.0.1:8123' }).host).toBe('127.0.0.1:8123')
  })
})
