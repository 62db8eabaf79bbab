import { describe, expect, it } from 'vitest'
import { actions, validateRequest } from './actions'

const now = 1_700_000_000
const invalid = (r: { ok: boolean }) => expect(r.ok).toBe(false)
const valid = (r: { ok: boolean }) => expect(r.ok).toBe(true)

describe('TRTC request rules', () => {
  it('DescribeRoomInfo: 24 h span, 14-day look-back, PageSize 1–100, allowed regions', () => {
    const base = { SdkAppId: 1400000001, StartTime: now - 3600, EndTime: now, PageSize: 100 }
    valid(validateRequest('DescribeRoomInfo', base, now, 'ap-guangzhou'))
    invalid(validateRequest('DescribeRoomInfo', { ...base, StartTime: now - 86_401 }, now))
    invalid(validateRequest('DescribeRoomInfo', { ...base, EndTime: now - 7200 }, now))
    invalid(validateRequest('DescribeRoomInfo', { ...base, PageSize: 101 }, now))
    invalid(validateRequest('DescribeRoomInfo', { ...base, PageSize: 0 }, now))
    invalid(validateRequest('DescribeRoomInfo', { ...base, StartTime: now - 15 * 86_400, EndTime: now - 15 * 86_400 + 60 }, now))
    invalid(validateRequest('DescribeRoomInfo', base, now, 'ap-shanghai'))
    invalid(validateRequest('DescribeRoomInfo', { ...base, Extra: 1 }, now))
  })

  it('DescribeCallDetailInfo: ≤ 6 users and ≤ 1 h with metrics, ≤ 4 h without', () => {
    const base = { CommId: '1400188366_218695_1590065777', SdkAppId: 1400188366, StartTime: now - 3600, EndTime: now }
    valid(validateRequest('DescribeCallDetailInfo', { ...base, DataType: ['bigvCapFps'], UserIds: ['a', 'b', 'c', 'd', 'e', 'f'] }, now))
    invalid(validateRequest('DescribeCallDetailInfo', { ...base, DataType: ['bigvCapFps'], UserIds: ['a', 'b', 'c', 'd', 'e', 'f', 'g'] }, now))
    invalid(validateRequest('DescribeCallDetailInfo', { ...base, DataType: ['aBit'], StartTime: now - 3601 }, now))
    valid(validateRequest('DescribeCallDetailInfo', { ...base, StartTime: now - 4 * 3600 }, now))
    invalid(validateRequest('DescribeCallDetailInfo', { ...base, StartTime: now - 4 * 3600 - 1 }, now))
    invalid(validateRequest('DescribeCallDetailInfo', { ...base, DataType: ['nope'] }, now))
  })

  it('moderation: numeric room range, user ID characters, ≤ 10 users per RemoveUser', () => {
    valid(validateRequest('RemoveUser', { SdkAppId: 1, RoomId: 4294967295, UserIds: ['u-1', 'u_2'] }, now))
    invalid(validateRequest('RemoveUser', { SdkAppId: 1, RoomId: 4294967296, UserIds: ['u'] }, now))
    invalid(validateRequest('RemoveUser', { SdkAppId: 1, RoomId: 0, UserIds: ['u'] }, now))
    invalid(validateRequest('RemoveUser', { SdkAppId: 1, RoomId: 5, UserIds: Array.from({ length: 11 }, (_, i) => `u${i}`) }, now))
    invalid(validateRequest('RemoveUser', { SdkAppId: 1, RoomId: 5, UserIds: [] }, now))
    invalid(validateRequest('SetUserBlocked', { SdkAppId: 1, RoomId: 5, UserId: 'bad id', IsMute: 1 }, now))
    invalid(validateRequest('SetUserBlocked', { SdkAppId: 1, RoomId: 5, UserId: 'ok', IsMute: 4 }, now))
    valid(validateRequest('SetUserBlockedByStrRoomId', { SdkAppId: 1, StrRoomId: 'abc', UserId: 'ok', IsMute: 3 }, now))
    expect(actions.RemoveUser.mutating).toBe(true)
    expect(actions.DescribeRoomInfo.mutating).toBe(false)
  })

  it('usage: 31-day span, MixType enum, DescribeTrtcRoomUsage 24 h and its own rate limit', () => {
    valid(validateRequest('DescribeTrtcUsage', { StartTime: '2024-01-01', EndTime: '2024-02-01' }, now, 'ap-singapore'))
    invalid(validateRequest('DescribeTrtcUsage', { StartTime: '2024-01-01', EndTime: '2024-02-02' }, now))
    invalid(validateRequest('DescribeRecordingUsage', { StartTime: '2024-01-01', EndTime: '2024-01-02', MixType: 'both' }, now))
    valid(validateRequest('DescribeTrtcRoomUsage', { SdkAppid: 1400017192, StartTime: '2023-01-06 00:00', EndTime: '2023-01-07 00:00' }, now))
    invalid(validateRequest('DescribeTrtcRoomUsage', { SdkAppid: 1400017192, StartTime: '2023-01-06 00:00', EndTime: '2023-01-07 00:01' }, now))
    expect(actions.DescribeTrtcRoomUsage.rate).toEqual({ count: 1, perMs: 15_000 })
    expect(actions.DescribeRelayUsage.rate).toEqual({ count: 5, perMs: 1000 })
    expect(actions.DescribeTRTCMarketScaleData.regions).toBeNull()
  })

  it('mixing and recording: relay target required, tiles inside the canvas, RoomIdType meanings', () => {
    const start = {
      SdkAppId: 1400188366,
      RoomId: '295066',
      RoomIdType: 0,
      AgentParams: { UserId: 'robot_295066', MaxIdleTime: 30 },
      WithTranscoding: 1,
      VideoParams: {
        VideoEncode: { Width: 1280, Height: 720, Fps: 15, BitRate: 1536, Gop: 2 },
        LayoutParams: { MixLayoutMode: 4, MixLayoutList: [{ LocationX: 640, LocationY: 0, ImageWidth: 640, ImageHeight: 720 }] },
      },
      PublishCdnParams: [{ PublishCdnUrl: 'rtmp://example/live/x', IsTencentCdn: 1 }],
    }
    valid(validateRequest('StartPublishCdnStream', start, now))
    invalid(validateRequest('StartPublishCdnStream', { ...start, PublishCdnParams: undefined }, now))
    invalid(validateRequest('StartPublishCdnStream', { ...start, RoomId: 'abc' }, now))
    valid(validateRequest('StartPublishCdnStream', { ...start, RoomId: 'abc', RoomIdType: 1 }, now))
    const wide = structuredClone(start)
    wide.VideoParams.LayoutParams.MixLayoutList[0]!.LocationX = 641
    invalid(validateRequest('StartPublishCdnStream', wide, now))
    invalid(validateRequest('StartPublishCdnStream', { ...start, SeiParams: { LayoutVolume: { PayloadType: 244 } } }, now))
    const rec = {
      SdkAppId: 1234,
      RoomId: '3560',
      UserId: 'recorder_3560',
      UserSig: 'sig',
      RecordParams: { RecordMode: 2, MaxIdleTime: 60 },
      StorageParams: { CloudVod: { TencentVod: { ExpireTime: 0 } } },
      RoomIdType: 1,
      MixTranscodeParams: { VideoParams: { Width: 360, Height: 640, Fps: 15, BitRate: 500000, Gop: 10 } },
      MixLayoutParams: { MixLayoutMode: 3 },
    }
    valid(validateRequest('CreateCloudRecording', rec, now, 'ap-shanghai'))
    invalid(validateRequest('CreateCloudRecording', { ...rec, RoomId: 'room' }, now))
    valid(validateRequest('CreateCloudRecording', { ...rec, RoomId: 'room', RoomIdType: 0 }, now))
    invalid(validateRequest('CreateCloudRecording', { ...rec, MixTranscodeParams: { VideoParams: { Width: 1920, Height: 1920, Fps: 15, BitRate: 500000, Gop: 10 } } }, now))
  })
})

