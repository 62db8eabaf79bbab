// Alerts: rules and alert history persisted in userData, a poller that reads the TRTC monitoring
// APIs for what the enabled rules watch, the pure evaluator (src/shared/alerts/evaluate.ts), a
// desktop notification per alert and a push of the list to the renderer.
import { randomUUID } from 'node:crypto'
import { rename } from 'node:fs/promises'
import { join } from 'node:path'
import { z } from 'zod'
import type { AlertPollProblem, AlertRulesView, AlertsView } from '../../shared/contract/contract'
import { evaluate } from '../../shared/alerts/evaluate'
import { notificationText, type AlertLocale } from '../../shared/alerts/text'
import {
  metricNames,
  presenceKey,
  ruleSchema,
  scopeKey,
  userMetrics,
  type Alert,
  type AlertMetric,
  type AlertRule,
  type AlertScope,
  type EvaluatorState,
  type MetricSample,
  type PresenceSample,
  type RuleInput,
} from '../../shared/alerts/model'
import { appError, err, ok, type AppError, type Result } from '../../shared/errors'
import type { DescribeTrtcDataResponse } from '../../shared/trtc/realtime'
import type { DescribeCallDetailInfoResponse, DescribeRoomInfoResponse, DescribeUserInfoResponse, RoomState } from '../../shared/trtc/roomsQuality'
import { readJsonFile, writeFileAtomic } from '../atomicFile'
import type { TencentClient } from '../cloud/client'
import type { Emit, Logger } from '../ipc/dispatch'
import type { CloudAccess } from '../rooms/cloudAccess'

export const DEFAULT_POLL_S = 30
export const MIN_POLL_S = 10
export const MAX_POLL_S = 3600
/** History kept on disk; the oldest acknowledged and resolved alerts go first. */
const MAX_ALERTS = 2000
// "DescribeRoomInfo … cannot be more than 24 hours apart" (003_530a54cf0f8c0df7.txt L11165): live
// rooms are looked for in the last 24 hours.
const ROOM_LOOKBACK_S = 24 * 3600
const ROOM_PAGE = 100
/** App-wide VIP rules read the users of at most this many live rooms per poll. */
const MAX_VIP_ROOMS = 200
// "The end and start time cannot be more than four hours apart." (L12298)
const USER_WINDOW_S = 4 * 3600
// With DataType, at most 6 users per call and an hour per window (L11920–L11926, L11966–L11971).
const QUALITY_USERS = 6

export interface Notifier {
  notify(title: string, body: string): void
}

export interface AlertsService {
  rules(): AlertRulesView
  saveRule(input: RuleInput): Promise<Result<AlertRulesView>>
  deleteRule(id: string): Promise<Result<AlertRulesView>>
  configure(pollIntervalS: number): Promise<Result<AlertRulesView>>
  list(): AlertsView
  ack(ids: readonly string[] | 'all'): Promise<Result<AlertsView>>
  /** Polls once now (the timer keeps its schedule). */
  pollNow(): Promise<void>
  close(): Promise<void>
}

export interface AlertsDeps {
  dir: string
  cloud: CloudAccess
  now: () => number
  emit: Emit
  notify: Notifier['notify']
  log: Logger
  /** The UI language, for the notification text. */
  locale?: () => AlertLocale
}

const storedRule = z.object({ id: z.string().min(1) }).passthrough()
const rulesFile = z.object({ version: z.literal(1), pollIntervalS: z.int().min(MIN_POLL_S).max(MAX_POLL_S), rules: z.array(storedRule) })
const alertsFile = z.object({ version: z.literal(1), alerts: z.array(z.record(z.string(), z.unknown())), state: z.record(z.string(), z.record(z.string(), z.unknown())) })

function parseRule(raw: unknown): AlertRule | null {
  const id = (raw as { id?: unknown }).id
  const r = ruleSchema.safeParse({ ...(raw as object), id })
  return r.success && typeof id === 'string' ? ({ ...r.data, id } as AlertRule) : null
}

