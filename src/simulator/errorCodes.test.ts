// Every error the simulator answers carries a code the reference documents for that action (its
// "6. Error Code" table) or for all actions (L17013–L17114). Each action gets a valid request and
// then every member removed, replaced by values of the wrong kind or out of range, and a member
// the action does not have; the layouts of the mixing and recording actions are covered by
// layoutAgreement.test.ts.
import { describe, expect, it } from 'vitest'
import { ACTION_ERROR_CODES, isDocumentedCode } from '../shared/trtc/errorCodes'
import { actions, type TaskStores } from './actions'
import type { SimContext } from './context'
import { createWorld, emptyOverlay } from './world'

const world = createWorld('error-codes')
const app = world.apps[0]!.sdkAppId
const NOW = 1_780_000_000

function context(): SimContext {
  let n = 0
  return { world, overlay: emptyOverlay(), now: NOW, nowMs: NOW * 1000, edition: 'premium', sdkSecretKeys: new Map([[app, 'k']]), nextId: (k) => `${k}-${++n}` }
}

const ymd = (s: number) => new Date(s * 1000).toISOString().slice(0, 10)
const ymdhm = (s: number) => new Date(s * 1000).toISOString().slice(0, 16).replace('T', ' ')
const comm = `${app}_1234_${NOW - 3600}`

/** A request each action accepts (or refuses only for the state of the world, e.g. no such task). */
const valid: Record<string, Record<string, unknown>> = {
  DescribeRoomInfo: { SdkAppId: app, StartTime: NOW - 3600, EndTime: NOW, RoomId: '1234', PageNumber: 0, PageSize: 10 },
  DescribeUserInfo: { CommId: comm, StartTime: NOW - 3600, EndTime: NOW, SdkAppId: app, UserIds: ['alice'], PageNumber: 0, PageSize: 10 },
  DescribeCallDetailInfo: { CommId: comm, StartTime: NOW - 3600, EndTime: NOW, SdkAppId: app, UserIds: ['alice'], DataType: ['appCpu'], PageNumber: 0, PageSize: 6 },
  DescribeUserEvent: { CommId: comm, StartTime: NOW - 3600, EndTime: NOW, UserId: 'alice', RoomId: '1234', SdkAppId: app },
  DescribeScaleInfo: { SdkAppId: app, StartTime: NOW - 3 * 86400, EndTime: NOW },
  DescribeTRTCRealTimeScaleData: { SdkAppId: String(app), StartTime: NOW - 3600, EndTime: NOW, RoomId: '1234' },
  DescribeTRTCRealTimeQualityData: { SdkAppId: String(app), StartTime: NOW - 3600, EndTime: NOW, RoomId: '1234' },
  DescribeTRTCMarketScaleData: { SdkAppId: String(app), StartTime: ymd(NOW - 5 * 86400), EndTime: ymd(NOW), Period: 'd' },
  DescribeTRTCMarketQualityData: { SdkAppId: String(app), StartTime: ymd(NOW - 5 * 86400), EndTime: ymd(NOW), Period: 'h' },
  DescribeTrtcUsage: { StartTime: ymd(NOW - 5 * 86400), EndTime: ymd(NOW), SdkAppId: app },
  DescribeRecordingUsage: { StartTime: ymd(NOW - 5 * 86400), EndTime: ymd(NOW), MixType: 'single', SdkAppId: app },
  DescribeMixTranscodingUsage: { StartTime: ymd(NOW - 5 * 86400), EndTime: ymd(NOW), SdkAppId: app },
  DescribeRelayUsage: { StartTime: ymd(NOW - 5 * 86400), EndTime: ymd(NOW), SdkAppId: app },
  DescribeTrtcRoomUsage: { SdkAppid: app, StartTime: ymdhm(NOW - 3600), EndTime: ymdhm(NOW) },
  SetUserBlocked: { SdkAppId: app, RoomId: 1234, UserId: 'alice', IsMute: 1 },
  SetUserBlockedByStrRoomId: { SdkAppId: app, StrRoomId: 'studio', UserId: 'alice', IsMute: 1 },
  RemoveUser: { SdkAppId: app, RoomId: 1234, UserIds: ['alice'] },
  RemoveUserByStrRoomId: { SdkAppId: app, RoomId: 'studio', UserIds: ['alice'] },
  DismissRoom: { SdkAppId: app, RoomId: 1234 },
  DismissRoomByStrRoomId: { SdkAppId: app, RoomId: 'studio' },
  StopPublishCdnStream: { SdkAppId: app, TaskId: 'task-1' },
  DescribeCloudRecording: { SdkAppId: app, TaskId: 'task-1' },
  DeleteCloudRecording: { SdkAppId: app, TaskId: 'task-1' },
  StartStreamIngest: { SdkAppId: app, RoomId: '1234', RoomIdType: 1, UserId: 'ingest_bot', UserSig: 'sig', StreamUrl: 'https://media.example.com/clip.mp4', RepeatNum: 1, Volume: 80 },
  DescribeStreamIngest: { SdkAppId: app, TaskId: 'ingest-1' },
  UpdateStreamIngest: { SdkAppId: app, TaskId: 'ingest-1', StreamUrl: 'https://media.example.com/other.mp4', Volume: 50, IsPause: false },
  StopStreamIngest: { SdkAppId: app, TaskId: 'ingest-1' },
  StartAIConversation: { SdkAppId: app, RoomId: '1234', RoomIdType: 0, AgentConfig: { UserId: 'ai_bot', UserSig: 'sig', TargetUserId: 'alice', MaxIdleTime: 60 }, SessionId: 's1', STTConfig: { Language: 'en', VadSilenceTime: 1000 }, LLMConfig: '{"LLMType":"openai","Model":"m","APIKey":"k","APIUrl":"https://llm.example.com/v1/chat/completions"}', TTSConfig: '{"AppId":1,"SecretId":"a","SecretKey":"b","VoiceType":101001}' },
  DescribeAIConversation: { SdkAppId: app, TaskId: 'aiconv-1', SessionId: 's1' },
  StopAIConversation: { TaskId: 'aiconv-1' },
  UpdateAIConversation: { TaskId: 'aiconv-1', WelcomeMessage: 'Hi', InterruptMode: 0, InterruptSpeechDuration: 500 },
  ControlAIConversation: { TaskId: 'aiconv-1', Command: 'ServerPushText', ServerPushText: { Text: 'Hello', Interrupt: true, StopAfterPlay: false } },
  StartAITranscription: { SdkAppId: app, RoomId: '1234', RoomIdType: 0, TranscriptionParams: { UserId: 'stt_bot', UserSig: 'sig', MaxIdleTime: 60, TranscriptionMode: 1, TargetUserId: 'alice' }, SessionId: 's2', RecognizeConfig: { Language: 'zh' } },
  DescribeAITranscription: { TaskId: 'aitrans-1', SdkAppId: app, SessionId: 's2' },
  StopAITranscription: { TaskId: 'aitrans-1' },
}

