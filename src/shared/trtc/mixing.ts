// MixTranscoding and relay: StartPublishCdnStream, UpdatePublishCdnStream, StopPublishCdnStream
// (003_530a54cf0f8c0df7.txt L2064–L4022) and the MCU data types (L14934–L16372).
import { parseNumericRoomId } from './roomId'
import { z } from 'zod'
import { sdkAppId, stringRoomId, taskId, userId } from './common'

// RoomIdType here is 0 = integer, 1 = string (L2331–L2337, L15757, L15179–L15181) — the opposite of
// cloud recording.
const mcuRoomIdType = z.union([z.literal(0), z.literal(1)])

/** L15742–L15757 */
export const mixUserInfo = z.object({ UserId: userId, RoomId: stringRoomId.optional(), RoomIdType: mcuRoomIdType.optional() }).strict()
/** L16339–L16349: StreamType 0 camera, 1 screen sharing. */
export const userMediaStream = z.object({ UserInfo: mixUserInfo.optional(), StreamType: z.union([z.literal(0), z.literal(1)]).optional() }).strict()

/** L14934–L14956: MaxIdleTime "cannot be smaller than 5 or larger than 86400". */
export const agentParams = z
  .object({ UserId: userId, UserSig: z.string().min(1).optional(), MaxIdleTime: z.int().min(5).max(86400).optional() })
  .strict()

/** L14958–L14978 */
export const audioEncode = z
  .object({
    SampleRate: z.literal([48000, 44100, 32000, 24000, 16000, 8000]),
    Channel: z.union([z.literal(1), z.literal(2)]),
    BitRate: z.int().min(8).max(500), // Kbps
    Codec: z.union([z.literal(0), z.literal(1), z.literal(2)]).optional(),
  })
  .strict()
  .superRefine((v, ctx) => {
    // "If this parameter is set to 2, Channel must be 2. If it is set to 1 or 2, SampleRate can only
    // be 48000, 44100, 32000, 24000, or 16000." (L14974–L14978)
    if (v.Codec === 2 && v.Channel !== 2) ctx.addIssue({ code: 'custom', path: ['Channel'], message: 'HE-AACv2 needs two channels' })
    if ((v.Codec === 1 || v.Codec === 2) && v.SampleRate === 8000) ctx.addIssue({ code: 'custom', path: ['SampleRate'], message: 'HE-AAC does not support 8000 Hz' })
  })

const mcuUserInfoParams = z.object({ UserInfo: mixUserInfo }).strict() // L15388–L15396

/** L15096–L15145 */
export const mcuAudioParams = z
  .object({ AudioEncode: audioEncode.optional(), SubscribeAudioList: z.array(mcuUserInfoParams).optional(), UnSubscribeAudioList: z.array(mcuUserInfoParams).optional() })
  .strict()

/** L16351–L16372 */
export const videoEncode = z
  .object({
    Width: z.int().min(0).max(1920),
    Height: z.int().min(0).max(1080),
    Fps: z.int().min(0).max(60),
    BitRate: z.int().min(0).max(10000), // Kbps
    Gop: z.int().min(1).max(5), // seconds
  })
  .strict()

const renderMode = z.union([z.literal(0), z.literal(1), z.literal(2)])
const px = z.int().min(0)

/** L15147–L15167: the sums with the offsets cannot exceed 10000. */
export const mcuCustomCrop = z
  .object({ LocationX: px, LocationY: px, Width: px, Height: px })
  .strict()
  .refine((c) => c.LocationX + c.Width <= 10000 && c.LocationY + c.Height <= 10000, 'Crop area exceeds 10000 px')

/** L15194–L15274 */
export const mcuLayout = z
  .object({
    UserMediaStream: userMediaStream.optional(),
    ImageWidth: px.optional(),
    ImageHeight: px.optional(),
    LocationX: px.optional(),
    LocationY: px.optional(),
    ZOrder: z.int().optional(),
    RenderMode: renderMode.optional(),
    BackGroundColor: z.string().optional(),
    BackgroundImageUrl: z.string().optional(),
    CustomCrop: mcuCustomCrop.optional(),
    BackgroundRenderMode: z.union([z.literal(0), z.literal(1), z.literal(2), z.literal(3)]).optional(),
  })
  .strict()

