// The Tencent Cloud API client for TRTC: validation against the actions table, the shared rate
// budget, TC3 signing with skew-corrected time, retries, error mapping and the request log.
// Request structure: 003_530a54cf0f8c0df7.txt L7803–L7954 (POST JSON, X-TC-* headers, version 2019-07-22).
import { Agent, request, type Dispatcher } from 'undici'
import { appError, err, ok, type AppError, type ErrorCode, type Result } from '../../shared/errors'
import type { SayKey } from '../../shared/messages/catalogue'
import { actions, isActionName, validateRequest } from '../../shared/trtc/actions'
import { API_VERSION } from '../../shared/trtc/common'
import { mapTencentError } from './errors'
import type { Priority, RateBudget } from './rateBudget'
import { redactAuthorization, redactPayload, secretIdHint, type RequestLog } from './requestLog'
import { createSkewEstimator, type SkewEstimator } from './skew'
import { JSON_CONTENT_TYPE, tc3Sign } from './tc3'

export interface TencentCredentials {
  secretId: string
  secretKey: string
  token?: string
}

export type Endpoint = { site: 'china' | 'intl' } | { region: string } | { url: string }

export interface RetryPolicy {
  /** Attempts in all, the first included. */
  maxAttempts: number
  baseMs: number
  capMs: number
  /** No retry starts once this much time has passed since the call began. */
  maxTotalMs: number
}

export interface TencentClientDeps {
  clock: { now(): number }
  credentials: () => Promise<Result<TencentCredentials>>
  endpoint: Endpoint
  dispatcher?: Dispatcher
  budget: RateBudget
  log: RequestLog
  skew?: SkewEstimator
  random?: () => number
  timeouts?: { connectMs?: number; totalMs?: number }
  retry?: Partial<RetryPolicy>
}

export interface CallOptions {
  region?: string
  priority: Priority
  mutating: boolean
  signal?: AbortSignal
  /** Marks the call in the request log as sent from the API console. */
  origin?: 'console'
}

export interface TencentClient {
  call<T>(action: string, params: object, opts: CallOptions): Promise<Result<T & { RequestId: string }>>
  /** Server minus local clock in ms; the UI warns past 60 s. */
  skewMs(): number
  close(): Promise<void>
}

const SERVICE = 'trtc'

// 003 names `trtc.intl.tencentcloudapi.com` as the nearby host (L7805, L7820–L7823) while 004 names
// `trtc.tencentcloudapi.com` (004_177ebf5407c83b12.txt L69, L78); per-action pages use both. The
// site of the account decides: China-site keys use the plain host, international keys the intl one.
export function endpointUrl(endpoint: Endpoint): URL {
  if ('url' in endpoint) return new URL(endpoint.url)
  if ('region' in endpoint) return new URL(`https://trtc.${endpoint.region}.tencentcloudapi.com/`) // L7826–L7859
  return new URL(endpoint.site === 'intl' ? 'https://trtc.intl.tencentcloudapi.com/' : 'https://trtc.tencentcloudapi.com/')
}

export const defaultRetry: RetryPolicy = { maxAttempts: 4, baseMs: 250, capMs: 4000, maxTotalMs: 15_000 }

// Errors raised before a connection existed: the request provably never left this machine.
const NOT_SENT_CODES = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'ENETUNREACH', 'EHOSTUNREACH', 'UND_ERR_CONNECT_TIMEOUT'])

interface Failure {
  error: AppError
  /** True only when the request cannot have reached the server. */
  notSent: boolean
}

function errorCodes(e: unknown): string[] {
  const codes: string[] = []
  let cur: unknown = e
  for (let depth = 0; cur && typeof cur === 'object' && depth < 5; depth++) {
    const code = (cur as { code?: unknown }).code
    if (typeof code === 'string') codes.push(code)
    const errors = (cur as { errors?: unknown }).errors
    if (Array.isArray(errors)) for (const inner of errors) codes.push(...errorCodes(inner))
    cur = (cur as { cause?: unknown }).cause
  }
  return codes
}

function networkFailure(e: unknown, host: string, timedOut: boolean): Failure {
  const codes = errorCodes(e)
  const notSent = codes.some((c) => NOT_SENT_CODES.has(c))
  const fail = (code: ErrorCode, key: SayKey): Failure => ({ error: appError(code, key, { host }, { retryable: true }), notSent })
  if (codes.includes('UND_ERR_CONNECT_TIMEOUT')) return fail('network.timeout', 'err.net.connectTimeout')
  if (timedOut || codes.some((c) => c === 'UND_ERR_HEADERS_TIMEOUT' || c === 'UND_ERR_BODY_TIMEOUT')) return fail('network.timeout', 'err.net.answerTimeout')
  if (codes.some((c) => c === 'ENOTFOUND' || c === 'EAI_AGAIN')) return fail('network.unreachable', 'err.net.dns')
  if (notSent) return fail('network.unreachable', 'err.net.unreachable')
  if (codes.some((c) => c === 'ECONNRESET' || c === 'EPIPE' || c === 'UND_ERR_SOCKET' || c === 'UND_ERR_CLOSED')) return fail('network.reset', 'err.net.reset')
  return fail('network.reset', 'err.net.failed')
}

