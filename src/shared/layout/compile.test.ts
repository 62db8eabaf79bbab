import { describe, expect, it } from 'vitest'
import { createCloudRecordingRequest, modifyCloudRecordingRequest } from '../trtc/recording'
import { startPublishCdnStreamRequest, updatePublishCdnStreamRequest } from '../trtc/mixing'
import {
  fromMcuRequest,
  fromRecordingRequest,
  toCreateCloudRecordingRequest,
  toModifyCloudRecordingRequest,
  toMcu,
  toRecording,
  toStartPublishCdnStreamRequest,
  toTccliCommand,
  toUpdatePublishCdnStreamRequest,
} from './compile'
import { createDoc, makeTile, type LayoutDoc, type LayoutMode, type RenderMode, type Tile, type Watermark } from './model'
import { validate } from './validate'
import { mulberry32 } from '../testing/rng'

// ---- The seed's own example requests, transcribed verbatim ------------------------------------

const USER_SIG =
  'eJw1zV8LgjAUBfCvInsO2dStGfQSQUb2pFJvsnLJJZW1LekPffdc6X08v8O5b5Snmd9LjRYeCnyMZt4vgUp2Fi7wB6vtuVRC207q0kpjSzIVTXUVSkE11EiEMeE8ZGw0*VCg5SCcDeRuBAutiwkLeRRwOo*nMajduy5O*gIaus9qel9vX*lJbHJmyDMxuKFFI27tsT*I1S6pl*jzBb*IOTE_'

/** StartPublishCdnStream Example 1 (003_530a54cf0f8c0df7.txt L2441–L2615). */
const START_EX1 = {
  AgentParams: { MaxIdleTime: 30, UserSig: USER_SIG, UserId: 'trtc_partner_test_1' },
  AudioParams: { AudioEncode: { SampleRate: 48000, Codec: 0, BitRate: 64, Channel: 2 } },
  VideoParams: {
    VideoEncode: { Height: 720, Width: 1280, Fps: 15, BitRate: 1536, Gop: 2 },
    LayoutParams: {
      PureAudioHoldPlaceMode: 0,
      MixLayoutMode: 4,
      MixLayoutList: [
        { LocationX: 0, LocationY: 0, UserMediaStream: { StreamType: 0, UserInfo: { RoomIdType: 0, RoomId: '295066', UserId: 'Trtc_User_0' } }, ZOrder: 0, ImageHeight: 720, ImageWidth: 640, RenderMode: 0 },
        { LocationX: 640, LocationY: 0, UserMediaStream: { StreamType: 0, UserInfo: { RoomIdType: 0, RoomId: '295066', UserId: 'Trtc_User_1' } }, ZOrder: 0, ImageHeight: 720, ImageWidth: 640, RenderMode: 0 },
      ],
    },
    BackGroundColor: '0xFF0000',
    WaterMarkList: [
      {
        WaterMarkType: 0,
        WaterMarkImage: {
          LocationX: 64,
          LocationY: 64,
          WaterMarkHeight: 64,
          WaterMarkWidth: 64,
          WaterMarkUrl: 'https://xkt-course-1304449343.cos.ap-beijing.myqcloud.com/test/mark/37f9eb62-ca72-430e-bfca-e700b59b20e0.png',
          ZOrder: 3,
        },
      },
    ],
  },
  PublishCdnParams: [{ PublishCdnUrl: 'rtmp://3891.livepush.myqcloud.com/live/trtc_publishcdn_test1', IsTencentCdn: 1 }],
  RoomIdType: 0,
  SdkAppId: 1400188366,
  WithTranscoding: 1,
  RoomId: '295066',
} as const

/** StartPublishCdnStream Example 6 (L3185–L3405): Example 1 plus the volume-layout SEI. */
const START_EX6 = { ...START_EX1, SeiParams: { LayoutVolume: { AppData: 'layout_sei_test', PayloadType: 100, Interval: 1000, FollowIdr: 1 } } }

