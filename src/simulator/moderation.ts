// Room management with effects (003_530a54cf0f8c0df7.txt L1128–L2058): kicks, blocks and dismissals
// are written to the overlay, so later Describe* calls and mixing layouts see them.
import type { SimContext } from './context'
import { codesOf, done, fail, Params, type Reply } from './params'
import { findActiveRoom, findApp, inRoomAt, roomKey, sessionsAt, type Room } from './world'

type RoomKind = 'numeric' | 'string'

interface RoomRef {
  appId: number
  roomId: string
  kind: RoomKind
}

function readRoom(p: Params, kind: RoomKind, name: string): RoomRef {
  const appId = p.int('SdkAppId', { missing: 'MissingParameter.SdkAppId', invalid: 'InvalidParameter.SdkAppId' })
  let roomId = ''
  if (kind === 'numeric') {
    // RoomId is an Integer (L1166, L1488, L1654); room numbers run 1–4294967295 (000_b308e910fed97ab3.txt L32).
    const n = p.int(name, { missing: 'MissingParameter.RoomId', invalid: 'InvalidParameter.RoomId' })
    if (!p.failure && (n < 1 || n > 4294967295)) p.reject('InvalidParameterValue.RoomId', 'RoomId must be between 1 and 4294967295.')
    roomId = String(n)
  } else {
    roomId = p.str(name, { missing: 'MissingParameter.RoomId', invalid: 'InvalidParameter.RoomId' })
  }
  return { appId, roomId, kind }
}

/** Looked up after every parameter is read, so a malformed request is reported as such first. */
function locate(p: Params, ctx: SimContext, ref: RoomRef): Room | undefined {
  if (p.firstFailure()) return undefined
  if (!findApp(ctx.world, ref.appId)) {
    p.reject('FailedOperation.SdkAppIdNotExist', `The application ID ${ref.appId} does not exist.`)
    return undefined
  }
  const room = findActiveRoom(ctx.world, ref.appId, ref.roomId, ref.kind === 'string', ctx.now, ctx.overlay)
  if (!room) p.reject('FailedOperation.RoomNotExist', `The room ${ref.roomId} does not exist.`)
  return room
}

function failure(p: Params): Reply {
  return fail(p.failure?.code ?? 'InternalError', p.failure?.message ?? 'Internal error.')
}

export function setUserBlocked(body: Record<string, unknown>, ctx: SimContext, kind: RoomKind): Reply {
  const p = new Params(body, codesOf(kind === 'string' ? 'SetUserBlockedByStrRoomId' : 'SetUserBlocked'))
  // The string variant names its room parameter StrRoomId (L1325).
  const ref = readRoom(p, kind, kind === 'string' ? 'StrRoomId' : 'RoomId')
  // MissingParameter.UserId is listed for the string variant only (L1447); the numeric one answers the common code.
  const userId = p.str('UserId', { missing: kind === 'string' ? 'MissingParameter.UserId' : 'MissingParameter', invalid: 'InvalidParameter.UserId' })
  // L1180–L1184: 0 enable, 1 disable audio and video, 2 disable audio only, 3 disable video only.
  const isMute = p.int('IsMute', { invalid: 'InvalidParameter' }, [0, 3])
  const room = locate(p, ctx, ref)
  if (p.failure || !room) return failure(p)
  const present = sessionsAt(ctx.world, room, ctx.overlay, ctx.now).some((s) => s.userId === userId && inRoomAt(s, ctx.now))
  if (!present) return fail('FailedOperation.UserNotExist', `The user ${userId} is not in the room.`)
  const key = roomKey(room.sdkAppId, room.roomId, room.isString)
  const perRoom = ctx.overlay.blocked.get(key) ?? new Map()
  const changes = perRoom.get(userId) ?? []
  changes.push({ at: ctx.now, isMute: isMute as 0 | 1 | 2 | 3 })
  perRoom.set(userId, changes)
  ctx.overlay.blocked.set(key, perRoom)
  return done({})
}

export function removeUser(body: Record<string, unknown>, ctx: SimContext, kind: RoomKind): Reply {
  const p = new Params(body, codesOf(kind === 'string' ? 'RemoveUserByStrRoomId' : 'RemoveUser'))
  const ref = readRoom(p, kind, 'RoomId')
  const userIds = p.strArray('UserIds', { missing: 'MissingParameter.UserIds', invalid: 'InvalidParameter.UserIds' }, true)
  // "List of up to 10 users to be removed." (L1490–L1495)
  if (!p.failure && userIds && (userIds.length === 0 || userIds.length > 10)) p.reject('InvalidParameter.UserIds', 'UserIds must list 1 to 10 users.')
  const room = locate(p, ctx, ref)
  if (p.failure || !room || !userIds) return failure(p)
  const key = roomKey(room.sdkAppId, room.roomId, room.isString)
  const perRoom = ctx.overlay.removed.get(key) ?? new Map<string, number>()
  for (const id of userIds) if (!perRoom.has(id)) perRoom.set(id, ctx.now)
  ctx.overlay.removed.set(key, perRoom)
  return done({})
}

export function dismissRoom(body: Record<string, unknown>, ctx: SimContext, kind: RoomKind): Reply {
  const p = new Params(body, codesOf(kind === 'string' ? 'DismissRoomByStrRoomId' : 'DismissRoom'))
  const room = locate(p, ctx, readRoom(p, kind, 'RoomId'))
  if (p.failure || !room) return failure(p)
  ctx.overlay.dismissed.set(roomKey(room.sdkAppId, room.roomId, room.isString), ctx.now)
  return done({})
}
