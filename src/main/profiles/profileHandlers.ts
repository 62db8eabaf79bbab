// The profile, request-log and UserSig channels. Secrets enter here (create, update, import) and
// never leave: replies carry hints and flags only.
import { homedir } from 'node:os'
import type { ConnectionVerdictView, DecodedUserSigView, ProfileList } from '../../shared/contract/contract'
import { err, ok, type Result } from '../../shared/errors'
import { toTccli } from '../cloud/requestLog'
import { deletePlaintextSource, discoverCredentials, importCandidate, type ImportEnv } from '../credentials/importers'
import type { ProfileInput, ProfilePatch } from '../credentials/profiles'
import { testConnection } from '../credentials/testConnection'
import type { Emit, Handlers } from '../ipc/dispatch'
import { isStringRoomId, parseNumericRoomId } from '../../shared/trtc/roomId'
import { decodeUserSig, encodePrivateMapKeyUserBuf, genUserSig, type DecodedUserSig } from '../usersig/tlsSig'
import type { CloudContext } from './cloudContext'
import { DEMO_PROFILE_ID } from './cloudContext'

type ProfileHandlers = Pick<
  Handlers,
  | 'profiles.create'
  | 'profiles.update'
  | 'profiles.delete'
  | 'profiles.test'
  | 'profiles.discoverImports'
  | 'profiles.import'
  | 'profiles.deletePlaintext'
  | 'cloud.requestLog'
  | 'cloud.status'
  | 'usersig.generate'
  | 'usersig.decode'
>

function view(d: DecodedUserSig): DecodedUserSigView {
  return {
    identifier: d.identifier,
    sdkAppId: d.sdkAppId,
    time: d.time,
    expire: d.expire,
    ...(d.userBuf
      ? { privateMapKey: { roomId: d.userBuf.roomId, expireAt: d.userBuf.expireAt, privilegeMap: d.userBuf.privilegeMap, ...(d.userBuf.strRoomId ? { strRoomId: d.userBuf.strRoomId } : {}) } }
      : {}),
  }
}

const demoIsReadOnly = () => err('request.invalid', 'err.profile.demoReadOnly')

export function createProfileHandlers(deps: { cloud: CloudContext; emit: Emit; now: () => number; importEnv?: ImportEnv }): ProfileHandlers {
  const { cloud } = deps
  const importEnv: ImportEnv = deps.importEnv ?? { home: homedir(), env: process.env }
  const test = async (id: string): Promise<ConnectionVerdictView> => {
    const handle = await cloud.clientFor(id)
    if (!handle.ok) return { kind: 'failed', message: handle.error.message, error: handle.error, skewMs: 0 }
    const verdict = await testConnection(handle.value.client, { region: handle.value.region, nowMs: deps.now() })
    return { ...verdict, skewMs: handle.value.client.skewMs() }
  }
  const changed = async (): Promise<Result<ProfileList>> => {
    const list = await cloud.list()
    if (list.ok) deps.emit('profiles.changed', list.value)
    return list
  }
  return {
    async 'profiles.create'({ profile, activate = 'ifWorks' }) {
      const r = await cloud.profiles.create(profile as ProfileInput)
      if (!r.ok) return r
      const id = r.value.id
      // A new profile is tested before it replaces the one in use: a typo in a key should not turn
      // every screen into errors. The user can still make it active anyway.
      const verdict = activate === 'ifWorks' ? await test(id) : null
      const activated = activate === 'now' || verdict?.kind === 'ok'
      if (activated) {
        const a = await cloud.profiles.setActive(id)
        if (!a.ok) return a
      }
      const list = await changed()
      return list.ok ? ok({ ...list.value, created: { id, activated, verdict } }) : list
    },
    async 'profiles.update'({ id, patch }) {
      if (id === DEMO_PROFILE_ID) return demoIsReadOnly()
      const r = await cloud.profiles.update(id, patch as ProfilePatch)
      if (!r.ok) return r
      cloud.invalidate(id)
      return changed()
    },
    async 'profiles.delete'({ id }) {
      if (id === DEMO_PROFILE_ID) return demoIsReadOnly()
      const r = await cloud.profiles.delete(id)
      if (!r.ok) return r
      cloud.invalidate(id)
      return changed()
    },
    async 'profiles.test'({ id }) {
      const handle = await cloud.clientFor(id)
      if (!handle.ok) return handle
      return ok(await test(id))
    },
    async 'profiles.discoverImports'() {
      return ok(await discoverCredentials(importEnv))
    },
    async 'profiles.import'({ candidateId, name, site, sdkAppIds }) {
      const r = await importCandidate(importEnv, cloud.profiles, candidateId, { name, endpoint: { site }, sdkApps: sdkAppIds.map((sdkAppId) => ({ sdkAppId })) })
      if (!r.ok) return r
      const a = await cloud.profiles.setActive(r.value.id)
      if (!a.ok) return a
      return changed()
    },
    async 'profiles.deletePlaintext'({ candidateId }) {
      const r = await deletePlaintextSource(importEnv, candidateId)
      return r.ok ? ok(null) : r
    },
    async 'cloud.requestLog'() {
      return ok(cloud.requestLog.entries().map((e) => ({ ...e, tccli: toTccli(e) })).reverse())
    },
    async 'cloud.status'() {
      const id = await cloud.activeId()
      const handle = await cloud.clientFor(id)
      return ok({ skewMs: handle.ok ? handle.value.client.skewMs() : 0, profileId: id })
    },
    async 'usersig.generate'({ profileId, sdkAppId, userId, expireSeconds, privateMapKey }) {
      let room: number | string | undefined
      if (privateMapKey) {
        room = privateMapKey.roomIdType === 'number' ? (parseNumericRoomId(privateMapKey.roomId) ?? undefined) : isStringRoomId(privateMapKey.roomId) ? privateMapKey.roomId : undefined
        // TLSSigAPIv2 writes the IDs of a PrivateMapKey one byte per character: ASCII only.
        if (room === undefined || !/^[\x20-\x7e]+$/.test(privateMapKey.roomId))
          return err('request.invalid', privateMapKey.roomIdType === 'number' ? 'err.request.privateMapKeyRoom' : 'err.request.privateMapKeyAscii')
        if (!/^[\x20-\x7e]+$/.test(userId)) return err('request.invalid', 'err.request.privateMapKeyAscii')
      }
      const key = await cloud.sdkSecretKeyFor(profileId, sdkAppId)
      if (!key.ok) return key
      const nowSeconds = Math.floor(deps.now() / 1000)
      const userBuf = privateMapKey && room !== undefined ? encodePrivateMapKeyUserBuf({ sdkAppId, userId, nowSeconds, expireSeconds, privilegeMap: privateMapKey.privileges, room }) : undefined
      const userSig = genUserSig({ sdkAppId, sdkSecretKey: key.value, userId, expireSeconds, nowSeconds, ...(userBuf ? { userBuf } : {}) })
      const decoded = decodeUserSig(userSig)
      return decoded.ok ? ok({ userSig, decoded: view(decoded.value) }) : decoded
    },
    async 'usersig.decode'({ userSig }) {
      const d = decodeUserSig(userSig)
      return d.ok ? ok(view(d.value)) : d
    },
  }
}
