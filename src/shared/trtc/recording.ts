// On-cloud recording: Create/Describe/Modify/DeleteCloudRecording (003_530a54cf0f8c0df7.txt
// L12776–L13749) and the recording data types (L14980–L16470).
import { z } from 'zod'
import { sdkAppId, stringRoomId, taskId, userId } from './common'

// "at most 32 elements" each; `.*$` marks a prefix (L16103–L16170).
const idList = z.array(z.string().min(1)).max(32, 'At most 32 user IDs')
export const subscribeStreamUserIds = z
  .object({ SubscribeAudioUserIds: idList.optional(), UnSubscribeAudioUserIds: idList.optional(), SubscribeVideoUserIds: idList.optional(), UnSubscribeVideoUserIds: idList.optional() })
  .strict()
  // "You cannot specify an allowlist and a blocklist for audio/video subscription at the same time." (L16104–L16105)
  .superRefine((v, ctx) => {
    if (v.SubscribeAudioUserIds?.length && v.UnSubscribeAudioUserIds?.length) ctx.addIssue({ code: 'custom', path: ['UnSubscribeAudioUserIds'], message: 'Use an audio allowlist or a blocklist, not both' })
    if (v.SubscribeVideoUserIds?.length && v.UnSubscribeVideoUserIds?.length) ctx.addIssue({ code: 'custom', path: ['UnSubscribeVideoUserIds'], message: 'Use a video allowlist or a blocklist, not both' })
  })

/** L15833–L15911 */
export const recordParams = z
  .object({
    RecordMode: z.literal([1, 2]), // 1 single-stream, 2 mixed
    MaxIdleTime: z.int().min(5).max(86400).optional(),
    StreamType: z.literal([0, 1, 2]).optional(),
    SubscribeStreamUserIds: subscribeStreamUserIds.optional(),
    OutputFormat: z.literal([0, 1, 2, 3, 4]).optional(),
    AvMerge: z.literal([0, 1]).optional(),
    MaxMediaFileDuration: z.int().min(1).max(1440).optional(),
    MediaId: z.literal([0, 1, 2]).optional(),
  })
  .strict()

/** L15003–L15035: third-party storage; AccessKey and SecretKey are storage secrets. */
export const cloudStorage = z
  .object({
    Vendor: z.literal([0, 1]),
    Region: z.string().min(1),
    Bucket: z.string().min(1),
    AccessKey: z.string().min(1),
    SecretKey: z.string().min(1),
    FileNamePrefix: z.array(z.string().regex(/^[A-Za-z0-9_-]+$/, 'Prefixes may contain letters, digits, _ and -')).optional(),
  })
  .strict()

/** L16187–L16238 */
export const tencentVod = z
  .object({
    Procedure: z.string().optional(),
    ExpireTime: z.int().min(0).optional(),
    StorageRegion: z.string().optional(),
    ClassId: z.int().min(0).optional(),
    SubAppId: z.int().min(0).optional(),
    SessionContext: z.string().optional(),
    SourceContext: z.string().optional(),
    MediaType: z.literal([0, 1, 2, 3, 4]).optional(),
    // letters, numbers, _ and -, at most 64 bytes (L16226–L16231)
    UserDefineRecordId: z.string().regex(/^[A-Za-z0-9_-]{1,64}$/).optional(),
  })
  .strict()

/** L16086–L16101, L15037–L15044 */
export const storageParams = z
  .object({ CloudStorage: cloudStorage.optional(), CloudVod: z.object({ TencentVod: tencentVod.optional() }).strict().optional() })
  .strict()
  .refine((s) => s.CloudStorage !== undefined || s.CloudVod !== undefined, 'Choose where the recording is stored')

/** L16374–L16395: bps, and Width × Height cannot exceed 1920 × 1080. */
export const recordingVideoParams = z
  .object({ Width: z.int().min(1).max(1920), Height: z.int().min(1).max(1920), Fps: z.int().min(1).max(60), BitRate: z.int().min(64000).max(8192000), Gop: z.int().min(1) })
  .strict()
  .refine((v) => v.Width * v.Height <= 1920 * 1080, 'Width × Height cannot exceed 1920 × 1080')

/** L14980–L15001: SampleRate is an enum (1 48 kHz, 2 44.1 kHz, 3 16 kHz); BitRate in bps. */
export const recordingAudioParams = z
  .object({ SampleRate: z.literal([1, 2, 3]), Channel: z.literal([1, 2]), BitRate: z.int().min(32000).max(128000) })
  .strict()

/** L15726–L15741 */
export const mixTranscodeParams = z.object({ VideoParams: recordingVideoParams.optional(), AudioParams: recordingAudioParams.optional() }).strict()

