// Data Monitoring ("dashboard") actions, 003_530a54cf0f8c0df7.txt L4033–L5757. They need the
// Standard or Premium dashboard edition (L4038–L4041) and take no Region (L4067, L4682, L5293, L5573).
import { z } from 'zod'
import { checkSpan, dateYmd, DAY_S, parseUtc, sdkAppIdString, stringRoomId, unixSeconds } from './common'

// The look-back depends on the dashboard edition (L4080–L4082, L4694–L4697, which contradict each
// other), so the server decides; we only refuse what no edition accepts: the widest edition reaches
// back 12 hours (L4697).
const realtimeRequest = z
  .object({
    SdkAppId: sdkAppIdString,
    StartTime: unixSeconds,
    EndTime: unixSeconds,
    RoomId: stringRoomId.optional(),
  })
  .strict()
  .superRefine((v, ctx) => checkSpan(v.StartTime, v.EndTime, { maxSpanS: 12 * 3600, what: '12 hours' }, ctx))

export const describeTrtcRealTimeScaleDataRequest = realtimeRequest
export const describeTrtcRealTimeQualityDataRequest = realtimeRequest

// d = whole UTC days, h = whole UTC hours (L5304–L5311, L5584–L5591).
const period = z.enum(['d', 'h'])

function marketRequest(maxDays: number) {
  return z
    .object({ SdkAppId: sdkAppIdString, StartTime: dateYmd, EndTime: dateYmd, Period: period })
    .strict()
    .superRefine((v, ctx) =>
      checkSpan(parseUtc(v.StartTime), parseUtc(v.EndTime), { maxSpanS: maxDays * DAY_S, what: `${maxDays} days` }, ctx),
    )
}
// "the premium edition can query up to 60 days" (L5298–L5300)
export const describeTrtcMarketScaleDataRequest = marketRequest(60)
// "the premium edition can query up to 30 days" (L5578–L5580)
export const describeTrtcMarketQualityDataRequest = marketRequest(30)

export type DescribeTrtcRealTimeRequest = z.input<typeof realtimeRequest>
export type DescribeTrtcMarketRequest = z.input<ReturnType<typeof marketRequest>>

/** L16023–L16034, L15933–L15941: the first value of a row is the Unix time in seconds. */
export interface SeriesInfos {
  Columns: string[]
  Values: { RowValue: number[] }[]
}

/** L16172–L16185 */
export interface TRTCDataResult {
  StatementID: number
  Series: SeriesInfos[]
  Total: number
}

export interface DescribeTrtcDataResponse {
  Data: TRTCDataResult
}
