// The single table of the TRTC actions this app calls: request schema, whether it changes state,
// its documented rate limit and the regions it accepts. The client and the rate budget read it.
import type { z } from 'zod'
import { err, ok, type Result } from '../errors'
import type { Region } from './common'
import * as ai from './ai'
import * as ingest from './ingest'
import * as mixing from './mixing'
import * as moderation from './moderation'
import * as quality from './roomsQuality'
import * as realtime from './realtime'
import * as recording from './recording'
import * as usage from './usage'

export interface RateLimit {
  /** At most `count` calls in any `perMs` milliseconds. */
  count: number
  perMs: number
}

export interface ActionSpec {
  request: z.ZodType
  mutating: boolean
  rate: RateLimit
  /** null: the action takes no Region (X-TC-Region is not sent). */
  regions: readonly Region[] | null
  /** How far back StartTime may reach, in seconds ("Only data in the last 14 days", e.g. L11160). */
  maxAgeS?: number
}

// "A maximum of 20 requests can be initiated per second for this API." (e.g. L1137, L11119)
const perSecond20: RateLimit = { count: 20, perMs: 1000 }
// "A maximum of 5 requests can be initiated per second for this API." (L13767, L13998, L14236, L14497)
const perSecond5: RateLimit = { count: 5, perMs: 1000 }
// "The rate limit of this API is one call every 15 seconds." (L14692)
const per15Seconds: RateLimit = { count: 1, perMs: 15_000 }

const moderationRegions: readonly Region[] = ['ap-beijing', 'ap-guangzhou', 'ap-singapore'] // L1159–L1162, L1481–L1484, …
const qualityRegions: readonly Region[] = ['ap-beijing', 'ap-guangzhou', 'ap-mumbai', 'ap-singapore'] // L11531–L11534
const qualityRegionsToronto: readonly Region[] = [...qualityRegions, 'na-toronto'] // L11141–L11143, L12556–L12559
const mixingRegions: readonly Region[] = ['ap-guangzhou', 'ap-hongkong', 'ap-singapore'] // L2316–L2323
const recordingRegions: readonly Region[] = ['ap-beijing', 'ap-guangzhou', 'ap-mumbai', 'ap-shanghai', 'ap-singapore'] // L12834–L12840
const usageRegions: readonly Region[] = ['ap-guangzhou', 'ap-singapore'] // L13797–L13799
const ingestQueryRegions: readonly Region[] = ['ap-bangkok', 'ap-jakarta', 'ap-mumbai', 'ap-singapore'] // L5796–L5799, L5945–L5948
const ingestRegions: readonly Region[] = ['ap-bangkok', 'ap-guangzhou', 'ap-jakarta', 'ap-mumbai', 'ap-singapore', 'ap-tokyo'] // L6090–L6095, L6326–L6329
// L6728–L6731, L6881–L6884, L7021–L7022, L7224–L7227, L7380–L7383, L7509–L7514, L7669–L7674; StartAIConversation's list is cut off (L6491) and taken to be the same.
const aiRegions: readonly Region[] = ['ap-guangzhou', 'ap-singapore', 'ap-tokyo', 'na-siliconvalley']
const FOURTEEN_DAYS_S = 14 * 86_400

const read = (request: z.ZodType, regions: readonly Region[] | null, rate = perSecond20, maxAgeS?: number): ActionSpec => ({
  request,
  mutating: false,
  rate,
  regions,
  ...(maxAgeS === undefined ? {} : { maxAgeS }),
})
const write = (request: z.ZodType, regions: readonly Region[]): ActionSpec => ({ request, mutating: true, rate: perSecond20, regions })

