// The actions of the API console, grouped by the part of the TRTC reference they come from
// (src/shared/trtc/*.ts), and what a call of each changes.
import type { ActionName } from '../../../../shared/trtc/actions'

export const groupIds = ['quality', 'realtime', 'moderation', 'mixing', 'recording', 'usage', 'ingest', 'ai'] as const
export type GroupId = (typeof groupIds)[number]

export const actionGroups: ReadonlyArray<{ id: GroupId; actions: readonly ActionName[] }> = [
  // Call quality monitoring, L11103–L12762
  { id: 'quality', actions: ['DescribeRoomInfo', 'DescribeUserInfo', 'DescribeUserEvent', 'DescribeCallDetailInfo', 'DescribeScaleInfo'] },
  // Data monitoring dashboard, L4033–L5757
  { id: 'realtime', actions: ['DescribeTRTCRealTimeScaleData', 'DescribeTRTCRealTimeQualityData', 'DescribeTRTCMarketScaleData', 'DescribeTRTCMarketQualityData'] },
  // Room management, L1128–L2058
  { id: 'moderation', actions: ['SetUserBlocked', 'SetUserBlockedByStrRoomId', 'RemoveUser', 'RemoveUserByStrRoomId', 'DismissRoom', 'DismissRoomByStrRoomId'] },
  // Stream mixing and relay, L2064–L4022
  { id: 'mixing', actions: ['StartPublishCdnStream', 'UpdatePublishCdnStream', 'StopPublishCdnStream'] },
  // Cloud recording, L12776–L13749
  { id: 'recording', actions: ['CreateCloudRecording', 'DescribeCloudRecording', 'ModifyCloudRecording', 'DeleteCloudRecording'] },
  // Usage statistics, L13750–L14836
  { id: 'usage', actions: ['DescribeTrtcUsage', 'DescribeRecordingUsage', 'DescribeMixTranscodingUsage', 'DescribeRelayUsage', 'DescribeTrtcRoomUsage'] },
  // Pull stream relay (ingest), L5768–L6448
  { id: 'ingest', actions: ['StartStreamIngest', 'DescribeStreamIngest', 'UpdateStreamIngest', 'StopStreamIngest'] },
  // AI conversation and transcription, L6459–L7792
  { id: 'ai', actions: ['StartAIConversation', 'DescribeAIConversation', 'UpdateAIConversation', 'ControlAIConversation', 'StopAIConversation', 'StartAITranscription', 'DescribeAITranscription', 'StopAITranscription'] },
]

/**
 * The groups with the actions whose name holds every word of `query` (any case, in any order);
 * groups left empty are dropped. A query that names a group's label matches its whole group.
 */
export function filterActions(query: string, label: (g: GroupId) => string): Array<{ id: GroupId; actions: readonly ActionName[] }> {
  const words = query.toLowerCase().split(/\s+/).filter((w) => w !== '')
  if (words.length === 0) return [...actionGroups]
  return actionGroups
    .map((g) => {
      const name = label(g.id).toLowerCase()
      if (words.every((w) => name.includes(w))) return g
      return { id: g.id, actions: g.actions.filter((a) => words.every((w) => a.toLowerCase().includes(w))) }
    })
    .filter((g) => g.actions.length > 0)
}

/** What sending an action does, for the confirmation it needs: reads need none. */
export type Consequence = 'read' | 'change' | 'stop' | 'remove' | 'dismiss'

export function consequenceOf(action: ActionName, mutating: boolean): Consequence {
  if (!mutating) return 'read'
  // DismissRoom removes all users and dismisses the room (L1623, L1926); RemoveUser removes users (L1454, L1767).
  if (action.startsWith('DismissRoom')) return 'dismiss'
  if (action.startsWith('RemoveUser')) return 'remove'
  if (action.startsWith('Stop') || action.startsWith('Delete')) return 'stop'
  return 'change'
}

/** The parameters a confirmation names: application, room and users, as the request gives them. */
export function targetOf(params: Record<string, unknown>): { sdkAppId?: string; room?: string; users?: string } {
  const text = (v: unknown) => (v === undefined || v === null || v === '' ? undefined : Array.isArray(v) ? v.map(String).join(', ') : typeof v === 'object' ? JSON.stringify(v) : String(v))
  const out: { sdkAppId?: string; room?: string; users?: string } = {}
  const app = text(params['SdkAppId'] ?? params['SdkAppid'])
  const room = text(params['RoomId'] ?? params['StrRoomId'])
  const users = text(params['UserIds'] ?? params['UserId'])
  if (app) out.sdkAppId = app
  if (room) out.room = room
  if (users) out.users = users
  return out
}
