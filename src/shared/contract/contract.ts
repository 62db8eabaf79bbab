// THE IPC contract: channel → request schema + response type, and push events → payload type.
// Every side imports it; main validates every request against it before a handler runs.
import { z } from 'zod'
import type { AppError, ErrorCode, Say } from '../errors'
import type { Alert, AlertRule, AlertScope } from '../alerts/model'
import { REALTIME_SPANS_S, REFRESH_MAX_S, REFRESH_MIN_S, type DashboardSnapshot, type MarketResult, type Panel, type RoomUsage, type UsageResult } from '../dashboard/dashboard'
import { layoutDocSchema } from '../layout/file'
import type { LayoutDoc } from '../layout/model'
import type { ImageProbe } from '../layout/validate'
import type { SeiEntry } from '../media/seiEntry'
import { isStringRoomId, parseNumericRoomId } from '../trtc/roomId'
import { aiLanguages } from '../trtc/ai'
import { regions, userId } from '../trtc/common'
import { actionNames } from '../trtc/actionNames'
import type { ChannelName, EventName } from './channels'

/** Carries a response type at the type level only. */
const returns = <T>(): T => undefined as T

export const themeSchema = z.enum(['system', 'light', 'dark'])
export const languageSchema = z.enum(['system', 'en', 'zh-CN'])

export const settingsSchema = z.object({
  theme: themeSchema,
  language: languageSchema,
  /** Seconds between live dashboard refreshes; absent means the default (src/shared/dashboard). */
  dashboardRefreshS: z.int().min(REFRESH_MIN_S).max(REFRESH_MAX_S).optional(),
})
export type Settings = z.infer<typeof settingsSchema>
export type Theme = z.infer<typeof themeSchema>
export type LanguageSetting = z.infer<typeof languageSchema>

export const defaultSettings: Settings = { theme: 'system', language: 'system' }

export interface AppInfo {
  name: string
  version: string
  versions: { electron: string; chrome: string; node: string; v8: string }
  platform: string
  arch: string
  /** The OS's preferred UI languages, most preferred first (BCP 47). */
  systemLocales: string[]
  /** 'web' when served to a browser by `npm run web` (no native dialogs); the desktop window otherwise. */
  shell?: 'desktop' | 'web'
}

export type ProfileEndpoint = { site: 'china' | 'intl' } | { region: string } | { url: string }

export interface ProfileListItem {
  id: string
  name: string
  kind: 'tencentCloud' | 'demo'
  /** e.g. `AKID…1a2b`; never the key itself. */
  secretIdHint: string
  sdkAppIds: number[]
  hasSecretKey: boolean
  hasToken: boolean
  tokenExpiresAt: number | null
  endpoint: ProfileEndpoint
  defaultRegion: string
  sdkApps: { sdkAppId: number; hasSdkSecretKey: boolean }[]
}

export interface ImportCandidateView {
  id: string
  source: 'env' | 'tccli' | 'tencentcloudIni'
  label: string
  path: string | null
  secretIdHint: string
  hasToken: boolean
  region: string | null
}

export interface ConnectionVerdictView {
  kind: 'ok' | 'wrongKey' | 'unknownSecretId' | 'expiredToken' | 'clockSkew' | 'noPermission' | 'regionNotAllowed' | 'network' | 'failed'
  /** English, for the log. */
  message: string
  /** Why, for `network` and `failed`: the renderer words it. */
  error?: AppError
  requestId?: string
  skewMs: number
}

/** One TRTC API call for the request inspector; holds no SecretKey, token or signature. */
export interface RequestLogView {
  id: number
  /** Local wall-clock time the call started (ms since the epoch). */
  time: number
  action: string
  region: string | null
  host: string
  durationMs: number
  outcome: 'ok' | ErrorCode
  requestId: string | null
  tencentCode: string | null
  /** Attempts beyond the first. */
  retries: number
  mutating: boolean
  secretIdHint: string
  canonicalRequest: string
  stringToSign: string
  /** The Authorization header with the signature replaced. */
  authorization: string
  /** The JSON body sent, with secret-bearing fields masked. */
  payload: string
  tccli: string
  /** Sent from the API console by hand rather than by a screen of the app. */
  origin?: 'console'
}

export interface DecodedUserSigView {
  identifier: string
  sdkAppId: number
  time: number
  expire: number
  privateMapKey?: { roomId: number; strRoomId?: string; expireAt: number; privilegeMap: number }
}

export interface ProfileList {
  profiles: ProfileListItem[]
  activeId: string | null
}

/** A profile just added: tested first, and made active only when its connection works (or when asked to). */
export interface ProfileCreated extends ProfileList {
  created: { id: string; activated: boolean; verdict: ConnectionVerdictView | null }
}

const noRequest = z.undefined()