/** L15276–L15310: 1 floating, 2 screen sharing, 3 grid, 4 custom. */
export const mcuLayoutParams = z
  .object({
    MixLayoutMode: z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(4)]).optional(),
    PureAudioHoldPlaceMode: z.union([z.literal(0), z.literal(1)]).optional(),
    MixLayoutList: z.array(mcuLayout).optional(),
    MaxVideoUser: z.object({ UserMediaStream: userMediaStream }).strict().optional(),
    RenderMode: renderMode.optional(),
  })
  .strict()

// `0xRRGGBB` (L15412–L15420; example "0xFF0000" L2564).
const mcuColor = z.string().regex(/^0x[0-9A-Fa-f]{6}$/, 'Colour has the form 0xRRGGBB')

/** L15440–L15514 */
export const mcuWaterMarkParams = z
  .object({
    WaterMarkType: z.union([z.literal(0), z.literal(1)]).optional(),
    WaterMarkImage: z
      .object({ WaterMarkUrl: z.string().min(1), WaterMarkWidth: px, WaterMarkHeight: px, LocationX: px, LocationY: px, ZOrder: z.int().optional() })
      .strict()
      .optional(),
    WaterMarkText: z
      .object({
        Text: z.string().min(1),
        WaterMarkWidth: px,
        WaterMarkHeight: px,
        LocationX: px,
        LocationY: px,
        FontSize: z.int().min(1),
        FontColor: mcuColor.optional(),
        BackGroundColor: mcuColor.optional(),
      })
      .strict()
      .optional(),
  })
  .strict()
  // "required if WaterMarkType is 0" / "required if WaterMarkType is 1" (L15470–L15480)
  .refine((w) => ((w.WaterMarkType ?? 0) === 0 ? w.WaterMarkImage !== undefined : w.WaterMarkText !== undefined), 'The watermark needs its image or text')

/** L15398–L15439 */
export const mcuVideoParams = z
  .object({
    VideoEncode: videoEncode.optional(),
    LayoutParams: mcuLayoutParams.optional(),
    BackGroundColor: mcuColor.optional(),
    BackgroundImageUrl: z.string().optional(),
    WaterMarkList: z.array(mcuWaterMarkParams).optional(),
    BackgroundRenderMode: renderMode.optional(),
  })
  .strict()
  .superRefine((v, ctx) => {
    // "The sum of LocationX and ImageWidth cannot exceed the width of the canvas." (L15218–L15226)
    const canvas = v.VideoEncode
    if (!canvas) return
    v.LayoutParams?.MixLayoutList?.forEach((t, i) => {
      if ((t.LocationX ?? 0) + (t.ImageWidth ?? 0) > canvas.Width) ctx.addIssue({ code: 'custom', path: ['LayoutParams', 'MixLayoutList', i, 'ImageWidth'], message: 'Tile extends past the canvas width' })
      if ((t.LocationY ?? 0) + (t.ImageHeight ?? 0) > canvas.Height) ctx.addIssue({ code: 'custom', path: ['LayoutParams', 'MixLayoutList', i, 'ImageHeight'], message: 'Tile extends past the canvas height' })
    })
  })

/** L15360–L15375: IsTencentCdn 1 (default) Tencent CDN, 0 third party (billed). */
export const mcuPublishCdnParam = z.object({ PublishCdnUrl: z.string().min(1), IsTencentCdn: z.union([z.literal(0), z.literal(1)]).optional() }).strict()

/** L15169–L15192 */
export const mcuFeedBackRoomParams = z.object({ RoomId: stringRoomId, RoomIdType: mcuRoomIdType, UserId: userId, UserSig: z.string().min(1) }).strict()

// "Value range: 100-254 (244 is used internally by Tencent Cloud for timestamps)." (L15325–L15328)
const seiPayloadType = z.int().min(100).max(254).refine((n) => n !== 244, 'Payload type 244 is reserved')