/** UpdatePublishCdnStream Example 1 (L3607–L3763). */
const UPDATE_EX1 = {
  SdkAppId: 1400188366,
  TaskId: '-m97l2ZU7kOlV5cTRMoU6yoGp2nDYkzbJ13EC4K-4pycoZXVv+XVrNoUXQ8++8Z2PwUlAQ..',
  SequenceNumber: 20,
  WithTranscoding: 1,
  AudioParams: {
    SubscribeAudioList: [{ UserInfo: { RoomId: '48111', RoomIdType: 0, UserId: 'Trtc_User_0' } }, { UserInfo: { RoomId: '48111', RoomIdType: 0, UserId: 'Trtc_User_3' } }],
  },
  VideoParams: {
    LayoutParams: {
      MixLayoutMode: 4,
      MixLayoutList: [
        { UserMediaStream: { UserInfo: { RoomId: '48111', RoomIdType: 0, UserId: 'Trtc_User_3' }, StreamType: 0 }, ImageWidth: 640, ImageHeight: 720, LocationX: 0, LocationY: 0, ZOrder: 0, RenderMode: 0 },
        { UserMediaStream: { UserInfo: { RoomId: '48111', RoomIdType: 0, UserId: 'Trtc_User_0' }, StreamType: 0 }, ImageWidth: 640, ImageHeight: 720, LocationX: 640, LocationY: 360, ZOrder: 0, RenderMode: 0 },
      ],
    },
  },
} as const

/** CreateCloudRecording Example 1 (L12950–L13053). */
const CREATE_EX1 = {
  StorageParams: { CloudVod: { TencentVod: { ExpireTime: 0 } } },
  UserSig: '11xx111',
  UserId: '10001',
  RecordParams: { MaxIdleTime: 60, StreamType: 0, RecordMode: 2 },
  RoomIdType: 1,
  MixTranscodeParams: { VideoParams: { Width: 360, BitRate: 500000, Fps: 15, Height: 640, Gop: 10 } },
  MixLayoutParams: { MixLayoutMode: 3 },
  SdkAppId: 1234,
  RoomId: '3560',
} as const

/** ModifyCloudRecording Example 1 (L13414–L13511). */
const MODIFY_EX1 = {
  SubscribeStreamUserIds: { SubscribeVideoUserIds: ['123', '456'], SubscribeAudioUserIds: ['123', '456'] },
  TaskId: 'xx',
  SdkAppId: 1234,
  MixLayoutParams: {
    MixLayoutMode: 4,
    MixLayoutList: [
      { Top: 100, UserId: '123', Height: 100, Width: 100, Left: 100 },
      { Top: 200, UserId: '456', Height: 100, Width: 100, Left: 200 },
    ],
  },
} as const

const startFields = {
  SdkAppId: 1400188366,
  RoomId: '295066',
  RoomIdType: 0 as const,
  AgentParams: { MaxIdleTime: 30, UserSig: USER_SIG, UserId: 'trtc_partner_test_1' },
  AudioEncode: { SampleRate: 48000 as const, Codec: 0 as const, BitRate: 64, Channel: 2 as const },
  VideoEncode: { Fps: 15, BitRate: 1536, Gop: 2 },
  PublishCdnParams: [{ PublishCdnUrl: 'rtmp://3891.livepush.myqcloud.com/live/trtc_publishcdn_test1', IsTencentCdn: 1 as const }],
}

const recordingFields = {
  SdkAppId: 1234,
  RoomId: '3560',
  RoomIdType: 1 as const,
  UserId: '10001',
  UserSig: '11xx111',
  RecordParams: { MaxIdleTime: 60, StreamType: 0 as const, RecordMode: 2 as const },
  StorageParams: { CloudVod: { TencentVod: { ExpireTime: 0 } } },
  Video: { BitRate: 500000, Fps: 15, Gop: 10 },
}

function ex1Doc(): LayoutDoc {
  const doc = createDoc('1280x720', 'Example 1')
  const user = (id: string): Tile['binding'] => ({ kind: 'user', userId: id, roomId: '295066', roomIdType: 'number', streamType: 'camera' })
  doc.canvas.backgroundColor = '#ff0000'
  doc.sei.layoutVolume = null // the example carries no SEI
  doc.tiles = [
    { ...makeTile('t1', { x: 0, y: 0, width: 640, height: 720 }), binding: user('Trtc_User_0') },
    { ...makeTile('t2', { x: 640, y: 0, width: 640, height: 720 }), binding: user('Trtc_User_1') },
  ]
  doc.watermarks = [{ id: 'w1', kind: 'image', image: { name: 'mark.png', url: START_EX1.VideoParams.WaterMarkList[0].WaterMarkImage.WaterMarkUrl }, x: 64, y: 64, width: 64, height: 64, z: 3 }]
  return doc
}

