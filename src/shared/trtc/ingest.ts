// Pull-stream relay ("stream ingest"): Start/Describe/Update/StopStreamIngest
// (003_530a54cf0f8c0df7.txt L5768–L6448). A robot user pulls an online media file or stream and
// publishes it into a room.
import { z } from 'zod'
import { numericRoomId, sdkAppId, stringRoomId, taskId, userId } from './common'

// "RoomIdType … 0: String type RoomId 1: 32-bit Integer type RoomId (default)" (L6103–L6105) —
// the reverse of StartPublishCdnStream's and the AI tasks' convention (inventory §9, contradiction 11).
export const startStreamIngestRequest = z
  .object({
    SdkAppId: sdkAppId, // L6097–L6098
    RoomId: z.string().min(1), // L6100–L6101; checked against RoomIdType below
    RoomIdType: z.literal([0, 1]), // L6103–L6105
    UserId: userId, // the robot, L6118–L6119
    UserSig: z.string().min(1), // L6121–L6126
    StreamUrl: z.url({ protocol: /^(https?|rtmp)$/ }).optional(), // "The Url of the media resource." L6128
    PrivateMapKey: z.string().min(1).optional(), // L6130–L6139
    SeekSecond: z.int().min(0).optional(), // no description in the reference (L6141)
    AutoPush: z.boolean().optional(), // L6143–L6144
    // "value range: [-1, 1000], default is 1 time. - 0 is an invalid value - -1 is for loop playback" (L6146–L6149)
    RepeatNum: z
      .int()
      .min(-1)
      .max(1000)
      .refine((n) => n !== 0, 'RepeatNum 0 is not valid: play once (1) or loop (-1)')
      .optional(),
    // "only effective when RepeatNum is set to -1, valid value range: [1, 10080], unit: minutes" (L6151–L6152)
    MaxDuration: z.int().min(1).max(10080).optional(),
    Volume: z.int().min(0).max(100).optional(), // "[0, 100], default value is 100" (L6154–L6155)
  })
  .strict()
  .superRefine((v, ctx) => {
    const ok = v.RoomIdType === 1 ? numericRoomId.safeParse(Number(v.RoomId)).success && /^\d+$/.test(v.RoomId) : stringRoomId.safeParse(v.RoomId).success
    if (!ok) ctx.addIssue({ code: 'custom', path: ['RoomId'], message: v.RoomIdType === 1 ? 'With RoomIdType 1 the room ID is a whole number from 1 to 4294967295' : 'Not a valid string room ID' })
    if (v.MaxDuration !== undefined && v.RepeatNum !== -1) ctx.addIssue({ code: 'custom', path: ['MaxDuration'], message: 'MaxDuration applies only when RepeatNum is -1' })
  })

// Describe and Stop: SdkAppId and TaskId, both required (L5801–L5804, L5950–L5954).
const taskRef = z.object({ SdkAppId: sdkAppId, TaskId: taskId }).strict()
export const describeStreamIngestRequest = taskRef
export const stopStreamIngestRequest = taskRef

// "If not filled in, no update": StreamUrl, Volume [0, 100], IsPause (L6331–L6352).
export const updateStreamIngestRequest = z
  .object({
    SdkAppId: sdkAppId,
    TaskId: taskId,
    StreamUrl: z.url({ protocol: /^(https?|rtmp)$/ }).optional(),
    Volume: z.int().min(0).max(100).optional(),
    IsPause: z.boolean().optional(),
  })
  .strict()

/** "InProgress: … in progress. NotExist: … does not exist." (L5823–L5824, L6361–L6362) */
export type IngestStatus = 'InProgress' | 'NotExist'

export type StartStreamIngestRequest = z.input<typeof startStreamIngestRequest>
export type UpdateStreamIngestRequest = z.input<typeof updateStreamIngestRequest>
export interface StartStreamIngestResponse {
  TaskId: string // L6164–L6167
}
export interface DescribeStreamIngestResponse {
  Status: IngestStatus
}
export type UpdateStreamIngestResponse = DescribeStreamIngestResponse
export type StopStreamIngestResponse = Record<string, never>
