// The one place where Tencent Cloud's `Response.Error.Code` becomes our AppError.
// Common codes: 003_530a54cf0f8c0df7.txt L17013–L17114 (also L11049–L11102, L9985–L10004);
// TRTC service codes: L17116–L17275.
// The words for each code are in src/shared/messages/catalogue.ts under `err.tc.<code>`.
import { appError, type AppError, type ErrorCode } from '../../shared/errors'
import { en, sayEn, type SayKey } from '../../shared/messages/catalogue'

interface Rule {
  code: ErrorCode
  retryable: boolean
  /** Pass on Tencent's own Message: it names the offending parameter, which our text cannot. */
  withServerMessage: boolean
}

const rule = (code: ErrorCode, retryable = false, withServerMessage = false): Rule => ({ code, retryable, withServerMessage })

// Exact codes first; a code absent here is looked up by its dotted prefix (e.g.
// `InvalidParameter.Foo` → `InvalidParameter`), so new sub-codes still land in the right class.
const table: Record<string, Rule> = {
  'AuthFailure.SignatureExpire': rule('tencent.signatureExpired'), // L17030
  'AuthFailure.SecretIdNotFound': rule('tencent.authFailure'), // L17023
  'AuthFailure.SignatureFailure': rule('tencent.authFailure'), // L17038
  'AuthFailure.TokenFailure': rule('credentials.expired'), // L17045
  'AuthFailure.InvalidSecretId': rule('tencent.authFailure'), // L17019
  'AuthFailure.InvalidAuthorization': rule('tencent.authFailure'), // L17017
  'AuthFailure.MFAFailure': rule('tencent.authFailure'), // L17021
  'AuthFailure.UnauthorizedOperation': rule('tencent.unauthorized'), // L17047
  AuthFailure: rule('tencent.authFailure'), // L17120
  'AuthFailure.UnRealNameAuthenticated': rule('tencent.unauthorized'), // L17122
  'AuthFailure.UnsupportedOperation': rule('tencent.unauthorized'), // L17125
  UnauthorizedOperation: rule('tencent.unauthorized'), // L17105
  'UnauthorizedOperation.SdkAppId': rule('tencent.unauthorized'), // L17275
  RequestLimitExceeded: rule('tencent.rateLimited', true), // L17079
  'RequestLimitExceeded.IPLimitExceeded': rule('tencent.rateLimited', true), // L17083
  'RequestLimitExceeded.UinLimitExceeded': rule('tencent.rateLimited', true), // L17086
  'RequestLimitExceeded.GlobalRegionUinLimitExceeded': rule('tencent.rateLimited', true), // L17081
  InternalError: rule('tencent.internal', true), // L17057
  'InternalError.CRInternalError': rule('tencent.internal', true), // L17154
  'InternalError.DBError': rule('tencent.internal', true), // L17156
  'InternalError.EsQueryError': rule('tencent.internal', true), // L17158
  'InternalError.GetRoomCacheIpError': rule('tencent.internal', true), // L17160
  'InternalError.GetRoomFromCacheError': rule('tencent.internal', true), // L17162
  'InternalError.HttpParaseFalied': rule('tencent.internal'), // L17164
  'InternalError.HttpParseFailed': rule('tencent.internal'), // L17166
  'InternalError.InterfaceErr': rule('tencent.internal', true), // L17168
  'InternalError.InternalError': rule('tencent.internal', true), // L17170
  'InternalError.MethodErr': rule('tencent.internal'), // L17172
  'InternalError.UserNotExist': rule('tencent.notFound'), // L17174
  ServiceUnavailable: rule('tencent.internal', true), // L17103
  ResourceUnavailable: rule('tencent.internal', true), // L17099
  InvalidParameter: rule('tencent.invalidParameter', false, true), // L17061
  InvalidParameterValue: rule('tencent.invalidParameter', false, true), // L17063
  UnknownParameter: rule('tencent.invalidParameter', false, true), // L17107
  'InvalidParameter.EndTs': rule('tencent.invalidParameter'), // L17180
  'InvalidParameter.StartTs': rule('tencent.invalidParameter'), // L17206
  'InvalidParameter.StartTsOversize': rule('tencent.invalidParameter'), // L17208
  'InvalidParameter.StartTimeExpire': rule('tencent.invalidParameter'), // L17197
  'InvalidParameter.StartTimeOversize': rule('tencent.editionRequired'), // L17199
  'InvalidParameter.QueryScaleOversize': rule('tencent.invalidParameter'), // L17189
  'InvalidParameter.PageSizeOversize': rule('tencent.invalidParameter'), // L17187
  'InvalidParameter.PageSize': rule('tencent.invalidParameter'), // L17186
  'InvalidParameter.PageNumber': rule('tencent.invalidParameter'), // L17184
  'InvalidParameter.RoomId': rule('tencent.invalidParameter'), // L17191
  'InvalidParameterValue.RoomId': rule('tencent.invalidParameter'), // L17228
  'InvalidParameter.StrRoomId': rule('tencent.invalidParameter'), // L17210
  'InvalidParameter.SdkAppId': rule('tencent.invalidParameter'), // L17193
  'InvalidParameter.SdkAppid': rule('tencent.invalidParameter'), // L17195
  'InvalidParameter.UserId': rule('tencent.invalidParameter'), // L17218
  'InvalidParameter.UserIds': rule('tencent.invalidParameter'), // L17220
  'InvalidParameter.UserIdsMorethanSix': rule('tencent.invalidParameter'), // L17222
  'InvalidParameter.UserSig': rule('tencent.invalidParameter'), // L17224
  'InvalidParameter.TaskId': rule('tencent.invalidParameter'), // L17214
  'InvalidParameter.StreamUrl': rule('tencent.invalidParameter'), // L17212
  'InvalidParameter.OutOfRange': rule('tencent.invalidParameter', false, true), // L17182
  'InvalidParameter.EncodeParams': rule('tencent.invalidParameter', false, true), // L17178
  'InvalidParameter.BodyParamsError': rule('tencent.invalidParameter'), // L17176
  'InvalidParameter.UrlParamsError': rule('tencent.invalidParameter'), // L17216
  MissingParameter: rule('tencent.missingParameter', false, true), // L17073
  'MissingParameter.SdkAppId': rule('tencent.missingParameter'), // L17253
  'MissingParameter.RoomId': rule('tencent.missingParameter'), // L17249
  'MissingParameter.UserId': rule('tencent.missingParameter'), // L17265
  'MissingParameter.UserIds': rule('tencent.missingParameter'), // L17267
  'MissingParameter.TaskId': rule('tencent.missingParameter'), // L17263
  'MissingParameter.UserSig': rule('tencent.missingParameter'), // L17269
  ResourceNotFound: rule('tencent.notFound'), // L17097
  'FailedOperation.RoomNotExist': rule('tencent.notFound'), // L17140
  'FailedOperation.UserNotExist': rule('tencent.notFound'), // L17152
  'FailedOperation.SdkAppIdNotExist': rule('tencent.notFound'), // L17142
  'FailedOperation.SdkAppIdNotUnderAppId': rule('tencent.notFound'), // L17144
  'FailedOperation.TaskNotExist': rule('tencent.notFound'), // L17150
  'FailedOperation.TaskFinished': rule('tencent.notFound'), // L17148
  'FailedOperation.QueryTaskInfoFailed': rule('tencent.failedOperation', true), // L17135
  'FailedOperation.TaskExist': rule('tencent.failedOperation'), // L17146
  'FailedOperation.RestrictedConcurrency': rule('tencent.failedOperation'), // L17137
  'FailedOperation.CRUnsupportMethod': rule('tencent.failedOperation'), // L17127
  'FailedOperation.NotAbility': rule('tencent.editionRequired'), // L17129
  'FailedOperation.NotAllowed': rule('tencent.failedOperation'), // L17131
  FailedOperation: rule('tencent.failedOperation', false, true), // L17055
  'ResourceInsufficient.RequestRejection': rule('tencent.failedOperation', true), // L17273
  ResourceInsufficient: rule('tencent.failedOperation', true), // L17095
  ResourceInUse: rule('tencent.failedOperation'), // L17093
  LimitExceeded: rule('tencent.failedOperation', false, true), // L17071
  UnsupportedRegion: rule('tencent.unsupportedRegion'), // L17114
  UnsupportedOperation: rule('tencent.failedOperation', false, true), // L17109
  ActionOffline: rule('tencent.unknown'), // L17015
  InvalidAction: rule('tencent.unknown'), // L17059
  NoSuchProduct: rule('tencent.unknown'), // L17075
  NoSuchVersion: rule('tencent.unknown'), // L17077
  UnsupportedProtocol: rule('tencent.unknown'), // L17111
  RequestSizeLimitExceeded: rule('tencent.invalidParameter'), // L17091
  ResponseSizeLimitExceeded: rule('tencent.invalidParameter'), // L17101
  IpInBlacklist: rule('tencent.unauthorized'), // L17067
  IpNotInWhitelist: rule('tencent.unauthorized'), // L17069
}

export const knownTencentCodes = Object.keys(table)

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
  const r = found ?? rule('tencent.unknown', false, true)
  const sayKey = `err.tc.${key}`
  const error = found && sayKey in en ? appError(r.code, sayKey as SayKey) : appError(r.code, 'err.tc.unknownCode', { tencentCode })
  error.retryable = r.retryable
  error.tencentCode = tencentCode
  if (r.withServerMessage && serverMessage) {
    error.cloudSays = scrub(serverMessage)
    error.message += ` ${sayEn('err.tc.cloudSays', { text: error.cloudSays })}`
  }
  if (requestId) error.requestId = requestId
  return error
}
