// Moderation against the simulator over HTTP: RemoveUser batches of 10, a batch refused part-way
// (reported and audited, the rest carried out), string rooms, and an audit log that fails after
// the calls were made (what was done is reported, and its lines are written once the log works).
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { AuditEntry } from '../../shared/contract/contract'
import { startSimulator, type Simulator } from '../../simulator/server'
import { stayingRoom } from '../../simulator/world'
import { simulatorCloud } from '../testing/simulatorCloud'
import type { AuditLog } from './auditLog'
import { createModerationService, plan } from './moderationService'

let sim: Simulator
beforeAll(async () => {
  sim = await startSimulator({ seed: 'moderation-batches' })
})
afterAll(() => sim.close())

function memoryAudit(failFirst = 0): AuditLog & { lines: AuditEntry[] } {
  const lines: AuditEntry[] = []
  let failures = failFirst
  return {
    lines,
    append: async (e) => {
      if (failures-- > 0) throw new Error('ENOSPC: no space left on device')
      lines.push(e)
    },
    list: async () => lines,
  }
}

/** A live room of the first app, string or numeric, with two users who stay in it a while. */
function liveRoom(isString: boolean): { roomId: string; users: string[] } {
  const found = stayingRoom(sim.world, sim.world.apps[0]!, Math.floor(Date.now() / 1000), { users: 2, forS: 60, isString })
  if (!found) throw new Error('no live room in the simulated world')
  return { roomId: found.room.roomId, users: found.userIds.slice(0, 2) }
}

const users = (n: number, bad?: number) => Array.from({ length: n }, (_, i) => (i === bad ? 'bad id!' : `guest_${i}`))

describe('moderation', () => {
  it('removes 25 users in 3 calls of at most 10 (L1508), numeric and string rooms', () => {
    const numeric = plan({ action: 'remove', sdkAppId: 1, roomId: '1234', roomIdType: 'number', userIds: users(25) })
    expect(numeric.map((c) => [c.action, c.userIds.length, c.params['RoomId']])).toEqual([
      ['RemoveUser', 10, 1234],
      ['RemoveUser', 10, 1234],
      ['RemoveUser', 5, 1234],
    ])
    const str = plan({ action: 'block', sdkAppId: 1, roomId: 'finals', roomIdType: 'string', userIds: ['a', 'b'], isMute: 2 })
    expect(str.map((c) => [c.action, c.params['StrRoomId'], c.params['UserId']])).toEqual([
      ['SetUserBlockedByStrRoomId', 'finals', 'a'],
      ['SetUserBlockedByStrRoomId', 'finals', 'b'],
    ])
  })

  it('reports and audits a batch the cloud refuses, and carries out the others', async () => {
    const audit = memoryAudit()
    const { cloud } = simulatorCloud(sim, { region: 'ap-guangzhou' })
    const service = createModerationService({ cloud: { ...cloud, clientFor: () => cloud.current() }, audit, now: Date.now })
    const r = await service.run({ action: 'remove', sdkAppId: sim.credentials.sdkAppId, roomId: liveRoom(true).roomId, roomIdType: 'string', userIds: users(25, 14) })
    expect(r.ok).toBe(true)
    if (!r.ok) return
    expect(r.value.map((o) => [o.action, o.ok, o.userIds.length])).toEqual([
      ['RemoveUserByStrRoomId', true, 10],
      ['RemoveUserByStrRoomId', false, 10],
      ['RemoveUserByStrRoomId', true, 5],
    ])
    // The client refuses the batch with an invalid user ID before sending it; the others go out.
    expect(r.value[1]!.error).toMatchObject({ code: 'request.invalid' })
    expect(audit.lines.map((l) => l.result)).toEqual(['ok', 'request.invalid', 'ok'])
  })

  it('reports what was done when the audit log fails, and writes the lines once it works again', async () => {
    const audit = memoryAudit(2)
    const { cloud } = simulatorCloud(sim, { region: 'ap-guangzhou' })
    const service = createModerationService({ cloud: { ...cloud, clientFor: () => cloud.current() }, audit, now: Date.now, auditRetryMs: 20 })
    const room = liveRoom(false)
    const r = await service.run({ action: 'block', sdkAppId: sim.credentials.sdkAppId, roomId: room.roomId, roomIdType: 'number', userIds: room.users, isMute: 1 })
    expect(r.ok).toBe(true)
    if (!r.ok) return
    expect(r.value.every((o) => o.ok), JSON.stringify(r.value)).toBe(true)
    expect(r.value[0]!.auditPending).toMatch(/ENOSPC/)
    await expect.poll(() => audit.lines.length).toBe(2)
    expect(audit.lines.map((l) => [l.apiAction, l.userIds[0], l.result])).toEqual(room.users.map((u) => ['SetUserBlocked', u, 'ok']))
  })
})