/** L15312–L15358, L15377–L15387 */
export const mcuSeiParams = z
  .object({
    LayoutVolume: z
      .object({
        AppData: z.string().max(4095, 'AppData must be shorter than 4,096 characters').optional(), // L15318–L15320
        PayloadType: seiPayloadType.optional(),
        Interval: z.int().min(1).optional(),
        FollowIdr: z.union([z.literal(0), z.literal(1)]).optional(),
      })
      .strict()
      .optional(),
    PassThrough: z
      .object({
        PayloadContent: z.string(),
        PayloadType: z.union([z.literal(5), seiPayloadType]), // "5 and 100-254" (L15345–L15347)
        PayloadUuid: z.string().regex(/^[0-9A-Fa-f]{32}$/, 'PayloadUuid is 32 hexadecimal characters').optional(), // L15349–L15352
        Interval: z.int().min(1).optional(),
        FollowIdr: z.union([z.literal(0), z.literal(1)]).optional(),
      })
      .strict()
      .refine((p) => p.PayloadType !== 5 || p.PayloadUuid !== undefined, 'PayloadUuid is required when PayloadType is 5')
      .optional(),
  })
  .strict()

// "A single relay task can support up to 10 CDN relay addresses" and "up to 10 TRTC rooms for
// mixed stream pushback" (L2097–L2099).
const cdnList = z.array(mcuPublishCdnParam).max(10, 'At most 10 CDN addresses')
const feedBackList = z.array(mcuFeedBackRoomParams).max(10, 'At most 10 rooms')
const withTranscoding = z.union([z.literal(0), z.literal(1)]) // L2342–L2353

export const startPublishCdnStreamRequest = z
  .object({
    SdkAppId: sdkAppId,
    RoomId: stringRoomId,
    RoomIdType: mcuRoomIdType,
    AgentParams: agentParams,
    WithTranscoding: withTranscoding,
    AudioParams: mcuAudioParams.optional(),
    VideoParams: mcuVideoParams.optional(),
    SingleSubscribeParams: z.object({ UserMediaStream: userMediaStream }).strict().optional(),
    PublishCdnParams: cdnList.optional(),
    SeiParams: mcuSeiParams.optional(),
    FeedBackRoomParams: feedBackList.optional(),
  })
  .strict()
  .superRefine((v, ctx) => {
    // A numeric room must be given as its decimal digits (RoomIdType 0 = integer, L2337).
    if (v.RoomIdType === 0 && parseNumericRoomId(v.RoomId) === null) ctx.addIssue({ code: 'custom', path: ['RoomId'], message: 'A numeric room ID must be 1–4294967295' })
    // "You need to specify at least one between this parameter and FeedBackRoomParams.N." (L2384–L2389)
    if (!v.PublishCdnParams?.length && !v.FeedBackRoomParams?.length) ctx.addIssue({ code: 'custom', path: ['PublishCdnParams'], message: 'Give at least one CDN address or one room to relay to' })
    // Single-stream relay requires WithTranscoding 0 (L2198–L2200).
    if (v.SingleSubscribeParams && v.WithTranscoding !== 0) ctx.addIssue({ code: 'custom', path: ['WithTranscoding'], message: 'A single-stream relay must not transcode' })
  })

export const updatePublishCdnStreamRequest = z
  .object({
    SdkAppId: sdkAppId,
    TaskId: taskId,
    // Must increase with every update of the same task (L2266–L2269, L3529–L3536).
    SequenceNumber: z.int().min(0),
    WithTranscoding: withTranscoding,
    AudioParams: mcuAudioParams.optional(),
    VideoParams: mcuVideoParams.optional(),
    SingleSubscribeParams: z.object({ UserMediaStream: userMediaStream }).strict().optional(),
    PublishCdnParams: cdnList.optional(),
    SeiParams: mcuSeiParams.optional(),
    FeedBackRoomParams: feedBackList.optional(),
  })
  .strict()

export const stopPublishCdnStreamRequest = z.object({ SdkAppId: sdkAppId, TaskId: taskId }).strict() // L3912–L3914

export type StartPublishCdnStreamRequest = z.input<typeof startPublishCdnStreamRequest>
export type UpdatePublishCdnStreamRequest = z.input<typeof updatePublishCdnStreamRequest>
export type StopPublishCdnStreamRequest = z.input<typeof stopPublishCdnStreamRequest>
export type McuLayout = z.input<typeof mcuLayout>
export type McuVideoParams = z.input<typeof mcuVideoParams>

/** L2413–L2414, L3598, L3932 */
export interface PublishCdnStreamResponse {
  TaskId: string
}
