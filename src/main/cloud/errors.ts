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
  'AuthFailure.SignatureExpire': rule(
    'tencent.signatureExpired',
    "Tencent Cloud rejected the request because this computer's clock differs from the server's by more than five minutes. Set the system clock to update automatically, then try again.",
  ),
  'AuthFailure.SecretIdNotFound': rule(
    'tencent.authFailure',
    'Tencent Cloud does not know this SecretId: the key was deleted or disabled in the console, or it was mistyped (check for missing characters or spaces). Re-enter the key in the profile.',
  ),
  'AuthFailure.SignatureFailure': rule(
    'tencent.authFailure',
    'The request signature did not match: the SecretKey in this profile is most likely wrong. Copy the SecretKey again from the API key page and update the profile.',
  ),
  'AuthFailure.TokenFailure': rule(
    'credentials.expired',
    'The temporary security token was rejected: it has expired or does not belong to this SecretId. Get a new temporary key and token, or switch the profile to a permanent key.',
  ),
  'AuthFailure.InvalidSecretId': rule(
    'tencent.authFailure',
    'This SecretId is not a Tencent Cloud API key (it has the wrong form). Use a SecretId from the Cloud API key page, which starts with AKID.',
  ),
  'AuthFailure.InvalidAuthorization': rule(
    'tencent.authFailure',
    'Tencent Cloud could not read the Authorization header of the request. This is a fault in TRTC Desk; please report it with the request ID.',
  ),
  'AuthFailure.MFAFailure': rule(
    'tencent.authFailure',
    'Tencent Cloud requires multi-factor authentication for this key. Use a key of a sub-account that does not require MFA for API calls.',
  ),
  'AuthFailure.UnauthorizedOperation': rule(
    'tencent.unauthorized',
    'This key is valid but its account has no CAM permission for this TRTC action. Ask the account administrator to grant the TRTC policy (for example QcloudTRTCFullAccess or a read-only policy) to the sub-account.',
  ),
  // L17120–L17125 (service codes)
  AuthFailure: rule(
    'tencent.authFailure',
    'Tencent Cloud could not authenticate the request. Check the SecretId and SecretKey of this profile.',
  ),
  'AuthFailure.UnRealNameAuthenticated': rule(
    'tencent.unauthorized',
    'The Tencent Cloud account has not completed identity verification, so this operation is not allowed. Complete verification in the Tencent Cloud console.',
  ),
  'AuthFailure.UnsupportedOperation': rule('tencent.unauthorized', 'Tencent Cloud does not allow this operation for this account.'),
  // L17105, L17275
  UnauthorizedOperation: rule(
    'tencent.unauthorized',
    'The account is not allowed to perform this operation. Check its CAM permissions for TRTC.',
  ),
  'UnauthorizedOperation.SdkAppId': rule(
    'tencent.unauthorized',
    'This key has no permission for this SDKAppID: it belongs to another account, or the sub-account is not granted access to it. Check the SDKAppID in the profile.',
  ),
  // L17079–L17089
  RequestLimitExceeded: rule(
    'tencent.rateLimited',
    'Tencent Cloud is limiting the request rate for this action. TRTC Desk slows down and retries read-only requests; try again in a few seconds.',
    true,
  ),
  'RequestLimitExceeded.IPLimitExceeded': rule(
    'tencent.rateLimited',
    'Too many requests are coming from this IP address. Wait a few seconds and try again.',
    true,
  ),
  'RequestLimitExceeded.UinLimitExceeded': rule(
    'tencent.rateLimited',
    'This account is sending too many requests (other tools may share its limit). Wait a few seconds and try again.',
    true,
  ),
  'RequestLimitExceeded.GlobalRegionUinLimitExceeded': rule(
    'tencent.rateLimited',
    'This account is sending too many requests across regions. Wait a few seconds and try again.',
    true,
  ),
  // L17057, L17154–L17174
  InternalError: rule('tencent.internal', 'Tencent Cloud had an internal error. Try again; if it persists, contact Tencent Cloud support with the request ID.', true),
  'InternalError.CRInternalError': rule('tencent.internal', 'The cloud recording service had an internal error. Try again in a moment.', true),
  'InternalError.DBError': rule('tencent.internal', 'Tencent Cloud could not query its database. Try again in a moment.', true),
  'InternalError.EsQueryError': rule('tencent.internal', 'Tencent Cloud could not query its monitoring data store. Try again in a moment.', true),
  'InternalError.GetRoomCacheIpError': rule('tencent.internal', 'Tencent Cloud could not look up the room. Try again in a moment.', true),
  'InternalError.GetRoomFromCacheError': rule('tencent.internal', 'Tencent Cloud could not read the room information. Try again in a moment.', true),
  'InternalError.HttpParaseFalied': rule('tencent.internal', 'Tencent Cloud could not parse the HTTP request. Try again; report it with the request ID if it persists.'),
  'InternalError.HttpParseFailed': rule('tencent.internal', 'Tencent Cloud could not parse the HTTP request. Try again; report it with the request ID if it persists.'),
  'InternalError.InterfaceErr': rule('tencent.internal', 'A Tencent Cloud internal interface failed. Try again in a moment.', true),
  'InternalError.InternalError': rule('tencent.internal', 'Tencent Cloud had an internal error. Try again in a moment.', true),
  'InternalError.MethodErr': rule('tencent.internal', 'Tencent Cloud does not support this request method. This is a fault in TRTC Desk; please report it.'),
  'InternalError.UserNotExist': rule('tencent.notFound', 'The user is not in the room (any more). Refresh the user list.'),
  // L17103, L17099 — transient by nature (judgement: the docs do not say "retry").
  ServiceUnavailable: rule('tencent.internal', 'The TRTC service is temporarily unavailable. Try again in a moment.', true),
  ResourceUnavailable: rule('tencent.internal', 'The resource is temporarily unavailable. Try again in a moment.', true),
  // L17061–L17063, L17176–L17228
  InvalidParameter: rule('tencent.invalidParameter', 'Tencent Cloud rejected a parameter of the request. Correct the highlighted value and try again.', false, true),
  InvalidParameterValue: rule('tencent.invalidParameter', 'Tencent Cloud rejected a parameter value. Correct it and try again.', false, true),
  UnknownParameter: rule('tencent.invalidParameter', 'Tencent Cloud did not recognise a parameter of the request. This is a fault in TRTC Desk; please report it.', false, true),
  'InvalidParameter.EndTs': rule('tencent.invalidParameter', 'The end time is not valid. Choose an end time after the start time.'),
  'InvalidParameter.StartTs': rule('tencent.invalidParameter', 'The start time is not valid.'),
  'InvalidParameter.StartTsOversize': rule('tencent.invalidParameter', 'The start time is too far in the past. Query data from the last 14 days only.'),
  'InvalidParameter.StartTimeExpire': rule('tencent.invalidParameter', 'The start time is too far in the past for this query.'),
  'InvalidParameter.StartTimeOversize': rule(
    'tencent.editionRequired',
    'The start time is outside what your monitoring dashboard edition allows. Query a more recent period, or upgrade the dashboard edition in the TRTC console.',
  ),
  'InvalidParameter.QueryScaleOversize': rule('tencent.invalidParameter', 'The queried period is longer than this action allows. Shorten the time range.'),
  'InvalidParameter.PageSizeOversize': rule('tencent.invalidParameter', 'The page size exceeds 100. Use a page size from 1 to 100.'),
  'InvalidParameter.PageSize': rule('tencent.invalidParameter', 'The page size is not valid.'),
  'InvalidParameter.PageNumber': rule('tencent.invalidParameter', 'The page number is not valid.'),
  'InvalidParameter.RoomId': rule('tencent.invalidParameter', 'The room ID is not valid. Check whether the room uses a numeric or a string ID.'),
  'InvalidParameterValue.RoomId': rule('tencent.invalidParameter', 'The room ID is not valid. Check whether the room uses a numeric or a string ID.'),
  'InvalidParameter.StrRoomId': rule('tencent.invalidParameter', 'The string room ID is not valid.'),
  'InvalidParameter.SdkAppId': rule('tencent.invalidParameter', 'The SDKAppID is not valid. Check the SDKAppID in the profile.'),
  'InvalidParameter.SdkAppid': rule('tencent.invalidParameter', 'This SDKAppID cannot be used with this action. Check the SDKAppID in the profile.'),
  'InvalidParameter.UserId': rule('tencent.invalidParameter', 'The user ID is not valid.'),
  'InvalidParameter.UserIds': rule('tencent.invalidParameter', 'The list of user IDs is not valid.'),
  'InvalidParameter.UserIdsMorethanSix': rule('tencent.invalidParameter', 'At most six users can be queried together with quality metrics. Select six users or fewer.'),
  'InvalidParameter.UserSig': rule('tencent.invalidParameter', 'The UserSig is expired or wrong. Check the SDK secret key of this SDKAppID.'),
  'InvalidParameter.TaskId': rule('tencent.invalidParameter', 'The task ID is not valid.'),
  'InvalidParameter.StreamUrl': rule('tencent.invalidParameter', 'The stream URL has an invalid format.'),
  'InvalidParameter.OutOfRange': rule('tencent.invalidParameter', 'A parameter value is out of range.', false, true),
  'InvalidParameter.EncodeParams': rule('tencent.invalidParameter', 'The encoding parameters are not valid.', false, true),
  'InvalidParameter.BodyParamsError': rule('tencent.invalidParameter', 'Tencent Cloud could not parse the request body. This is a fault in TRTC Desk; please report it.'),
  'InvalidParameter.UrlParamsError': rule('tencent.invalidParameter', 'Tencent Cloud could not parse the URL parameters. This is a fault in TRTC Desk; please report it.'),
  // L17073, L17230–L17271
  MissingParameter: rule('tencent.missingParameter', 'A required parameter is missing from the request. Fill in every required field.', false, true),
  'MissingParameter.SdkAppId': rule('tencent.missingParameter', 'The SDKAppID is missing. Add an SDKAppID to the profile.'),
  'MissingParameter.RoomId': rule('tencent.missingParameter', 'The room ID is missing.'),
  'MissingParameter.UserId': rule('tencent.missingParameter', 'The user ID is missing.'),
  'MissingParameter.UserIds': rule('tencent.missingParameter', 'The list of user IDs is missing.'),
  'MissingParameter.TaskId': rule('tencent.missingParameter', 'The task ID is missing.'),
  'MissingParameter.UserSig': rule('tencent.missingParameter', 'The UserSig is missing. Add the SDK secret key of this SDKAppID to the profile.'),
  // L17097, L17140–L17152
  ResourceNotFound: rule('tencent.notFound', 'The resource does not exist (any more). Refresh and try again.'),
  'FailedOperation.RoomNotExist': rule('tencent.notFound', 'The room does not exist: it may have been dismissed already. Refresh the room list.'),
  'FailedOperation.UserNotExist': rule('tencent.notFound', 'The user is not in the room (any more). Refresh the user list.'),
  'FailedOperation.SdkAppIdNotExist': rule('tencent.notFound', 'The SDKAppID does not exist. Check the SDKAppID in the profile.'),
  'FailedOperation.SdkAppIdNotUnderAppId': rule(
    'tencent.notFound',
    'This SDKAppID does not belong to the Tencent Cloud account of this key. Use a key of the account that owns the application.',
  ),
  'FailedOperation.TaskNotExist': rule('tencent.notFound', 'The task does not exist. It may have ended already.'),
  'FailedOperation.TaskFinished': rule('tencent.notFound', 'The task had already ended.'),
  'FailedOperation.QueryTaskInfoFailed': rule('tencent.failedOperation', 'Tencent Cloud could not query the task. Try again in a moment.', true),
  'FailedOperation.TaskExist': rule('tencent.failedOperation', 'A task with these parameters already exists.'),
  'FailedOperation.RestrictedConcurrency': rule(
    'tencent.failedOperation',
    'The maximum number of concurrent tasks has been reached. Stop a running task or ask Tencent Cloud to raise the limit.',
  ),
  'FailedOperation.CRUnsupportMethod': rule('tencent.failedOperation', 'This cloud recording method is not supported.'),
  'FailedOperation.NotAbility': rule('tencent.editionRequired', 'This feature is not enabled for the application. Enable it in the TRTC console.'),
  'FailedOperation.NotAllowed': rule('tencent.failedOperation', 'Tencent Cloud does not allow this operation for the application. Submit a ticket to Tencent Cloud.'),
  FailedOperation: rule('tencent.failedOperation', 'Tencent Cloud could not perform the operation.', false, true),
  'ResourceInsufficient.RequestRejection': rule('tencent.failedOperation', 'Tencent Cloud has insufficient resources for the request. Try again later.', true),
  ResourceInsufficient: rule('tencent.failedOperation', 'Tencent Cloud has insufficient resources for the request. Try again later.', true),
  ResourceInUse: rule('tencent.failedOperation', 'The resource is in use.'),
  LimitExceeded: rule('tencent.failedOperation', 'A quota of the account is exhausted.', false, true),
  // L17114
  UnsupportedRegion: rule(
    'tencent.unsupportedRegion',
    'This action is not available in the selected region. Choose one of the regions the action supports in the profile or the request.',
  ),
  UnsupportedOperation: rule('tencent.failedOperation', 'Tencent Cloud does not support this operation in the current state.', false, true),
  // L17015, L17059, L17075, L17077, L17111 — our own request was malformed.
  ActionOffline: rule('tencent.unknown', 'This API has been retired by Tencent Cloud. Update TRTC Desk.'),
  InvalidAction: rule('tencent.unknown', 'Tencent Cloud does not know this API. Update TRTC Desk.'),
  NoSuchProduct: rule('tencent.unknown', 'Tencent Cloud does not know this product at this endpoint. Check the endpoint of the profile.'),
  NoSuchVersion: rule('tencent.unknown', 'Tencent Cloud does not know this API version. Update TRTC Desk.'),
  UnsupportedProtocol: rule('tencent.unknown', 'Tencent Cloud rejected the HTTP method or protocol. This is a fault in TRTC Desk; please report it.'),
  RequestSizeLimitExceeded: rule('tencent.invalidParameter', 'The request is larger than Tencent Cloud accepts. Send fewer items at once.'),
  ResponseSizeLimitExceeded: rule('tencent.invalidParameter', 'The answer would be larger than Tencent Cloud returns. Query a smaller page or time range.'),
  IpInBlacklist: rule('tencent.unauthorized', "This computer's IP address is on the account's IP blocklist."),
  IpNotInWhitelist: rule('tencent.unauthorized', "This computer's IP address is not on the account's IP allowlist. Ask the administrator to add it."),
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