function sleep(ms: number, signal?: AbortSignal): Promise<boolean> {
  return new Promise((resolve) => {
    if (signal?.aborted) return resolve(false)
    const t = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort)
      resolve(true)
    }, ms)
    const onAbort = () => {
      clearTimeout(t)
      resolve(false)
    }
    signal?.addEventListener('abort', onAbort, { once: true })
  })
}

const cancelled = (): AppError => appError('cancelled', 'err.code.cancelled')

export function createTencentClient(deps: TencentClientDeps): TencentClient {
  const url = endpointUrl(deps.endpoint)
  const host = url.host // what undici sends as Host, so what must be signed
  const connectMs = deps.timeouts?.connectMs ?? 5000
  const totalMs = deps.timeouts?.totalMs ?? 20_000
  const ownAgent = deps.dispatcher ? null : new Agent({ connect: { timeout: connectMs }, keepAliveTimeout: 30_000, headersTimeout: totalMs, bodyTimeout: totalMs })
  const dispatcher: Dispatcher = deps.dispatcher ?? ownAgent!
  const skew = deps.skew ?? createSkewEstimator(deps.clock)
  const random = deps.random ?? Math.random
  const retry: RetryPolicy = { ...defaultRetry, ...deps.retry }
  const defaultRegion = 'region' in deps.endpoint ? deps.endpoint.region : undefined

  async function call<T>(action: string, params: object, opts: CallOptions): Promise<Result<T & { RequestId: string }>> {
    const startedAt = deps.clock.now()
    const known = isActionName(action) ? actions[action] : null
    const mutating = opts.mutating || (known?.mutating ?? false)
    // Actions without a Region common parameter (e.g. L4067) get no X-TC-Region header.
    const region = known && known.regions === null ? undefined : (opts.region ?? defaultRegion)
    let body: unknown = params
    if (known && isActionName(action)) {
      if (known.regions !== null && region === undefined) return err('request.invalid', 'err.net.needsRegion', { action, regions: known.regions.join(', ') })
      const valid = validateRequest(action, params, Math.floor(skew.now() / 1000), region)
      if (!valid.ok) return valid
      body = valid.value
    }
    const creds = await deps.credentials()
    if (!creds.ok) return creds
    const payload = JSON.stringify(body)

    let attempt = 0
    let skewRetried = false
    let last: { canonicalRequest: string; stringToSign: string; authorization: string } = { canonicalRequest: '', stringToSign: '', authorization: '' }
    let outcome: Result<T & { RequestId: string }>
    let requestId: string | null = null

    for (;;) {
      if (opts.signal?.aborted) {
        outcome = { ok: false, error: cancelled() }
        break
      }
      const granted = await deps.budget.acquire(action, opts.priority, opts.signal)
      if (!granted.ok) {
        outcome = granted
        break
      }
      const timestamp = Math.floor(skew.now() / 1000)
      const sig = tc3Sign({ secretId: creds.value.secretId, secretKey: creds.value.secretKey, service: SERVICE, host, timestamp, payload })
      last = { canonicalRequest: sig.canonicalRequest, stringToSign: sig.stringToSign, authorization: redactAuthorization(sig.authorization) }
      const headers: Record<string, string> = {
        Authorization: sig.authorization,
        'Content-Type': JSON_CONTENT_TYPE,
        Host: host,
        'X-TC-Action': action,
        'X-TC-Version': API_VERSION,
        'X-TC-Timestamp': String(timestamp),
      }
      if (region) headers['X-TC-Region'] = region
      if (creds.value.token) headers['X-TC-Token'] = creds.value.token

      const attemptResult = await send(headers, payload, opts.signal).finally(granted.value)
      attempt++
      if (attemptResult.kind === 'cancelled') {
        outcome = { ok: false, error: cancelled() }
        break
      }
      let failure: Failure
      if (attemptResult.kind === 'response') {
        const r = attemptResult
        if (r.ok) {
          requestId = r.requestId
          outcome = ok(r.value as T & { RequestId: string })
          break
        }
        requestId = r.error.requestId ?? null
        // The server refused the stale timestamp before acting, so even a mutation may be resent
        // once, signed with the corrected clock.
        if (r.error.code === 'tencent.signatureExpired' && !skewRetried && skew.resetFrom(r.date, r.sentAt, r.receivedAt)) {
          skewRetried = true
          continue
        }
        // A Tencent error answer means the server decided; only rate limiting and internal errors of
        // reads are worth repeating.
        failure = { error: r.error, notSent: false }
        if (r.error.code === 'tencent.rateLimited') deps.budget.penalize(action, retry.baseMs)
      } else failure = attemptResult.failure

      // Reads repeat any retryable failure. A mutation is repeated only when the connection provably
      // failed before the request left (refused, DNS, connect timeout): after a reset or a timeout
      // it may have been carried out, and a second kick or dismiss must never be sent blindly.
      const mayRetry = failure.error.retryable && (mutating ? failure.notSent : true)
      const delay = random() * Math.min(retry.capMs, retry.baseMs * 2 ** (attempt - 1))
      if (!mayRetry || attempt >= retry.maxAttempts || deps.clock.now() - startedAt + delay > retry.maxTotalMs) {
        outcome = { ok: false, error: failure.error }
        break
      }
      if (!(await sleep(delay, opts.signal))) {
        outcome = { ok: false, error: cancelled() }
        break
      }
    }

    deps.log.add({
      time: startedAt,
      action,
      region: region ?? null,
      host,
      durationMs: deps.clock.now() - startedAt,
      outcome: outcome.ok ? 'ok' : outcome.error.code,
      requestId: outcome.ok ? outcome.value.RequestId : (outcome.error.requestId ?? requestId),
      tencentCode: outcome.ok ? null : (outcome.error.tencentCode ?? null),
      retries: Math.max(0, attempt - 1),
      mutating,
      secretIdHint: secretIdHint(creds.value.secretId),
      canonicalRequest: last.canonicalRequest,
      stringToSign: last.stringToSign,
      authorization: last.authorization,
      payload: JSON.stringify(redactPayload(body)),
      ...(opts.origin ? { origin: opts.origin } : {}),
    })
    return outcome
  }

  type Sent =
    | { kind: 'cancelled' }
    | { kind: 'failure'; failure: Failure }
    | ({ kind: 'response'; date: string | undefined; sentAt: number; receivedAt: number } & (
        | { ok: true; value: Record<string, unknown> & { RequestId: string }; requestId: string }
        | { ok: false; error: AppError }
      ))

  async function send(headers: Record<string, string>, payload: string, signal: AbortSignal | undefined): Promise<Sent> {
    const timeout = AbortSignal.timeout(totalMs)
    const combined = signal ? AbortSignal.any([signal, timeout]) : timeout
    const sentAt = deps.clock.now()
    let status: number
    let date: string | undefined
    let text: string
    try {
      const res = await request(url, { method: 'POST', headers, body: payload, dispatcher, signal: combined })
      status = res.statusCode
      const d = res.headers['date']
      date = Array.isArray(d) ? d[0] : d
      text = await res.body.text()
    } catch (e) {
      if (signal?.aborted) return { kind: 'cancelled' }
      return { kind: 'failure', failure: networkFailure(e, host, timeout.aborted) }
    }
    const receivedAt = deps.clock.now()
    skew.observe(date, sentAt, receivedAt)
    const base = { kind: 'response' as const, date, sentAt, receivedAt }
    const protocol = (): Sent => ({
      kind: 'failure',
      failure: { error: appError('network.protocol', status >= 500 ? 'err.net.http5xx' : 'err.net.http4xx', { host, status }, { retryable: status >= 500 }), notSent: false },
    })
    // A gateway or proxy in front of Tencent Cloud limiting requests (not TRTC's RequestLimitExceeded,
    // which comes as a JSON Error): it refused before forwarding, so reads and writes alike may wait and retry.
    if (status === 429)
      return {
        kind: 'failure',
        failure: { error: appError('tencent.rateLimited', 'err.net.http429', { host }, { retryable: true }), notSent: true },
      }
    let parsed: unknown
    try {
      parsed = JSON.parse(text)
    } catch {
      return protocol()
    }
    // "The API will return Response, which contains RequestId, as long as it processes the request."
    // (L10995–L10997); an Error member marks a failure (L11032–L11034).
    const response = (parsed as { Response?: unknown } | null)?.Response
    if (!response || typeof response !== 'object') return protocol()
    const r = response as { RequestId?: unknown; Error?: { Code?: unknown; Message?: unknown } }
    const rid = typeof r.RequestId === 'string' ? r.RequestId : undefined
    if (r.Error && typeof r.Error === 'object') {
      const code = typeof r.Error.Code === 'string' ? r.Error.Code : 'Unknown'
      const message = typeof r.Error.Message === 'string' ? r.Error.Message : undefined
      return { ...base, ok: false, error: mapTencentError(code, message, rid) }
    }
    if (!rid) return protocol()
    return { ...base, ok: true, value: response as Record<string, unknown> & { RequestId: string }, requestId: rid }
  }

  return {
    call,
    skewMs: () => skew.skewMs(),
    close: async () => {
      await ownAgent?.close()
    },
  }
}