// Rooms, users and moderation. Rules of the wire (PageSize, windows, user counts) are enforced again
// by the TRTC client against src/shared/trtc; these schemas check shape and bounds at the boundary.
const roomIdTypeSchema = z.enum(['number', 'string'])

/**
 * A room named by the user: a numeric room is plain decimal digits 1–4294967295 (no sign, padding
 * or hex: "0x124f9e" is not room 1200030); a string room has no control characters.
 */
const roomOk = (v: { roomId: string; roomIdType: 'number' | 'string' }): boolean =>
  v.roomIdType === 'number' ? parseNumericRoomId(v.roomId) !== null : isStringRoomId(v.roomId)
const roomMessage = { message: 'A numeric room ID is a whole number from 1 to 4294967295 written with digits only; a string room ID has no control characters', path: ['roomId'] }
const appId = z.int().min(1)
const epochS = z.int().min(0)

export const roomsFetchSchema = z
  .object({
    jobId: z.string().min(1).max(64),
    sdkAppId: appId,
    startTime: epochS,
    endTime: epochS,
    roomId: z.string().min(1).max(128).optional(),
    background: z.boolean().optional(),
  })
  .strict()
export type RoomsFetchRequest = z.infer<typeof roomsFetchSchema>

export interface RoomRow {
  commId: string
  roomId: string
  roomIdType: 'number' | 'string'
  createTime: number
  destroyTime: number
  finished: boolean
  creator: string
}

/** A room's quality over the rooms window (src/main/rooms/qualitySweep.ts); null where unknown. */
export interface RoomQuality {
  commId: string
  usersNow: number | null
  peakUsers: number | null
  /** Mean video / audio stutter rate over the window, % (DescribeTRTCRealTimeQualityData). */
  videoStutter: number | null
  audioStutter: number | null
  /** The user with the highest mean packet loss (audio or video, %) over the room's last hour in the window (DescribeCallDetailInfo). */
  worstUser: { userId: string; loss: number } | null
  /** Users whose loss was measured, of the room's users in the window (DescribeUserInfo); null when the list failed. */
  measuredUsers: number
  totalUsers: number | null
  flagged: boolean
  /** Why there are no figures: older than the real-time look-back, the edition has none, or a failed call. */
  unavailable?: 'tooOld' | 'edition' | 'error'
  fetchedAt: number
}

export interface RoomsQualityEvent {
  sdkAppId: number
  startTime: number
  endTime: number
  rows: RoomQuality[]
  done: number
  total: number
  /** When the next sweep of live rooms starts (Unix ms), once this one is through. */
  nextSweepAt: number | null
}

/** A user found in a room of the rooms window, with their sessions and mean loss when the sweep measured it. */
export interface UserSighting {
  userId: string
  room: RoomRow
  sessions: Array<{ joinTs: number; leaveTs: number; finished: boolean }>
  loss: number | null
}

export interface RoomsResult {
  rooms: RoomRow[]
  total: number
  fetchedAt: number
}

export const usersSchema = z.object({ sdkAppId: appId, commId: z.string().min(1), startTime: epochS, endTime: epochS }).strict()
export type UsersRequest = z.infer<typeof usersSchema>

export interface UserRow {
  userId: string
  joinTs: number
  leaveTs: number
  finished: boolean
  deviceType: string
  sdkVersion: string
  clientIp: string
}

export const qualitySchema = z
  .object({
    sdkAppId: appId,
    commId: z.string().min(1),
    startTime: epochS,
    endTime: epochS,
    userIds: z.array(z.string().min(1).max(128)).min(1).max(60),
    dataTypes: z.array(z.string().min(1).max(32)).min(1).max(20),
  })
  .strict()
export type QualityRequest = z.infer<typeof qualitySchema>

/** One metric of one user over time, stitched from every chunk DescribeCallDetailInfo allows. */
export interface QualitySeries {
  userId: string
  /** The remote user a downstream metric is measured against; null for upstream metrics. */
  peerId: string | null
  dataType: string
  /** [unix seconds, value] */
  points: Array<[number, number]>
}

export const userEventsSchema = z
  .object({ sdkAppId: appId, commId: z.string().min(1), roomId: z.string().min(1).max(128), userId: z.string().min(1).max(128), startTime: epochS, endTime: epochS })
  .strict()
export type UserEventsRequest = z.infer<typeof userEventsSchema>

export interface UserEvent {
  /** Milliseconds (EventMessage.Time is in ms, 003_530a54cf0f8c0df7.txt L15058–L15085). */
  timeMs: number
  eventId: number
  paramOne: number
  paramTwo: number
  /** EventMessage.Type: 0 SDK, 1 WebRTC … as the API reports it. */
  type: number
  peerId: string
}