describe('golden requests from the seed', () => {
  it('reproduces StartPublishCdnStream Example 1 from a designed document', () => {
    const body = toStartPublishCdnStreamRequest(ex1Doc(), startFields)
    expect(body).toEqual(START_EX1)
    expect(startPublishCdnStreamRequest.safeParse(body).success).toBe(true)
    expect(validate(ex1Doc(), 'mcu').filter((i) => i.severity === 'error')).toEqual([])
  })

  it('reproduces Example 6 with the volume-layout SEI', () => {
    const doc = { ...ex1Doc(), sei: { layoutVolume: { appData: 'layout_sei_test', payloadType: 100, interval: 1000, followIdr: true }, passThrough: null } }
    expect(toStartPublishCdnStreamRequest(doc, startFields)).toEqual(START_EX6)
  })

  it('imports Examples 1 and 6 and compiles them back unchanged', () => {
    for (const ex of [START_EX1, START_EX6]) {
      const { doc, warnings } = fromMcuRequest(JSON.stringify(ex))
      expect(warnings).toEqual([])
      expect(toStartPublishCdnStreamRequest(doc, startFields)).toEqual(ex)
    }
  })

  it('reproduces UpdatePublishCdnStream Example 1, plus the two defaults the designer always sends', () => {
    const { doc, warnings } = fromMcuRequest(UPDATE_EX1)
    expect(warnings).toEqual(['No VideoEncode: the canvas was set to 1280×720. Check it before sending.'])
    const body = toUpdatePublishCdnStreamRequest(doc, { SdkAppId: 1400188366, TaskId: UPDATE_EX1.TaskId, SequenceNumber: 20, MainRoom: { roomId: '48111', roomIdType: 'number' } })
    // An update always sends both audio lists: one left out would mean "no change" (L15103–L15145).
    expect(body).toEqual({
      ...UPDATE_EX1,
      AudioParams: { ...UPDATE_EX1.AudioParams, UnSubscribeAudioList: [] },
      VideoParams: { LayoutParams: { PureAudioHoldPlaceMode: 0, ...UPDATE_EX1.VideoParams.LayoutParams }, BackGroundColor: '0x000000' },
    })
    expect(updatePublishCdnStreamRequest.safeParse(body).success).toBe(true)
    // The example places a 720-high tile at y = 360: on the 1280×720 canvas of the Start example it
    // overflows, and validation says so.
    expect(validate(doc, 'mcu')).toContainEqual(expect.objectContaining({ severity: 'error', code: 'tile.bottom', tileId: 't2', field: 'height' }))
  })

  it('reproduces CreateCloudRecording Example 1 (grid template, 360×640)', () => {
    const doc = { ...createDoc('custom', 'Grid', { width: 360, height: 640 }), mode: 'grid' as const }
    const body = toCreateCloudRecordingRequest(doc, recordingFields)
    expect(body).toEqual(CREATE_EX1)
    expect(createCloudRecordingRequest.safeParse(body).success).toBe(true)
    const back = fromRecordingRequest(CREATE_EX1)
    expect(back.warnings).toEqual([])
    expect(back.doc.mode).toBe('grid')
    expect(back.doc.canvas).toMatchObject({ width: 360, height: 640 })
    expect(toCreateCloudRecordingRequest(back.doc, recordingFields)).toEqual(CREATE_EX1)
  })

  it('reproduces ModifyCloudRecording Example 1 (custom layout, two users)', () => {
    const doc = createDoc('custom', 'Two', { width: 360, height: 640 })
    const bind = (userId: string): Tile['binding'] => ({ kind: 'user', userId, roomId: '', roomIdType: 'number', streamType: 'camera' })
    doc.tiles = [
      { ...makeTile('t1', { x: 100, y: 100, width: 100, height: 100 }), binding: bind('123') },
      { ...makeTile('t2', { x: 200, y: 200, width: 100, height: 100 }), binding: bind('456') },
    ]
    doc.audio = { subscribe: [{ userId: '123', roomId: '', roomIdType: 'number' }, { userId: '456', roomId: '', roomIdType: 'number' }], unsubscribe: null }
    const body = toModifyCloudRecordingRequest(doc, { SdkAppId: 1234, TaskId: 'xx', SubscribeStreamUserIds: { SubscribeVideoUserIds: ['123', '456'] } })
    expect(body).toEqual(MODIFY_EX1)
    expect(modifyCloudRecordingRequest.safeParse(body).success).toBe(true)
    const back = fromRecordingRequest(MODIFY_EX1)
    expect(back.warnings).toEqual(['No MixTranscodeParams.VideoParams: the canvas is the recording default, 360×640.'])
    expect(back.doc.tiles.map((t) => [t.x, t.y, t.binding.kind === 'user' ? t.binding.userId : ''])).toEqual([
      [100, 100, '123'],
      [200, 200, '456'],
    ])
  })
})

