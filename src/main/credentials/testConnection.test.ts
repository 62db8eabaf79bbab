import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ok } from '../../shared/errors'
import { createTencentClient } from '../cloud/client'
import { createRateBudget } from '../cloud/rateBudget'
import { createRequestLog } from '../cloud/requestLog'
import { testConnection } from './testConnection'

let server: Server
let url: string
let answer: { code?: string; dateOffsetMs?: number } = {}
const seen: { action: string; region: string | undefined; body: string }[] = []

beforeAll(async () => {
  server = createServer((req, res) => {
    let body = ''
    req.on('data', (c: Buffer) => (body += c.toString('utf8')))
    req.on('end', () => {
      seen.push({ action: String(req.headers['x-tc-action']), region: req.headers['x-tc-region'] as string | undefined, body })
      res.setHeader('Date', new Date(Date.now() + (answer.dateOffsetMs ?? 0)).toUTCString())
      const response = answer.code ? { Error: { Code: answer.code, Message: answer.code } } : { UsageKey: [], UsageList: [] }
      res.end(JSON.stringify({ Response: { RequestId: 'rid-1', ...response } }))
    })
  })
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()))
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`
})
afterAll(async () => {
  server.closeAllConnections()
  await new Promise((r) => server.close(r))
})

async function verdict(region = 'ap-singapore') {
  const client = createTencentClient({
    clock: Date,
    credentials: async () => ok({ secretId: 'AKIDtest00000000', secretKey: 'k' }),
    endpoint: { url },
    budget: createRateBudget({ clock: Date }),
    log: createRequestLog(),
    retry: { maxAttempts: 1 },
  })
  try {
    return await testConnection(client, { region, nowMs: Date.now() })
  } finally {
    await client.close()
  }
}

describe('test connection', () => {
  it('calls DescribeTrtcUsage for today in a region that accepts it', async () => {
    answer = {}
    expect(await verdict('ap-beijing')).toMatchObject({ kind: 'ok', requestId: 'rid-1' })
    const last = seen.at(-1)!
    expect(last.action).toBe('DescribeTrtcUsage')
    expect(last.region).toBe('ap-guangzhou')
    const day = new Date().toISOString().slice(0, 10)
    expect(JSON.parse(last.body)).toEqual({ StartTime: day, EndTime: day })
  })

  it.each([
    ['AuthFailure.SignatureFailure', 'wrongKey'],
    ['AuthFailure.SecretIdNotFound', 'unknownSecretId'],
    ['AuthFailure.TokenFailure', 'expiredToken'],
    ['AuthFailure.SignatureExpire', 'clockSkew'],
    ['AuthFailure.UnauthorizedOperation', 'noPermission'],
    ['UnsupportedRegion', 'regionNotAllowed'],
    ['InvalidParameter.QueryScaleOversize', 'failed'],
  ])('turns %s into %s', async (code, kind) => {
    answer = { code }
    const v = await verdict()
    expect(v.kind).toBe(kind)
    expect(v.message.length).toBeGreaterThan(10)
  })

  it('reports the network when nothing answers', async () => {
    const dead = createServer()
    await new Promise<void>((r) => dead.listen(0, '127.0.0.1', () => r()))
    const deadUrl = `http://127.0.0.1:${(dead.address() as AddressInfo).port}/`
    await new Promise((r) => dead.close(r))
    const client = createTencentClient({
      clock: Date,
      credentials: async () => ok({ secretId: 'AKIDtest00000000', secretKey: 'k' }),
      endpoint: { url: deadUrl },
      budget: createRateBudget({ clock: Date }),
      log: createRequestLog(),
      retry: { maxAttempts: 1 },
    })
    expect(await testConnection(client, { region: 'ap-guangzhou', nowMs: Date.now() })).toMatchObject({ kind: 'network' })
    await client.close()
  })
})