const moderationTarget = { sdkAppId: appId, roomId: z.string().min(1).max(128), roomIdType: roomIdTypeSchema }
const moderationUsers = z.array(z.string().min(1).max(128)).min(1).max(1000)
export const moderationSchema = z.discriminatedUnion('action', [
  z.object({ action: z.literal('remove'), ...moderationTarget, userIds: moderationUsers }).strict().refine(roomOk, roomMessage),
  // IsMute: 0 enable, 1 disable audio and video, 2 audio only, 3 video only (003_530a54cf0f8c0df7.txt L1180–L1184)
  // durationS: a timed block; main unblocks (IsMute 0) when it runs out, also after a restart.
  z.object({
    action: z.literal('block'),
    ...moderationTarget,
    userIds: moderationUsers,
    isMute: z.union([z.literal(0), z.literal(1), z.literal(2), z.literal(3)]),
    durationS: z.int().min(10).max(7 * 86400).optional(),
  }).strict().refine(roomOk, roomMessage),
  z.object({ action: z.literal('dismiss'), ...moderationTarget, confirmRoomId: z.string() }).strict()
    .refine((v) => v.confirmRoomId === v.roomId, { message: 'Type the room ID exactly to confirm dismissing the room', path: ['confirmRoomId'] })
    .refine(roomOk, roomMessage),
])
export type ModerationRequest = z.infer<typeof moderationSchema>

export interface ModerationOutcome {
  action: string
  isMute?: number
  /** A timed block: seconds until main unblocks. */
  durationS?: number
  userIds: string[]
  ok: boolean
  requestId?: string
  error?: AppError
  /** The call was made but its audit line is not written yet (main keeps retrying): why. */
  auditPending?: string
}

export interface ScheduledUnblock {
  id: string
  profileId: string
  sdkAppId: number
  roomId: string
  roomIdType: 'number' | 'string'
  userIds: string[]
  /** Unix ms */
  unblockAt: number
}

// Media played into a room and AI tasks (src/main/rooms/roomTasks.ts). Main names the robot: a
// fixed prefix per kind and the suffix given here (or a random one), so it never clashes with a user.
const robotSuffix = z.string().regex(/^[A-Za-z0-9_-]{1,20}$/, 'Letters, digits, _ and - only, up to 20')
const taskTarget = { sdkAppId: appId, roomId: z.string().min(1).max(128), roomIdType: roomIdTypeSchema }
const mediaUrl = z.url({ protocol: /^(https?|rtmp)$/ }).max(2048)
const taskIdSchema = z.string().min(1).max(256)

/** StartStreamIngest's choices (003_530a54cf0f8c0df7.txt L6128–L6155). */
export const ingestStartSchema = z
  .object({
    ...taskTarget,
    streamUrl: mediaUrl,
    robot: robotSuffix.optional(),
    volume: z.int().min(0).max(100), // L6154–L6155
    repeatNum: z.int().min(-1).max(1000).refine((n) => n !== 0, 'RepeatNum 0 is not valid'), // L6146–L6149
    maxDurationMin: z.int().min(1).max(10080).optional(), // with RepeatNum -1 only, L6151–L6152
  })
  .strict()
  .refine(roomOk, roomMessage)
  .refine((v) => v.maxDurationMin === undefined || v.repeatNum === -1, { message: 'A maximum duration applies only to a loop', path: ['maxDurationMin'] })
export type IngestStartRequest = z.infer<typeof ingestStartSchema>

/** UpdateStreamIngest: what is left out is not changed (L6331–L6352). */
export const ingestUpdateSchema = z.object({ taskId: taskIdSchema, streamUrl: mediaUrl.optional(), volume: z.int().min(0).max(100).optional(), paused: z.boolean().optional() }).strict()
export type IngestUpdateRequest = z.infer<typeof ingestUpdateSchema>

const aiLanguage = z.enum(aiLanguages)
const maxIdleTimeS = z.int().min(1).max(86_400) // "MaxIdleTime … default value is 60s" (L14904–L14907, L16263–L16266)
export const aiStartSchema = z.discriminatedUnion('kind', [
  z
    .object({
      kind: z.literal('transcription'),
      ...taskTarget,
      robot: robotSuffix.optional(),
      language: aiLanguage, // RecognizeConfig.Language (L15783–L15820)
      alternativeLanguages: z.array(aiLanguage).max(3).optional(), // L15821–L15831
      /** One user's speech (TranscriptionMode 1), else the whole room (L16270–L16290). */
      targetUserId: userId.max(32).optional(),
      maxIdleTimeS: maxIdleTimeS.optional(),
    })
    .strict()
    .refine(roomOk, roomMessage),
  z
    .object({
      kind: z.literal('conversation'),
      ...taskTarget,
      robot: robotSuffix.optional(),
      targetUserId: userId.max(32), // AgentConfig.TargetUserId (L14900–L14903)
      language: aiLanguage, // STTConfig.Language (L15943–L15990)
      welcomeMessage: z.string().max(500).optional(),
      interruptMode: z.literal([0, 1]).optional(),
      maxIdleTimeS: maxIdleTimeS.optional(),
      /** JSON texts checked against LLMConfig and TTSConfig in main before sending (L6519–L6559). */
      llmConfig: z.string().min(2).max(65_536),
      ttsConfig: z.string().min(2).max(65_536),
    })
    .strict()
    .refine(roomOk, roomMessage),
])
export type AIStartRequest = z.infer<typeof aiStartSchema>

