import { describe, expect, it } from 'vitest'
import type { AuditEntry, QualitySeries, RoomRow, UserRow } from '../../../../shared/contract/contract'
import { reportCsv, reportHtml, summarizeQuality } from './report'

const room: RoomRow = { commId: '1400000001_42_1700000000', roomId: '42', roomIdType: 'number', createTime: 1700000000, destroyTime: 1700003600, finished: true, creator: 'host' }
const users: UserRow[] = [{ userId: 'alice', joinTs: 1700000010, leaveTs: 1700003500, finished: true, deviceType: 'iPhone', sdkVersion: '11.7', clientIp: '10.0.0.1' }]
const quality: QualitySeries[] = [
  { userId: 'alice', peerId: null, dataType: 'aLoss', points: [[1700000100, 1], [1700000102, 3]] },
  { userId: 'alice', peerId: 'bob', dataType: 'bigvDecFps', points: [[1700000100, 15]] },
  { userId: 'alice', peerId: 'carol', dataType: 'bigvDecFps', points: [[1700000100, 25]] },
]
const actions: AuditEntry[] = [
  { time: '2023-11-14T22:20:00.000Z', profile: 'Demo', sdkAppId: 1400000001, roomId: '42', roomIdType: 'number', action: 'remove', apiAction: 'RemoveUser', userIds: ['mallory'], result: 'ok', requestId: 'r-1' },
]

describe('post-event report', () => {
  it('summarises quality per user and metric', () => {
    expect(summarizeQuality(quality)).toEqual([
      { userId: 'alice', dataType: 'aLoss', samples: 2, mean: 2, min: 1, max: 3 },
      { userId: 'alice', dataType: 'bigvDecFps', samples: 2, mean: 20, min: 15, max: 25 },
    ])
  })

  it('writes users, quality and moderation into one CSV', () => {
    const csv = reportCsv({ room, sdkAppId: 1400000001, profile: 'Demo', users, quality, actions, generatedAt: 0 })
    const lines = csv.trim().split('\r\n')
    expect(lines[0]).toBe('section,room,user,field,value,detail')
    expect(lines).toContain('user,42,alice,session,2023-11-14T22:13:30.000Z/2023-11-14T23:11:40.000Z,iPhone · SDK 11.7 · 10.0.0.1')
    expect(lines).toContain('quality,42,alice,aLoss,2,min 1 max 3 (2 samples)')
    expect(lines).toContain('moderation,42,mallory,RemoveUser,ok,2023-11-14T22:20:00.000Z RequestId r-1')
  })

  it('escapes what users typed in the printable page', () => {
    const html = reportHtml({ room: { ...room, roomId: '<b>x</b>' }, sdkAppId: 1, profile: 'P&Q', users: [{ ...users[0]!, userId: '<script>' }], quality: [], actions: [], generatedAt: 0 }, 'Room <b>x</b>')
    expect(html).not.toContain('<script>')
    expect(html).toContain('&lt;script&gt;')
    expect(html).toContain('P&amp;Q')
    expect(html).toContain('No moderation actions.')
  })
})