describe('dialect mappings', () => {
  it('maps render modes, colours, alpha and layers per dialect', () => {
    const doc = createDoc('1280x720')
    doc.canvas.backgroundColor = '#ffa500'
    doc.tiles = [
      { ...makeTile('a', { x: 1, y: 2, width: 3, height: 4 }, 5), renderMode: 'fitBlack', alpha: 55, binding: { kind: 'user', userId: 'u', roomId: 'r-1', roomIdType: 'string', streamType: 'screen' } },
      { ...makeTile('b', { x: 0, y: 0, width: 10, height: 10 }), renderMode: 'fit', crop: { x: 1, y: 2, w: 30, h: 40 }, placeholder: { name: 'p.png', url: 'https://e.com/p.png' }, placeholderFit: 'scaleBlack' },
    ]
    const mcu = toMcu(doc).video.LayoutParams.MixLayoutList ?? []
    expect(mcu[0]).toEqual({ LocationX: 1, LocationY: 2, ImageWidth: 3, ImageHeight: 4, ZOrder: 5, RenderMode: 2, UserMediaStream: { UserInfo: { UserId: 'u', RoomId: 'r-1', RoomIdType: 1 }, StreamType: 1 } })
    expect(mcu[1]).toMatchObject({ RenderMode: 1, CustomCrop: { LocationX: 1, LocationY: 2, Width: 30, Height: 40 }, BackgroundImageUrl: 'https://e.com/p.png', BackgroundRenderMode: 2 })
    expect(mcu[1]).not.toHaveProperty('UserMediaStream')
    expect(toMcu(doc).video.BackGroundColor).toBe('0xFFA500')
    const rec = toRecording(doc).MixLayoutParams
    expect(rec.BackGroundColor).toBe('#FFA500') // the seed's orange (L15650–L15652)
    expect(rec.MixLayoutList?.[0]).toEqual({ Top: 2, Left: 1, Width: 3, Height: 4, UserId: 'u', MediaId: 1, Alpha: 200, RenderMode: 2, ImageLayer: 5 })
    expect(rec.PlaceHolderMode).toBe(1)
  })

  it('sends template settings only for template modes', () => {
    const big = { userId: 'host', roomId: '', roomIdType: 'number' as const, streamType: 'screen' as const }
    const doc: LayoutDoc = { ...createDoc('1920x1080'), mode: 'screenShare', template: { bigScreenUser: big, renderMode: 'fitBlack', showAudioOnly: true, bigOnRight: true, defaultPlaceholder: null } }
    doc.tiles = [makeTile('t1', { x: 0, y: 0, width: 10, height: 10 })]
    expect(toMcu(doc).video.LayoutParams).toEqual({ MixLayoutMode: 2, PureAudioHoldPlaceMode: 1, MaxVideoUser: { UserMediaStream: { UserInfo: { UserId: 'host' }, StreamType: 1 } }, RenderMode: 2 })
    expect(toRecording(doc).MixLayoutParams).toEqual({ MixLayoutMode: 2, MaxResolutionUserId: 'host', MediaId: 1, RenderMode: 2, MaxResolutionUserAlign: 1 })
    const grid = toMcu({ ...doc, mode: 'grid' }).video.LayoutParams
    expect(grid).not.toHaveProperty('MaxVideoUser')
  })

  it('emits SEI and audio lists', () => {
    const doc = createDoc('1280x720')
    doc.sei = { layoutVolume: null, passThrough: { payloadType: 5, uuid: '0123456789abcdef0123456789ABCDEF', content: 'hi', interval: 500, followIdr: false } }
    doc.audio = { subscribe: [], unsubscribe: [{ userId: 'x', roomId: '9', roomIdType: 'number' }] }
    const out = toMcu(doc)
    expect(out.SeiParams).toEqual({ PassThrough: { PayloadContent: 'hi', PayloadType: 5, PayloadUuid: '0123456789abcdef0123456789ABCDEF', Interval: 500, FollowIdr: 0 } })
    expect(out.audioLists).toEqual({ SubscribeAudioList: [], UnSubscribeAudioList: [{ UserInfo: { UserId: 'x', RoomId: '9', RoomIdType: 0 } }] })
    expect(toRecording(doc).audioLists).toEqual({ SubscribeAudioUserIds: [], UnSubscribeAudioUserIds: ['x'] })
  })
})

