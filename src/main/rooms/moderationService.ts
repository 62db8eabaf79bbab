// Remove, block and dismiss. Every call is a mutation: sent once, never retried by the client once
// it may have reached the server, and its confirmed result (with RequestId) is what the UI shows.
import { parseNumericRoomId } from '../../shared/trtc/roomId'
import type { AuditEntry, ModerationOutcome, ModerationRequest, ScheduledUnblock } from '../../shared/contract/contract'
import { ok, type Result } from '../../shared/errors'
import { createAuditRecorder, type AuditLog } from './auditLog'
import type { CloudAccess, CloudHandle } from './cloudAccess'

// "List of up to 10 users to be removed." (003_530a54cf0f8c0df7.txt L1490–L1495, L1804–L1818)
const REMOVE_BATCH = 10

interface Call {
  action: string
  params: Record<string, unknown>
  userIds: string[]
}

/** The API calls a moderation request becomes, numeric or string room variant. */
export function plan(req: ModerationRequest): Call[] {
  const numeric = req.roomIdType === 'number'
  // The contract admits only plain decimal numeric rooms (parseNumericRoomId); never Number() on user text.
  const room = numeric ? parseNumericRoomId(req.roomId)! : req.roomId
  switch (req.action) {
    case 'remove': {
      const calls: Call[] = []
      for (let i = 0; i < req.userIds.length; i += REMOVE_BATCH) {
        const userIds = req.userIds.slice(i, i + REMOVE_BATCH)
        calls.push({
          action: numeric ? 'RemoveUser' : 'RemoveUserByStrRoomId',
          params: { SdkAppId: req.sdkAppId, RoomId: room, UserIds: userIds },
          userIds,
        })
      }
      return calls
    }
    case 'block':
      // IsMute 0 enable, 1 disable audio and video, 2 audio only, 3 video only (L1180–L1184).
      // The string variant names its room parameter StrRoomId (L1325).
      return req.userIds.map((userId) => ({
        action: numeric ? 'SetUserBlocked' : 'SetUserBlockedByStrRoomId',
        params: { SdkAppId: req.sdkAppId, [numeric ? 'RoomId' : 'StrRoomId']: room, UserId: userId, IsMute: req.isMute },
        userIds: [userId],
      }))
    case 'dismiss':
      return [{ action: numeric ? 'DismissRoom' : 'DismissRoomByStrRoomId', params: { SdkAppId: req.sdkAppId, RoomId: room }, userIds: [] }]
  }
}

export interface ModerationService {
  /** Sends a request's calls through the active profile, or through `profileId`'s. */
  run(req: ModerationRequest, profileId?: string): Promise<Result<ModerationOutcome[]>>
}

export function createModerationService(deps: {
  cloud: CloudAccess & { clientFor(id: string): Promise<Result<CloudHandle>> }
  audit: AuditLog
  now: () => number
  /** Called after a timed block succeeded for some users. */
  scheduleUnblock?(entry: Omit<ScheduledUnblock, 'id'>): Promise<unknown>
  /** Retry delay for audit lines that could not be written (default 5 s). */
  auditRetryMs?: number
}): ModerationService {
  const record = createAuditRecorder(deps.audit, deps.auditRetryMs)
  return {
    async run(req, profileId) {
      const handle = profileId ? await deps.cloud.clientFor(profileId) : await deps.cloud.current()
      if (!handle.ok) return handle
      const { client, region, profileName } = handle.value
      const outcomes: ModerationOutcome[] = []
      for (const call of plan(req)) {
        const r = await client.call<object>(call.action, call.params, { region, priority: 'user', mutating: true })
        const timed = req.action === 'block' && req.isMute !== 0 && req.durationS ? { durationS: req.durationS } : {}
        const base = { action: call.action, userIds: call.userIds, ...(req.action === 'block' ? { isMute: req.isMute } : {}), ...timed }
        const outcome: ModerationOutcome = r.ok
          ? { ...base, ok: true, requestId: r.value.RequestId }
          : { ...base, ok: false, ...(r.error.requestId ? { requestId: r.error.requestId } : {}), error: r.error }
        const entry: AuditEntry = {
          time: new Date(deps.now()).toISOString(),
          profile: profileName,
          sdkAppId: req.sdkAppId,
          roomId: req.roomId,
          roomIdType: req.roomIdType,
          action: req.action,
          apiAction: call.action,
          isMute: req.action === 'block' ? req.isMute : undefined,
          ...timed,
          userIds: call.userIds,
          result: r.ok ? 'ok' : r.error.code,
          message: r.ok ? undefined : r.error.message,
          requestId: outcome.requestId,
          tencentCode: r.ok ? undefined : r.error.tencentCode,
        }
        const auditError = await record(entry)
        outcomes.push(auditError ? { ...outcome, auditPending: auditError } : outcome)
      }
      const blocked = outcomes.filter((o) => o.ok).flatMap((o) => o.userIds)
      if (req.action === 'block' && req.isMute !== 0 && req.durationS && blocked.length > 0 && deps.scheduleUnblock) {
        await deps.scheduleUnblock({
          profileId: handle.value.profileId,
          sdkAppId: req.sdkAppId,
          roomId: req.roomId,
          roomIdType: req.roomIdType,
          userIds: blocked,
          unblockAt: deps.now() + req.durationS * 1000,
        })
      }
      return ok(outcomes)
    },
  }
}
