// The UserSig tool's tickets, made in main from the profile's SDK secret key, are the ones
// Tencent's TLSSigAPIv2 makes for the same inputs: plain UserSigs and PrivateMapKeys.
import { createRequire } from 'node:module'
import { afterAll, afterEach, describe, expect, it, vi } from 'vitest'
import type { DecodedUserSigView } from '../../shared/contract/contract'
import { servicesOnSimulator } from '../testing/simulatorCloud'
import { DEMO_PROFILE_ID } from './cloudContext'

interface TlsSigApi {
  genUserSig(userId: string, expire: number): string
  genPrivateMapKey(userId: string, expire: number, roomId: number, privileges: number): string
  genPrivateMapKeyWithStringRoomID(userId: string, expire: number, roomStr: string, privileges: number): string
}
const { Api } = createRequire(import.meta.url)('tls-sig-api-v2') as { Api: new (sdkAppId: number, key: string) => TlsSigApi }

const on = await servicesOnSimulator('usersig-tool')
afterAll(() => on.close())
afterEach(() => vi.useRealTimers())

type Reply = { ok: true; value: { userSig: string; decoded: DecodedUserSigView } } | { ok: false; error: { code: string; message: string } }
const generate = (req: Record<string, unknown>) => on.services.dispatch('usersig.generate', { profileId: DEMO_PROFILE_ID, sdkAppId: on.sim.credentials.sdkAppId, ...req }) as Promise<Reply>

describe('usersig.generate', () => {
  const oracle = () => new Api(on.sim.credentials.sdkAppId, on.sim.credentials.sdkSecretKey)
  // Main stamps tickets with its own clock; the oracle is run at the second the ticket names.
  const at = (seconds: number) => {
    vi.useFakeTimers({ toFake: ['Date'] })
    vi.setSystemTime(seconds * 1000 + 250)
  }
  const ticket = async (req: Record<string, unknown>) => {
    const r = await generate(req)
    if (!r.ok) throw new Error(r.error.message)
    at(r.value.decoded.time)
    return r.value
  }

  it('makes the UserSig and the PrivateMapKeys TLSSigAPIv2 makes', async () => {
    const sig = await ticket({ userId: 'robot_mixer', expireSeconds: 86400 })
    expect(sig.userSig).toBe(oracle().genUserSig('robot_mixer', 86400))
    vi.useRealTimers()
    const numeric = await ticket({ userId: 'guest_7', expireSeconds: 300, privateMapKey: { roomId: '4294967295', roomIdType: 'number', privileges: 0b00101011 } })
    expect(numeric.userSig).toBe(oracle().genPrivateMapKey('guest_7', 300, 4294967295, 0b00101011))
    expect(numeric.decoded.privateMapKey).toEqual({ roomId: 4294967295, expireAt: numeric.decoded.time + 300, privilegeMap: 43 })
    vi.useRealTimers()
    const str = await ticket({ userId: 'guest_7', expireSeconds: 300, privateMapKey: { roomId: 'finals-2026', roomIdType: 'string', privileges: 255 } })
    expect(str.userSig).toBe(oracle().genPrivateMapKeyWithStringRoomID('guest_7', 300, 'finals-2026', 255))
    expect(str.decoded.privateMapKey).toMatchObject({ roomId: 0, strRoomId: 'finals-2026', privilegeMap: 255 })
  })

  it('refuses a room the ticket cannot name, saying why', async () => {
    for (const roomId of ['0', '012', '0x1f', '4294967296', 'abc']) {
      const r = await generate({ userId: 'guest', expireSeconds: 300, privateMapKey: { roomId, roomIdType: 'number', privileges: 3 } })
      expect(r.ok, roomId).toBe(false)
      expect(!r.ok && r.error.code).toBe('request.invalid')
    }
    const cjk = await generate({ userId: 'guest', expireSeconds: 300, privateMapKey: { roomId: '直播间', roomIdType: 'string', privileges: 3 } })
    expect(!cjk.ok && cjk.error.message).toMatch(/ASCII/)
  })
})
