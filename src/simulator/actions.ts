// The actions the simulator serves, each with its region list and request limit as documented
// (summary: 003_530a54cf0f8c0df7.txt L928–L1127 and each action's "This API only supports" lines).
import type { SimContext } from './context'
import { type MixTasks, startPublishCdnStream, stopPublishCdnStream, updatePublishCdnStream } from './mixing'
import { dismissRoom, removeUser, setUserBlocked } from './moderation'
import {
  describeCallDetailInfo,
  describeMarketQuality,
  describeMarketScale,
  describeRealTimeQuality,
  describeRealTimeScale,
  describeRoomInfo,
  describeScaleInfo,
  describeTrtcRoomUsage,
  describeUsage,
  describeUserEvent,
  describeUserInfo,
} from './monitoring'
import { controlAIConversation, describeAIConversation, describeAITranscription, startAIConversation, startAITranscription, stopAIConversation, stopAITranscription, updateAIConversation, type AITasks } from './ai'
import { describeStreamIngest, startStreamIngest, stopStreamIngest, updateStreamIngest, type IngestTasks } from './ingest'
import type { Reply } from './params'
import { createCloudRecording, deleteCloudRecording, describeCloudRecording, modifyCloudRecording, type RecordingTasks } from './recording'

export interface TaskStores {
  mix: MixTasks
  recordings: RecordingTasks
  ingest: IngestTasks
  ai: AITasks
}

export interface RateLimit {
  requests: number
  perMs: number
}

export interface ActionSpec {
  /** null: "This parameter is not required for this API." (e.g. L4067) */
  regions: readonly string[] | null
  limit: RateLimit
  run: (body: Record<string, unknown>, ctx: SimContext, stores: TaskStores) => Reply
}

const MODERATION = ['ap-beijing', 'ap-guangzhou', 'ap-singapore'] as const // L1159–L1162
const QUALITY = ['ap-beijing', 'ap-guangzhou', 'ap-mumbai', 'ap-singapore'] as const // L11531–L11534
const QUALITY_TORONTO = [...QUALITY, 'na-toronto'] as const // L11141–L11143, L12556–L12559
const MIXING = ['ap-guangzhou', 'ap-hongkong', 'ap-singapore'] as const // L2316–L2323
const RECORDING = ['ap-beijing', 'ap-guangzhou', 'ap-mumbai', 'ap-shanghai', 'ap-singapore'] as const // L12834–L12840
const USAGE = ['ap-guangzhou', 'ap-singapore'] as const // L13797–L13799
const INGEST_QUERY = ['ap-bangkok', 'ap-jakarta', 'ap-mumbai', 'ap-singapore'] as const // L5796–L5799, L5945–L5948
const INGEST = ['ap-bangkok', 'ap-guangzhou', 'ap-jakarta', 'ap-mumbai', 'ap-singapore', 'ap-tokyo'] as const // L6090–L6095, L6326–L6329
const AI = ['ap-guangzhou', 'ap-singapore', 'ap-tokyo', 'na-siliconvalley'] as const // L6728–L6731 and each AI action's list; StartAIConversation's is cut off (L6491)

const PER_SECOND = (n: number): RateLimit => ({ requests: n, perMs: 1000 })
const DEFAULT = PER_SECOND(20)
// "The rate limit of this API is five calls per second." (L13765–L13767)
const USAGE_LIMIT = PER_SECOND(5)