export type RoomTaskKind = 'ingest' | 'transcription' | 'conversation'
/** The cloud's status (ingest: InProgress; AI: Idle, Preparing, InProgress), or ended / not yet known. */
export type RoomTaskStatus = 'Idle' | 'Preparing' | 'InProgress' | 'ended' | 'unknown'

export interface RoomTask {
  kind: RoomTaskKind
  taskId: string
  profileId: string
  sdkAppId: number
  roomId: string
  roomIdType: 'number' | 'string'
  robotUserId: string
  /** The region the task was started in; every later call for it goes there. */
  region: string
  startedAt: number
  requestId: string
  status: RoomTaskStatus
  /** When the status was last asked for (ms), and why that failed if it did. */
  checkedAt: number | null
  checkError?: AppError
  endedAt: number | null
  /** Ingest: the media, its volume, paused, plays (-1 loop). */
  streamUrl?: string
  volume?: number
  paused?: boolean
  repeatNum?: number
  /** AI: the spoken language and whose speech (absent: the whole room). */
  language?: string
  targetUserId?: string
}

export interface MixTask {
  taskId: string
  profileId: string
  sdkAppId: number
  roomId: string
  roomIdType: 'number' | 'string'
  startedAt: number
  /** The last SequenceNumber sent with UpdatePublishCdnStream; 0 before any update. */
  sequence: number
  requestId: string
  /** Where the mixed stream can be pulled as HTTP-FLV, when known. */
  liveUrl: string | null
  /** The canvas the task was started with; updates keep it (003_530a54cf0f8c0df7.txt L2256–L2258). */
  canvas: { width: number; height: number }
}

/**
 * A mix's VideoEncode (003_530a54cf0f8c0df7.txt L16365–L16372): Fps 0–60, BitRate 0–10,000 Kbps,
 * Gop 1–5 s; a picture needs at least 1 fps and 1 Kbps. Absent: 15 fps, 1,500 Kbps, 2 s.
 */
export const mixVideoSchema = z.object({ fps: z.int().min(1).max(60), bitrateKbps: z.int().min(1).max(10000), gop: z.int().min(1).max(5) }).strict()
export type MixVideo = z.infer<typeof mixVideoSchema>

export const mixStartSchema = z
  .object({
    sdkAppId: appId,
    roomId: z.string().min(1).max(128),
    roomIdType: roomIdTypeSchema,
    doc: layoutDocSchema,
    // PublishCdnUrl: the CDNs to relay to, up to 10, RTMP push addresses (L15368, L2096, examples L2541).
    cdnUrls: z.array(z.string().regex(/^rtmp:\/\/\S+$/, 'A CDN push address starts with rtmp://')).min(1, 'Give at least one CDN address to publish the mix to').max(10),
    /** Where the CDN plays the mix as HTTP-FLV, for the Program monitor (the Demo profile's simulator serves its own). */
    playUrl: z.url({ protocol: /^https?$/ }).optional(),
    video: mixVideoSchema.optional(),
  })
  .strict()
  .refine(roomOk, roomMessage)
export type MixStartRequest = z.infer<typeof mixStartSchema>

export interface RecordingTask {
  taskId: string
  profileId: string
  sdkAppId: number
  roomId: string
  roomIdType: 'number' | 'string'
  startedAt: number
  /** How many times ModifyCloudRecording has given the task a new layout. */
  modifications: number
  requestId: string
  /** DescribeCloudRecording's Status (L13207–L13212); 'ended' once the cloud no longer knows the task. */
  status: 'Idle' | 'InProgress' | 'Exited' | 'ended' | 'unknown'
  /** Files the cloud lists (recordings uploaded to VOD are not listed while they upload, L13150–L13155). */
  files: string[]
  checkedAt: number | null
  /** The canvas the recording was created with; ModifyCloudRecording cannot change it (L13375–L13395). */
  canvas: { width: number; height: number }
}

/**
 * The choices of a mixed-stream cloud recording stored in Tencent Cloud VOD, which needs no storage
 * keys (StorageParams.CloudVod, L16086–L16101). RecordParams L15833–L15911, TencentVod L16187–L16238.
 */
