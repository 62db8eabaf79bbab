// What main and src/shared say to the user, in both languages: an AppError or a parser warning
// carries a key of this catalogue and its parameters (src/shared/errors.ts); the renderer words it in
// the UI language and main words it in English for the log. The Chinese is in ./catalogue.zh.ts. Tencent Cloud's codes: 003_530a54cf0f8c0df7.txt L17013–L17275.

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
  'err.tasks.noSdkKey': 'Add the SDK secret key of application {sdkAppId} to the profile: the robot that joins the room needs a UserSig.',
  'err.tasks.notOurs': 'This task was not started from TRTC Desk, or it has been cleared from the list.',
  'err.tasks.config': '{config} is not complete: check {field}.',
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
  'warn.mp4.tableShort': '{box} declares {count} entries but holds {held}; the rest are not read',
  'warn.mp4.overlap': 'video samples overlap at offset {offset}: the sample table is damaged',
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


export type SayParams = Record<string, string | number>

export function fill(template: string, params?: SayParams): string {
  if (!params) return template
  return template.replace(/\{(\w+)\}/g, (m, name: string) => (name in params ? String(params[name]) : m))
}

/** The English wording, for logs and for callers outside the UI. */
export function sayEn(key: SayKey, params?: SayParams): string {
  return fill(en[key], params)
}
