// What moderation did to each user of a room, from the app's own record: the audit log (every
// confirmed call, oldest first) and the scheduled unblocks. IsMute 0 enables, 1 blocks audio and
// video, 2 audio only, 3 video only (003_530a54cf0f8c0df7.txt L1180–L1184); a removal holds until
// the user joins again.
import type { AuditEntry, ScheduledUnblock } from '../../../../shared/contract/contract'

export interface UserModeration {
  audioBlocked: boolean
  videoBlocked: boolean
  /** Unix seconds of the removal, while the user has not joined since. */
  removedAt: number | null
  /** Unix ms when main will unblock the user, if scheduled. */
  unblockAt: number | null
}

const none = (): UserModeration => ({ audioBlocked: false, videoBlocked: false, removedAt: null, unblockAt: null })

/**
 * `audit` in any order; `joins` gives each user's latest join (Unix seconds) so a removal before
 * it no longer shows. Entries of other rooms, failed calls and torn lines are ignored.
 */
export function moderationStates(
  room: { sdkAppId: number; roomId: string },
  audit: readonly AuditEntry[],
  scheduled: readonly ScheduledUnblock[],
  joins: ReadonlyMap<string, number>,
): Map<string, UserModeration> {
  const out = new Map<string, UserModeration>()
  const of = (u: string) => out.get(u) ?? out.set(u, none()).get(u)!
  const mine = audit.filter((e) => e.result === 'ok' && e.sdkAppId === room.sdkAppId && e.roomId === room.roomId).sort((a, b) => a.time.localeCompare(b.time))
  for (const e of mine) {
    for (const u of e.userIds) {
      const s = of(u)
      if (e.action === 'block') {
        if (e.isMute === 0) {
          s.audioBlocked = false
          s.videoBlocked = false
        } else {
          if (e.isMute === 1 || e.isMute === 2) s.audioBlocked = true
          if (e.isMute === 1 || e.isMute === 3) s.videoBlocked = true
        }
      } else if (e.action === 'remove') s.removedAt = Math.floor(Date.parse(e.time) / 1000)
    }
  }
  for (const [u, s] of out) if (s.removedAt !== null && (joins.get(u) ?? 0) > s.removedAt) s.removedAt = null
  for (const e of scheduled)
    if (e.sdkAppId === room.sdkAppId && e.roomId === room.roomId) for (const u of e.userIds) of(u).unblockAt = Math.min(of(u).unblockAt ?? Infinity, e.unblockAt)
  return out
}
