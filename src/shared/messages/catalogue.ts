// What main and src/shared say to the user, in both languages: an AppError or a parser warning
// carries a key of this catalogue and its parameters (src/shared/errors.ts); the renderer words it in
// the UI language and main words it in English for the log. Main's own few words on screen (native
// dialog titles, suggested file names) use `sayIn` with the UI language. Tencent Cloud's codes: 003_530a54cf0f8c0df7.txt L17013–L17275.

export const en = {
  'main.dialog.openLayout': 'Open layout',
  'main.dialog.saveLayout': 'Save layout',
  'main.untitledLayout': 'Untitled layout',
  // One sentence per error code: what the renderer says when no finer message applies.
  'err.code.request.invalid': 'TRTC Desk did not send the request: a value in it is not valid.',
  'err.code.internal': 'Something went wrong inside TRTC Desk. The details are in the log file.',
  'err.code.credentials.missing': 'The credentials of this profile are missing. Enter them again in Settings.',
  'err.code.credentials.expired': 'The credentials of this profile have expired. Enter new ones in Settings.',
  'err.code.keychain.unavailable': 'The system keychain is not available, so credentials cannot be stored safely.',
  'err.code.profile.notFound': 'This profile no longer exists.',
  'err.code.tencent.authFailure': 'Tencent Cloud could not authenticate the request. Check the SecretId and SecretKey of this profile.',
  'err.code.tencent.signatureExpired': 'This computer\'s clock differs from Tencent Cloud\'s by more than five minutes. Set the clock to update automatically.',
  'err.code.tencent.rateLimited': 'Tencent Cloud is limiting the request rate. TRTC Desk slows down; try again in a few seconds.',
  'err.code.tencent.invalidParameter': 'Tencent Cloud rejected a parameter of the request.',
  'err.code.tencent.missingParameter': 'A required parameter is missing from the request.',
  'err.code.tencent.unauthorized': 'The account of this key is not allowed to do this.',
  'err.code.tencent.notFound': 'Tencent Cloud could not find what was asked for (any more).',
  'err.code.tencent.failedOperation': 'Tencent Cloud could not carry out the operation.',
  'err.code.tencent.unsupportedRegion': 'This action is not available in the selected region.',
  'err.code.tencent.editionRequired': 'The monitoring dashboard edition of this account does not include this.',
  'err.code.tencent.internal': 'Tencent Cloud had an internal error. Try again in a moment.',
  'err.code.tencent.unknown': 'Tencent Cloud returned an error TRTC Desk does not know.',
  'err.code.network.timeout': 'Tencent Cloud did not answer in time. The request may or may not have been carried out.',
  'err.code.network.unreachable': 'Tencent Cloud could not be reached. Check the network connection, firewall or proxy.',
  'err.code.network.reset': 'The connection was closed unexpectedly. The request may or may not have been carried out.',
  'err.code.network.protocol': 'The server did not answer as Tencent Cloud does. Check the endpoint of the profile.',
  'err.code.cancelled': 'The request was cancelled.',
  'err.code.file.unreadable': 'The file could not be read or written.',
  'err.code.file.invalid': 'The file is damaged or of another kind.',
  'err.code.transport.closed': 'The connection to TRTC Desk was lost. Is "npm run web" still running?',
  // Tencent Cloud (src/main/cloud/errors.ts)
  'err.tc.unknownCode': 'Tencent Cloud returned the error {tencentCode}.',
  'err.tc.cloudSays': 'Tencent Cloud says: {text}',
  // Network (src/main/cloud/client.ts)
  'err.net.connectTimeout': 'Could not connect to {host} in time. Check the network connection or proxy.',
  'err.net.answerTimeout': '{host} did not answer in time. The request may or may not have been carried out.',
  'err.net.dns': 'The name {host} could not be resolved. Check the network connection and DNS.',
  'err.net.unreachable': '{host} could not be reached. Check the network connection, firewall or proxy.',
  'err.net.reset': 'The connection to {host} was closed unexpectedly. The request may or may not have been carried out.',
  'err.net.failed': 'The request to {host} failed on the network. The request may or may not have been carried out.',
  'err.net.http5xx': '{host} answered with an error page (HTTP {status}). Try again in a moment.',
  'err.net.http4xx': '{host} answered with something other than a TRTC response (HTTP {status}). Check the endpoint of the profile.',
  'err.net.http429': '{host} is limiting requests (HTTP 429 from a gateway or proxy on the way). TRTC Desk waits and tries again; if it persists, send fewer requests or check the proxy.',
  'err.net.needsRegion': '{action} needs a region: choose one of {regions}.',
  // Requests checked before sending (src/shared/trtc/actions.ts, src/main/ipc/dispatch.ts)
  'err.request.fields': 'TRTC Desk did not send the request: these values are not valid: {fields}.',
  'err.request.tooOld': '{action}: only data from the last {days} days can be queried.',
  'err.request.region': '{action} is only available in {regions}; {region} is not one of them.',
  'err.request.notFromWindow': 'This request did not come from the TRTC Desk window.',
  'err.request.linkNotAllowed': 'Links open only to {hosts}.',
  'err.request.endBeforeStart': 'The end time is earlier than the start time.',
  'err.request.notAppOfProfile': 'SDKAppID {sdkAppId} is not one of the active profile\'s applications.',
  'err.request.dateFormat': 'Dates must be given as YYYY-MM-DD.',
  'err.request.dateFuture': 'The start date is in the future.',
  'err.request.dateTooOld': 'The start date is further back than this API can query ({days} days).',
  'err.request.dateTooLong': 'The period is longer than 31 days, the most one usage request may cover.',
  'err.request.edition.standard': 'The Free edition of the TRTC monitoring dashboard cannot call this API. It needs the Standard or Premium edition of the monitoring dashboard.',
  'err.request.edition.premium': 'This period reaches further back than the account\'s monitoring dashboard edition allows. Choose a shorter period, or upgrade to the Premium edition.',
  'err.request.privateMapKeyRoom': 'The room must be a number from 1 to 4294967295.',
  'err.request.privateMapKeyAscii': 'The room ID and UserID must be printable ASCII for a PrivateMapKey.',
  // Profiles and credentials (src/main/credentials, src/main/profiles)
  'err.profile.noneActive': 'No profile is active. Choose or add one in Settings.',
  'err.profile.demoReadOnly': 'The Demo profile is built in and cannot be changed. Add your own profile instead.',
  'err.profile.demoNoApp': 'The Demo profile has no application {sdkAppId}.',
  'err.profile.tokenExpired': 'The temporary token of "{name}" expired. Enter a new temporary key and token.',
  'err.profile.keyGone': 'The keychain holds no key for "{name}" any more. Enter the SecretId and SecretKey again.',
  'err.profile.tokenGone': 'The keychain holds no token for "{name}" any more. Enter it again.',
  'err.profile.noSdkKey': 'No SDK secret key is stored for SDKAppID {sdkAppId}. Add it to the profile.',
  'err.profile.sdkKeyGone': 'The keychain holds no SDK secret key for SDKAppID {sdkAppId} any more. Enter it again.',
  'err.profile.listUnreadable': 'The profile list {file} could not be read.',
  'err.profile.listDamaged': 'The profile list {file} is damaged; fix or remove it.',
  'err.profile.listUnwritable': 'The profile list {file} could not be written.',
  'err.profile.field': 'This value of the profile is not valid: {field}.',
  'err.profile.keychainLinux': 'The system keychain is not available, so credentials cannot be stored safely. Install and start a Secret Service such as gnome-keyring (or KeePassXC with Secret Service enabled) and the libsecret library (libsecret-1-0), then restart TRTC Desk.',
  'err.import.gone': 'These credentials are no longer where they were found. Look for them again.',
  'err.import.envNotRemovable': 'Environment variables cannot be removed from here: delete TENCENTCLOUD_SECRET_ID and TENCENTCLOUD_SECRET_KEY from your shell profile.',
  'err.import.notRemovable': '{path} could not be changed. Remove it by hand.',
  // UserSig checks (src/main/usersig/tlsSig.ts)
  'err.usersig.malformed': 'This is not a UserSig, or it is damaged.',
  'err.usersig.buffer': 'The PrivateMapKey in the UserSig is truncated or malformed.',
  'err.usersig.otherApp': 'The UserSig was issued for SDKAppID {sdkAppId}, not {expected}.',
  'err.usersig.otherUser': 'The UserSig was issued for user "{userId}", not "{expected}".',
  'err.usersig.badSignature': 'The UserSig signature does not match the SDK secret key.',
  'err.usersig.expired': 'The UserSig has expired; issue a new one.',
  // Going live, tasks (src/main/mixing, src/main/recording)
  'err.live.checks': 'The layout breaks {count} rule(s) of the API; the checks show which.',
  'err.live.noSdkKeyMix': 'Add the SDK secret key of application {sdkAppId} to the profile: the mixing robot needs a UserSig.',
  'err.live.noSdkKeyRecord': 'Add the SDK secret key of application {sdkAppId} to the profile: the recording robot needs a UserSig.',
  'err.live.mixNotOurs': 'This mix task was not started from TRTC Desk, or has been stopped.',
  'err.live.recordingNotOurs': 'This recording was not started from TRTC Desk, or has been stopped.',
  // Files (src/main/files, src/shared/layout/file.ts, src/main/recording/cueFile.ts)
  'err.file.gone': '{path} no longer exists.',
  'err.file.unreadable': '{path} could not be read ({reason}).',
  'err.file.unwritable': '{path} could not be written ({reason}). Choose another place with Save As.',
  'err.file.notRecent': 'That file is not in the recent list any more.',
  'err.file.autosaveFailed': 'The layout could not be autosaved to {path}.',
  'err.file.noAutosave': 'There is no autosaved layout any more.',
  'err.file.cuesUnreadable': 'The cue list could not be read ({reason}).',
  'err.file.cuesUnwritable': 'The cue list could not be saved ({reason}).',
  'err.layout.notJson': 'This is not a layout file: it is not valid JSON.',
  'err.layout.notObject': 'This is not a layout file: it holds no JSON object.',
  'err.layout.notOurs': 'This is not a TRTC Desk layout file (expected "format": "{format}").',
  'err.layout.noVersion': 'The layout file has no valid version number.',
  'err.layout.newer': 'The layout file is version {version}, made by a newer TRTC Desk; this one reads up to version {max}. Update the app to open it.',
  'err.layout.damaged': 'The layout file is damaged at {where}.',
  'err.layout.duplicateTile': 'The layout file is damaged: tile id "{id}" appears twice.',
  // Alerts (src/main/alerts)
  'err.alerts.rulesUnsaved': 'The alert rules could not be saved to disk.',
  'err.alerts.ackUnsaved': 'The acknowledgement could not be saved to disk.',
  'err.alerts.ruleGone': 'That rule no longer exists.',
  'err.alerts.ruleInvalid': 'The rule is not valid: {field}.',
  'err.alerts.pollCrashed': 'The last check failed unexpectedly; it will be retried.',
  'err.alerts.vipTruncated': 'VIP rules read only the {max} newest of {total} live rooms.',
  // Live streams (src/main/sei/liveSei.ts)
  'err.stream.http': 'The server answered HTTP {status}.',
  'err.stream.ended': 'The stream ended.',
  'err.stream.failed': 'The stream could not be read ({reason}).',
  'err.stream.retryIn': 'Trying again in {seconds} s.',
  // Insights (src/main/rooms/insightsService.ts)
  'err.insights.unknownMetric': '"{metric}" is not a call quality metric.',
  // What the SEI parsers and the volume-layout decoder warn about (src/shared/media)
  'warn.annexB.seiTooBig': 'SEI NAL at offset {offset} exceeds {max} bytes; skipped',
  'warn.flv.noSignature': 'missing FLV signature',
  'warn.flv.unknownTag': 'unknown FLV tag type {type} at offset {offset}',
  'warn.flv.shortVideoTag': 'video tag at offset {offset} too short for its AVCPacketType',
  'warn.flv.shortFourCc': 'enhanced video tag at offset {offset} too short for its FourCC',
  'warn.flv.packetTypeSkipped': 'enhanced video packet type {type} ({fourCc}) skipped',
  'warn.flv.shortCts': 'enhanced video tag at offset {offset} too short for its composition time',
  'warn.flv.configSkipped': 'decoder configuration record of {bytes} bytes at offset {offset} skipped',
  'warn.flv.configShort': 'decoder configuration record at offset {offset} is too short',
  'warn.flv.endsInTag': 'FLV input ends inside a tag (tag at offset {offset})',
  'warn.flv.noSequenceHeader': 'coded video before its sequence header; assuming 4-byte NAL lengths',
  'warn.nals.stray': '{bytes} stray bytes at the end of a sample at offset {offset}',
  'warn.nals.pastSample': 'NAL length {length} at offset {offset} runs past its sample ({left} bytes left)',
  'warn.nals.seiTooBig': 'SEI NAL of {bytes} bytes at offset {offset} skipped (limit {max})',
  'warn.mp4.pendingFull': 'more than {max} bytes of SEI before moov; the rest are dropped',
  'warn.mp4.noMoov': '{count} SEI units found in mdat are dropped: the input has no moov to time them',
  'warn.mp4.endsInBox': 'MP4 input ends inside the {box} box at offset {offset}',
  'warn.mp4.badBoxSize': 'box {box} at offset {offset} has size {size}; the rest of the input is not read',
  'warn.mp4.boxTooLarge': '{box} of {bytes} bytes at offset {offset} is too large to read',
  'warn.mp4.mdatFirst': 'mdat at offset {offset} precedes moov: read as 4-byte-length NAL units until moov gives the sample table (remux with -movflags faststart for exact reading)',
  'warn.mp4.noVideoTrack': 'moov has no H.264 or H.265 video track',
  'warn.mp4.noDecoderConfig': '{format} sample entry has no usable {box}; assuming 4-byte NAL lengths',
  'warn.mp4.sampleTableTooBig': 'sample table of {count} samples is larger than {budget} (for a {bytes}-byte moov); the rest are not read',
  'warn.mp4.noChunkTable': 'video track lacks stco/co64 or stsc; its samples cannot be located',
  'warn.mp4.moofFirst': 'moof at offset {offset} before any moov with a video track',
  'warn.mp4.trunShort': 'trun in moof at offset {offset} declares {count} samples but holds fewer',
  'warn.mp4.trunCapped': 'trun in moof at offset {offset} declares {count} samples; {max} are read',
  'warn.mp4.moofTooBig': 'moof at offset {offset} declares more than {budget} samples (for {bytes} bytes); the rest are not read',
  'warn.mp4.outsideSamples': '{count} SEI units found while scanning mdat lie outside the video samples; dropped',
  'warn.ts.syncLost': 'MPEG-TS sync lost at offset {offset}, regained at {at}',
  'warn.ts.endsInPacket': 'MPEG-TS input ends inside the packet at offset {offset}',
  'warn.ts.endsUnsynced': 'MPEG-TS input ends without sync after offset {offset}',
  'warn.ts.sectionTooBig': 'table {table} section does not fit its packet; ignored',
  'warn.ts.noPesStart': 'video packet at offset {offset} starts no PES packet',
  'warn.ts.pesHeaderTooBig': 'PES header at offset {offset} does not fit its packet',
  'warn.ts.pesNoPts': 'PES header at offset {offset} too short for its PTS',
  'warn.nal.cutInType': 'SEI message cut inside payloadType (NAL at offset {nal})',
  'warn.nal.cutInSize': 'SEI message cut inside payloadSize (NAL at offset {nal})',
  'warn.nal.pastNal': 'SEI payload of {bytes} bytes runs past its NAL unit ({left} left) (NAL at offset {nal})',
  'warn.nal.noUuid': 'user_data_unregistered of {bytes} bytes has no room for its 16-byte uuid (NAL at offset {nal})',
  'warn.reader.unknownInput': 'input is not FLV, MP4, MPEG-TS or an H.264/H.265 Annex B stream',
  'warn.reader.internal': 'internal parser error ({reason})',
  'warn.reader.empty': 'input is empty',
  'warn.layout.notJson': 'not JSON',
  'warn.layout.notObject': 'not a JSON object',
  'warn.layout.canvas': 'canvas must be an object with finite, non-negative w and h',
  'warn.layout.regions': 'regions must be an array',
  'warn.layout.appData': 'app_data must be a string',
  'warn.layout.ver': 'ver is not a string; ignored',
  'warn.layout.ts': 'ts must be a finite number',
  'warn.layout.regionNotObject': 'regions[{i}] is not an object; dropped',
  'warn.layout.uid': 'regions[{i}].uid must be a string; dropped',
  'warn.layout.field': 'regions[{i}].{field} must be a finite number; dropped',
  'warn.layout.volume': 'regions[{i}].volume {volume} is outside 0–100; dropped',
  'warn.layout.negative': 'regions[{i}] has a negative size; dropped',
  'warn.layout.outside': 'regions[{i}] ({uid}) lies outside the {w}x{h} canvas',
  'warn.suppressed': 'further warnings suppressed',
  // Tencent Cloud error codes (src/main/cloud/errors.ts), by Response.Error.Code
  'err.tc.AuthFailure.SignatureExpire': 'Tencent Cloud rejected the request because this computer\'s clock differs from the server\'s by more than five minutes. Set the system clock to update automatically, then try again.', // L17030
  'err.tc.AuthFailure.SecretIdNotFound': 'Tencent Cloud does not know this SecretId: the key was deleted or disabled in the console, or it was mistyped (check for missing characters or spaces). Re-enter the key in the profile.', // L17023
  'err.tc.AuthFailure.SignatureFailure': 'The request signature did not match: the SecretKey in this profile is most likely wrong. Copy the SecretKey again from the API key page and update the profile.', // L17038
  'err.tc.AuthFailure.TokenFailure': 'The temporary security token was rejected: it has expired or does not belong to this SecretId. Get a new temporary key and token, or switch the profile to a permanent key.', // L17045
  'err.tc.AuthFailure.InvalidSecretId': 'This SecretId is not a Tencent Cloud API key (it has the wrong form). Use a SecretId from the Cloud API key page, which starts with AKID.', // L17019
  'err.tc.AuthFailure.InvalidAuthorization': 'Tencent Cloud could not read the Authorization header of the request. This is a fault in TRTC Desk; please report it with the request ID.', // L17017
  'err.tc.AuthFailure.MFAFailure': 'Tencent Cloud requires multi-factor authentication for this key. Use a key of a sub-account that does not require MFA for API calls.', // L17021
  'err.tc.AuthFailure.UnauthorizedOperation': 'This key is valid but its account has no CAM permission for this TRTC action. Ask the account administrator to grant the TRTC policy (for example QcloudTRTCFullAccess or a read-only policy) to the sub-account.', // L17047
  'err.tc.AuthFailure': 'Tencent Cloud could not authenticate the request. Check the SecretId and SecretKey of this profile.', // L17120
  'err.tc.AuthFailure.UnRealNameAuthenticated': 'The Tencent Cloud account has not completed identity verification, so this operation is not allowed. Complete verification in the Tencent Cloud console.', // L17122
  'err.tc.AuthFailure.UnsupportedOperation': 'Tencent Cloud does not allow this operation for this account.', // L17125
  'err.tc.UnauthorizedOperation': 'The account is not allowed to perform this operation. Check its CAM permissions for TRTC.', // L17105
  'err.tc.UnauthorizedOperation.SdkAppId': 'This key has no permission for this SDKAppID: it belongs to another account, or the sub-account is not granted access to it. Check the SDKAppID in the profile.', // L17275
  'err.tc.RequestLimitExceeded': 'Tencent Cloud is limiting the request rate for this action. TRTC Desk slows down and retries read-only requests; try again in a few seconds.', // L17079
  'err.tc.RequestLimitExceeded.IPLimitExceeded': 'Too many requests are coming from this IP address. Wait a few seconds and try again.', // L17083
  'err.tc.RequestLimitExceeded.UinLimitExceeded': 'This account is sending too many requests (other tools may share its limit). Wait a few seconds and try again.', // L17086
  'err.tc.RequestLimitExceeded.GlobalRegionUinLimitExceeded': 'This account is sending too many requests across regions. Wait a few seconds and try again.', // L17081
  'err.tc.InternalError': 'Tencent Cloud had an internal error. Try again; if it persists, contact Tencent Cloud support with the request ID.', // L17057
  'err.tc.InternalError.CRInternalError': 'The cloud recording service had an internal error. Try again in a moment.', // L17154
  'err.tc.InternalError.DBError': 'Tencent Cloud could not query its database. Try again in a moment.', // L17156
  'err.tc.InternalError.EsQueryError': 'Tencent Cloud could not query its monitoring data store. Try again in a moment.', // L17158
  'err.tc.InternalError.GetRoomCacheIpError': 'Tencent Cloud could not look up the room. Try again in a moment.', // L17160
  'err.tc.InternalError.GetRoomFromCacheError': 'Tencent Cloud could not read the room information. Try again in a moment.', // L17162
  'err.tc.InternalError.HttpParaseFalied': 'Tencent Cloud could not parse the HTTP request. Try again; report it with the request ID if it persists.', // L17164
  'err.tc.InternalError.HttpParseFailed': 'Tencent Cloud could not parse the HTTP request. Try again; report it with the request ID if it persists.', // L17166
  'err.tc.InternalError.InterfaceErr': 'A Tencent Cloud internal interface failed. Try again in a moment.', // L17168
  'err.tc.InternalError.InternalError': 'Tencent Cloud had an internal error. Try again in a moment.', // L17170
  'err.tc.InternalError.MethodErr': 'Tencent Cloud does not support this request method. This is a fault in TRTC Desk; please report it.', // L17172
  'err.tc.InternalError.UserNotExist': 'The user is not in the room (any more). Refresh the user list.', // L17174
  'err.tc.ServiceUnavailable': 'The TRTC service is temporarily unavailable. Try again in a moment.', // L17103
  'err.tc.ResourceUnavailable': 'The resource is temporarily unavailable. Try again in a moment.', // L17099
  'err.tc.InvalidParameter': 'Tencent Cloud rejected a parameter of the request. Correct the highlighted value and try again.', // L17061
  'err.tc.InvalidParameterValue': 'Tencent Cloud rejected a parameter value. Correct it and try again.', // L17063
  'err.tc.UnknownParameter': 'Tencent Cloud did not recognise a parameter of the request. This is a fault in TRTC Desk; please report it.', // L17107
  'err.tc.InvalidParameter.EndTs': 'The end time is not valid. Choose an end time after the start time.', // L17180
  'err.tc.InvalidParameter.StartTs': 'The start time is not valid.', // L17206
  'err.tc.InvalidParameter.StartTsOversize': 'The start time is too far in the past. Query data from the last 14 days only.', // L17208
  'err.tc.InvalidParameter.StartTimeExpire': 'The start time is too far in the past for this query.', // L17197
  'err.tc.InvalidParameter.StartTimeOversize': 'The start time is outside what your monitoring dashboard edition allows. Query a more recent period, or upgrade the dashboard edition in the TRTC console.', // L17199
  'err.tc.InvalidParameter.QueryScaleOversize': 'The queried period is longer than this action allows. Shorten the time range.', // L17189
  'err.tc.InvalidParameter.PageSizeOversize': 'The page size exceeds 100. Use a page size from 1 to 100.', // L17187
  'err.tc.InvalidParameter.PageSize': 'The page size is not valid.', // L17186
  'err.tc.InvalidParameter.PageNumber': 'The page number is not valid.', // L17184
  'err.tc.InvalidParameter.RoomId': 'The room ID is not valid. Check whether the room uses a numeric or a string ID.', // L17191
  'err.tc.InvalidParameterValue.RoomId': 'The room ID is not valid. Check whether the room uses a numeric or a string ID.', // L17228
  'err.tc.InvalidParameter.StrRoomId': 'The string room ID is not valid.', // L17210
  'err.tc.InvalidParameter.SdkAppId': 'The SDKAppID is not valid. Check the SDKAppID in the profile.', // L17193
  'err.tc.InvalidParameter.SdkAppid': 'This SDKAppID cannot be used with this action. Check the SDKAppID in the profile.', // L17195
  'err.tc.InvalidParameter.UserId': 'The user ID is not valid.', // L17218
  'err.tc.InvalidParameter.UserIds': 'The list of user IDs is not valid.', // L17220
  'err.tc.InvalidParameter.UserIdsMorethanSix': 'At most six users can be queried together with quality metrics. Select six users or fewer.', // L17222
  'err.tc.InvalidParameter.UserSig': 'The UserSig is expired or wrong. Check the SDK secret key of this SDKAppID.', // L17224
  'err.tc.InvalidParameter.TaskId': 'The task ID is not valid.', // L17214
  'err.tc.InvalidParameter.StreamUrl': 'The stream URL has an invalid format.', // L17212
  'err.tc.InvalidParameter.OutOfRange': 'A parameter value is out of range.', // L17182
  'err.tc.InvalidParameter.EncodeParams': 'The encoding parameters are not valid.', // L17178
  'err.tc.InvalidParameter.BodyParamsError': 'Tencent Cloud could not parse the request body. This is a fault in TRTC Desk; please report it.', // L17176
  'err.tc.InvalidParameter.UrlParamsError': 'Tencent Cloud could not parse the URL parameters. This is a fault in TRTC Desk; please report it.', // L17216
  'err.tc.MissingParameter': 'A required parameter is missing from the request. Fill in every required field.', // L17073
  'err.tc.MissingParameter.SdkAppId': 'The SDKAppID is missing. Add an SDKAppID to the profile.', // L17253
  'err.tc.MissingParameter.RoomId': 'The room ID is missing.', // L17249
  'err.tc.MissingParameter.UserId': 'The user ID is missing.', // L17265
  'err.tc.MissingParameter.UserIds': 'The list of user IDs is missing.', // L17267
  'err.tc.MissingParameter.TaskId': 'The task ID is missing.', // L17263
  'err.tc.MissingParameter.UserSig': 'The UserSig is missing. Add the SDK secret key of this SDKAppID to the profile.', // L17269
  'err.tc.ResourceNotFound': 'The resource does not exist (any more). Refresh and try again.', // L17097
  'err.tc.FailedOperation.RoomNotExist': 'The room does not exist: it may have been dismissed already. Refresh the room list.', // L17140
  'err.tc.FailedOperation.UserNotExist': 'The user is not in the room (any more). Refresh the user list.', // L17152
  'err.tc.FailedOperation.SdkAppIdNotExist': 'The SDKAppID does not exist. Check the SDKAppID in the profile.', // L17142
  'err.tc.FailedOperation.SdkAppIdNotUnderAppId': 'This SDKAppID does not belong to the Tencent Cloud account of this key. Use a key of the account that owns the application.', // L17144
  'err.tc.FailedOperation.TaskNotExist': 'The task does not exist. It may have ended already.', // L17150
  'err.tc.FailedOperation.TaskFinished': 'The task had already ended.', // L17148
  'err.tc.FailedOperation.QueryTaskInfoFailed': 'Tencent Cloud could not query the task. Try again in a moment.', // L17135
  'err.tc.FailedOperation.TaskExist': 'A task with these parameters already exists.', // L17146
  'err.tc.FailedOperation.RestrictedConcurrency': 'The maximum number of concurrent tasks has been reached. Stop a running task or ask Tencent Cloud to raise the limit.', // L17137
  'err.tc.FailedOperation.CRUnsupportMethod': 'This cloud recording method is not supported.', // L17127
  'err.tc.FailedOperation.NotAbility': 'This feature is not enabled for the application. Enable it in the TRTC console.', // L17129
  'err.tc.FailedOperation.NotAllowed': 'Tencent Cloud does not allow this operation for the application. Submit a ticket to Tencent Cloud.', // L17131
  'err.tc.FailedOperation': 'Tencent Cloud could not perform the operation.', // L17055
  'err.tc.ResourceInsufficient.RequestRejection': 'Tencent Cloud has insufficient resources for the request. Try again later.', // L17273
  'err.tc.ResourceInsufficient': 'Tencent Cloud has insufficient resources for the request. Try again later.', // L17095
  'err.tc.ResourceInUse': 'The resource is in use.', // L17093
  'err.tc.LimitExceeded': 'A quota of the account is exhausted.', // L17071
  'err.tc.UnsupportedRegion': 'This action is not available in the selected region. Choose one of the regions the action supports in the profile or the request.', // L17114
  'err.tc.UnsupportedOperation': 'Tencent Cloud does not support this operation in the current state.', // L17109
  'err.tc.ActionOffline': 'This API has been retired by Tencent Cloud. Update TRTC Desk.', // L17015
  'err.tc.InvalidAction': 'Tencent Cloud does not know this API. Update TRTC Desk.', // L17059
  'err.tc.NoSuchProduct': 'Tencent Cloud does not know this product at this endpoint. Check the endpoint of the profile.', // L17075
  'err.tc.NoSuchVersion': 'Tencent Cloud does not know this API version. Update TRTC Desk.', // L17077
  'err.tc.UnsupportedProtocol': 'Tencent Cloud rejected the HTTP method or protocol. This is a fault in TRTC Desk; please report it.', // L17111
  'err.tc.RequestSizeLimitExceeded': 'The request is larger than Tencent Cloud accepts. Send fewer items at once.', // L17091
  'err.tc.ResponseSizeLimitExceeded': 'The answer would be larger than Tencent Cloud returns. Query a smaller page or time range.', // L17101
  'err.tc.IpInBlacklist': 'This computer\'s IP address is on the account\'s IP blocklist.', // L17067
  'err.tc.IpNotInWhitelist': 'This computer\'s IP address is not on the account\'s IP allowlist. Ask the administrator to add it.', // L17069
} as const

