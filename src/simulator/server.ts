// The local TRTC cloud: a real HTTP server on loopback speaking the documented protocol
// (003_530a54cf0f8c0df7.txt L7803–L8157 request structure, L10976–L11041 responses).
import { DEMO_CLIP_PATH, demoClipFlv } from './demoClip'
import { createHash, randomUUID } from 'node:crypto'
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { actions, RateLimiter, type TaskStores } from './actions'
import { isAuthFailure, verifyTc3, type Credential } from './auth'
import type { SimContext } from './context'
import { injectedError, injectedReset, parseFaults, type FaultOptions } from './faults'
import { serveLive } from './liveStream'
import { mixTaskRunning } from './mixing'
import { bodyFromQuery } from './params'
import { recordingStatus } from './recording'
import { createWorld, emptyOverlay, inRoomAt, publishingAt, roomActive, roomsInRange, sessionsAt, type Edition, type World } from './world'

export const API_VERSION = '2019-07-22' // e.g. L1157
/** "up to 10 MB when TC3-HMAC-SHA256 is used" (L7879–L7880) */
const MAX_BODY = 10 * 1024 * 1024

export interface SimulatorOptions {
  port?: number
  seed?: number | string
  /** Milliseconds since the epoch; defaults to Date.now. */
  clock?: () => number
  edition?: Edition
  faults?: FaultOptions
  /** One line per request, for logs. */
  onRequest?: (line: string) => void
  /** Rooms created every 10 minutes in the first app (3 by default); load tests raise it. */
  roomsPerSlot?: number
}

export interface SimulatorCredentials {
  secretId: string
  secretKey: string
  sdkAppId: number
  sdkSecretKey: string
  region: string
}

export interface TemporaryCredentials {
  secretId: string
  secretKey: string
  token: string
  expiredTime: number
}

export interface Simulator {
  endpoint: string
  credentials: SimulatorCredentials
  world: World
  setFaults(f: FaultOptions): void
  setEdition(e: Edition): void
  /** Issues a temporary key + token valid for ttlSeconds of server time. */
  issueTemporaryCredentials(ttlSeconds: number): TemporaryCredentials
  /** The SDK secret key of any simulated application. */
  sdkSecretKeyOf(sdkAppId: number): string | undefined
  close(): Promise<void>
}

function derive(seed: string, what: string, length: number): string {
  return createHash('sha256').update(`${seed}:${what}`).digest('hex').slice(0, length)
}

/** Demo credentials from the seed: plainly not real keys (no AKID + 32 characters shape). */
export function demoCredentials(world: World): SimulatorCredentials {
  const app = world.apps[0]
  return {
    secretId: `AKIDDEMO-sim-${derive(world.seed, 'id', 8)}`,
    secretKey: `demo-secret-${derive(world.seed, 'key', 16)}`,
    sdkAppId: app?.sdkAppId ?? 0,
    sdkSecretKey: derive(world.seed, `sdk:${app?.sdkAppId ?? 0}`, 64),
    region: 'ap-guangzhou',
  }
}

function isLoopback(req: IncomingMessage): boolean {
  const a = req.socket.remoteAddress ?? ''
  return a === '127.0.0.1' || a === '::1' || a === '::ffff:127.0.0.1'
}

function readBody(req: IncomingMessage): Promise<Buffer | null> {
  return new Promise((resolveBody, reject) => {
    const chunks: Buffer[] = []
    let size = 0
    let tooBig = false
    req.on('data', (c: Buffer) => {
      size += c.length
      if (size > MAX_BODY) tooBig = true
      else chunks.push(c)
    })
    req.on('end', () => resolveBody(tooBig ? null : Buffer.concat(chunks)))
    req.on('error', reject)
  })
}

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms))