export const actions: Record<string, ActionSpec> = {
  SetUserBlocked: { regions: MODERATION, limit: DEFAULT, run: (b, c) => setUserBlocked(b, c, 'numeric') },
  SetUserBlockedByStrRoomId: { regions: MODERATION, limit: DEFAULT, run: (b, c) => setUserBlocked(b, c, 'string') },
  RemoveUser: { regions: MODERATION, limit: DEFAULT, run: (b, c) => removeUser(b, c, 'numeric') },
  RemoveUserByStrRoomId: { regions: MODERATION, limit: DEFAULT, run: (b, c) => removeUser(b, c, 'string') },
  DismissRoom: { regions: MODERATION, limit: DEFAULT, run: (b, c) => dismissRoom(b, c, 'numeric') },
  DismissRoomByStrRoomId: { regions: MODERATION, limit: DEFAULT, run: (b, c) => dismissRoom(b, c, 'string') },
  DescribeRoomInfo: { regions: QUALITY_TORONTO, limit: DEFAULT, run: describeRoomInfo },
  DescribeUserInfo: { regions: QUALITY, limit: DEFAULT, run: describeUserInfo },
  DescribeCallDetailInfo: { regions: QUALITY, limit: DEFAULT, run: describeCallDetailInfo },
  DescribeUserEvent: { regions: QUALITY, limit: DEFAULT, run: describeUserEvent },
  DescribeScaleInfo: { regions: QUALITY_TORONTO, limit: DEFAULT, run: describeScaleInfo },
  DescribeTRTCRealTimeScaleData: { regions: null, limit: DEFAULT, run: describeRealTimeScale },
  DescribeTRTCRealTimeQualityData: { regions: null, limit: DEFAULT, run: describeRealTimeQuality },
  DescribeTRTCMarketScaleData: { regions: null, limit: DEFAULT, run: describeMarketScale },
  DescribeTRTCMarketQualityData: { regions: null, limit: DEFAULT, run: describeMarketQuality },
  DescribeTrtcUsage: { regions: USAGE, limit: USAGE_LIMIT, run: (b, c) => describeUsage('DescribeTrtcUsage', b, c) },
  DescribeRecordingUsage: { regions: USAGE, limit: USAGE_LIMIT, run: (b, c) => describeUsage('DescribeRecordingUsage', b, c) },
  DescribeMixTranscodingUsage: { regions: USAGE, limit: USAGE_LIMIT, run: (b, c) => describeUsage('DescribeMixTranscodingUsage', b, c) },
  DescribeRelayUsage: { regions: USAGE, limit: USAGE_LIMIT, run: (b, c) => describeUsage('DescribeRelayUsage', b, c) },
  // "The rate limit of this API is one call every 15 seconds." (L14692)
  DescribeTrtcRoomUsage: { regions: USAGE, limit: { requests: 1, perMs: 15_000 }, run: describeTrtcRoomUsage },
  StartPublishCdnStream: { regions: MIXING, limit: DEFAULT, run: (b, c, s) => startPublishCdnStream(b, c, s.mix) },
  UpdatePublishCdnStream: { regions: MIXING, limit: DEFAULT, run: (b, c, s) => updatePublishCdnStream(b, c, s.mix) },
  StopPublishCdnStream: { regions: MIXING, limit: DEFAULT, run: (b, c, s) => stopPublishCdnStream(b, c, s.mix) },
  CreateCloudRecording: { regions: RECORDING, limit: DEFAULT, run: (b, c, s) => createCloudRecording(b, c, s.recordings) },
  DescribeCloudRecording: { regions: RECORDING, limit: DEFAULT, run: (b, c, s) => describeCloudRecording(b, c, s.recordings) },
  ModifyCloudRecording: { regions: RECORDING, limit: DEFAULT, run: (b, c, s) => modifyCloudRecording(b, c, s.recordings) },
  DeleteCloudRecording: { regions: RECORDING, limit: DEFAULT, run: (b, c, s) => deleteCloudRecording(b, c, s.recordings) },
  StartStreamIngest: { regions: INGEST, limit: DEFAULT, run: (b, c, s) => startStreamIngest(b, c, s.ingest) },
  DescribeStreamIngest: { regions: INGEST_QUERY, limit: DEFAULT, run: (b, c, s) => describeStreamIngest(b, c, s.ingest) },
  UpdateStreamIngest: { regions: INGEST, limit: DEFAULT, run: (b, c, s) => updateStreamIngest(b, c, s.ingest) },
  StopStreamIngest: { regions: INGEST_QUERY, limit: DEFAULT, run: (b, c, s) => stopStreamIngest(b, c, s.ingest) },
  StartAIConversation: { regions: AI, limit: DEFAULT, run: (b, c, s) => startAIConversation(b, c, s.ai) },
  DescribeAIConversation: { regions: AI, limit: DEFAULT, run: (b, c, s) => describeAIConversation(b, c, s.ai) },
  StopAIConversation: { regions: AI, limit: DEFAULT, run: (b, c, s) => stopAIConversation(b, c, s.ai) },
  UpdateAIConversation: { regions: AI, limit: DEFAULT, run: (b, c, s) => updateAIConversation(b, c, s.ai) },
  ControlAIConversation: { regions: AI, limit: DEFAULT, run: (b, c, s) => controlAIConversation(b, c, s.ai) },
  StartAITranscription: { regions: AI, limit: DEFAULT, run: (b, c, s) => startAITranscription(b, c, s.ai) },
  DescribeAITranscription: { regions: AI, limit: DEFAULT, run: (b, c, s) => describeAITranscription(b, c, s.ai) },
  StopAITranscription: { regions: AI, limit: DEFAULT, run: (b, c, s) => stopAITranscription(b, c, s.ai) },
}

/** Sliding-window limiter per action; `qps` from fault injection replaces the documented limits. */
export class RateLimiter {
  private readonly hits = new Map<string, number[]>()

  allow(action: string, limit: RateLimit, nowMs: number, qps?: number): boolean {
    const eff = qps !== undefined ? { requests: qps, perMs: 1000 } : limit
    const list = (this.hits.get(action) ?? []).filter((t) => nowMs - t < eff.perMs)
    const allowed = list.length < eff.requests
    if (allowed) list.push(nowMs)
    this.hits.set(action, list)
    return allowed
  }
}
