// What a call from the API console means to the rest of the app, so its screens show what the cloud
// now does: a moderation call is an audit line like one made from Rooms (the users' badges follow
// from the audit), and a media or AI task started, changed or stopped by hand is one of the room's
// tasks like one started from Rooms.
import type { AuditEntry } from '../../shared/contract/contract'
import type { Result } from '../../shared/errors'

type Params = Record<string, unknown>
const str = (v: unknown): string => (typeof v === 'string' || typeof v === 'number' ? String(v) : '')
const users = (v: unknown): string[] => (Array.isArray(v) ? v.map(str) : [])

/**
 * The audit line of a moderation action (ok or refused), or null for any other action. Room ID
 * parameters as the reference names them: SetUserBlockedByStrRoomId's StrRoomId (L1325), the
 * others' RoomId, numeric or string by the action (L1140–L1190, L1480–L1500, L1800–L1820).
 */
export function moderationAudit(action: string, p: Params, r: Result<{ RequestId: string }>, profile: string, nowMs: number): AuditEntry | null {
  const byString = action.endsWith('ByStrRoomId')
  const base = action.replace(/ByStrRoomId$/, '')
  const kind = base === 'SetUserBlocked' ? 'block' : base === 'RemoveUser' ? 'remove' : base === 'DismissRoom' ? 'dismiss' : null
  if (!kind) return null
  return {
    time: new Date(nowMs).toISOString(),
    profile,
    sdkAppId: Number(p.SdkAppId),
    roomId: str(action === 'SetUserBlockedByStrRoomId' ? p.StrRoomId : p.RoomId),
    roomIdType: byString ? 'string' : 'number',
    action: kind,
    apiAction: action,
    ...(kind === 'block' ? { isMute: Number(p.IsMute) } : {}),
    userIds: kind === 'block' ? [str(p.UserId)] : kind === 'remove' ? users(p.UserIds) : [],
    result: r.ok ? 'ok' : r.error.code,
    ...(r.ok ? { requestId: r.value.RequestId } : { message: r.error.message, requestId: r.error.requestId, tencentCode: r.error.tencentCode }),
  }
}