export const recordingOptionsSchema = z
  .object({
    /** 0 audio and video, 1 audio only, 2 video only */
    streamType: z.literal([0, 1, 2]),
    /** Seconds without an anchor before the recording stops by itself: 5–86400. */
    maxIdleTime: z.int().min(5).max(86400),
    /** VOD MediaType: 0 MP4, 1 HLS, 2 AAC, 3 HLS+MP4, 4 HLS+AAC; AAC needs audio only. */
    mediaType: z.literal([0, 1, 2, 3, 4]),
    /** Days VOD keeps the files; 0 keeps them. */
    expireDays: z.int().min(0).max(36500),
    /** UserDefineRecordId: letters, digits, _ and -, at most 64; empty for none. */
    recordId: z.string().regex(/^[A-Za-z0-9_-]{0,64}$/, 'The file prefix may hold up to 64 letters, digits, _ and -'),
    /**
     * The mixed picture's encoding (VideoParams, 003_530a54cf0f8c0df7.txt L16391–L16395): Fps 1–60,
     * BitRate 64,000–8,192,000 bps (sent here in Kbps), Gop in seconds (the seed gives no range; we
     * take 1–10, 10 being its default). Absent: 15 fps, 1,500 Kbps, 2 s.
     */
    video: z.object({ fps: z.int().min(1).max(60), bitrateKbps: z.int().min(64).max(8192), gop: z.int().min(1).max(10) }).strict().optional(),
  })
  .strict()
  .refine((o) => !(o.mediaType === 2 || o.mediaType === 4) || o.streamType === 1, { message: 'AAC files need an audio-only recording', path: ['mediaType'] })
export type RecordingOptions = z.infer<typeof recordingOptionsSchema>

export const recordingStartSchema = z
  .object({ sdkAppId: appId, roomId: z.string().min(1).max(128), roomIdType: roomIdTypeSchema, doc: layoutDocSchema, options: recordingOptionsSchema })
  .strict()
  .refine(roomOk, roomMessage)
export type RecordingStartRequest = z.infer<typeof recordingStartSchema>

/** A layout kept in the cue list, taken to a running task with a hotkey. */
export const cueSchema = z.object({ id: z.string().min(1).max(64), name: z.string().trim().min(1).max(80), doc: layoutDocSchema }).strict()
export type Cue = z.infer<typeof cueSchema>
export const MAX_CUES = 50

export interface LiveSeiStatus {
  id: string
  state: 'connecting' | 'live' | 'reconnecting' | 'stopped'
  bytes: number
  /** Why it is reconnecting, and when it tries again. */
  reason?: Say
  retryInS?: number
}

/** A layout file main has a path for; the renderer names it by `id` (src/main/files/layoutFiles.ts). */
export interface LayoutFileInfo {
  id: string
  name: string
  path: string
  /** Set on open when the file has an older format version: the document was migrated, and Save writes the current one. */
  migratedFrom?: number
}

export interface RecentLayoutFile extends LayoutFileInfo {
  openedAt: number
  /** The file is gone from its place (moved, deleted, on a disk not mounted). */
  missing: boolean
}

export interface OpenedLayout {
  doc: LayoutDoc
  file: LayoutFileInfo
}

/** An autosaved document newer than its file: the designer offers to restore it after a crash. */
export interface RecoveryOffer {
  savedAt: number
  docName: string
  /** The file the document was saved to before, or null for a document never saved. */
  file: LayoutFileInfo | null
}

export interface RecoveredLayout {
  doc: LayoutDoc
  file: LayoutFileInfo | null
  savedAt: number
}

const fileId = z.string().min(1).max(64)
const layoutDocRequest = z.object({ doc: layoutDocSchema, fileId: fileId.optional() }).strict()

export interface AuditEntry {
  time: string
  profile: string
  sdkAppId: number
  roomId: string
  roomIdType: 'number' | 'string'
  action: 'remove' | 'block' | 'dismiss' | 'inject' | 'injectUpdate' | 'injectStop' | 'transcribe' | 'converse' | 'aiStop'
  apiAction: string
  /** Media and AI tasks: the task, and for media its source, volume and pause. */
  taskId?: string
  streamUrl?: string
  volume?: number
  paused?: boolean
  isMute?: number
  /** A timed block: seconds until main unblocks. */
  durationS?: number
  userIds: string[]
  result: string
  message?: string
  requestId?: string
  tencentCode?: string
}

// Live dashboard (src/main/dashboard). Dates are YYYY-MM-DD (L5297–L5302, L13801–L13809).
const dashboardSpan = z.literal([...REALTIME_SPANS_S])
const ymd = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'Use the format YYYY-MM-DD')

export interface AlertRulesView {
  rules: AlertRule[]
  /** Seconds between two checks of the enabled rules. */
  pollIntervalS: number
}

