// Usage statistics (003_530a54cf0f8c0df7.txt L13750–L14836). Rate limits differ from the other
// families: 5/s, and one call per 15 s for DescribeTrtcRoomUsage (see actions.ts).
import { z } from 'zod'
import { checkSpan, dateYmd, DAY_S, parseUtc, sdkAppId } from './common'

// "The period queried per request cannot be longer than 31 days." (L13759, L13990, L14228, …)
const usageFields = { StartTime: dateYmd, EndTime: dateYmd, SdkAppId: sdkAppId.optional() } // L13801–L13809
const span31 = (v: { StartTime: string; EndTime: string }, ctx: z.RefinementCtx) =>
  checkSpan(parseUtc(v.StartTime), parseUtc(v.EndTime), { maxSpanS: 31 * DAY_S, what: '31 days' }, ctx)

export const describeTrtcUsageRequest = z.object(usageFields).strict().superRefine(span31)
// MixType "Valid values: single, multi." (L14040–L14042)
export const describeRecordingUsageRequest = z
  .object({ ...usageFields, MixType: z.enum(['single', 'multi']) })
  .strict()
  .superRefine(span31)
export const describeMixTranscodingUsageRequest = z.object(usageFields).strict().superRefine(span31)
export const describeRelayUsageRequest = z.object(usageFields).strict().superRefine(span31)

// `SdkAppid` with a lower-case "id" (L14720); times "YYYY-MM-DD HH:MM" at most 24 h apart (L14722–L14737).
const minuteTime = z.string().regex(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$/, 'Use the format YYYY-MM-DD HH:MM')
export const describeTrtcRoomUsageRequest = z
  .object({ SdkAppid: sdkAppId, StartTime: minuteTime, EndTime: minuteTime })
  .strict()
  .superRefine((v, ctx) => checkSpan(parseUtc(v.StartTime), parseUtc(v.EndTime), { maxSpanS: DAY_S, what: '24 hours' }, ctx))

export type DescribeUsageRequest = z.input<typeof describeTrtcUsageRequest>
export type DescribeRecordingUsageRequest = z.input<typeof describeRecordingUsageRequest>
export type DescribeTrtcRoomUsageRequest = z.input<typeof describeTrtcRoomUsageRequest>

/** L16292–L16312: UsageValue in minutes, aligned with UsageKey. */
export interface TrtcUsage {
  TimeKey: string
  UsageValue: number[]
}
export interface DescribeUsageResponse {
  UsageKey: string[]
  UsageList: TrtcUsage[]
}
/** L14746: CSV grouped by room. */
export interface DescribeTrtcRoomUsageResponse {
  Data: string
}