const coord = z.int().min(0).max(1920) // L15516–L15540
/** L15516–L15583 */
export const mixLayout = z
  .object({
    Top: coord,
    Left: coord,
    Width: coord,
    Height: coord,
    UserId: z.string().optional(),
    Alpha: z.int().min(0).max(255).optional(),
    RenderMode: z.literal([0, 1, 2, 3]).optional(),
    MediaId: z.literal([0, 1]).optional(),
    ImageLayer: z.int().min(0).optional(),
    SubBackgroundImage: z.string().optional(),
  })
  .strict()

const wm = z.int().min(0).max(2560) // L16445–L16470
/** L16397–L16482 */
export const waterMark = z
  .object({
    WaterMarkType: z.literal([0, 1, 2]).optional(),
    WaterMarkImage: z.object({ WaterMarkUrl: z.string().min(1), Top: wm, Left: wm, Width: wm, Height: wm }).strict().optional(),
    WaterMarkChar: z
      .object({ Top: z.int().min(0), Left: z.int().min(0), Width: z.int().min(0), Height: z.int().min(0), Chars: z.string().min(1), FontSize: z.int().min(1).optional(), FontColor: z.string().optional(), BackGroundColor: z.string().optional() })
      .strict()
      .optional(),
    WaterMarkTimestamp: z.object({ Pos: z.literal([0, 1, 2, 3, 4, 5, 6]), TimeZone: z.int().optional() }).strict().optional(),
  })
  .strict()

/** L15584–L15724 */
export const mixLayoutParams = z
  .object({
    MixLayoutMode: z.literal([1, 2, 3, 4]),
    MixLayoutList: z.array(mixLayout).max(25, 'Up to 25 videos can be displayed').optional(), // L15600–L15602
    BackGroundColor: z.string().regex(/^#[0-9A-Fa-f]{6}$/, 'Colour has the form #RRGGBB').optional(), // L15645–L15652
    MaxResolutionUserId: z.string().optional(),
    MediaId: z.literal([0, 1]).optional(),
    BackgroundImageUrl: z.string().optional(),
    PlaceHolderMode: z.literal([0, 1]).optional(),
    BackgroundImageRenderMode: z.literal([0, 1, 2, 3]).optional(),
    DefaultSubBackgroundImage: z.string().optional(),
    WaterMarkList: z.array(waterMark).max(25, 'Up to 25 watermarks are supported').optional(),
    RenderMode: z.literal([0, 1, 2, 3]).optional(),
    MaxResolutionUserAlign: z.literal([0, 1]).optional(),
  })
  .strict()

export const createCloudRecordingRequest = z
  .object({
    SdkAppId: sdkAppId,
    RoomId: stringRoomId,
    UserId: userId, // the recording robot; must not collide with anchors (L12848–L12855)
    UserSig: z.string().min(1),
    RecordParams: recordParams,
    StorageParams: storageParams,
    // 0 = string, 1 = 32-bit integer (default) — inverted against mixing (L12872–L12888).
    RoomIdType: z.literal([0, 1]).optional(),
    MixTranscodeParams: mixTranscodeParams.optional(),
    MixLayoutParams: mixLayoutParams.optional(),
    ResourceExpiredHour: z.int().min(6).max(720).optional(), // L12898–L12913
    PrivateMapKey: z.string().optional(),
  })
  .strict()
  .superRefine((v, ctx) => {
    if ((v.RoomIdType ?? 1) === 1 && !(/^[1-9]\d{0,9}$/.test(v.RoomId) && Number(v.RoomId) <= 4294967295))
      ctx.addIssue({ code: 'custom', path: ['RoomId'], message: 'A numeric room ID must be 1–4294967295 (set RoomIdType 0 for a string room)' })
  })

export const describeCloudRecordingRequest = z.object({ SdkAppId: sdkAppId, TaskId: taskId }).strict() // L13184–L13187
export const modifyCloudRecordingRequest = z
  .object({ SdkAppId: sdkAppId, TaskId: taskId, MixLayoutParams: mixLayoutParams.optional(), SubscribeStreamUserIds: subscribeStreamUserIds.optional() })
  .strict() // L13375–L13395
export const deleteCloudRecordingRequest = z.object({ SdkAppId: sdkAppId, TaskId: taskId }).strict() // L13611–L13614

export type CreateCloudRecordingRequest = z.input<typeof createCloudRecordingRequest>
export type DescribeCloudRecordingRequest = z.input<typeof describeCloudRecordingRequest>
export type ModifyCloudRecordingRequest = z.input<typeof modifyCloudRecordingRequest>
export type DeleteCloudRecordingRequest = z.input<typeof deleteCloudRecordingRequest>
export type MixLayout = z.input<typeof mixLayout>

/** L16060–L16084 */
export interface StorageFile {
  UserId: string | null
  FileName: string
  TrackType: 'video' | 'audio' | 'audio_video' | null
  BeginTimeStamp: number
}

export interface CloudRecordingTaskResponse {
  TaskId: string
}
/** L13207–L13219 */
export interface DescribeCloudRecordingResponse {
  TaskId: string
  Status: 'Idle' | 'InProgress' | 'Exited'
  StorageFileList: StorageFile[] | null
}