export interface AlertsView {
  /** Newest first. */
  alerts: Alert[]
  unacknowledged: number
  /** What the last check could not read: the call, what it asked about, and why. */
  status: { polling: boolean; lastPollAt: number | null; problems: AlertPollProblem[] }
}

export interface AlertPollProblem {
  action?: string
  scope?: AlertScope
  error: AppError
}

/**
 * One call of any TRTC action from the API console. The parameters are checked in main against the
 * action's own schema (src/shared/trtc/actions.ts) before anything is signed.
 */
export const consoleCallSchema = z
  .object({ action: z.enum(actionNames), params: z.record(z.string(), z.unknown()), region: z.enum(regions).optional() })
  .strict()
export type ConsoleCallRequest = z.infer<typeof consoleCallSchema>

export interface ConsoleCallResult {
  action: string
  /** The region sent as X-TC-Region; null for actions that take none. */
  region: string | null
  requestId: string
  durationMs: number
  /** Tencent Cloud's `Response` object, RequestId included, with credential-bearing fields masked. */
  response: Record<string, unknown>
}

export const contract = {
  'app.info': { request: noRequest, response: returns<AppInfo>() },
  'settings.get': { request: noRequest, response: returns<Settings>() },
  'settings.update': { request: settingsSchema.partial().strict(), response: returns<Settings>() },
  'profiles.list': { request: noRequest, response: returns<ProfileList>() },
  // The profile fields are validated in main by the profile service's schema (src/main/credentials/profiles.ts),
  // which also keeps secrets out of every reply.
  /** `activate`: 'ifWorks' (default) tests the connection and activates only on success; 'now' activates untested; 'never' keeps the active profile. */
  'profiles.create': {
    request: z.object({ profile: z.record(z.string(), z.unknown()), activate: z.enum(['ifWorks', 'now', 'never']).optional() }).strict(),
    response: returns<ProfileCreated>(),
  },
  'profiles.update': { request: z.object({ id: z.string().min(1).max(64), patch: z.record(z.string(), z.unknown()) }).strict(), response: returns<ProfileList>() },
  'profiles.delete': { request: z.object({ id: z.string().min(1).max(64) }).strict(), response: returns<ProfileList>() },
  'profiles.test': { request: z.object({ id: z.string().min(1).max(64) }).strict(), response: returns<ConnectionVerdictView>() },
  'profiles.discoverImports': { request: noRequest, response: returns<ImportCandidateView[]>() },
  'profiles.import': {
    request: z.object({ candidateId: z.string().min(1).max(200), name: z.string().trim().min(1).max(80), site: z.enum(['china', 'intl']), sdkAppIds: z.array(z.int().min(1)).max(100) }).strict(),
    response: returns<ProfileList>(),
  },
  'profiles.deletePlaintext': { request: z.object({ candidateId: z.string().min(1).max(200) }).strict(), response: returns<null>() },
  'cloud.requestLog': { request: noRequest, response: returns<RequestLogView[]>() },
  'cloud.status': { request: noRequest, response: returns<{ skewMs: number; profileId: string | null }>() },
  'usersig.generate': {
    request: z
      .object({
        profileId: z.string().min(1),
        sdkAppId: z.int().min(1),
        userId: z.string().min(1).max(128),
        expireSeconds: z.int().min(60).max(180 * 86400),
        /** A PrivateMapKey instead of a plain UserSig: the room it opens and the rights bits (1 create … 128 receive sub-stream). */
        privateMapKey: z.object({ roomId: z.string().min(1).max(64), roomIdType: z.enum(['number', 'string']), privileges: z.int().min(1).max(255) }).strict().optional(),
      })
      .strict(),
    response: returns<{ userSig: string; decoded: DecodedUserSigView }>(),
  },
  'usersig.decode': { request: z.object({ userSig: z.string().min(1).max(8192) }).strict(), response: returns<DecodedUserSigView>() },
  'profiles.activate': { request: z.object({ id: z.string().min(1).max(64) }).strict(), response: returns<ProfileList>() },
  'rooms.fetch': { request: roomsFetchSchema, response: returns<RoomsResult>() },
  'rooms.cancel': { request: z.object({ jobId: z.string().min(1) }).strict(), response: returns<boolean>() },
  /** The rooms in view, swept for quality first. */
  'rooms.qualityFocus': { request: z.object({ commIds: z.array(z.string().min(1).max(256)).max(500) }).strict(), response: returns<null>() },
  'rooms.qualitySnapshot': { request: noRequest, response: returns<Omit<RoomsQualityEvent, 'nextSweepAt'> | null>() },
  /** Users whose ID contains `query`, in the rooms of the window listed last. */
  'rooms.findUser': { request: z.object({ query: z.string().trim().min(2).max(128) }).strict(), response: returns<{ sightings: UserSighting[]; rooms: number }>() },
  'rooms.users': { request: usersSchema, response: returns<UserRow[]>() },
  'rooms.quality': { request: qualitySchema, response: returns<QualitySeries[]>() },
  'rooms.events': { request: userEventsSchema, response: returns<UserEvent[]>() },
  'moderation.run': { request: moderationSchema, response: returns<ModerationOutcome[]>() },
  'moderation.scheduled': { request: noRequest, response: returns<ScheduledUnblock[]>() },
  'moderation.cancelScheduled': { request: z.object({ id: z.string().min(1).max(64) }).strict(), response: returns<ScheduledUnblock[]>() },
  /** Fetches the first bytes of a layout's image URLs: PNG or JPEG, and the stated size. */
  'layout.probeImages': { request: z.object({ urls: z.array(z.string().min(1).max(2048)).max(64) }).strict(), response: returns<Record<string, ImageProbe>>() },
  'mixing.start': { request: mixStartSchema, response: returns<MixTask>() },
  'mixing.update': { request: z.object({ taskId: z.string().min(1).max(256), doc: layoutDocSchema }).strict(), response: returns<MixTask>() },
  'mixing.stop': { request: z.object({ taskId: z.string().min(1).max(256) }).strict(), response: returns<MixTask[]>() },
  'mixing.tasks': { request: noRequest, response: returns<MixTask[]>() },
  'mixing.layout': { request: z.object({ taskId: z.string().min(1).max(256) }).strict(), response: returns<LayoutDoc>() },
  'recording.start': { request: recordingStartSchema, response: returns<RecordingTask>() },
  'recording.update': { request: z.object({ taskId: z.string().min(1).max(256), doc: layoutDocSchema }).strict(), response: returns<RecordingTask>() },
  'recording.stop': { request: z.object({ taskId: z.string().min(1).max(256) }).strict(), response: returns<RecordingTask[]>() },
  /** Asks the cloud for the status of every recording started here. */
  'recording.tasks': { request: noRequest, response: returns<RecordingTask[]>() },
  'recording.layout': { request: z.object({ taskId: z.string().min(1).max(256) }).strict(), response: returns<LayoutDoc>() },
  'cues.load': { request: noRequest, response: returns<Cue[]>() },
  'cues.save': { request: z.object({ cues: z.array(cueSchema).max(MAX_CUES) }).strict(), response: returns<Cue[]>() },
  /** `media`: also pass the stream's bytes to the window (sei.liveMedia), for the Program monitor to play. */
  'sei.liveStart': { request: z.object({ url: z.url({ protocol: /^https?$/ }), media: z.boolean().optional() }).strict(), response: returns<{ id: string }>() },
  'sei.liveStop': { request: z.object({ id: z.string().min(1).max(64) }).strict(), response: returns<boolean>() },
  'audit.list': { request: noRequest, response: returns<AuditEntry[]>() },
  'console.call': { request: consoleCallSchema, response: returns<ConsoleCallResult>() },
  /** The media and AI tasks started here, their status asked of the cloud first; with the Demo profile, its clip's URL. */
  'roomTasks.list': { request: noRequest, response: returns<{ tasks: RoomTask[]; demoClipUrl: string | null }>() },
  /** Forgets an ended task. */
  'roomTasks.clear': { request: z.object({ taskId: taskIdSchema }).strict(), response: returns<RoomTask[]>() },
  'ingest.start': { request: ingestStartSchema, response: returns<RoomTask>() },
  'ingest.update': { request: ingestUpdateSchema, response: returns<RoomTask>() },
  'ingest.stop': { request: z.object({ taskId: taskIdSchema }).strict(), response: returns<RoomTask>() },
  'ai.start': { request: aiStartSchema, response: returns<RoomTask>() },
  'ai.stop': { request: z.object({ taskId: taskIdSchema }).strict(), response: returns<RoomTask>() },
  'dashboard.start': { request: z.object({ sdkAppId: appId, spanS: dashboardSpan.optional() }).strict(), response: returns<DashboardSnapshot>() },
  'dashboard.stop': { request: noRequest, response: returns<DashboardSnapshot>() },
  'dashboard.pause': { request: z.object({ paused: z.boolean() }).strict(), response: returns<DashboardSnapshot>() },
  'dashboard.configure': {
    request: z.object({ refreshS: z.int().min(REFRESH_MIN_S).max(REFRESH_MAX_S).optional(), spanS: dashboardSpan.optional() }).strict(),
    response: returns<DashboardSnapshot>(),
  },
  'dashboard.refresh': { request: noRequest, response: returns<DashboardSnapshot>() },
  'dashboard.market': {
    request: z.object({ sdkAppId: appId, startDate: ymd, endDate: ymd, period: z.enum(['d', 'h']) }).strict(),
    response: returns<MarketResult>(),
  },
  'dashboard.usage': { request: z.object({ sdkAppId: appId.nullable(), startDate: ymd, endDate: ymd }).strict(), response: returns<UsageResult>() },
  'dashboard.roomUsage': { request: z.object({ sdkAppId: appId, date: ymd }).strict(), response: returns<Panel<RoomUsage>>() },
  // No channel takes a path: paths come from main's dialogs and its recent list.
  'layout.open': { request: noRequest, response: returns<OpenedLayout | null>() },
  'layout.openRecent': { request: z.object({ id: fileId }).strict(), response: returns<OpenedLayout>() },
  'layout.save': { request: layoutDocRequest, response: returns<LayoutFileInfo | null>() },
  'layout.saveAs': { request: layoutDocRequest, response: returns<LayoutFileInfo | null>() },
  'layout.recent': { request: noRequest, response: returns<RecentLayoutFile[]>() },
  'layout.removeRecent': { request: z.object({ id: fileId }).strict(), response: returns<RecentLayoutFile[]>() },
  'layout.clearRecent': { request: noRequest, response: returns<RecentLayoutFile[]>() },
  'layout.autosave': { request: layoutDocRequest, response: returns<null>() },
  'layout.recovery': { request: noRequest, response: returns<RecoveryOffer | null>() },
  'layout.restoreRecovery': { request: noRequest, response: returns<RecoveredLayout>() },
  'layout.discardRecovery': { request: noRequest, response: returns<null>() },
  'alerts.rules': { request: noRequest, response: returns<AlertRulesView>() },
  // The rule itself is validated in main by ruleSchema, whose messages reach the editor.
  'alerts.saveRule': { request: z.object({ rule: z.record(z.string(), z.unknown()) }).strict(), response: returns<AlertRulesView>() },
  'alerts.deleteRule': { request: z.object({ id: z.string().min(1).max(64) }).strict(), response: returns<AlertRulesView>() },
  'alerts.configure': { request: z.object({ pollIntervalS: z.int().min(10).max(3600) }).strict(), response: returns<AlertRulesView>() },
  'alerts.list': { request: noRequest, response: returns<AlertsView>() },
  'alerts.ack': { request: z.union([z.object({ ids: z.array(z.string().min(1).max(400)).min(1).max(5000) }).strict(), z.object({ all: z.literal(true) }).strict()]), response: returns<AlertsView>() },
  'shell.openExternal': {
    request: z.object({ url: z.url({ protocol: /^https$/ }) }).strict(),
    response: returns<null>(),
  },
} satisfies Record<ChannelName, { request: z.ZodType; response: unknown }>