describe('stream ingest rules (003 L5768–L6448)', () => {
  const now = 1_780_000_000
  const start = { SdkAppId: 1400000001, RoomId: '1234', RoomIdType: 1, UserId: 'ingest_bot', UserSig: 'sig', StreamUrl: 'https://media.example.com/a.mp4' }
  const ok = (action: Parameters<typeof validateRequest>[0], body: Record<string, unknown>, region = 'ap-singapore') => validateRequest(action, body, now, region).ok
  it('holds RoomIdType (0 string, 1 integer), RepeatNum, MaxDuration and Volume to the reference', () => {
    expect(ok('StartStreamIngest', start)).toBe(true)
    expect(ok('StartStreamIngest', { ...start, RoomIdType: 1, RoomId: 'studio' })).toBe(false) // L6103–L6105
    expect(ok('StartStreamIngest', { ...start, RoomIdType: 0, RoomId: 'studio' })).toBe(true)
    expect(ok('StartStreamIngest', { ...start, RepeatNum: 0 })).toBe(false) // "0 is an invalid value" L6147
    expect(ok('StartStreamIngest', { ...start, RepeatNum: 1001 })).toBe(false)
    expect(ok('StartStreamIngest', { ...start, RepeatNum: -1, MaxDuration: 10080 })).toBe(true)
    expect(ok('StartStreamIngest', { ...start, RepeatNum: 3, MaxDuration: 10 })).toBe(false) // only with -1, L6151
    expect(ok('StartStreamIngest', { ...start, RepeatNum: -1, MaxDuration: 10081 })).toBe(false)
    expect(ok('StartStreamIngest', { ...start, Volume: 101 })).toBe(false) // L6154–L6155
    expect(ok('UpdateStreamIngest', { SdkAppId: 1400000001, TaskId: 't', Volume: -1 })).toBe(false)
    expect(ok('UpdateStreamIngest', { SdkAppId: 1400000001, TaskId: 't', IsPause: true })).toBe(true)
  })
  it('sends each action only to its regions', () => {
    expect(ok('StartStreamIngest', start, 'ap-guangzhou')).toBe(true) // L6090–L6095
    expect(ok('DescribeStreamIngest', { SdkAppId: 1400000001, TaskId: 't' }, 'ap-guangzhou')).toBe(false) // L5796–L5799
    expect(ok('StopStreamIngest', { SdkAppId: 1400000001, TaskId: 't' }, 'ap-jakarta')).toBe(true)
  })
})

