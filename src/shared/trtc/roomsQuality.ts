// Call quality monitoring: DescribeRoomInfo, DescribeUserEvent, DescribeCallDetailInfo,
// DescribeUserInfo, DescribeScaleInfo (003_530a54cf0f8c0df7.txt L11103–L12762).
// DescribeUnusualEvent is only listed (L961) and has no page in the reference, so it is not modelled.
import { z } from 'zod'
import { checkSpan, numericRoomId, sdkAppId, stringRoomId, unixSeconds, userId, type TimeValue } from './common'

const HOUR_S = 3600

// "Value range: 1-100." (L11176, L11965); default page sizes 10 / 6 (L11169–L11172, L11959–L11962).
const pageNumber = z.int().min(0)
const pageSize100 = z.int().min(1).max(100)

// "The unique ID of a call, whose format is SdkAppId_CreateTime, such as
// 1400xxxxxx_218695_1590065777" (L11536–L11547): the examples carry three parts, so any
// underscore-separated form that starts with the SDKAppID is accepted.
const commId = z.string().regex(/^\d+(_[^_\s]+)+$/, 'CommId has the form SdkAppId_RoomId_CreateTime')

export const describeRoomInfoRequest = z
  .object({
    SdkAppId: sdkAppId,
    StartTime: unixSeconds, // "Only data in the last 14 days can be queried." (L11160) — see actions.maxAgeS
    EndTime: unixSeconds,
    RoomId: z.union([stringRoomId, numericRoomId.transform(String)]).optional(), // String (L11167)
    PageNumber: pageNumber.optional(),
    PageSize: pageSize100.optional(),
  })
  .strict()
  // "The end and start time cannot be more than 24 hours apart." (L11165)
  .superRefine((v, ctx) => checkSpan(v.StartTime, v.EndTime, { maxSpanS: 24 * HOUR_S, what: '24 hours' }, ctx))

export const describeUserEventRequest = z
  .object({
    CommId: commId,
    StartTime: unixSeconds, // last 14 days (L11551–L11554)
    EndTime: unixSeconds, // later than the room's end is clamped by the server (L11556–L11561)
    UserId: userId,
    RoomId: stringRoomId, // String (L11565)
    SdkAppId: sdkAppId,
  })
  .strict()
  // No span limit is documented for this action; the 14-day look-back bounds it.
  .superRefine((v, ctx) => checkSpan(v.StartTime, v.EndTime, { maxSpanS: 14 * 24 * HOUR_S, what: '14 days' }, ctx))

export const callQualityMetrics = [
  'appCpu',
  'sysCpu',
  'aBit',
  'aBlock',
  'bigvBit',
  'bigvCapFps',
  'bigvEncFps',
  'bigvDecFps',
  'bigvBlock',
  'aLoss',
  'bigvLoss',
  'bigvWidth',
  'bigvHeight',
  'all',
] as const // L11938–L11957

export const describeCallDetailInfoRequest = z
  .object({
    CommId: commId,
    StartTime: unixSeconds, // last 14 days (L11915–L11918)
    EndTime: unixSeconds,
    SdkAppId: sdkAppId,
    UserIds: z.array(userId).min(1).max(100).optional(),
    DataType: z.array(z.enum(callQualityMetrics)).min(1).optional(),
    PageNumber: pageNumber.optional(),
    PageSize: pageSize100.optional(),
  })
  .strict()
  .superRefine((v, ctx) => {
    const withMetrics = v.DataType !== undefined
    // With DataType: ≤ 1 hour; without: ≤ 4 hours (L11920–L11926).
    checkSpan(v.StartTime, v.EndTime, withMetrics ? { maxSpanS: HOUR_S, what: '1 hour when metrics are requested' } : { maxSpanS: 4 * HOUR_S, what: '4 hours' }, ctx)
    // With DataType, UserIds length and PageSize cannot exceed 6 (L11966–L11971).
    if (withMetrics && (v.UserIds?.length ?? 0) > 6) ctx.addIssue({ code: 'custom', path: ['UserIds'], message: 'At most 6 users can be queried with metrics' })
    if (withMetrics && (v.PageSize ?? 0) > 6) ctx.addIssue({ code: 'custom', path: ['PageSize'], message: 'PageSize cannot exceed 6 when metrics are requested' })
  })

export const describeUserInfoRequest = z
  .object({
    CommId: commId,
    StartTime: unixSeconds, // last 14 days (L12290–L12293)
    EndTime: unixSeconds,
    SdkAppId: sdkAppId,
    UserIds: z.array(userId).min(1).max(100).optional(), // "Array length: 1-100." (L12309)
    PageNumber: pageNumber.optional(),
    PageSize: pageSize100.optional(), // 1-100 (L12318)
  })
  .strict()
  // "The end and start time cannot be more than four hours apart." (L12298)
  .superRefine((v, ctx) => checkSpan(v.StartTime, v.EndTime, { maxSpanS: 4 * HOUR_S, what: '4 hours' }, ctx))

export const describeScaleInfoRequest = z
  .object({
    SdkAppId: sdkAppId,
    StartTime: unixSeconds, // last 14 days (L12563–L12566)
    EndTime: unixSeconds, // data is daily; the span "should preferably be more than 24 hours" (L12568–L12584)
  })
  .strict()
  // No maximum span is documented; the 14-day look-back (plus today) bounds it.
  .superRefine((v, ctx) => checkSpan(v.StartTime, v.EndTime, { maxSpanS: 15 * 24 * HOUR_S, what: '15 days' }, ctx))

export type DescribeRoomInfoRequest = z.input<typeof describeRoomInfoRequest>
export type DescribeUserEventRequest = z.input<typeof describeUserEventRequest>
export type DescribeCallDetailInfoRequest = z.input<typeof describeCallDetailInfoRequest>
export type DescribeUserInfoRequest = z.input<typeof describeUserInfoRequest>
export type DescribeScaleInfoRequest = z.input<typeof describeScaleInfoRequest>

/** L15913–L15931 */
export interface RoomState {
  CommId: string
  RoomString: string
  CreateTime: number
  DestroyTime: number
  IsFinished: boolean
  UserId: string
}

/** L16314–L16337 */
export interface UserInformation {
  RoomStr: string
  UserId: string
  JoinTs: number
  LeaveTs: number
  DeviceType: string
  SdkVersion: string
  ClientIp: string
  Finished: boolean
}

/** L15759–L15781 */
export interface QualityData {
  Content: TimeValue[]
  UserId: string
  PeerId: string | null
  DataType: string
}

/** L15058–L15085; Time is in milliseconds. */
export interface EventMessage {
  Type: number
  Time: number
  EventId: number
  ParamOne: number
  ParamTwo: number
}

/** L15046–L15056 */
export interface EventList {
  Content: EventMessage[]
  PeerId: string
}

/** L16000–L16021 (the wire name is misspelt "ScaleInfomation"). */
export interface ScaleInfomation {
  Time: number
  UserNumber: number | null
  UserCount: number | null
  RoomNumbers: number | null
}

export interface DescribeRoomInfoResponse {
  Total: number
  RoomList: RoomState[]
}
export interface DescribeUserEventResponse {
  Data: EventList[]
}
export interface DescribeCallDetailInfoResponse {
  Total: number
  UserList: UserInformation[] | null
  Data: QualityData[] | null
}
export interface DescribeUserInfoResponse {
  Total: number
  UserList: UserInformation[] | null
}
export interface DescribeScaleInfoResponse {
  Total: number
  ScaleList: ScaleInfomation[] | null
}
