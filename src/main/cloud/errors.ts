// The one place where Tencent Cloud's `Response.Error.Code` becomes our AppError.
// Common codes: 003_530a54cf0f8c0df7.txt L17013–L17114 (also L11049–L11102, L9985–L10004);
// TRTC service codes: L17116–L17275.
import type { AppError, ErrorCode } from '../../shared/errors'

interface Rule {
  code: ErrorCode
  retryable: boolean
  message: string
  /** Append Tencent's own Message: it names the offending parameter, which our text cannot. */
  withServerMessage?: boolean
}

const rule = (code: ErrorCode, message: string, retryable = false, withServerMessage = false): Rule => ({
  code,
  retryable,
  message,
  withServerMessage,
})

// Exact codes first; a code absent here is looked up by its dotted prefix (e.g.
// `InvalidParameter.Foo` → `InvalidParameter`), so new sub-codes still land in the right class.
const table: Record<string, Rule> = {
  // L9985–L10004, L17019–L17048
  'AuthFailure.SignatureExpire': rule( // L17030
    'tencent.signatureExpired',
    "Tencent Cloud rejected the request because this computer's clock differs from the server's by more than five minutes. Set the system clock to update automatically, then try again.",
  ),
  'AuthFailure.SecretIdNotFound': rule( // L17023
    'tencent.authFailure',
    'Tencent Cloud does not know this SecretId: the key was deleted or disabled in the console, or it was mistyped (check for missing characters or spaces). Re-enter the key in the profile.',
  ),
  'AuthFailure.SignatureFailure': rule( // L17038
    'tencent.authFailure',
    'The request signature did not match: the SecretKey in this profile is most likely wrong. Copy the SecretKey again from the API key page and update the profile.',
  ),
  'AuthFailure.TokenFailure': rule( // L17045
    'credentials.expired',
    'The temporary security token was rejected: it has expired or does not belong to this SecretId. Get a new temporary key and token, or switch the profile to a permanent key.',
  ),
  'AuthFailure.InvalidSecretId': rule( // L17019
    'tencent.authFailure',
    'This SecretId is not a Tencent Cloud API key (it has the wrong form). Use a SecretId from the Cloud API key page, which starts with AKID.',
  ),
  'AuthFailure.InvalidAuthorization': rule( // L17017
    'tencent.authFailure',
    'Tencent Cloud could not read the Authorization header of the request. This is a fault in TRTC Desk; please report it with the request ID.',
  ),
  'AuthFailure.MFAFailure': rule( // L17021
    'tencent.authFailure',
    'Tencent Cloud requires multi-factor authentication for this key. Use a key of a sub-account that does not require MFA for API calls.',
  ),
  'AuthFailure.UnauthorizedOperation': rule( // L17047
    'tencent.unauthorized',
    'This key is valid but its account has no CAM permission for this TRTC action. Ask the account administrator to grant the TRTC policy (for example QcloudTRTCFullAccess or a read-only policy) to the sub-account.',
  ),
  // L17120–L17125 (service codes)
  AuthFailure: rule( // L17120
    'tencent.authFailure',
    'Tencent Cloud could not authenticate the request. Check the SecretId and SecretKey of this profile.',
  ),
  'AuthFailure.UnRealNameAuthenticated': rule( // L17122
    'tencent.unauthorized',
    'The Tencent Cloud account has not completed identity verification, so this operation is not allowed. Complete verification in the Tencent Cloud console.',
  ),
  'AuthFailure.UnsupportedOperation': rule('tencent.unauthorized', 'Tencent Cloud does not allow this operation for this account.'), // L17125
  // L17105, L17275
  UnauthorizedOperation: rule( // L17105
    'tencent.unauthorized',
    'The account is not allowed to perform this operation. Check its CAM permissions for TRTC.',
  ),
  'UnauthorizedOperation.SdkAppId': rule( // L17275
    'tencent.unauthorized',
    'This key has no permission for this SDKAppID: it belongs to another account, or the sub-account is not granted access to it. Check the SDKAppID in the profile.',
  ),
  // L17079–L17089
  RequestLimitExceeded: rule( // L17079
    'tencent.rateLimited',
    'Tencent Cloud is limiting the request rate for this action. TRTC Desk slows down and retries read-only requests; try again in a few seconds.',
    true,
  ),
  'RequestLimitExceeded.IPLimitExceeded': rule( // L17083
    'tencent.rateLimited',
    'Too many requests are coming from this IP address. Wait a few seconds and try again.',
    true,
  ),
  'RequestLimitExceeded.UinLimitExceeded': rule( // L17086
    'tencent.rateLimited',
    'This account is sending too many requests (other tools may share its limit). Wait a few seconds and try again.',
    true,
  ),
  'RequestLimitExceeded.GlobalRegionUinLimitExceeded': rule( // L17081
    'tencent.rateLimited',
    'This account is sending too many requests across regions. Wait a few seconds and try again.',
    true,
  ),
  // L17057, L17154–L17174
  InternalError: rule('tencent.internal', 'Tencent Cloud had an internal error. Try again; if it persists, contact Tencent Cloud support with the request ID.', true), // L17057
  'InternalError.CRInternalError': rule('tencent.internal', 'The cloud recording service had an internal error. Try again in a moment.', true), // L17154
  'InternalError.DBError': rule('tencent.internal', 'Tencent Cloud could not query its database. Try again in a moment.', true), // L17156
  'InternalError.EsQueryError': rule('tencent.internal', 'Tencent Cloud could not query its monitoring data store. Try again in a moment.', true), // L17158
  'InternalError.GetRoomCacheIpError': rule('tencent.internal', 'Tencent Cloud could not look up the room. Try again in a moment.', true), // L17160
  'InternalError.GetRoomFromCacheError': rule('tencent.internal', 'Tencent Cloud could not read the room information. Try again in a moment.', true), // L17162
  'InternalError.HttpParaseFalied': rule('tencent.internal', 'Tencent Cloud could not parse the HTTP request. Try again; report it with the request ID if it persists.'), // L17164
  'InternalError.HttpParseFailed': rule('tencent.internal', 'Tencent Cloud could not parse the HTTP request. Try again; report it with the request ID if it persists.'), // L17166
  'InternalError.InterfaceErr': rule('tencent.internal', 'A Tencent Cloud internal interface failed. Try again in a moment.', true), // L17168
  'InternalError.InternalError': rule('tencent.internal', 'Tencent Cloud had an internal error. Try again in a moment.', true), // L17170
  'InternalError.MethodErr': rule('tencent.internal', 'Tencent Cloud does not support this request method. This is a fault in TRTC Desk; please report it.'), // L17172
  'InternalError.UserNotExist': rule('tencent.notFound', 'The user is not in the room (any more). Refresh the user list.'), // L17174
  // L17103, L17099 — transient by nature (judgement: the docs do not say "retry").
  ServiceUnavailable: rule('tencent.internal', 'The TRTC service is temporarily unavailable. Try again in a moment.', true), // L17103
  ResourceUnavailable: rule('tencent.internal', 'The resource is temporarily unavailable. Try again in a moment.', true), // L17099
  // L17061–L17063, L17176–L17228
  InvalidParameter: rule('tencent.invalidParameter', 'Tencent Cloud rejected a parameter of the request. Correct the highlighted value and try again.', false, true), // L17061
  InvalidParameterValue: rule('tencent.invalidParameter', 'Tencent Cloud rejected a parameter value. Correct it and try again.', false, true), // L17063
  UnknownParameter: rule('tencent.invalidParameter', 'Tencent Cloud did not recognise a parameter of the request. This is a fault in TRTC Desk; please report it.', false, true), // L17107
  'InvalidParameter.EndTs': rule('tencent.invalidParameter', 'The end time is not valid. Choose an end time after the start time.'), // L17180
  'InvalidParameter.StartTs': rule('tencent.invalidParameter', 'The start time is not valid.'), // L17206
  'InvalidParameter.StartTsOversize': rule('tencent.invalidParameter', 'The start time is too far in the past. Query data from the last 14 days only.'), // L17208
  'InvalidParameter.StartTimeExpire': rule('tencent.invalidParameter', 'The start time is too far in the past for this query.'), // L17197
  'InvalidParameter.StartTimeOversize': rule( // L17199
    'tencent.editionRequired',
    'The start time is outside what your monitoring dashboard edition allows. Query a more recent period, or upgrade the dashboard edition in the TRTC console.',
  ),
  'InvalidParameter.QueryScaleOversize': rule('tencent.invalidParameter', 'The queried period is longer than this action allows. Shorten the time range.'), // L17189
  'InvalidParameter.PageSizeOversize': rule('tencent.invalidParameter', 'The page size exceeds 100. Use a page size from 1 to 100.'), // L17187
  'InvalidParameter.PageSize': rule('tencent.invalidParameter', 'The page size is not valid.'), // L17186
  'InvalidParameter.PageNumber': rule('tencent.invalidParameter', 'The page number is not valid.'), // L17184
  'InvalidParameter.RoomId': rule('tencent.invalidParameter', 'The room ID is not valid. Check whether the room uses a numeric or a string ID.'), // L17191
  'InvalidParameterValue.RoomId': rule('tencent.invalidParameter', 'The room ID is not valid. Check whether the room uses a numeric or a string ID.'), // L17228
  'InvalidParameter.StrRoomId': rule('tencent.invalidParameter', 'The string room ID is not valid.'), // L17210
  'InvalidParameter.SdkAppId': rule('tencent.invalidParameter', 'The SDKAppID is not valid. Check the SDKAppID in the profile.'), // L17193
  'InvalidParameter.SdkAppid': rule('tencent.invalidParameter', 'This SDKAppID cannot be used with this action. Check the SDKAppID in the profile.'), // L17195
  'InvalidParameter.UserId': rule('tencent.invalidParameter', 'The user ID is not valid.'), // L17218
  'InvalidParameter.UserIds': rule('tencent.invalidParameter', 'The list of user IDs is not valid.'), // L17220
  'InvalidParameter.UserIdsMorethanSix': rule('tencent.invalidParameter', 'At most six users can be queried together with quality metrics. Select six users or fewer.'), // L17222
  'InvalidParameter.UserSig': rule('tencent.invalidParameter', 'The UserSig is expired or wrong. Check the SDK secret key of this SDKAppID.'), // L17224
  'InvalidParameter.TaskId': rule('tencent.invalidParameter', 'The task ID is not valid.'), // L17214
  'InvalidParameter.StreamUrl': rule('tencent.invalidParameter', 'The stream URL has an invalid format.'), // L17212
  'InvalidParameter.OutOfRange': rule('tencent.invalidParameter', 'A parameter value is out of range.', false, true), // L17182
  'InvalidParameter.EncodeParams': rule('tencent.invalidParameter', 'The encoding parameters are not valid.', false, true), // L17178
  'InvalidParameter.BodyParamsError': rule('tencent.invalidParameter', 'Tencent Cloud could not parse the request body. This is a fault in TRTC Desk; please report it.'), // L17176
  'InvalidParameter.UrlParamsError': rule('tencent.invalidParameter', 'Tencent Cloud could not parse the URL parameters. This is a fault in TRTC Desk; please report it.'), // L17216
  // L17073, L17230–L17271
  MissingParameter: rule('tencent.missingParameter', 'A required parameter is missing from the request. Fill in every required field.', false, true), // L17073
  'MissingParameter.SdkAppId': rule('tencent.missingParameter', 'The SDKAppID is missing. Add an SDKAppID to the profile.'), // L17253
  'MissingParameter.RoomId': rule('tencent.missingParameter', 'The room ID is missing.'), // L17249
  'MissingParameter.UserId': rule('tencent.missingParameter', 'The user ID is missing.'), // L17265
  'MissingParameter.UserIds': rule('tencent.missingParameter', 'The list of user IDs is missing.'), // L17267
  'MissingParameter.TaskId': rule('tencent.missingParameter', 'The task ID is missing.'), // L17263
  'MissingParameter.UserSig': rule('tencent.missingParameter', 'The UserSig is missing. Add the SDK secret key of this SDKAppID to the profile.'), // L17269
  // L17097, L17140–L17152
  ResourceNotFound: rule('tencent.notFound', 'The resource does not exist (any more). Refresh and try again.'), // L17097
  'FailedOperation.RoomNotExist': rule('tencent.notFound', 'The room does not exist: it may have been dismissed already. Refresh the room list.'), // L17140
  'FailedOperation.UserNotExist': rule('tencent.notFound', 'The user is not in the room (any more). Refresh the user list.'), // L17152
  'FailedOperation.SdkAppIdNotExist': rule('tencent.notFound', 'The SDKAppID does not exist. Check the SDKAppID in the profile.'), // L17142
  'FailedOperation.SdkAppIdNotUnderAppId': rule( // L17144
    'tencent.notFound',
    'This SDKAppID does not belong to the Tencent Cloud account of this key. Use a key of the account that owns the application.',
  ),
  'FailedOperation.TaskNotExist': rule('tencent.notFound', 'The task does not exist. It may have ended already.'), // L17150
  'FailedOperation.TaskFinished': rule('tencent.notFound', 'The task had already ended.'), // L17148
  'FailedOperation.QueryTaskInfoFailed': rule('tencent.failedOperation', 'Tencent Cloud could not query the task. Try again in a moment.', true), // L17135
  'FailedOperation.TaskExist': rule('tencent.failedOperation', 'A task with these parameters already exists.'), // L17146
  'FailedOperation.RestrictedConcurrency': rule( // L17137
    'tencent.failedOperation',
    'The maximum number of concurrent tasks has been reached. Stop a running task or ask Tencent Cloud to raise the limit.',
  ),
  'FailedOperation.CRUnsupportMethod': rule('tencent.failedOperation', 'This cloud recording method is not supported.'), // L17127
  'FailedOperation.NotAbility': rule('tencent.editionRequired', 'This feature is not enabled for the application. Enable it in the TRTC console.'), // L17129
  'FailedOperation.NotAllowed': rule('tencent.failedOperation', 'Tencent Cloud does not allow this operation for the application. Submit a ticket to Tencent Cloud.'), // L17131
  FailedOperation: rule('tencent.failedOperation', 'Tencent Cloud could not perform the operation.', false, true), // L17055
  'ResourceInsufficient.RequestRejection': rule('tencent.failedOperation', 'Tencent Cloud has insufficient resources for the request. Try again later.', true), // L17273
  ResourceInsufficient: rule('tencent.failedOperation', 'Tencent Cloud has insufficient resources for the request. Try again later.', true), // L17095
  ResourceInUse: rule('tencent.failedOperation', 'The resource is in use.'), // L17093
  LimitExceeded: rule('tencent.failedOperation', 'A quota of the account is exhausted.', false, true), // L17071
  // L17114
  UnsupportedRegion: rule( // L17114
    'tencent.unsupportedRegion',
    'This action is not available in the selected region. Choose one of the regions the action supports in the profile or the request.',
  ),
  UnsupportedOperation: rule('tencent.failedOperation', 'Tencent Cloud does not support this operation in the current state.', false, true), // L17109
  // L17015, L17059, L17075, L17077, L17111 — our own request was malformed.
  ActionOffline: rule('tencent.unknown', 'This API has been retired by Tencent Cloud. Update TRTC Desk.'), // L17015
  InvalidAction: rule('tencent.unknown', 'Tencent Cloud does not know this API. Update TRTC Desk.'), // L17059
  NoSuchProduct: rule('tencent.unknown', 'Tencent Cloud does not know this product at this endpoint. Check the endpoint of the profile.'), // L17075
  NoSuchVersion: rule('tencent.unknown', 'Tencent Cloud does not know this API version. Update TRTC Desk.'), // L17077
  UnsupportedProtocol: rule('tencent.unknown', 'Tencent Cloud rejected the HTTP method or protocol. This is a fault in TRTC Desk; please report it.'), // L17111
  RequestSizeLimitExceeded: rule('tencent.invalidParameter', 'The request is larger than Tencent Cloud accepts. Send fewer items at once.'), // L17091
  ResponseSizeLimitExceeded: rule('tencent.invalidParameter', 'The answer would be larger than Tencent Cloud returns. Query a smaller page or time range.'), // L17101
  IpInBlacklist: rule('tencent.unauthorized', "This computer's IP address is on the account's IP blocklist."), // L17067
  IpNotInWhitelist: rule('tencent.unauthorized', "This computer's IP address is not on the account's IP allowlist. Ask the administrator to add it."), // L17069
}

// A server message can echo request values; a SecretId must not travel on to the renderer in full.
function scrub(text: string): string {
  return text.replace(/AKID[A-Za-z0-9]{4,}/g, (id) => `AKID…${id.slice(-4)}`).slice(0, 300)
}

export function mapTencentError(tencentCode: string, serverMessage: string | undefined, requestId: string | undefined): AppError {
  let key = tencentCode
  let found = table[key]
  while (!found && key.includes('.')) {
    key = key.slice(0, key.lastIndexOf('.'))
    found = table[key]
  }
  const r = found ?? rule('tencent.unknown', `Tencent Cloud returned the error ${tencentCode}.`, false, true)
  const extra = r.withServerMessage && serverMessage ? ` Tencent Cloud says: ${scrub(serverMessage)}` : ''
  const error: AppError = { code: r.code, message: r.message + extra, retryable: r.retryable, tencentCode }
  if (requestId) error.requestId = requestId
  return error
}