const wrongValues: unknown[] = [null, '', ' ', 'x', 'bad id!', '主播', -1, 0, 1.5, 2 ** 32, Number.MAX_SAFE_INTEGER, true, [], [''], ['a', 'b'], {}, { a: 1 }, 'x'.repeat(5000)]

function mutations(body: Record<string, unknown>): Array<Record<string, unknown>> {
  const out: Array<Record<string, unknown>> = [{}, { ...body, Unknown: 1 }]
  for (const key of Object.keys(body)) {
    const { [key]: _dropped, ...rest } = body
    out.push(rest)
    for (const v of wrongValues) out.push({ ...body, [key]: v })
    const value = body[key]
    if (typeof value === 'number') for (const d of [-86400 * 30, -1, 1, 86400 * 30]) out.push({ ...body, [key]: value + d })
    if (Array.isArray(value)) out.push({ ...body, [key]: Array.from({ length: 120 }, (_, i) => `u${i}`) })
  }
  return out
}

describe('documented error codes', () => {
  it('has a valid request for every action the simulator serves besides the layout actions', () => {
    const layout = ['StartPublishCdnStream', 'UpdatePublishCdnStream', 'CreateCloudRecording', 'ModifyCloudRecording']
    expect(Object.keys(actions).filter((a) => !layout.includes(a) && !valid[a])).toEqual([])
    // and the reference's error tables cover every action served
    expect(Object.keys(actions).filter((a) => !ACTION_ERROR_CODES[a])).toEqual([])
  })

  for (const [action, body] of Object.entries(valid)) {
    it(`${action}: every refusal has a documented code`, () => {
      const stores: TaskStores = { mix: new Map(), recordings: new Map(), ingest: new Map(), ai: new Map() }
      const spec = actions[action]!
      const undocumented = new Set<string>()
      let refused = 0
      for (const req of mutations(body)) {
        const reply = spec.run(req, context(), stores)
        if (reply.ok) continue
        refused++
        if (!isDocumentedCode(action, reply.code)) undocumented.add(`${reply.code} (${reply.message})`)
      }
      expect([...undocumented]).toEqual([])
      expect(refused).toBeGreaterThan(Object.keys(body).length)
    })
  }
})
