// The error codes the reference documents: the common ones every action may answer
// (003_530a54cf0f8c0df7.txt L17013–L17114, also L11049–L11102) and each action's own table
// ("6. Error Code" of its page, line ranges below). The simulator answers only these, per action
// (src/simulator/errorCodes.test.ts holds it).

export const COMMON_ERROR_CODES: readonly string[] = [
  'ActionOffline',
  'AuthFailure.InvalidAuthorization',
  'AuthFailure.InvalidSecretId',
  'AuthFailure.MFAFailure',
  'AuthFailure.SecretIdNotFound',
  'AuthFailure.SignatureExpire',
  'AuthFailure.SignatureFailure',
  'AuthFailure.TokenFailure',
  'AuthFailure.UnauthorizedOperation',
  'DryRunOperation',
  'FailedOperation',
  'InternalError',
  'InvalidAction',
  'InvalidParameter',
  'InvalidParameterValue',
  'InvalidRequest',
  'IpInBlacklist',
  'IpNotInWhitelist',
  'LimitExceeded',
  'MissingParameter',
  'NoSuchProduct',
  'NoSuchVersion',
  'RequestLimitExceeded',
  'RequestLimitExceeded.GlobalRegionUinLimitExceeded',
  'RequestLimitExceeded.IPLimitExceeded',
  'RequestLimitExceeded.UinLimitExceeded',
  'RequestSizeLimitExceeded',
  'ResourceInUse',
  'ResourceInsufficient',
  'ResourceNotFound',
  'ResourceUnavailable',
  'ResponseSizeLimitExceeded',
  'ServiceUnavailable',
  'UnauthorizedOperation',
  'UnknownParameter',
  'UnsupportedOperation',
  'UnsupportedProtocol',
  'UnsupportedRegion',
]

const DASHBOARD_RANGE = 'InvalidParameter.StartTimeOversize'