export const actions = {
  DescribeRoomInfo: read(quality.describeRoomInfoRequest, qualityRegionsToronto, perSecond20, FOURTEEN_DAYS_S),
  DescribeUserEvent: read(quality.describeUserEventRequest, qualityRegions, perSecond20, FOURTEEN_DAYS_S),
  DescribeCallDetailInfo: read(quality.describeCallDetailInfoRequest, qualityRegions, perSecond20, FOURTEEN_DAYS_S),
  DescribeUserInfo: read(quality.describeUserInfoRequest, qualityRegions, perSecond20, FOURTEEN_DAYS_S),
  DescribeScaleInfo: read(quality.describeScaleInfoRequest, qualityRegionsToronto, perSecond20, FOURTEEN_DAYS_S),
  DescribeTRTCRealTimeScaleData: read(realtime.describeTrtcRealTimeScaleDataRequest, null),
  DescribeTRTCRealTimeQualityData: read(realtime.describeTrtcRealTimeQualityDataRequest, null),
  DescribeTRTCMarketScaleData: read(realtime.describeTrtcMarketScaleDataRequest, null),
  DescribeTRTCMarketQualityData: read(realtime.describeTrtcMarketQualityDataRequest, null),
  SetUserBlocked: write(moderation.setUserBlockedRequest, moderationRegions),
  SetUserBlockedByStrRoomId: write(moderation.setUserBlockedByStrRoomIdRequest, moderationRegions),
  RemoveUser: write(moderation.removeUserRequest, moderationRegions),
  RemoveUserByStrRoomId: write(moderation.removeUserByStrRoomIdRequest, moderationRegions),
  DismissRoom: write(moderation.dismissRoomRequest, moderationRegions),
  DismissRoomByStrRoomId: write(moderation.dismissRoomByStrRoomIdRequest, moderationRegions),
  StartPublishCdnStream: write(mixing.startPublishCdnStreamRequest, mixingRegions),
  UpdatePublishCdnStream: write(mixing.updatePublishCdnStreamRequest, mixingRegions),
  StopPublishCdnStream: write(mixing.stopPublishCdnStreamRequest, mixingRegions),
  CreateCloudRecording: write(recording.createCloudRecordingRequest, recordingRegions),
  DescribeCloudRecording: read(recording.describeCloudRecordingRequest, recordingRegions),
  ModifyCloudRecording: write(recording.modifyCloudRecordingRequest, recordingRegions),
  DeleteCloudRecording: write(recording.deleteCloudRecordingRequest, recordingRegions),
  DescribeTrtcUsage: read(usage.describeTrtcUsageRequest, usageRegions, perSecond5),
  DescribeRecordingUsage: read(usage.describeRecordingUsageRequest, usageRegions, perSecond5),
  DescribeMixTranscodingUsage: read(usage.describeMixTranscodingUsageRequest, usageRegions, perSecond5),
  DescribeRelayUsage: read(usage.describeRelayUsageRequest, usageRegions, perSecond5),
  DescribeTrtcRoomUsage: read(usage.describeTrtcRoomUsageRequest, usageRegions, per15Seconds),
  // 20 requests a second each (L5774, L5923, L6068, L6304).
  StartStreamIngest: write(ingest.startStreamIngestRequest, ingestRegions),
  DescribeStreamIngest: read(ingest.describeStreamIngestRequest, ingestQueryRegions),
  UpdateStreamIngest: write(ingest.updateStreamIngestRequest, ingestRegions),
  StopStreamIngest: write(ingest.stopStreamIngestRequest, ingestQueryRegions),
  // 20 requests a second each (L6469, L6706, L6859, L7001, L7202, L7358, L7488, L7645).
  StartAIConversation: write(ai.startAIConversationRequest, aiRegions),
  DescribeAIConversation: read(ai.describeAIConversationRequest, aiRegions),
  StopAIConversation: write(ai.stopAIConversationRequest, aiRegions),
  UpdateAIConversation: write(ai.updateAIConversationRequest, aiRegions),
  ControlAIConversation: write(ai.controlAIConversationRequest, aiRegions),
  StartAITranscription: write(ai.startAITranscriptionRequest, aiRegions),
  DescribeAITranscription: read(ai.describeAITranscriptionRequest, aiRegions),
  StopAITranscription: write(ai.stopAITranscriptionRequest, aiRegions),
} satisfies Record<string, ActionSpec>

export type ActionName = keyof typeof actions

export function isActionName(name: string): name is ActionName {
  return Object.prototype.hasOwnProperty.call(actions, name)
}

/** The documented limit of an action; unknown actions get the common 20/s. */
export function rateLimitOf(action: string): RateLimit {
  return isActionName(action) ? actions[action].rate : perSecond20
}

/**
 * Checks a request against the action's rules before anything is sent. `nowS` (Unix seconds,
 * skew-corrected) is needed for the look-back rules. Returns the parsed parameters.
 */
export function validateRequest(action: ActionName, params: unknown, nowS: number, region?: string): Result<Record<string, unknown>> {
  const spec: ActionSpec = actions[action]
  const parsed = spec.request.safeParse(params)
  if (!parsed.success) {
    const first = parsed.error.issues[0]
    const where = first && first.path.length > 0 ? `${first.path.join('.')}: ` : ''
    return err('request.invalid', 'err.request.fields', { fields: first?.path.join('.') || action }, { message: `${action}: ${where}${first?.message ?? 'invalid request'}` })
  }
  const value = parsed.data as Record<string, unknown>
  const start = value.StartTime
  if (spec.maxAgeS !== undefined && typeof start === 'number' && start < nowS - spec.maxAgeS) {
    return err('request.invalid', 'err.request.tooOld', { action, days: Math.round(spec.maxAgeS / 86_400) })
  }
  if (region !== undefined && spec.regions !== null && !spec.regions.includes(region as Region)) {
    return err('request.invalid', 'err.request.region', { action, regions: spec.regions.join(', '), region })
  }
  return ok(value)
}