export async function startSimulator(opts: SimulatorOptions = {}): Promise<Simulator> {
  const world = createWorld(opts.seed ?? 'trtc-desk', { roomsPerSlot: opts.roomsPerSlot })
  const clock = opts.clock ?? Date.now
  const credentials = demoCredentials(world)
  const sdkSecretKeys = new Map(world.apps.map((a) => [a.sdkAppId, derive(world.seed, `sdk:${a.sdkAppId}`, 64)]))
  const overlay = emptyOverlay()
  const stores: TaskStores = { mix: new Map(), recordings: new Map(), ingest: new Map(), ai: new Map() }
  const limiter = new RateLimiter()
  const creds = new Map<string, Credential>([[credentials.secretId, { secretId: credentials.secretId, secretKey: credentials.secretKey }]])
  let faults: FaultOptions = opts.faults ?? {}
  let edition: Edition = opts.edition ?? 'premium'
  let requestNo = 0
  let idNo = 0
  const liveStops = new Set<() => void>()

  const nowMs = (): number => clock() + (faults.clockOffsetS ?? 0) * 1000
  const context = (): SimContext => {
    const ms = nowMs()
    return {
      world,
      overlay,
      now: Math.floor(ms / 1000),
      nowMs: ms,
      edition,
      sdkSecretKeys,
      nextId: (kind) => {
        idNo++
        const h = createHash('sha256').update(`${world.seed}:${kind}:${idNo}`).digest('base64url').slice(0, 40)
        return kind === 'rec' ? `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 28)}` : `-${h}`
      },
    }
  }

  const send = async (res: ServerResponse, payload: Record<string, unknown>): Promise<void> => {
    const body = Buffer.from(JSON.stringify({ Response: { ...payload, RequestId: randomUUID() } }))
    // Tencent answers errors with HTTP 200 too (L10976–L11041); the Date header reflects the (offset) server clock.
    res.writeHead(200, { 'Content-Type': 'application/json', 'Content-Length': body.length, Date: new Date(nowMs()).toUTCString() })
    const slow = faults.slowBodyMs ?? 0
    if (slow > 0 && body.length > 1) {
      const parts = 5
      const step = Math.ceil(body.length / parts)
      for (let i = 0; i < body.length; i += step) {
        res.write(body.subarray(i, i + step))
        await sleep(slow / parts)
      }
      res.end()
    } else res.end(body)
  }
  const error = (res: ServerResponse, code: string, message: string): Promise<void> => send(res, { Error: { Code: code, Message: message } })

  const handleApi = async (req: IncomingMessage, res: ServerResponse, url: URL): Promise<string> => {
    const n = ++requestNo
    const bodyBuf = await readBody(req)
    if (faults.latencyMs) await sleep(faults.latencyMs)
    if (injectedReset(faults, world.seed, n)) {
      req.socket.destroy()
      return 'reset (injected)'
    }
    if (bodyBuf === null) {
      await error(res, 'RequestSizeLimitExceeded', 'The request size exceeds the upper limit.')
      return 'RequestSizeLimitExceeded'
    }
    const h = (name: string): string | undefined => {
      const v = req.headers[name]
      return Array.isArray(v) ? v[0] : v
    }
    const action = h('x-tc-action') ?? ''
    const fail = async (code: string, message: string): Promise<string> => {
      await error(res, code, message)
      return code
    }
    if (req.method !== 'POST' && req.method !== 'GET') return fail('UnsupportedProtocol', 'HTTP(S) request protocol error; only GET and POST requests are supported.')
    if (!action) return fail('MissingParameter', 'The X-TC-Action header is missing.')
    const headers: Record<string, string | undefined> = {}
    for (const [k, v] of Object.entries(req.headers)) headers[k] = Array.isArray(v) ? v.join(',') : v
    const ctx = context()
    const auth = verifyTc3({ method: req.method, path: url.pathname, query: url.search.slice(1), headers, body: bodyBuf }, (id) => creds.get(id), ctx.now)
    if (isAuthFailure(auth)) return fail(auth.code, auth.message)
    const version = h('x-tc-version')
    if (!version) return fail('MissingParameter', 'The X-TC-Version header is missing.')
    if (version !== API_VERSION) return fail('NoSuchVersion', `The API version ${version} does not exist; use ${API_VERSION}.`)
    const spec = actions[action]
    if (!spec) return fail('InvalidAction', `The API ${action} does not exist.`)
    const region = h('x-tc-region')
    if (spec.regions) {
      if (!region) return fail('MissingParameter', 'The X-TC-Region header is missing.')
      if (!spec.regions.includes(region)) return fail('UnsupportedRegion', `${action} does not support the region ${region}; it supports ${spec.regions.join(', ')}.`)
    }
    if (!limiter.allow(action, spec.limit, clock(), faults.qps)) return fail('RequestLimitExceeded', 'The number of requests exceeds the frequency limit.')
    const injected = injectedError(faults, world.seed, n)
    if (injected) return fail(injected, `${injected} (injected by the simulator's fault settings).`)
    let body: unknown
    if (req.method === 'GET') body = bodyFromQuery(url.searchParams)
    else {
      try {
        body = bodyBuf.length === 0 ? {} : JSON.parse(bodyBuf.toString('utf8'))
      } catch {
        return fail('InvalidParameter', 'The request body is not valid JSON.')
      }
    }
    if (typeof body !== 'object' || body === null || Array.isArray(body)) return fail('InvalidParameter', 'The request body must be a JSON object.')
    const reply = spec.run(body as Record<string, unknown>, ctx, stores)
    if (!reply.ok) return fail(reply.code, reply.message)
    await send(res, reply.body)
    return 'ok'
  }

  const adminState = (): Record<string, unknown> => {
    const ctx = context()
    return {
      seed: world.seed,
      now: ctx.now,
      edition,
      faults,
      apps: world.apps.map((app) => {
        const active = roomsInRange(world, app, ctx.now, ctx.now, ctx.now, overlay).filter((r) => roomActive(r, overlay, ctx.now))
        return {
          sdkAppId: app.sdkAppId,
          name: app.name,
          activeRooms: active.map((r) => ({
            roomId: r.roomId,
            isString: r.isString,
            commId: r.commId,
            createTime: r.createTime,
            users: sessionsAt(world, r, overlay, ctx.now)
              .filter((u) => inRoomAt(u, ctx.now))
              .map((u) => ({ userId: u.userId, role: u.role, platform: u.platform, os: u.os, network: u.network, region: u.region, publishing: publishingAt(overlay, r, u, ctx.now) })),
          })),
        }
      }),
      mixTasks: [...stores.mix.values()].map((t) => ({ taskId: t.taskId, roomId: t.roomId, mode: t.mode, encode: t.encode ?? null, sequenceNumber: Number.isFinite(t.sequenceNumber) ? t.sequenceNumber : null, running: mixTaskRunning(world, t, overlay, ctx.now) })),
      recordings: [...stores.recordings.values()].map((t) => ({ taskId: t.taskId, roomId: t.roomId, status: recordingStatus(t, ctx), mixLayout: t.mixLayout ?? null, video: t.video ?? null })),
      moderation: { removed: overlay.removed.size, blocked: overlay.blocked.size, dismissed: [...overlay.dismissed.keys()] },
    }
  }

  const issueTemporaryCredentials = (ttlSeconds: number): TemporaryCredentials => {
    const n = creds.size
    const t: TemporaryCredentials = {
      secretId: `AKIDDEMO-tmp-${derive(world.seed, `tmp-id:${n}`, 8)}`,
      secretKey: `demo-tmp-secret-${derive(world.seed, `tmp-key:${n}`, 16)}`,
      token: `demo-token-${derive(world.seed, `tmp-token:${n}`, 24)}`,
      expiredTime: context().now + ttlSeconds,
    }
    creds.set(t.secretId, { secretId: t.secretId, secretKey: t.secretKey, token: t.token, expiresAt: t.expiredTime })
    return t
  }

  const json = (res: ServerResponse, status: number, value: unknown): void => {
    const body = Buffer.from(JSON.stringify(value))
    res.writeHead(status, { 'Content-Type': 'application/json', 'Content-Length': body.length })
    res.end(body)
  }

  const server = createServer((req, res) => {
    const started = Date.now()
    const url = new URL(req.url ?? '/', 'http://127.0.0.1')
    const log = (what: string): void => opts.onRequest?.(`${req.method ?? '?'} ${url.pathname} ${req.headers['x-tc-action'] ?? ''} ${what} ${Date.now() - started}ms`.replace(/\s+/g, ' '))
    const route = async (): Promise<void> => {
      if (url.pathname === '/') {
        log(await handleApi(req, res, url))
        return
      }
      if (url.pathname === DEMO_CLIP_PATH && (req.method === 'GET' || req.method === 'HEAD')) {
        const clip = demoClipFlv()
        res.writeHead(200, { 'Content-Type': 'video/x-flv', 'Content-Length': clip.length, 'Cache-Control': 'max-age=3600' })
        res.end(req.method === 'GET' ? clip : undefined)
        return log('200')
      }
      const live = /^\/live\/([^/]+)\.flv$/.exec(url.pathname)
      if (live && req.method === 'GET') {
        const taskId = decodeURIComponent(live[1] ?? '')
        // The idle check scans the world, so a viewer re-evaluates it once a second, not per frame.
        let checkedAt = -1
        let alive = false
        const running = (): ReturnType<typeof stores.mix.get> => {
          const t = stores.mix.get(taskId)
          const now = context().now
          if (t && now !== checkedAt) {
            checkedAt = now
            alive = mixTaskRunning(world, t, overlay, now)
          }
          return t && alive && (t.stoppedAt === undefined || t.stoppedAt > now) ? t : undefined
        }
        if (!running()) return (json(res, 404, { error: `No running relay task ${taskId}` }), log('404'))
        const stop = serveLive(res, { world, overlay, nowMs, task: running })
        liveStops.add(stop)
        res.on('close', () => liveStops.delete(stop))
        log('live')
        return
      }
      if (url.pathname.startsWith('/admin/')) {
        if (!isLoopback(req)) return (json(res, 403, { error: 'admin endpoints are loopback only' }), log('403'))
        if (url.pathname === '/admin/state' && req.method === 'GET') return (json(res, 200, adminState()), log('200'))
        if (url.pathname === '/admin/faults' && req.method === 'POST') {
          const buf = await readBody(req)
          let parsed: unknown
          try {
            parsed = JSON.parse((buf ?? Buffer.alloc(0)).toString('utf8'))
          } catch {
            return (json(res, 400, { error: 'body must be JSON' }), log('400'))
          }
          const f = parseFaults(parsed)
          if (!f.ok) return (json(res, 400, { error: f.message }), log('400'))
          faults = f.value
          return (json(res, 200, { faults }), log('200'))
        }
        if (url.pathname === '/admin/temp-credentials' && req.method === 'POST') {
          const buf = await readBody(req)
          let ttl = 3600
          try {
            const v = JSON.parse((buf ?? Buffer.alloc(0)).toString('utf8') || '{}') as { ttlSeconds?: unknown }
            if (typeof v.ttlSeconds === 'number' && v.ttlSeconds > 0) ttl = v.ttlSeconds
          } catch {
            return (json(res, 400, { error: 'body must be JSON' }), log('400'))
          }
          return (json(res, 200, issueTemporaryCredentials(ttl)), log('200'))
        }
      }
      json(res, 404, { error: 'not found' })
      log('404')
    }
    route().catch(() => {
      if (!res.headersSent) json(res, 500, { error: 'internal' })
      else res.destroy()
    })
  })

  await new Promise<void>((r, j) => {
    server.once('error', j)
    server.listen(opts.port ?? 0, '127.0.0.1', () => r())
  })
  const port = (server.address() as AddressInfo).port
  return {
    endpoint: `http://127.0.0.1:${port}`,
    credentials,
    world,
    setFaults: (f) => {
      faults = f
    },
    setEdition: (e) => {
      edition = e
    },
    issueTemporaryCredentials,
    sdkSecretKeyOf: (id) => sdkSecretKeys.get(id),
    close: () =>
      new Promise<void>((r) => {
        for (const stop of liveStops) stop()
        server.closeAllConnections()
        server.close(() => r())
      }),
  }
}