export type LayoutMenuCommand = 'new' | 'open' | 'save' | 'saveAs'

export const events = {
  'settings.changed': returns<Settings>(),
  'profiles.changed': returns<ProfileList>(),
  'moderation.scheduleChanged': returns<ScheduledUnblock[]>(),
  'mixing.tasksChanged': returns<MixTask[]>(),
  'recording.tasksChanged': returns<RecordingTask[]>(),
  'roomTasks.changed': returns<RoomTask[]>(),
  'sei.liveEntries': returns<{ id: string; entries: SeiEntry[]; receivedAt: number; bytes: number }>(),
  'sei.liveStatus': returns<LiveSeiStatus>(),
  /** The stream's bytes as they arrive; `generation` grows with every (re)connection, each starting at the container's header. */
  'sei.liveMedia': returns<{ id: string; generation: number; chunk: Uint8Array }>(),
  'rooms.quality': returns<RoomsQualityEvent>(),
  'rooms.progress': returns<{ jobId: string; fetched: number; total: number; pages: number }>(),
  'dashboard.snapshot': returns<DashboardSnapshot>(),
  'alerts.changed': returns<AlertsView>(),
  /** A layout-file command chosen in the application menu. */
  'layout.menu': returns<LayoutMenuCommand>(),
} satisfies Record<EventName, unknown>

// Both lists must name exactly the same channels and events.
type Missing<A, B> = Exclude<A, B> extends never ? true : ['missing', Exclude<A, B>]
const channelsAgree: [Missing<ChannelName, keyof typeof contract>, Missing<keyof typeof contract, ChannelName>] = [true, true]
const eventsAgree: [Missing<EventName, keyof typeof events>, Missing<keyof typeof events, EventName>] = [true, true]
void channelsAgree
void eventsAgree

export type Contract = typeof contract
export type RequestOf<C extends ChannelName> = z.input<Contract[C]['request']>
export type ParsedRequestOf<C extends ChannelName> = z.output<Contract[C]['request']>
export type ResponseOf<C extends ChannelName> = Contract[C]['response']
export type EventPayload<E extends EventName> = (typeof events)[E]