export type SayKey = keyof typeof en
export type WarningKey = Extract<SayKey, `warn.${string}`>

export const zhCN: Record<SayKey, string> = {
  'main.dialog.openLayout': '打开布局',
  'main.dialog.saveLayout': '保存布局',
  'main.untitledLayout': '未命名布局',
  'err.code.request.invalid': 'TRTC Desk 未发送该请求：其中有无效的值。',
  'err.code.internal': 'TRTC Desk 内部出错，详情见日志文件。',
  'err.code.credentials.missing': '此配置缺少凭据，请在设置中重新输入。',
  'err.code.credentials.expired': '此配置的凭据已过期，请在设置中输入新的凭据。',
  'err.code.keychain.unavailable': '系统钥匙串不可用，无法安全保存凭据。',
  'err.code.profile.notFound': '此配置已不存在。',
  'err.code.tencent.authFailure': '腾讯云无法验证该请求。请检查此配置的 SecretId 和 SecretKey。',
  'err.code.tencent.signatureExpired': '本机时钟与腾讯云相差超过五分钟。请把时钟设为自动同步。',
  'err.code.tencent.rateLimited': '腾讯云正在限制请求频率。TRTC Desk 会放慢速度；请几秒后再试。',
  'err.code.tencent.invalidParameter': '腾讯云拒绝了请求中的某个参数。',
  'err.code.tencent.missingParameter': '请求缺少必填参数。',
  'err.code.tencent.unauthorized': '此密钥所属账号无权执行该操作。',
  'err.code.tencent.notFound': '腾讯云找不到所请求的对象（或已不存在）。',
  'err.code.tencent.failedOperation': '腾讯云未能执行该操作。',
  'err.code.tencent.unsupportedRegion': '所选地域不支持此操作。',
  'err.code.tencent.editionRequired': '此账号的监控仪表盘版本不包含此功能。',
  'err.code.tencent.internal': '腾讯云内部错误。请稍后重试。',
  'err.code.tencent.unknown': '腾讯云返回了 TRTC Desk 无法识别的错误。',
  'err.code.network.timeout': '腾讯云未及时响应。请求可能已执行，也可能未执行。',
  'err.code.network.unreachable': '无法连接腾讯云。请检查网络连接、防火墙或代理。',
  'err.code.network.reset': '连接意外断开。请求可能已执行，也可能未执行。',
  'err.code.network.protocol': '服务器的应答与腾讯云不同。请检查配置的接入点。',
  'err.code.cancelled': '请求已取消。',
  'err.code.file.unreadable': '文件无法读取或写入。',
  'err.code.file.invalid': '文件已损坏或不是这种文件。',
  'err.code.transport.closed': '与 TRTC Desk 的连接已断开。“npm run web” 是否仍在运行？',
  'err.tc.unknownCode': '腾讯云返回了错误 {tencentCode}。',
  'err.tc.cloudSays': '腾讯云返回：{text}',
  'err.net.connectTimeout': '未能及时连接到 {host}。请检查网络连接或代理。',
  'err.net.answerTimeout': '{host} 未及时响应。请求可能已执行，也可能未执行。',
  'err.net.dns': '无法解析域名 {host}。请检查网络连接和 DNS。',
  'err.net.unreachable': '无法连接 {host}。请检查网络连接、防火墙或代理。',
  'err.net.reset': '与 {host} 的连接意外断开。请求可能已执行，也可能未执行。',
  'err.net.failed': '发往 {host} 的请求在网络上失败。请求可能已执行，也可能未执行。',
  'err.net.http5xx': '{host} 返回了错误页面（HTTP {status}）。请稍后重试。',
  'err.net.http4xx': '{host} 的应答不是 TRTC 的应答（HTTP {status}）。请检查配置的接入点。',
  'err.net.http429': '{host} 正在限制请求（途中的网关或代理返回 HTTP 429）。TRTC Desk 会等待后重试；如持续出现，请减少请求或检查代理。',
  'err.net.needsRegion': '{action} 需要地域：请从 {regions} 中选择。',
  'err.request.fields': 'TRTC Desk 未发送该请求：这些值无效：{fields}。',
  'err.request.tooOld': '{action}：只能查询最近 {days} 天的数据。',
  'err.request.region': '{action} 只在 {regions} 可用；{region} 不在其中。',
  'err.request.notFromWindow': '该请求并非来自 TRTC Desk 窗口。',
  'err.request.linkNotAllowed': '链接只能打开到 {hosts}。',
  'err.request.endBeforeStart': '结束时间早于开始时间。',
  'err.request.notAppOfProfile': 'SDKAppID {sdkAppId} 不是当前配置的应用。',
  'err.request.dateFormat': '日期须为 YYYY-MM-DD 格式。',
  'err.request.dateFuture': '开始日期在未来。',
  'err.request.dateTooOld': '开始日期早于此 API 可查询的范围（{days} 天）。',
  'err.request.dateTooLong': '时段超过 31 天，单次用量请求最多覆盖 31 天。',
  'err.request.edition.standard': 'TRTC 监控仪表盘免费版无法调用此 API，需要监控仪表盘标准版或尊享版。',
  'err.request.edition.premium': '该时段超出了账号监控仪表盘版本允许的范围。请选择更短的时段，或升级到尊享版。',
  'err.request.privateMapKeyRoom': '房间号须为 1 到 4294967295 之间的数字。',
  'err.request.privateMapKeyAscii': '生成 PrivateMapKey 时，房间 ID 和 UserID 须为可打印 ASCII 字符。',
  'err.profile.noneActive': '没有启用的配置。请在设置中选择或添加一个。',
  'err.profile.demoReadOnly': '演示配置为内置，不能修改。请添加你自己的配置。',
  'err.profile.demoNoApp': '演示配置中没有应用 {sdkAppId}。',
  'err.profile.tokenExpired': '“{name}”的临时令牌已过期。请输入新的临时密钥和令牌。',
  'err.profile.keyGone': '钥匙串中已没有“{name}”的密钥。请重新输入 SecretId 和 SecretKey。',
  'err.profile.tokenGone': '钥匙串中已没有“{name}”的令牌。请重新输入。',
  'err.profile.noSdkKey': '没有保存 SDKAppID {sdkAppId} 的 SDK 密钥。请将其添加到配置中。',
  'err.profile.sdkKeyGone': '钥匙串中已没有 SDKAppID {sdkAppId} 的 SDK 密钥。请重新输入。',
  'err.profile.listUnreadable': '无法读取配置列表 {file}。',
  'err.profile.listDamaged': '配置列表 {file} 已损坏；请修复或删除它。',
  'err.profile.listUnwritable': '无法写入配置列表 {file}。',
  'err.profile.field': '配置中的这个值无效：{field}。',
  'err.profile.keychainLinux': '系统钥匙串不可用，无法安全保存凭据。请安装并启动 Secret Service（如 gnome-keyring，或启用了 Secret Service 的 KeePassXC）以及 libsecret 库（libsecret-1-0），然后重启 TRTC Desk。',
  'err.import.gone': '这些凭据已不在原来的位置。请重新查找。',
  'err.import.envNotRemovable': '无法在此删除环境变量：请从 shell 配置文件中删除 TENCENTCLOUD_SECRET_ID 和 TENCENTCLOUD_SECRET_KEY。',
  'err.import.notRemovable': '无法修改 {path}。请手动删除。',
  'err.usersig.malformed': '这不是 UserSig，或者它已损坏。',
  'err.usersig.buffer': 'UserSig 中的 PrivateMapKey 不完整或格式错误。',
  'err.usersig.otherApp': '此 UserSig 是为 SDKAppID {sdkAppId} 签发的，而不是 {expected}。',
  'err.usersig.otherUser': '此 UserSig 是为用户“{userId}”签发的，而不是“{expected}”。',
  'err.usersig.badSignature': 'UserSig 的签名与 SDK 密钥不符。',
  'err.usersig.expired': 'UserSig 已过期；请重新签发。',
  'err.live.checks': '布局违反了 API 的 {count} 条规则；检查列表中有说明。',
  'err.live.noSdkKeyMix': '请将应用 {sdkAppId} 的 SDK 密钥添加到配置中：混流机器人需要 UserSig。',
  'err.live.noSdkKeyRecord': '请将应用 {sdkAppId} 的 SDK 密钥添加到配置中：录制机器人需要 UserSig。',
  'err.live.mixNotOurs': '此混流任务不是从 TRTC Desk 启动的，或已停止。',
  'err.live.recordingNotOurs': '此录制不是从 TRTC Desk 启动的，或已停止。',
  'err.file.gone': '{path} 已不存在。',
  'err.file.unreadable': '无法读取 {path}（{reason}）。',
  'err.file.unwritable': '无法写入 {path}（{reason}）。请用“另存为”选择其他位置。',
  'err.file.notRecent': '该文件已不在最近列表中。',
  'err.file.autosaveFailed': '布局无法自动保存到 {path}。',
  'err.file.noAutosave': '已没有自动保存的布局。',
  'err.file.cuesUnreadable': '无法读取提示列表（{reason}）。',
  'err.file.cuesUnwritable': '无法保存提示列表（{reason}）。',
  'err.layout.notJson': '这不是布局文件：它不是有效的 JSON。',
  'err.layout.notObject': '这不是布局文件：其中没有 JSON 对象。',
  'err.layout.notOurs': '这不是 TRTC Desk 布局文件（应有 "format": "{format}"）。',
  'err.layout.noVersion': '布局文件没有有效的版本号。',
  'err.layout.newer': '此布局文件为版本 {version}，由较新的 TRTC Desk 创建；本应用最多读取版本 {max}。请更新应用后打开。',
  'err.layout.damaged': '布局文件在 {where} 处已损坏。',
  'err.layout.duplicateTile': '布局文件已损坏：图块 id “{id}” 出现了两次。',
  'err.alerts.rulesUnsaved': '告警规则无法保存到磁盘。',
  'err.alerts.ackUnsaved': '确认状态无法保存到磁盘。',
  'err.alerts.ruleGone': '该规则已不存在。',
  'err.alerts.ruleInvalid': '规则无效：{field}。',
  'err.alerts.pollCrashed': '上次检查意外失败，将会重试。',
  'err.alerts.vipTruncated': 'VIP 规则只读取了 {total} 个进行中房间里最新的 {max} 个。',
  'err.insights.unknownMetric': '“{metric}”不是通话质量指标。',
  'err.stream.http': '服务器返回 HTTP {status}。',
  'err.stream.ended': '流已结束。',
  'err.stream.failed': '无法读取流（{reason}）。',
  'err.stream.retryIn': '{seconds} 秒后重试。',
  'warn.annexB.seiTooBig': '偏移 {offset} 处的 SEI NAL 超过 {max} 字节，已跳过',
  'warn.flv.noSignature': '缺少 FLV 签名',
  'warn.flv.unknownTag': '偏移 {offset} 处的 FLV 标签类型 {type} 未知',
  'warn.flv.shortVideoTag': '偏移 {offset} 处的视频标签太短，放不下 AVCPacketType',
  'warn.flv.shortFourCc': '偏移 {offset} 处的增强视频标签太短，放不下 FourCC',
  'warn.flv.packetTypeSkipped': '已跳过增强视频包类型 {type}（{fourCc}）',
  'warn.flv.shortCts': '偏移 {offset} 处的增强视频标签太短，放不下合成时间',
  'warn.flv.configSkipped': '已跳过偏移 {offset} 处 {bytes} 字节的解码器配置记录',
  'warn.flv.configShort': '偏移 {offset} 处的解码器配置记录太短',
  'warn.flv.endsInTag': 'FLV 输入在标签内部结束（标签位于偏移 {offset}）',
  'warn.flv.noSequenceHeader': '编码视频出现在序列头之前；按 4 字节 NAL 长度读取',
  'warn.nals.stray': '偏移 {offset} 处的样本末尾有 {bytes} 个多余字节',
  'warn.nals.pastSample': '偏移 {offset} 处的 NAL 长度 {length} 超出其样本（剩余 {left} 字节）',
  'warn.nals.seiTooBig': '已跳过偏移 {offset} 处 {bytes} 字节的 SEI NAL（上限 {max}）',
  'warn.mp4.pendingFull': 'moov 之前的 SEI 超过 {max} 字节；其余的已丢弃',
  'warn.mp4.noMoov': '已丢弃 mdat 中找到的 {count} 个 SEI 单元：输入没有 moov，无法确定其时间',
  'warn.mp4.endsInBox': 'MP4 输入在偏移 {offset} 处的 {box} 盒内部结束',
  'warn.mp4.badBoxSize': '偏移 {offset} 处的盒 {box} 大小为 {size}；其后的输入不再读取',
  'warn.mp4.boxTooLarge': '偏移 {offset} 处 {bytes} 字节的 {box} 太大，无法读取',
  'warn.mp4.mdatFirst': '偏移 {offset} 处的 mdat 在 moov 之前：在 moov 给出样本表之前按 4 字节长度的 NAL 单元读取（用 -movflags faststart 重新封装可精确读取）',
  'warn.mp4.noVideoTrack': 'moov 中没有 H.264 或 H.265 视频轨道',
  'warn.mp4.noDecoderConfig': '{format} 样本条目没有可用的 {box}；按 4 字节 NAL 长度读取',
  'warn.mp4.sampleTableTooBig': '{count} 个样本的样本表超过 {budget}（对 {bytes} 字节的 moov 而言）；其余的不再读取',
  'warn.mp4.noChunkTable': '视频轨道缺少 stco/co64 或 stsc，无法定位其样本',
  'warn.mp4.moofFirst': '偏移 {offset} 处的 moof 出现在任何带视频轨道的 moov 之前',
  'warn.mp4.trunShort': '偏移 {offset} 处 moof 中的 trun 声明了 {count} 个样本，但实际更少',
  'warn.mp4.trunCapped': '偏移 {offset} 处 moof 中的 trun 声明了 {count} 个样本；只读取 {max} 个',
  'warn.mp4.moofTooBig': '偏移 {offset} 处的 moof 声明了超过 {budget} 个样本（对 {bytes} 字节而言）；其余的不再读取',
  'warn.mp4.outsideSamples': '扫描 mdat 时找到的 {count} 个 SEI 单元不在视频样本内；已丢弃',
  'warn.ts.syncLost': 'MPEG-TS 在偏移 {offset} 处失去同步，在 {at} 处恢复',
  'warn.ts.endsInPacket': 'MPEG-TS 输入在偏移 {offset} 处的包内部结束',
  'warn.ts.endsUnsynced': 'MPEG-TS 输入在偏移 {offset} 之后失去同步直至结束',
  'warn.ts.sectionTooBig': '表 {table} 的段超出其包；已忽略',
  'warn.ts.noPesStart': '偏移 {offset} 处的视频包没有开始 PES 包',
  'warn.ts.pesHeaderTooBig': '偏移 {offset} 处的 PES 头超出其包',
  'warn.ts.pesNoPts': '偏移 {offset} 处的 PES 头太短，放不下 PTS',
  'warn.nal.cutInType': 'SEI 消息在 payloadType 内被截断（NAL 偏移 {nal}）',
  'warn.nal.cutInSize': 'SEI 消息在 payloadSize 内被截断（NAL 偏移 {nal}）',
  'warn.nal.pastNal': '{bytes} 字节的 SEI 负载超出其 NAL 单元（剩余 {left}）（NAL 偏移 {nal}）',
  'warn.nal.noUuid': '{bytes} 字节的 user_data_unregistered 放不下 16 字节的 uuid（NAL 偏移 {nal}）',
  'warn.reader.unknownInput': '输入不是 FLV、MP4、MPEG-TS 或 H.264/H.265 Annex B 流',
  'warn.reader.internal': '解析器内部错误（{reason}）',
  'warn.reader.empty': '输入为空',
  'warn.layout.notJson': '不是 JSON',
  'warn.layout.notObject': '不是 JSON 对象',
  'warn.layout.canvas': 'canvas 须为对象，且 w 和 h 为有限的非负数',
  'warn.layout.regions': 'regions 须为数组',
  'warn.layout.appData': 'app_data 须为字符串',
  'warn.layout.ver': 'ver 不是字符串；已忽略',
  'warn.layout.ts': 'ts 须为有限数',
  'warn.layout.regionNotObject': 'regions[{i}] 不是对象；已丢弃',
  'warn.layout.uid': 'regions[{i}].uid 须为字符串；已丢弃',
  'warn.layout.field': 'regions[{i}].{field} 须为有限数；已丢弃',
  'warn.layout.volume': 'regions[{i}].volume {volume} 超出 0–100；已丢弃',
  'warn.layout.negative': 'regions[{i}] 的尺寸为负；已丢弃',
  'warn.layout.outside': 'regions[{i}]（{uid}）超出 {w}x{h} 画布',
  'warn.suppressed': '后续警告已省略',
  'err.tc.AuthFailure.SignatureExpire': '腾讯云拒绝了请求：本机时钟与服务器相差超过五分钟。请把系统时钟设为自动同步，然后重试。',
  'err.tc.AuthFailure.SecretIdNotFound': '腾讯云不认识这个 SecretId：密钥可能已在控制台删除或停用，或输入有误（检查是否缺字符或多了空格）。请在配置中重新输入密钥。',
  'err.tc.AuthFailure.SignatureFailure': '请求签名不匹配：此配置中的 SecretKey 很可能有误。请从 API 密钥页面重新复制 SecretKey 并更新配置。',
  'err.tc.AuthFailure.TokenFailure': '临时安全令牌被拒绝：它已过期，或不属于此 SecretId。请获取新的临时密钥和令牌，或将配置改为永久密钥。',
  'err.tc.AuthFailure.InvalidSecretId': '这个 SecretId 不是腾讯云 API 密钥（格式不对）。请使用云 API 密钥页面上以 AKID 开头的 SecretId。',
  'err.tc.AuthFailure.InvalidAuthorization': '腾讯云无法读取请求的 Authorization 头。这是 TRTC Desk 的故障，请附上请求 ID 报告。',
  'err.tc.AuthFailure.MFAFailure': '此密钥需要多因素认证。请使用调用 API 时无需 MFA 的子账号密钥。',
  'err.tc.AuthFailure.UnauthorizedOperation': '密钥有效，但其账号没有执行此 TRTC 操作的 CAM 权限。请让账号管理员为该子账号授予 TRTC 策略（例如 QcloudTRTCFullAccess 或只读策略）。',
  'err.tc.AuthFailure': '腾讯云无法验证该请求。请检查此配置的 SecretId 和 SecretKey。',
  'err.tc.AuthFailure.UnRealNameAuthenticated': '该腾讯云账号尚未完成实名认证，不允许此操作。请在腾讯云控制台完成认证。',
  'err.tc.AuthFailure.UnsupportedOperation': '腾讯云不允许此账号执行该操作。',
  'err.tc.UnauthorizedOperation': '该账号无权执行此操作。请检查其 TRTC 的 CAM 权限。',
  'err.tc.UnauthorizedOperation.SdkAppId': '此密钥无权访问该 SDKAppID：它属于其他账号，或子账号未获授权。请检查配置中的 SDKAppID。',
  'err.tc.RequestLimitExceeded': '腾讯云正在限制此操作的请求频率。TRTC Desk 会放慢速度并重试只读请求；请几秒后再试。',
  'err.tc.RequestLimitExceeded.IPLimitExceeded': '来自本机 IP 地址的请求过多。请等几秒后重试。',
  'err.tc.RequestLimitExceeded.UinLimitExceeded': '此账号发出的请求过多（其他工具可能共用其配额）。请等几秒后重试。',
  'err.tc.RequestLimitExceeded.GlobalRegionUinLimitExceeded': '此账号在各地域发出的请求过多。请等几秒后重试。',
  'err.tc.InternalError': '腾讯云内部错误。请重试；如持续出现，请附上请求 ID 联系腾讯云支持。',
  'err.tc.InternalError.CRInternalError': '云端录制服务内部错误。请稍后重试。',
  'err.tc.InternalError.DBError': '腾讯云无法查询其数据库。请稍后重试。',
  'err.tc.InternalError.EsQueryError': '腾讯云无法查询其监控数据存储。请稍后重试。',
  'err.tc.InternalError.GetRoomCacheIpError': '腾讯云无法查找该房间。请稍后重试。',
  'err.tc.InternalError.GetRoomFromCacheError': '腾讯云无法读取房间信息。请稍后重试。',
  'err.tc.InternalError.HttpParaseFalied': '腾讯云无法解析该 HTTP 请求。请重试；如持续出现，请附上请求 ID 报告。',
  'err.tc.InternalError.HttpParseFailed': '腾讯云无法解析该 HTTP 请求。请重试；如持续出现，请附上请求 ID 报告。',
  'err.tc.InternalError.InterfaceErr': '腾讯云内部接口失败。请稍后重试。',
  'err.tc.InternalError.InternalError': '腾讯云内部错误。请稍后重试。',
  'err.tc.InternalError.MethodErr': '腾讯云不支持此请求方法。这是 TRTC Desk 的故障，请报告。',
  'err.tc.InternalError.UserNotExist': '该用户已不在房间中。请刷新用户列表。',
  'err.tc.ServiceUnavailable': 'TRTC 服务暂时不可用。请稍后重试。',
  'err.tc.ResourceUnavailable': '资源暂时不可用。请稍后重试。',
  'err.tc.InvalidParameter': '腾讯云拒绝了请求中的某个参数。请更正标出的值后重试。',
  'err.tc.InvalidParameterValue': '腾讯云拒绝了某个参数值。请更正后重试。',
  'err.tc.UnknownParameter': '腾讯云无法识别请求中的某个参数。这是 TRTC Desk 的故障，请报告。',
  'err.tc.InvalidParameter.EndTs': '结束时间无效。请选择晚于开始时间的结束时间。',
  'err.tc.InvalidParameter.StartTs': '开始时间无效。',
  'err.tc.InvalidParameter.StartTsOversize': '开始时间过早。只能查询最近 14 天的数据。',
  'err.tc.InvalidParameter.StartTimeExpire': '开始时间对此查询而言过早。',
  'err.tc.InvalidParameter.StartTimeOversize': '开始时间超出了你的监控仪表盘版本允许的范围。请查询更近的时段，或在 TRTC 控制台升级仪表盘版本。',
  'err.tc.InvalidParameter.QueryScaleOversize': '查询时段超过此操作允许的长度。请缩短时间范围。',
  'err.tc.InvalidParameter.PageSizeOversize': '每页条数超过 100。请使用 1 到 100 之间的每页条数。',
  'err.tc.InvalidParameter.PageSize': '每页条数无效。',
  'err.tc.InvalidParameter.PageNumber': '页码无效。',
  'err.tc.InvalidParameter.RoomId': '房间 ID 无效。请确认该房间使用数字 ID 还是字符串 ID。',
  'err.tc.InvalidParameterValue.RoomId': '房间 ID 无效。请确认该房间使用数字 ID 还是字符串 ID。',
  'err.tc.InvalidParameter.StrRoomId': '字符串房间 ID 无效。',
  'err.tc.InvalidParameter.SdkAppId': 'SDKAppID 无效。请检查配置中的 SDKAppID。',
  'err.tc.InvalidParameter.SdkAppid': '此 SDKAppID 不能用于此操作。请检查配置中的 SDKAppID。',
  'err.tc.InvalidParameter.UserId': '用户 ID 无效。',
  'err.tc.InvalidParameter.UserIds': '用户 ID 列表无效。',
  'err.tc.InvalidParameter.UserIdsMorethanSix': '同时查询质量指标时最多六个用户。请选择不超过六个用户。',
  'err.tc.InvalidParameter.UserSig': 'UserSig 已过期或有误。请检查此 SDKAppID 的 SDK 密钥。',
  'err.tc.InvalidParameter.TaskId': '任务 ID 无效。',
  'err.tc.InvalidParameter.StreamUrl': '流地址格式无效。',
  'err.tc.InvalidParameter.OutOfRange': '某个参数值超出范围。',
  'err.tc.InvalidParameter.EncodeParams': '编码参数无效。',
  'err.tc.InvalidParameter.BodyParamsError': '腾讯云无法解析请求体。这是 TRTC Desk 的故障，请报告。',
  'err.tc.InvalidParameter.UrlParamsError': '腾讯云无法解析 URL 参数。这是 TRTC Desk 的故障，请报告。',
  'err.tc.MissingParameter': '请求缺少必填参数。请填写所有必填字段。',
  'err.tc.MissingParameter.SdkAppId': '缺少 SDKAppID。请在配置中添加 SDKAppID。',
  'err.tc.MissingParameter.RoomId': '缺少房间 ID。',
  'err.tc.MissingParameter.UserId': '缺少用户 ID。',
  'err.tc.MissingParameter.UserIds': '缺少用户 ID 列表。',
  'err.tc.MissingParameter.TaskId': '缺少任务 ID。',
  'err.tc.MissingParameter.UserSig': '缺少 UserSig。请在配置中添加此 SDKAppID 的 SDK 密钥。',
  'err.tc.ResourceNotFound': '资源不存在（或已不存在）。请刷新后重试。',
  'err.tc.FailedOperation.RoomNotExist': '房间不存在：它可能已被解散。请刷新房间列表。',
  'err.tc.FailedOperation.UserNotExist': '该用户已不在房间中。请刷新用户列表。',
  'err.tc.FailedOperation.SdkAppIdNotExist': 'SDKAppID 不存在。请检查配置中的 SDKAppID。',
  'err.tc.FailedOperation.SdkAppIdNotUnderAppId': '此 SDKAppID 不属于该密钥的腾讯云账号。请使用拥有该应用的账号的密钥。',
  'err.tc.FailedOperation.TaskNotExist': '任务不存在，可能已经结束。',
  'err.tc.FailedOperation.TaskFinished': '任务此前已经结束。',
  'err.tc.FailedOperation.QueryTaskInfoFailed': '腾讯云无法查询该任务。请稍后重试。',
  'err.tc.FailedOperation.TaskExist': '已存在相同参数的任务。',
  'err.tc.FailedOperation.RestrictedConcurrency': '并发任务数已达上限。请停止一个正在运行的任务，或请腾讯云提高上限。',
  'err.tc.FailedOperation.CRUnsupportMethod': '不支持此云端录制方式。',
  'err.tc.FailedOperation.NotAbility': '该应用未开通此功能。请在 TRTC 控制台开通。',
  'err.tc.FailedOperation.NotAllowed': '腾讯云不允许该应用执行此操作。请向腾讯云提交工单。',
  'err.tc.FailedOperation': '腾讯云未能执行该操作。',
  'err.tc.ResourceInsufficient.RequestRejection': '腾讯云资源不足，无法处理该请求。请稍后再试。',
  'err.tc.ResourceInsufficient': '腾讯云资源不足，无法处理该请求。请稍后再试。',
  'err.tc.ResourceInUse': '资源正在使用中。',
  'err.tc.LimitExceeded': '账号的某项配额已用尽。',
  'err.tc.UnsupportedRegion': '所选地域不支持此操作。请在配置或请求中选择该操作支持的地域。',
  'err.tc.UnsupportedOperation': '腾讯云在当前状态下不支持此操作。',
  'err.tc.ActionOffline': '腾讯云已下线此 API。请更新 TRTC Desk。',
  'err.tc.InvalidAction': '腾讯云不认识此 API。请更新 TRTC Desk。',
  'err.tc.NoSuchProduct': '此接入点不认识该产品。请检查配置中的接入点。',
  'err.tc.NoSuchVersion': '腾讯云不认识此 API 版本。请更新 TRTC Desk。',
  'err.tc.UnsupportedProtocol': '腾讯云拒绝了该 HTTP 方法或协议。这是 TRTC Desk 的故障，请报告。',
  'err.tc.RequestSizeLimitExceeded': '请求超出腾讯云接受的大小。请一次发送更少的条目。',
  'err.tc.ResponseSizeLimitExceeded': '应答将超出腾讯云返回的大小。请查询更小的分页或时间范围。',
  'err.tc.IpInBlacklist': '本机 IP 地址在账号的 IP 黑名单中。',
  'err.tc.IpNotInWhitelist': '本机 IP 地址不在账号的 IP 白名单中。请让管理员添加。',
}

export type SayParams = Record<string, string | number>

export function fill(template: string, params?: SayParams): string {
  if (!params) return template
  return template.replace(/\{(\w+)\}/g, (m, name: string) => (name in params ? String(params[name]) : m))
}

/** The English wording, for logs and for callers outside the UI. */
export function sayEn(key: SayKey, params?: SayParams): string {
  return fill(en[key], params)
}

/** The wording in a UI language (main's dialog titles and file names). */
export function sayIn(locale: 'en' | 'zh-CN', key: SayKey, params?: SayParams): string {
  return fill((locale === 'zh-CN' ? zhCN : en)[key], params)
}