describe('tccli', () => {
  it('renders one option per parameter with JSON structures, shell-quoted', () => {
    const line = toTccliCommand('ModifyCloudRecording', MODIFY_EX1, 'ap-guangzhou')
    expect(line.startsWith('tccli trtc ModifyCloudRecording --region ap-guangzhou --SubscribeStreamUserIds \'{"SubscribeVideoUserIds":["123","456"]')).toBe(true)
    expect(line).toContain(' --TaskId xx --SdkAppId 1234 --MixLayoutParams \'{"MixLayoutMode":4,')
    expect(toTccliCommand('X', { Name: "it's" }, 'ap-beijing')).toBe(`tccli trtc X --region ap-beijing --Name 'it'\\''s'`)
    expect(toTccliCommand('DescribeTRTCRealTimeScaleData', { SdkAppId: '1400000001', StartTime: 1 }, null)).toBe('tccli trtc DescribeTRTCRealTimeScaleData --SdkAppId 1400000001 --StartTime 1')
  })
})

// ---- Property-style round trips ------------------------------------------------------------------


function randomDoc(rnd: () => number, target: 'mcu' | 'recording'): LayoutDoc {
  const int = (lo: number, hi: number): number => lo + Math.floor(rnd() * (hi - lo + 1))
  const pick = <T,>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)] as T
  const maybe = (p = 0.5): boolean => rnd() < p
  const mcu = target === 'mcu'
  const W = mcu ? int(160, 1920) : int(160, 1920)
  const H = mcu ? int(90, 1080) : Math.min(1920, Math.floor((1920 * 1080) / W), int(90, 1920))
  const doc = createDoc('custom', `doc-${int(0, 999)}`, { width: W, height: H })
  const modes: readonly RenderMode[] = mcu ? ['crop', 'fit', 'fitBlack'] : ['stretch', 'crop', 'fitBlack', 'smart']
  const hex = (): string => `#${int(0, 0xffffff).toString(16).padStart(6, '0')}`
  const image = (): { name: string; url: string } => ({ name: `i${int(0, 99)}.png`, url: `https://cdn.example.com/i${int(0, 99)}.png` })
  const room = (): { roomId: string; roomIdType: 'number' | 'string' } =>
    !mcu ? { roomId: '', roomIdType: 'number' } : pick([{ roomId: '', roomIdType: 'number' as const }, { roomId: String(int(1, 4294967295)), roomIdType: 'number' as const }, { roomId: `room_${int(0, 9)}`, roomIdType: 'string' as const }])
  doc.mode = pick<LayoutMode>(['custom', 'floating', 'grid', 'screenShare'])
  doc.canvas.backgroundColor = hex()
  if (maybe(0.3)) doc.canvas.backgroundImage = image()
  if (maybe(0.3)) doc.canvas.backgroundRenderMode = pick(modes)
  const n = int(1, mcu ? 16 : 24)
  doc.tiles = Array.from({ length: n }, (_, i): Tile => {
    const width = int(1, W)
    const height = int(1, H)
    const t = makeTile(`t${i + 1}`, { x: int(0, W - width), y: int(0, H - height), width, height }, int(0, 10))
    t.renderMode = pick(modes)
    if (mcu && maybe(0.2)) t.crop = { x: int(1, 500), y: int(1, 500), w: int(1, 2000), h: int(1, 2000) }
    if (maybe(0.2)) t.placeholder = image()
    if (mcu && maybe(0.2)) t.placeholderFit = pick(['crop', 'scaleBackground', 'scaleBlack', 'proportional'] as const)
    if (!mcu && maybe(0.3)) t.alpha = int(0, 254)
    if (maybe(0.7)) {
      t.binding = { kind: 'user', userId: `user_${i}`, ...room(), streamType: maybe(0.2) ? 'screen' : 'camera' }
      t.label = `user_${i}`
    } else t.label = `Slot ${i + 1}`
    return t
  })
  doc.watermarks = Array.from({ length: int(0, 3) }, (_, i): Watermark => {
    const width = int(1, Math.min(200, W))
    const height = int(1, Math.min(100, H))
    const rect = { x: int(0, W - width), y: int(0, H - height), width, height }
    return !mcu || maybe() ? { id: `w${i + 1}`, kind: 'image', image: image(), z: mcu ? int(0, 5) : 0, ...rect } : { id: `w${i + 1}`, kind: 'text', text: `T${i}`, fontSize: int(8, 72), fontColor: hex(), backgroundColor: maybe() ? hex() : null, ...rect }
  })
  const audioUser = (k: number): { userId: string; roomId: string; roomIdType: 'number' } => ({ userId: `a${k}`, roomId: '', roomIdType: 'number' })
  const sub = maybe(0.4) ? Array.from({ length: int(0, 4) }, (_, k) => audioUser(k)) : null
  doc.audio = { subscribe: sub, unsubscribe: maybe(0.3) && !(sub && sub.length > 0 && !mcu) ? Array.from({ length: int(0, 3) }, (_, k) => audioUser(k + 10)) : null }
  if (!mcu && doc.audio.subscribe?.length === 0 && doc.audio.unsubscribe?.length) doc.audio.subscribe = null
  if (mcu && maybe(0.4)) doc.sei.layoutVolume = { appData: 'x'.repeat(int(0, 50)), payloadType: pick([100, 120, 243, 245, 254]), interval: int(100, 5000), followIdr: maybe() }
  if (mcu && maybe(0.3)) {
    const five = maybe()
    doc.sei.passThrough = { payloadType: five ? 5 : 200, uuid: five ? '00112233445566778899aabbccddeeff' : null, content: 'payload', interval: int(100, 5000), followIdr: maybe() }
  }
  if (doc.mode !== 'custom' && (maybe(0.6) || (mcu && doc.mode === 'screenShare'))) doc.template.bigScreenUser = { userId: 'big_user', ...(mcu ? room() : { roomId: '', roomIdType: 'number' as const }), streamType: maybe(0.3) ? 'screen' : 'camera' }
  doc.template.renderMode = pick(modes)
  doc.template.showAudioOnly = mcu && maybe()
  doc.template.bigOnRight = !mcu && doc.mode === 'screenShare' && maybe()
  if (!mcu && maybe(0.2)) doc.template.defaultPlaceholder = image()
  return doc
}