/** Each action's own codes, as its page lists them. */
export const ACTION_ERROR_CODES: Readonly<Record<string, { lines: string; codes: readonly string[] }>> = {
  SetUserBlocked: { lines: 'L1248–L1288', codes: ['FailedOperation.RoomNotExist', 'FailedOperation.SdkAppIdNotExist', 'FailedOperation.UserNotExist', 'InternalError', 'InternalError.UserNotExist', 'InvalidParameter', 'InvalidParameter.RoomId', 'InvalidParameter.SdkAppId', 'InvalidParameter.UserId', 'InvalidParameterValue.RoomId', 'MissingParameter.RoomId', 'MissingParameter.SdkAppId', 'UnauthorizedOperation.SdkAppId'] },
  SetUserBlockedByStrRoomId: { lines: 'L1407–L1449', codes: ['FailedOperation.RoomNotExist', 'FailedOperation.SdkAppIdNotExist', 'FailedOperation.UserNotExist', 'InternalError', 'InvalidParameter', 'InvalidParameter.RoomId', 'InvalidParameter.SdkAppId', 'InvalidParameter.UserId', 'MissingParameter', 'MissingParameter.AppId', 'MissingParameter.RoomId', 'MissingParameter.SdkAppId', 'MissingParameter.UserId', 'UnauthorizedOperation.SdkAppId'] },
  RemoveUser: { lines: 'L1579–L1609', codes: ['FailedOperation.RoomNotExist', 'InternalError', 'InternalError.GetRoomCacheIpError', 'InternalError.GetRoomFromCacheError', 'InvalidParameter.RoomId', 'InvalidParameter.SdkAppId', 'InvalidParameter.UserIds', 'InvalidParameterValue.RoomId', 'MissingParameter.RoomId', 'MissingParameter.SdkAppId', 'MissingParameter.UserIds', 'UnauthorizedOperation.SdkAppId'] },
  DismissRoom: { lines: 'L1732–L1758', codes: ['FailedOperation.RoomNotExist', 'InternalError', 'InternalError.GetRoomCacheIpError', 'InternalError.GetRoomFromCacheError', 'InvalidParameter.RoomId', 'InvalidParameter.SdkAppId', 'InvalidParameterValue.RoomId', 'MissingParameter.RoomId', 'MissingParameter.SdkAppId', 'UnauthorizedOperation.SdkAppId'] },
  RemoveUserByStrRoomId: { lines: 'L1884–L1911', codes: ['FailedOperation.RoomNotExist', 'InternalError', 'InternalError.GetRoomCacheIpError', 'InvalidParameter.RoomId', 'InvalidParameter.SdkAppId', 'InvalidParameter.UserIds', 'InvalidParameterValue.RoomId', 'MissingParameter.RoomId', 'MissingParameter.SdkAppId', 'MissingParameter.UserIds', 'UnauthorizedOperation.SdkAppId'] },
  DismissRoomByStrRoomId: { lines: 'L2035–L2058', codes: ['FailedOperation.RoomNotExist', 'InternalError', 'InternalError.GetRoomCacheIpError', 'InvalidParameter.RoomId', 'InvalidParameter.SdkAppId', 'InvalidParameterValue.RoomId', 'MissingParameter.RoomId', 'MissingParameter.SdkAppId', 'UnauthorizedOperation.SdkAppId'] },
  StartPublishCdnStream: { lines: 'L3436–L3467', codes: ['AuthFailure', 'AuthFailure.UnRealNameAuthenticated', 'AuthFailure.UnauthorizedOperation', 'AuthFailure.UnsupportedOperation', 'FailedOperation', 'FailedOperation.RestrictedConcurrency', 'InternalError', 'InvalidParameter', 'InvalidParameter.SdkAppId', 'MissingParameter', 'ResourceNotFound', 'UnsupportedOperation'] },
  UpdatePublishCdnStream: { lines: 'L3843–L3878', codes: ['AuthFailure', 'AuthFailure.UnRealNameAuthenticated', 'AuthFailure.UnauthorizedOperation', 'AuthFailure.UnsupportedOperation', 'FailedOperation', 'InternalError', 'InvalidParameter', 'MissingParameter', 'ResourceNotFound', 'UnsupportedOperation'] },
  StopPublishCdnStream: { lines: 'L3998–L4022', codes: ['AuthFailure', 'AuthFailure.UnRealNameAuthenticated', 'AuthFailure.UnauthorizedOperation', 'AuthFailure.UnsupportedOperation', 'FailedOperation.CRUnsupportMethod', 'InternalError', 'InvalidParameter', 'MissingParameter', 'ResourceNotFound'] },
  // The dashboard data pages list (almost) nothing of their own; the service list's
  // StartTimeOversize ("exceeds the range allowed by the current dashboard edition", L17199–L17202)
  // is theirs.
  DescribeTRTCRealTimeScaleData: { lines: 'L4624–L4631, L17199', codes: ['UnsupportedOperation', DASHBOARD_RANGE] },
  DescribeTRTCRealTimeQualityData: { lines: 'L5231, L17199', codes: [DASHBOARD_RANGE] },
  DescribeTRTCMarketScaleData: { lines: 'L5512, L17199', codes: [DASHBOARD_RANGE] },
  DescribeTRTCMarketQualityData: { lines: 'L5755, L17199', codes: [DASHBOARD_RANGE] },
  DescribeStreamIngest: { lines: 'L5891–L5906', codes: ['FailedOperation.QueryTaskInfoFailed', 'InternalError.DBError', 'InvalidParameter.TaskId', 'MissingParameter.SdkAppId', 'MissingParameter.TaskId'] },
  StopStreamIngest: { lines: 'L6038–L6052', codes: ['FailedOperation.TaskFinished', 'InvalidParameter.BodyParamsError', 'InvalidParameter.SdkAppId', 'InvalidParameter.TaskId'] },
  StartStreamIngest: { lines: 'L6248–L6297', codes: ['FailedOperation.NotAllowed', 'FailedOperation.RestrictedConcurrency', 'FailedOperation.TaskExist', 'InternalError.HttpParseFailed', 'InternalError.InternalError', 'InvalidParameter.BodyParamsError', 'InvalidParameter.RoomId', 'InvalidParameter.SdkAppId', 'InvalidParameter.StrRoomId', 'InvalidParameter.StreamUrl', 'InvalidParameter.TaskId', 'InvalidParameter.UserSig', 'MissingParameter.RoomId', 'MissingParameter.SdkAppId', 'MissingParameter.TaskId', 'ResourceInsufficient.RequestRejection'] },
  UpdateStreamIngest: { lines: 'L6430–L6448', codes: ['FailedOperation.TaskNotExist', 'InternalError.DBError', 'InvalidParameter.StreamUrl', 'InvalidParameter.TaskId', 'MissingParameter.SdkAppId', 'MissingParameter.TaskId'] },
  StartAIConversation: { lines: 'L6674–L6689', codes: ['FailedOperation.NotAbility', 'FailedOperation.NotAllowed', 'FailedOperation.TaskExist', 'InvalidParameter.UserSig', 'ResourceInsufficient.RequestRejection'] },
  DescribeAIConversation: { lines: 'L6833–L6842', codes: ['FailedOperation.TaskNotExist', 'InvalidParameter.TaskId'] },
  StopAIConversation: { lines: 'L6968–L6977', codes: ['FailedOperation.TaskNotExist', 'InvalidParameter.TaskId'] },
  StartAITranscription: { lines: 'L7170–L7189', codes: ['FailedOperation.NotAbility', 'FailedOperation.NotAllowed', 'FailedOperation.SdkAppIdNotUnderAppId', 'FailedOperation.TaskExist', 'InvalidParameter.UserSig', 'ResourceInsufficient.RequestRejection'] },
  DescribeAITranscription: { lines: 'L7331–L7341', codes: ['FailedOperation.TaskNotExist', 'InvalidParameter.TaskId'] },
  StopAITranscription: { lines: 'L7467–L7476', codes: ['FailedOperation.TaskNotExist', 'InvalidParameter.TaskId'] },
  UpdateAIConversation: { lines: 'L7620–L7628', codes: ['FailedOperation.TaskNotExist'] },
  ControlAIConversation: { lines: 'L7782–L7792', codes: ['FailedOperation.TaskNotExist', 'InvalidParameter.TaskId'] },
  DescribeRoomInfo: { lines: 'L11425–L11492', codes: ['InternalError', 'InternalError.DBError', 'InternalError.EsQueryError', 'InternalError.HttpParaseFalied', 'InternalError.InterfaceErr', 'InternalError.MethodErr', 'InvalidParameter.BodyParamsError', 'InvalidParameter.EndTs', 'InvalidParameter.PageNumber', 'InvalidParameter.PageSize', 'InvalidParameter.PageSizeOversize', 'InvalidParameter.QueryScaleOversize', 'InvalidParameter.SdkAppId', 'InvalidParameter.SdkAppid', 'InvalidParameter.StartTs', 'InvalidParameter.StartTsOversize', 'InvalidParameter.UrlParamsError', 'InvalidParameter.UserId', 'MissingParameter.CommIdOrSdkAppId', 'MissingParameter.EndTs', 'MissingParameter.RoomNum', 'MissingParameter.SdkAppId', 'MissingParameter.StartTs'] },
  DescribeUserEvent: { lines: 'L11786–L11842', codes: ['InternalError', 'InternalError.EsQueryError', 'InternalError.HttpParaseFalied', 'InternalError.InterfaceErr', 'InternalError.MethodErr', 'InvalidParameter', 'InvalidParameter.BodyParamsError', 'InvalidParameter.EndTs', 'InvalidParameter.SdkAppid', 'InvalidParameter.StartTs', 'InvalidParameter.StartTsOversize', 'InvalidParameter.UrlParamsError', 'InvalidParameter.UserId', 'MissingParameter', 'MissingParameter.AppId', 'MissingParameter.CommId', 'MissingParameter.CommIdOrSdkAppId', 'MissingParameter.EndTs', 'MissingParameter.RoomId', 'MissingParameter.StartTs', 'MissingParameter.UserId'] },
  DescribeCallDetailInfo: { lines: 'L12162–L12231', codes: ['InternalError', 'InternalError.DBError', 'InternalError.EsQueryError', 'InternalError.HttpParaseFalied', 'InternalError.InterfaceErr', 'InternalError.MethodErr', 'InvalidParameter', 'InvalidParameter.BodyParamsError', 'InvalidParameter.EncodeParams', 'InvalidParameter.PageNumber', 'InvalidParameter.PageSize', 'InvalidParameter.PageSizeOversize', 'InvalidParameter.QueryScaleOversize', 'InvalidParameter.SdkAppId', 'InvalidParameter.SdkAppid', 'InvalidParameter.StartTs', 'InvalidParameter.StartTsOversize', 'InvalidParameter.UserIdsMorethanSix', 'MissingParameter', 'MissingParameter.CommId', 'MissingParameter.CommIdOrSdkAppId', 'MissingParameter.EndTs', 'MissingParameter.SdkAppId', 'MissingParameter.StartTs'] },
  DescribeUserInfo: { lines: 'L12458–L12526', codes: ['InternalError', 'InternalError.DBError', 'InternalError.HttpParaseFalied', 'InternalError.InterfaceErr', 'InternalError.MethodErr', 'InvalidParameter', 'InvalidParameter.BodyParamsError', 'InvalidParameter.EncodeParams', 'InvalidParameter.PageNumber', 'InvalidParameter.PageSize', 'InvalidParameter.PageSizeOversize', 'InvalidParameter.QueryScaleOversize', 'InvalidParameter.SdkAppId', 'InvalidParameter.SdkAppid', 'InvalidParameter.StartTs', 'InvalidParameter.StartTsOversize', 'InvalidParameter.UserIdsMorethanSix', 'MissingParameter', 'MissingParameter.CommId', 'MissingParameter.CommIdOrSdkAppId', 'MissingParameter.EndTs', 'MissingParameter.SdkAppId', 'MissingParameter.StartTs'] },
  DescribeScaleInfo: { lines: 'L12727–L12762', codes: ['InternalError', 'InternalError.DBError', 'InternalError.HttpParaseFalied', 'InternalError.InterfaceErr', 'InternalError.MethodErr', 'InvalidParameter.BodyParamsError', 'InvalidParameter.EndTs', 'InvalidParameter.SdkAppId', 'InvalidParameter.SdkAppid', 'InvalidParameter.StartTs', 'InvalidParameter.StartTsOversize', 'InvalidParameter.UserIdsMorethanSix', 'MissingParameter.EndTs', 'MissingParameter.SdkAppId', 'MissingParameter.StartTs'] },
  CreateCloudRecording: { lines: 'L13082–L13145', codes: ['AuthFailure', 'AuthFailure.UnRealNameAuthenticated', 'AuthFailure.UnauthorizedOperation', 'AuthFailure.UnsupportedOperation', 'FailedOperation', 'FailedOperation.CRUnsupportMethod', 'FailedOperation.RestrictedConcurrency', 'InternalError.CRInternalError', 'InvalidParameter.OutOfRange', 'InvalidParameter.SdkAppId', 'MissingParameter.AccessKey', 'MissingParameter.Bucket', 'MissingParameter.CloudStorage', 'MissingParameter.RecordMode', 'MissingParameter.RecordParams', 'MissingParameter.Region', 'MissingParameter.RoomId', 'MissingParameter.SdkAppId', 'MissingParameter.SecretKey', 'MissingParameter.StorageParams', 'MissingParameter.StreamType', 'MissingParameter.TaskId', 'MissingParameter.UserId', 'MissingParameter.UserSig', 'MissingParameter.Vendor', 'UnsupportedOperation'] },
  DescribeCloudRecording: { lines: 'L13291–L13335', codes: ['AuthFailure', 'AuthFailure.UnRealNameAuthenticated', 'AuthFailure.UnauthorizedOperation', 'AuthFailure.UnsupportedOperation', 'FailedOperation', 'FailedOperation.CRUnsupportMethod', 'InternalError.CRInternalError', 'InvalidParameter.OutOfRange', 'InvalidParameter.SdkAppId', 'MissingParameter.RoomId', 'MissingParameter.SdkAppId', 'MissingParameter.TaskId', 'MissingParameter.UserId', 'ResourceNotFound'] },
  ModifyCloudRecording: { lines: 'L13532–L13564', codes: ['AuthFailure', 'AuthFailure.UnRealNameAuthenticated', 'AuthFailure.UnauthorizedOperation', 'AuthFailure.UnsupportedOperation', 'FailedOperation', 'FailedOperation.CRUnsupportMethod', 'InternalError.CRInternalError', 'InvalidParameter.OutOfRange', 'MissingParameter.RoomId', 'MissingParameter.SdkAppId', 'MissingParameter.TaskId', 'MissingParameter.UserId', 'ResourceNotFound'] },
  DeleteCloudRecording: { lines: 'L13708–L13749', codes: ['AuthFailure', 'AuthFailure.UnRealNameAuthenticated', 'AuthFailure.UnauthorizedOperation', 'AuthFailure.UnsupportedOperation', 'FailedOperation.CRUnsupportMethod', 'InternalError.CRInternalError', 'InvalidParameter.OutOfRange', 'InvalidParameter.SdkAppId', 'MissingParameter.RoomId', 'MissingParameter.SdkAppId', 'MissingParameter.TaskId', 'MissingParameter.UserId', 'ResourceNotFound'] },
  DescribeTrtcUsage: { lines: 'L13961–L13970', codes: ['InvalidParameter.QueryScaleOversize', 'InvalidParameter.SdkAppId'] },
  DescribeRecordingUsage: { lines: 'L14198–L14208', codes: ['InvalidParameter.QueryScaleOversize', 'InvalidParameter.SdkAppId'] },
  DescribeMixTranscodingUsage: { lines: 'L14460–L14479', codes: ['InvalidParameter.QueryScaleOversize', 'InvalidParameter.SdkAppId'] },
  DescribeRelayUsage: { lines: 'L14668–L14677', codes: ['InvalidParameter.QueryScaleOversize', 'InvalidParameter.SdkAppId'] },
  DescribeTrtcRoomUsage: { lines: 'L14825–L14836', codes: ['FailedOperation.SdkAppIdNotExist', 'InternalError.DBError', 'InvalidParameter'] },
}

/** Whether the reference documents `code` for `action`: its own table, or the common codes. */
export function isDocumentedCode(action: string, code: string): boolean {
  return COMMON_ERROR_CODES.includes(code) || (ACTION_ERROR_CODES[action]?.codes.includes(code) ?? false)
}

/**
 * `code` as `action` answers it: itself when documented, else the action's own code that differs
 * only in case (the tables spell SdkAppId and SdkAppid both ways), else undefined, and the caller
 * falls back to a common code.
 */
export function documentedAs(action: string, code: string): string | undefined {
  if (isDocumentedCode(action, code)) return code
  return ACTION_ERROR_CODES[action]?.codes.find((c) => c.toLowerCase() === code.toLowerCase())
}