describe('AI task rules (003 L6459–L7792)', () => {
  const now = 1_780_000_000
  const ok = (action: Parameters<typeof validateRequest>[0], body: Record<string, unknown>, region = 'ap-singapore') => validateRequest(action, body, now, region).ok
  const agent = { UserId: 'ai_bot', UserSig: 'sig', TargetUserId: 'alice' }
  const llm = JSON.stringify({ LLMType: 'openai', Model: 'm', APIKey: 'k', APIUrl: 'https://llm.example.com/v1' })
  it('checks LLMConfig and TTSConfig as the JSON the reference describes', () => {
    expect(ok('StartAIConversation', { SdkAppId: 1400000001, RoomId: '1', AgentConfig: agent, LLMConfig: llm })).toBe(true)
    expect(ok('StartAIConversation', { SdkAppId: 1400000001, RoomId: '1', AgentConfig: agent, LLMConfig: '{"Model":"m"}' })).toBe(false) // L6519–L6535
    expect(ok('StartAIConversation', { SdkAppId: 1400000001, RoomId: '1', AgentConfig: agent, LLMConfig: 'not json' })).toBe(false)
    expect(ok('StartAIConversation', { SdkAppId: 1400000001, RoomId: '1', AgentConfig: agent, TTSConfig: '{"AppId":1,"SecretId":"a","SecretKey":"b"}' })).toBe(false) // VoiceType required, L6537–L6559
    expect(ok('StartAIConversation', { SdkAppId: 1400000001, RoomId: '1', AgentConfig: { ...agent, TargetUserId: undefined } })).toBe(false) // L14900
  })
  it('holds languages, VadSilenceTime, transcription mode and the empty-TaskId lookup to the reference', () => {
    const base = { SdkAppId: 1400000001, RoomId: '1', AgentConfig: agent }
    expect(ok('StartAIConversation', { ...base, STTConfig: { Language: 'en', AlternativeLanguage: ['zh', 'ja', 'ko'] } })).toBe(true)
    expect(ok('StartAIConversation', { ...base, STTConfig: { AlternativeLanguage: ['zh', 'ja', 'ko', 'fr'] } })).toBe(false) // up to 3, L15982–L15990
    expect(ok('StartAIConversation', { ...base, STTConfig: { Language: 'zh-dialect', AlternativeLanguage: ['en'] } })).toBe(false)
    expect(ok('StartAIConversation', { ...base, STTConfig: { VadSilenceTime: 239 } })).toBe(false) // 240–2000, L15992–L15998
    const tp = { UserId: 'stt_bot', UserSig: 'sig' }
    expect(ok('StartAITranscription', { SdkAppId: 1400000001, RoomId: '1', TranscriptionParams: { ...tp, TranscriptionMode: 1 } })).toBe(false) // TargetUserId needed, L16280–L16290
    expect(ok('StartAITranscription', { SdkAppId: 1400000001, RoomId: '1', TranscriptionParams: { ...tp, TranscriptionMode: 1, TargetUserId: 'alice' } })).toBe(true)
    expect(ok('DescribeAITranscription', { TaskId: '' })).toBe(false) // L7229–L7239
    expect(ok('DescribeAITranscription', { TaskId: '', SdkAppId: 1400000001, SessionId: 's' })).toBe(true)
    expect(ok('ControlAIConversation', { TaskId: 't', Command: 'ServerPushText' })).toBe(false) // L7700–L7701
    expect(ok('StopAIConversation', { TaskId: 't' }, 'ap-mumbai')).toBe(false) // L6881–L6884
  })
})
