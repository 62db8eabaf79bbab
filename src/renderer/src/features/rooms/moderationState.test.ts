import { describe, expect, it } from 'vitest'
import type { AuditEntry } from '../../../../shared/contract/contract'
import { moderationStates } from './moderationState'

const room = { sdkAppId: 1, roomId: '1234' }
const entry = (time: string, action: AuditEntry['action'], userIds: string[], isMute?: number, result = 'ok', roomId = '1234'): AuditEntry => ({
  time,
  profile: 'p',
  sdkAppId: 1,
  roomId,
  roomIdType: 'number',
  action,
  apiAction: 'x',
  userIds,
  result,
  ...(isMute !== undefined ? { isMute } : {}),
})

describe('moderationStates', () => {
  it('follows blocks and unblocks in time order, per kind', () => {
    const s = moderationStates(
      room,
      [entry('2026-12-06T10:02:00Z', 'block', ['zoe'], 0), entry('2026-12-06T10:00:00Z', 'block', ['zoe', 'ann'], 2), entry('2026-12-06T10:01:00Z', 'block', ['ann'], 3)],
      [],
      new Map(),
    )
    expect(s.get('zoe')).toMatchObject({ audioBlocked: false, videoBlocked: false })
    expect(s.get('ann')).toMatchObject({ audioBlocked: true, videoBlocked: true })
  })

  it('ignores failed calls and other rooms; a removal holds until the user joins again', () => {
    const s = moderationStates(
      room,
      [entry('2026-12-06T10:00:00Z', 'block', ['bob'], 1, 'tencent.notFound'), entry('2026-12-06T10:00:00Z', 'block', ['bob'], 1, 'ok', '999'), entry('2026-12-06T10:00:00Z', 'remove', ['cat', 'dan'])],
      [{ id: 's', profileId: 'p', sdkAppId: 1, roomId: '1234', roomIdType: 'number', userIds: ['ann'], unblockAt: 5000 }],
      new Map([['dan', Date.parse('2026-12-06T10:05:00Z') / 1000]]),
    )
    expect(s.get('bob')).toBeUndefined()
    expect(s.get('cat')!.removedAt).toBe(Date.parse('2026-12-06T10:00:00Z') / 1000)
    expect(s.get('dan')!.removedAt).toBeNull()
    expect(s.get('ann')!.unblockAt).toBe(5000)
  })
})