export async function createAlertsService(deps: AlertsDeps): Promise<AlertsService> {
  const rulesPath = join(deps.dir, 'alert-rules.json')
  const alertsPath = join(deps.dir, 'alerts.json')

  // A file that cannot be read is set aside, not overwritten, so nothing in it is lost.
  async function load<T>(path: string, schema: z.ZodType<T>): Promise<T | undefined> {
    let raw: unknown
    try {
      raw = await readJsonFile(path)
    } catch (e) {
      deps.log.warn(`alerts: ${path} is not JSON; kept aside`, String(e))
      await rename(path, `${path}.unreadable-${deps.now()}`).catch(() => undefined)
      return undefined
    }
    if (raw === undefined) return undefined
    const p = schema.safeParse(raw)
    if (p.success) return p.data
    deps.log.warn(`alerts: ${path} has an unknown shape; kept aside`)
    await rename(path, `${path}.unreadable-${deps.now()}`).catch(() => undefined)
    return undefined
  }

  const rf = await load(rulesPath, rulesFile)
  let rules: AlertRule[] = (rf?.rules ?? []).map(parseRule).filter((r): r is AlertRule => r !== null)
  let pollIntervalS = rf?.pollIntervalS ?? DEFAULT_POLL_S
  const af = await load(alertsPath, alertsFile)
  let alerts: Alert[] = (af?.alerts ?? []) as unknown as Alert[]
  let state: EvaluatorState = (af?.state ?? {}) as unknown as EvaluatorState
  const status: AlertsView['status'] = { polling: false, lastPollAt: null, problems: [] }

  // Writes are serialized; each writes the whole current value atomically.
  let writing: Promise<void> = Promise.resolve()
  const persist = (what: 'rules' | 'alerts'): Promise<void> => {
    writing = writing
      .catch(() => undefined)
      .then(() =>
        what === 'rules'
          ? writeFileAtomic(rulesPath, JSON.stringify({ version: 1, pollIntervalS, rules }, null, 2))
          : writeFileAtomic(alertsPath, JSON.stringify({ version: 1, alerts, state })),
      )
    return writing
  }

  const rulesView = (): AlertRulesView => ({ rules, pollIntervalS })
  const view = (): AlertsView => ({
    alerts: [...alerts].sort((a, b) => b.firedAt - a.firedAt),
    unacknowledged: alerts.filter((a) => a.acknowledgedAt === null).length,
    status: { ...status, polling: timer !== null || polling },
  })
  const pushed = () => deps.emit('alerts.changed', view())

  // ---------------------------------------------------------------- poller
  let timer: ReturnType<typeof setTimeout> | null = null
  let polling = false
  let closed = false
  const enabled = () => rules.filter((r) => r.enabled)

  function schedule(): void {
    if (timer) clearTimeout(timer)
    timer = null
    if (closed || enabled().length === 0) return
    timer = setTimeout(() => {
      timer = null
      void pollNow().finally(schedule)
    }, pollIntervalS * 1000)
  }

  async function collect(client: TencentClient, region: string, nowS: number): Promise<{ metrics: MetricSample[]; presence: PresenceSample[]; errors: AlertPollProblem[] }> {
    const metrics: MetricSample[] = []
    const presence: PresenceSample[] = []
    const errors: AlertPollProblem[] = []
    const bg = { region, priority: 'background' as const, mutating: false }
    // Twice the interval, so a late poll misses nothing; the evaluator skips what it has seen.
    const windowS = Math.min(3600, Math.max(60, 2 * pollIntervalS))
    const fail = (action: string, scope: AlertScope, error: AppError) => errors.push({ action, scope, error })

    // App and room metrics: one call per API and scope.
    const dash = new Map<string, { scope: AlertScope; scale: boolean; quality: boolean }>()
    const users = new Map<string, { sdkAppId: number; roomId: string; userIds: Set<string>; metrics: Set<AlertMetric> }>()
    const vips = new Map<string, { sdkAppId: number; roomId?: string }>()
    for (const r of enabled()) {
      if (r.kind === 'vip') {
        vips.set(presenceKey(r.sdkAppId, r.roomId), { sdkAppId: r.sdkAppId, ...(r.roomId === undefined ? {} : { roomId: r.roomId }) })
      } else if (r.scope.kind === 'user') {
        const k = `${r.scope.sdkAppId}:${r.scope.roomId}`
        const u = users.get(k) ?? { sdkAppId: r.scope.sdkAppId, roomId: r.scope.roomId, userIds: new Set(), metrics: new Set() }
        u.userIds.add(r.scope.userId)
        u.metrics.add(r.metric)
        users.set(k, u)
      } else {
        const k = scopeKey(r.scope)
        const d = dash.get(k) ?? { scope: r.scope, scale: false, quality: false }
        if (r.metric === 'userCount' || r.metric === 'roomCount') d.scale = true
        else d.quality = true
        dash.set(k, d)
      }
    }

    for (const d of dash.values()) {
      const params = { SdkAppId: String(d.scope.sdkAppId), StartTime: nowS - windowS, EndTime: nowS, ...(d.scope.kind === 'room' ? { RoomId: d.scope.roomId } : {}) }
      for (const action of [d.scale ? 'DescribeTRTCRealTimeScaleData' : null, d.quality ? 'DescribeTRTCRealTimeQualityData' : null]) {
        if (!action) continue
        // These actions take no Region (L4067, L4682); the client leaves it out.
        const r = await client.call<DescribeTrtcDataResponse>(action, params, bg)
        if (!r.ok) {
          fail(action, d.scope, r.error)
          continue
        }
        // Rows start with the Unix time; the other columns are named (L16023–L16034).
        for (const series of r.value.Data?.Series ?? []) {
          const cols = series.Columns
          for (const row of series.Values ?? []) {
            const at = row.RowValue[0]
            if (typeof at !== 'number') continue
            cols.forEach((c, i) => {
              const v = row.RowValue[i]
              if (i > 0 && (metricNames as readonly string[]).includes(c) && typeof v === 'number' && Number.isFinite(v)) metrics.push({ metric: c as AlertMetric, scope: d.scope, value: v, at })
            })
          }
        }
      }
    }

    async function liveRooms(sdkAppId: number, roomId?: string): Promise<Result<RoomState[]>> {
      const out: RoomState[] = []
      for (let page = 0; page < 20; page++) {
        const r = await client.call<DescribeRoomInfoResponse>(
          'DescribeRoomInfo',
          { SdkAppId: sdkAppId, StartTime: nowS - ROOM_LOOKBACK_S, EndTime: nowS, ...(roomId === undefined ? {} : { RoomId: roomId }), PageNumber: page, PageSize: ROOM_PAGE },
          bg,
        )
        if (!r.ok) return r
        const list = r.value.RoomList ?? []
        out.push(...list.filter((x) => !x.IsFinished && (roomId === undefined || x.RoomString === roomId)))
        if (list.length < ROOM_PAGE || (page + 1) * ROOM_PAGE >= r.value.Total) break
      }
      // Newest first: the most recent call of a room ID is the one that is on.
      return ok(out.sort((a, b) => b.CreateTime - a.CreateTime))
    }

    // User metrics: the user's current call in the room, then DescribeCallDetailInfo.
    for (const u of users.values()) {
      const rooms = await liveRooms(u.sdkAppId, u.roomId)
      if (!rooms.ok) {
        fail('DescribeRoomInfo', { kind: 'room', sdkAppId: u.sdkAppId, roomId: u.roomId }, rooms.error)
        continue
      }
      const room = rooms.value[0]
      if (!room) continue
      const ids = [...u.userIds]
      for (let i = 0; i < ids.length; i += QUALITY_USERS) {
        const r = await client.call<DescribeCallDetailInfoResponse>(
          'DescribeCallDetailInfo',
          {
            CommId: room.CommId,
            SdkAppId: u.sdkAppId,
            StartTime: Math.max(room.CreateTime, nowS - windowS),
            EndTime: nowS,
            UserIds: ids.slice(i, i + QUALITY_USERS),
            DataType: [...u.metrics].filter((m) => (userMetrics as readonly string[]).includes(m)),
            PageNumber: 0,
            PageSize: QUALITY_USERS,
          },
          bg,
        )
        if (!r.ok) {
          fail('DescribeCallDetailInfo', { kind: 'room', sdkAppId: u.sdkAppId, roomId: u.roomId }, r.error)
          continue
        }
        // Upstream data has an empty PeerId (L15759–L15781); decode fps exists only downstream, so
        // the first peer's series stands for it.
        const taken = new Set<string>()
        for (const d of r.value.Data ?? []) {
          const upstream = (d.PeerId ?? '') === ''
          const key = `${d.UserId}\u0000${d.DataType}`
          if ((!upstream && d.DataType !== 'bigvDecFps') || taken.has(key)) continue
          taken.add(key)
          const scope: AlertScope = { kind: 'user', sdkAppId: u.sdkAppId, roomId: u.roomId, userId: d.UserId }
          for (const p of d.Content ?? []) if (Number.isFinite(p.Value)) metrics.push({ metric: d.DataType as AlertMetric, scope, value: p.Value, at: p.Time })
        }
      }
    }

    // VIP presence: who is in the live room(s) now (Finished false, L16314–L16337).
    const at = deps.now() / 1000
    for (const v of vips.values()) {
      const rooms = await liveRooms(v.sdkAppId, v.roomId)
      if (!rooms.ok) {
        fail('DescribeRoomInfo', v.roomId === undefined ? { kind: 'app', sdkAppId: v.sdkAppId } : { kind: 'room', sdkAppId: v.sdkAppId, roomId: v.roomId }, rooms.error)
        continue
      }
      if (rooms.value.length > MAX_VIP_ROOMS)
        errors.push({ scope: { kind: 'app', sdkAppId: v.sdkAppId }, error: appError('request.invalid', 'err.alerts.vipTruncated', { max: MAX_VIP_ROOMS, total: rooms.value.length }) })
      const present = new Set<string>()
      let failed = false
      for (const room of rooms.value.slice(0, MAX_VIP_ROOMS)) {
        for (let page = 0; page < 50; page++) {
          const r = await client.call<DescribeUserInfoResponse>(
            'DescribeUserInfo',
            { CommId: room.CommId, SdkAppId: v.sdkAppId, StartTime: Math.max(room.CreateTime, nowS - USER_WINDOW_S), EndTime: nowS, PageNumber: page, PageSize: ROOM_PAGE },
            bg,
          )
          if (!r.ok) {
            fail('DescribeUserInfo', { kind: 'room', sdkAppId: v.sdkAppId, roomId: room.RoomString }, r.error)
            failed = true
            break
          }
          const list = r.value.UserList ?? []
          for (const x of list) if (!x.Finished) present.add(x.UserId)
          if (list.length < ROOM_PAGE || (page + 1) * ROOM_PAGE >= r.value.Total) break
        }
        if (failed) break
      }
      // A partial answer would look like VIPs leaving: no sample rather than a wrong one.
      if (!failed) presence.push({ sdkAppId: v.sdkAppId, ...(v.roomId === undefined ? {} : { roomId: v.roomId }), present: [...present], at })
    }
    return { metrics, presence, errors }
  }

  let inflight: Promise<void> | null = null
  let queued: Promise<void> | null = null
  /**
   * One poll at a time. A poll in progress may have read the cloud before the caller's change (a
   * kick, a new rule), so a caller arriving during one gets the next poll, shared by every caller
   * that arrives meanwhile.
   */
  function pollNow(): Promise<void> {
    if (closed || enabled().length === 0) return Promise.resolve()
    if (inflight) {
      queued ??= inflight.then(() => {
        queued = null
        return pollNow()
      })
      return queued
    }
    inflight = poll().finally(() => {
      inflight = null
    })
    return inflight
  }

  async function poll(): Promise<void> {
    polling = true
    try {
      const handle = await deps.cloud.current()
      if (!handle.ok) {
        status.problems = [{ error: handle.error }]
        return
      }
      const nowMs = deps.now()
      const samples = await collect(handle.value.client, handle.value.region, Math.floor(nowMs / 1000))
      const result = evaluate(rules, state, samples, deps.now())
      state = result.state
      for (const a of result.fired) {
        alerts.push(a)
        const text = notificationText(a, deps.locale?.() ?? 'en')
        try {
          deps.notify(text.title, text.body)
        } catch (e) {
          deps.log.warn('alerts: notification failed', String(e))
        }
      }
      for (const r of result.resolved) {
        const a = alerts.find((x) => x.id === r.alertId)
        if (a && a.resolvedAt === null) a.resolvedAt = r.at
      }
      if (alerts.length > MAX_ALERTS) {
        const drop = new Set(
          alerts
            .filter((a) => a.acknowledgedAt !== null && a.resolvedAt !== null)
            .sort((a, b) => a.firedAt - b.firedAt)
            .slice(0, alerts.length - MAX_ALERTS)
            .map((a) => a.id),
        )
        alerts = alerts.filter((a) => !drop.has(a.id))
      }
      status.lastPollAt = deps.now()
      status.problems = samples.errors
      await persist('alerts').catch((e: unknown) => deps.log.error('alerts: could not save the alert history', e))
    } catch (e) {
      deps.log.error('alerts: poll failed', e)
      status.problems = [{ error: appError('internal', 'err.alerts.pollCrashed') }]
    } finally {
      polling = false
      pushed()
    }
  }

  async function rulesChanged(): Promise<Result<AlertRulesView>> {
    try {
      await persist('rules')
    } catch (e) {
      deps.log.error('alerts: could not save the rules', e)
      return err('internal', 'err.alerts.rulesUnsaved')
    }
    schedule()
    // A changed rule starts from a clean slate at the next poll; open alerts of rules that are
    // gone or disabled resolve now.
    const r = evaluate(rules, state, { metrics: [], presence: [] }, deps.now())
    state = r.state
    for (const x of r.resolved) {
      const a = alerts.find((y) => y.id === x.alertId)
      if (a && a.resolvedAt === null) a.resolvedAt = x.at
    }
    if (r.resolved.length > 0) await persist('alerts').catch((e: unknown) => deps.log.error('alerts: could not save the alert history', e))
    pushed()
    if (enabled().length > 0) void pollNow()
    return ok(rulesView())
  }

  // Open episodes of rules that no longer exist resolve at start; the rest continue.
  schedule()

  return {
    rules: rulesView,
    async saveRule(input) {
      const p = ruleSchema.safeParse(input)
      if (!p.success) {
        const first = p.error.issues[0]
        return err('request.invalid', 'err.alerts.ruleInvalid', { field: first?.path.join('.') || '—' }, first ? { message: first.message } : {})
      }
      const id = input.id ?? randomUUID()
      const rule = { ...p.data, id } as AlertRule
      const i = rules.findIndex((r) => r.id === id)
      if (input.id !== undefined && i < 0) return err('request.invalid', 'err.alerts.ruleGone')
      if (i >= 0) {
        // A changed rule is a new condition: its open alert resolves and it is watched afresh.
        for (const k of Object.keys(state)) if (k === id || k.startsWith(`${id}\u0000`)) {
          const open = state[k]?.firing
          const a = open ? alerts.find((x) => x.id === open) : undefined
          if (a && a.resolvedAt === null) a.resolvedAt = deps.now()
          delete state[k]
        }
      }
      rules = i >= 0 ? rules.map((r) => (r.id === id ? rule : r)) : [...rules, rule]
      return rulesChanged()
    },
    async deleteRule(id) {
      if (!rules.some((r) => r.id === id)) return err('request.invalid', 'err.alerts.ruleGone')
      rules = rules.filter((r) => r.id !== id)
      return rulesChanged()
    },
    async configure(s) {
      pollIntervalS = Math.min(MAX_POLL_S, Math.max(MIN_POLL_S, Math.round(s)))
      return rulesChanged()
    },
    list: view,
    async ack(ids) {
      const t = deps.now()
      const wanted = ids === 'all' ? null : new Set(ids)
      for (const a of alerts) if (a.acknowledgedAt === null && (wanted === null || wanted.has(a.id))) a.acknowledgedAt = t
      try {
        await persist('alerts')
      } catch (e) {
        deps.log.error('alerts: could not save the alert history', e)
        return err('internal', 'err.alerts.ackUnsaved')
      }
      pushed()
      return ok(view())
    },
    pollNow,
    async close() {
      closed = true
      if (timer) clearTimeout(timer)
      timer = null
      await inflight?.catch(() => undefined)
      await writing.catch(() => undefined)
    },
  }
}
