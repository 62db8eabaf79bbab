// Room management: block, remove, dismiss (003_530a54cf0f8c0df7.txt L1128–L2058).
import { z } from 'zod'
import { numericRoomId, sdkAppId, stringRoomId, userId } from './common'

// "0: Enable audio and video, 1: Disable audio and video, 2: Disable audio only, 3: Disable video
// only." (L1180–L1184, L1329–L1343)
export const isMute = z.union([z.literal(0), z.literal(1), z.literal(2), z.literal(3)])

export const setUserBlockedRequest = z
  .object({ SdkAppId: sdkAppId, RoomId: numericRoomId, UserId: userId, IsMute: isMute }) // L1164–L1184
  .strict()

// The string-room variant names the room `StrRoomId` (L1325), unlike the other *ByStrRoomId actions.
export const setUserBlockedByStrRoomIdRequest = z
  .object({ SdkAppId: sdkAppId, StrRoomId: stringRoomId, UserId: userId, IsMute: isMute })
  .strict()

// "List of up to 10 users to be removed." (L1490–L1495, L1804–L1807)
const removedUsers = z.array(userId).min(1, 'Select at least one user').max(10, 'At most 10 users can be removed at once')

export const removeUserRequest = z.object({ SdkAppId: sdkAppId, RoomId: numericRoomId, UserIds: removedUsers }).strict()
export const removeUserByStrRoomIdRequest = z.object({ SdkAppId: sdkAppId, RoomId: stringRoomId, UserIds: removedUsers }).strict()
export const dismissRoomRequest = z.object({ SdkAppId: sdkAppId, RoomId: numericRoomId }).strict() // L1652–L1654
export const dismissRoomByStrRoomIdRequest = z.object({ SdkAppId: sdkAppId, RoomId: stringRoomId }).strict() // L1956–L1958

export type SetUserBlockedRequest = z.input<typeof setUserBlockedRequest>
export type SetUserBlockedByStrRoomIdRequest = z.input<typeof setUserBlockedByStrRoomIdRequest>
export type RemoveUserRequest = z.input<typeof removeUserRequest>
export type RemoveUserByStrRoomIdRequest = z.input<typeof removeUserByStrRoomIdRequest>
export type DismissRoomRequest = z.input<typeof dismissRoomRequest>
export type DismissRoomByStrRoomIdRequest = z.input<typeof dismissRoomByStrRoomIdRequest>

/** All six answer with RequestId only (e.g. L1193–L1196). */
export type ModerationResponse = Record<string, never>
