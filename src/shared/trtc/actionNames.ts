// The names of the actions in ./actions.ts without their request schemas, so the IPC contract can
// check a name without bundling every schema. The type check below keeps both lists the same.
import type { ActionName } from './actions'

export const actionNames = [
  'DescribeRoomInfo',
  'DescribeUserEvent',
  'DescribeCallDetailInfo',
  'DescribeUserInfo',
  'DescribeScaleInfo',
  'DescribeTRTCRealTimeScaleData',
  'DescribeTRTCRealTimeQualityData',
  'DescribeTRTCMarketScaleData',
  'DescribeTRTCMarketQualityData',
  'SetUserBlocked',
  'SetUserBlockedByStrRoomId',
  'RemoveUser',
  'RemoveUserByStrRoomId',
  'DismissRoom',
  'DismissRoomByStrRoomId',
  'StartPublishCdnStream',
  'UpdatePublishCdnStream',
  'StopPublishCdnStream',
  'CreateCloudRecording',
  'DescribeCloudRecording',
  'ModifyCloudRecording',
  'DeleteCloudRecording',
  'DescribeTrtcUsage',
  'DescribeRecordingUsage',
  'DescribeMixTranscodingUsage',
  'DescribeRelayUsage',
  'DescribeTrtcRoomUsage',
  'StartStreamIngest',
  'DescribeStreamIngest',
  'UpdateStreamIngest',
  'StopStreamIngest',
  'StartAIConversation',
  'DescribeAIConversation',
  'StopAIConversation',
  'UpdateAIConversation',
  'ControlAIConversation',
  'StartAITranscription',
  'DescribeAITranscription',
  'StopAITranscription',
] as const satisfies readonly ActionName[]

type Missing<A, B> = Exclude<A, B> extends never ? true : ['missing', Exclude<A, B>]
const namesAgree: [Missing<ActionName, (typeof actionNames)[number]>, Missing<(typeof actionNames)[number], ActionName>] = [true, true]
void namesAgree