describe('round trips (seeded)', () => {
  it('MCU: doc → request → doc → request is stable, valid and accepted by the wire schema', () => {
    const rnd = mulberry32(20240601)
    for (let i = 0; i < 300; i++) {
      const doc = randomDoc(rnd, 'mcu')
      const errors = validate(doc, 'mcu').filter((x) => x.severity === 'error')
      expect(errors, `doc ${i}`).toEqual([])
      const req1 = toStartPublishCdnStreamRequest(doc, startFields)
      const parsed = startPublishCdnStreamRequest.safeParse(req1)
      expect(parsed.success, `doc ${i}: ${parsed.error?.message}`).toBe(true)
      const back = fromMcuRequest(JSON.stringify(req1))
      const req2 = toStartPublishCdnStreamRequest(back.doc, startFields)
      expect(req2, `doc ${i}`).toEqual(req1)
      const upd = toUpdatePublishCdnStreamRequest(back.doc, { SdkAppId: 1, TaskId: 'task', SequenceNumber: i, MainRoom: { roomId: '1', roomIdType: 'number' } })
      expect(updatePublishCdnStreamRequest.safeParse(upd).success).toBe(true)
      if (doc.mode === 'custom') expect(back.doc.tiles.map((t) => [t.x, t.y, t.width, t.height, t.z, t.renderMode])).toEqual(doc.tiles.map((t) => [t.x, t.y, t.width, t.height, t.z, t.renderMode]))
    }
  })

  it('recording: doc → request → doc → request is stable, valid and accepted by the wire schema', () => {
    const rnd = mulberry32(7)
    for (let i = 0; i < 300; i++) {
      const doc = randomDoc(rnd, 'recording')
      const errors = validate(doc, 'recording').filter((x) => x.severity === 'error')
      expect(errors, `doc ${i}`).toEqual([])
      const req1 = toCreateCloudRecordingRequest(doc, recordingFields)
      const parsed = createCloudRecordingRequest.safeParse(req1)
      expect(parsed.success, `doc ${i}: ${parsed.error?.message}`).toBe(true)
      const bare = fromRecordingRequest({ MixLayoutParams: req1.MixLayoutParams, MixTranscodeParams: req1.MixTranscodeParams, RecordParams: req1.RecordParams })
      const req2 = toCreateCloudRecordingRequest(bare.doc, recordingFields)
      expect(req2, `doc ${i}`).toEqual(req1)
      const mod = toModifyCloudRecordingRequest(bare.doc, { SdkAppId: 1, TaskId: 't' })
      expect(modifyCloudRecordingRequest.safeParse(mod).success).toBe(true)
    }
  })

  it('importers never throw on hostile input', () => {
    const rnd = mulberry32(99)
    const keys = ['VideoParams', 'LayoutParams', 'MixLayoutList', 'MixLayoutMode', 'VideoEncode', 'Width', 'Height', 'UserMediaStream', 'UserInfo', 'UserId', 'RoomId', 'RoomIdType', 'WaterMarkList', 'WaterMarkImage', 'WaterMarkText', 'WaterMarkChar', 'WaterMarkType', 'SeiParams', 'LayoutVolume', 'PassThrough', 'AudioParams', 'SubscribeAudioList', 'MixLayoutParams', 'MixTranscodeParams', 'Alpha', 'RenderMode', 'CustomCrop', 'BackGroundColor', 'MaxVideoUser', 'SubscribeStreamUserIds', 'SubscribeAudioUserIds', 'LocationX', 'Top', 'ImageLayer', 'ZOrder']
    const junk = (depth: number): unknown => {
      const r = rnd()
      if (depth > 4 || r < 0.15) return [null, 0, -1, 1.5, 1e308, NaN, '', 'x', '0xZZ', true, [], {}][Math.floor(rnd() * 12)]
      if (r < 0.3) return Array.from({ length: Math.floor(rnd() * 4) }, () => junk(depth + 1))
      const o: Record<string, unknown> = {}
      for (let k = 0; k < 1 + Math.floor(rnd() * 5); k++) o[keys[Math.floor(rnd() * keys.length)] as string] = junk(depth + 1)
      return o
    }
    for (let i = 0; i < 800; i++) {
      const input = junk(0)
      const m = fromMcuRequest(input)
      const r = fromRecordingRequest(input)
      expect(() => toMcu(m.doc)).not.toThrow()
      expect(() => toRecording(r.doc)).not.toThrow()
      expect(() => validate(m.doc, 'mcu')).not.toThrow()
    }
    for (const bad of ['{', 'null', '42', '[]', '"text"', undefined, null]) {
      const res = fromMcuRequest(bad)
      expect(res.warnings.length).toBeGreaterThan(0)
      expect(res.doc.tiles).toEqual([])
    }
  })

  it('importers report what they could not keep', () => {
    const m = fromMcuRequest({ VideoParams: { VideoEncode: { Width: 'wide', Height: 720 }, BackGroundColor: 'red', LayoutParams: { MixLayoutMode: 9, MixLayoutList: [{ BackGroundColor: '0xcc0033', RenderMode: 7, BackgroundRenderMode: 3 }, { BackgroundRenderMode: 4 }] } } })
    expect(m.doc.tiles.map((t) => t.placeholderFit)).toEqual(['proportional', null])
    expect(m.warnings.join('\n')).toMatch(/BackgroundRenderMode 4 is unknown/)
    expect(m.warnings.join('\n')).toMatch(/Width.*not a number/)
    expect(m.warnings.join('\n')).toMatch(/"red" is not a colour/)
    expect(m.warnings.join('\n')).toMatch(/MixLayoutMode 9 is unknown/)
    expect(m.warnings.join('\n')).toMatch(/Not supported yet/)
    expect(m.warnings.join('\n')).toMatch(/RenderMode 7 is unknown/)
    const r = fromRecordingRequest({ RoomId: 'abc', RoomIdType: 0, MixLayoutParams: { MixLayoutMode: 4, MixLayoutList: [{ Left: 1, Top: 2, Width: 3, Height: 4, UserId: 'u', Alpha: 255 }], WaterMarkList: [{ WaterMarkType: 2, WaterMarkTimestamp: { Pos: 0 } }] } })
    expect(r.doc.tiles[0]).toMatchObject({ alpha: 0, binding: { kind: 'user', userId: 'u', roomId: 'abc', roomIdType: 'string' } })
    expect(r.warnings.join('\n')).toMatch(/timestamp watermarks/)
  })
})
