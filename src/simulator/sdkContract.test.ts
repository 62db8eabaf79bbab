// Tencent's official Node SDK (tencentcloud-sdk-nodejs-common) and UserSig library (tls-sig-api-v2)
// against the simulator, exactly as a backend developer would point them at it: the SDK signs
// the host name without the port and derives the service from the endpoint's first label, so the
// endpoint is trtc.tencentcloudapi.com:<port> with an agent that resolves it to loopback.
import { lookup } from 'node:dns'
import { Agent } from 'node:http'
import type { LookupFunction } from 'node:net'
import { createRequire } from 'node:module'
import { CommonClient } from 'tencentcloud-sdk-nodejs-common'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createSeiReader } from '../shared/media/seiReader'
import { decodeVolumeLayout } from '../shared/media/volumeLayout'
import { isDocumentedCode } from '../shared/trtc/errorCodes'
import { startSimulator, type Simulator } from './server'

const { Api } = createRequire(import.meta.url)('tls-sig-api-v2') as { Api: new (sdkAppId: number, key: string) => { genUserSig(userId: string, expire: number): string } }

let sim: Simulator
// Every host name resolves to the simulator on loopback.
const toLoopback: LookupFunction = (_host, options, callback) => lookup('127.0.0.1', options, callback)
const agent = new Agent({ lookup: toLoopback })

function sdk(o: { secretId?: string; secretKey?: string; region?: string; reqMethod?: 'POST' | 'GET' } = {}): CommonClient {
  return new CommonClient('trtc.tencentcloudapi.com', '2019-07-22', {
    credential: { secretId: o.secretId ?? sim.credentials.secretId, secretKey: o.secretKey ?? sim.credentials.secretKey },
    region: o.region ?? 'ap-guangzhou',
    profile: { httpProfile: { endpoint: `trtc.tencentcloudapi.com:${new URL(sim.endpoint).port}`, protocol: 'http://', agent, reqMethod: o.reqMethod ?? 'POST' } },
  })
}

/** The SDK's error code for a call, or undefined when it succeeded. */
async function codeOf(p: Promise<unknown>): Promise<string | undefined> {
  try {
    await p
    return undefined
  } catch (e) {
    return (e as { code?: string }).code ?? `no code: ${String(e)}`
  }
}

const nowS = (): number => Math.floor(Date.now() / 1000)
const window = () => ({ SdkAppId: sim.credentials.sdkAppId, StartTime: nowS() - 3600, EndTime: nowS() })

beforeAll(async () => {
  sim = await startSimulator({ seed: 'sdk-contract' })
})
afterAll(async () => {
  agent.destroy()
  await sim.close()
})

describe("Tencent's Node SDK against the simulator", () => {
  it('signs calls the simulator accepts, by POST and by GET', async () => {
    const post = (await sdk().request('DescribeRoomInfo', { ...window(), PageSize: 5 })) as { RoomList: unknown[]; Total: number; RequestId: string }
    expect(post.RoomList.length).toBe(5)
    expect(post.Total).toBeGreaterThan(5)
    expect(post.RequestId).toMatch(/^[0-9a-f-]{36}$/)
    const get = (await sdk({ reqMethod: 'GET' }).request('DescribeRoomInfo', { ...window(), PageSize: 5 })) as { RoomList: unknown[] }
    expect(get.RoomList).toEqual(post.RoomList)
  })

  it('gets the documented authentication failures', async () => {
    expect(await codeOf(sdk({ secretKey: 'not-the-key' }).request('DescribeRoomInfo', window()))).toBe('AuthFailure.SignatureFailure')
    expect(await codeOf(sdk({ secretId: 'AKIDnobody' }).request('DescribeRoomInfo', window()))).toBe('AuthFailure.SecretIdNotFound')
    // The SDK stamps its requests with its own clock; a server 10 minutes ahead finds them expired.
    sim.setFaults({ clockOffsetS: 600 })
    try {
      expect(await codeOf(sdk().request('DescribeRoomInfo', window()))).toBe('AuthFailure.SignatureExpire')
    } finally {
      sim.setFaults({})
    }
  })

  it('gets documented error codes for requests the reference forbids', async () => {
    const cases: Array<[string, Record<string, unknown>, string]> = [
      ['DescribeRoomInfo', { ...window(), PageSize: 101 }, 'InvalidParameter.PageSizeOversize'],
      ['DescribeRoomInfo', { SdkAppId: sim.credentials.sdkAppId, StartTime: nowS() - 3600 }, 'MissingParameter.EndTs'],
      ['RemoveUser', { SdkAppId: sim.credentials.sdkAppId, RoomId: 1234, UserIds: Array.from({ length: 11 }, (_, i) => `u${i}`) }, 'InvalidParameter.UserIds'],
      ['DismissRoom', { SdkAppId: sim.credentials.sdkAppId }, 'MissingParameter.RoomId'],
      ['StopPublishCdnStream', { SdkAppId: sim.credentials.sdkAppId, TaskId: 'no-such-task' }, 'ResourceNotFound'],
      ['NoSuchAction', {}, 'InvalidAction'],
    ]
    for (const [action, body, expected] of cases) {
      const code = await codeOf(sdk({ region: 'ap-guangzhou' }).request(action, body))
      expect(code, action).toBe(expected)
      if (action !== 'NoSuchAction') expect(isDocumentedCode(action, code!), `${action} ${code}`).toBe(true)
    }
    // An action outside its documented regions (moderation: Beijing, Guangzhou, Singapore; L1159–L1162).
    const region = await codeOf(sdk({ region: 'ap-mumbai' }).request('DismissRoom', { SdkAppId: sim.credentials.sdkAppId, RoomId: 1234 }))
    expect(region).toBe('UnsupportedRegion')
    expect(isDocumentedCode('DismissRoom', region!)).toBe(true)
  })

  it('gets RequestLimitExceeded past the rate limit', async () => {
    sim.setFaults({ qps: 2 })
    try {
      // A fresh second: the calls of the tests before count against the same limit.
      await new Promise((r) => setTimeout(r, 1100))
      const codes = await Promise.all(Array.from({ length: 6 }, () => codeOf(sdk().request('DescribeRoomInfo', window()))))
      expect(codes.filter((c) => c === undefined).length).toBe(2)
      expect(codes.filter((c) => c === 'RequestLimitExceeded').length).toBe(4)
    } finally {
      sim.setFaults({})
    }
  })

  it('starts a mix with a tls-sig-api-v2 UserSig; the task streams HTTP-FLV carrying the volume-layout SEI', async () => {
    const rooms = (await sdk().request('DescribeRoomInfo', { ...window(), PageSize: 100 })) as { RoomList: Array<{ RoomString: string; IsFinished: boolean }> }
    const room = rooms.RoomList.find((r) => !r.IsFinished && /^\d+$/.test(r.RoomString))
    expect(room).toBeDefined()
    const app = sim.credentials
    const userSig = new Api(app.sdkAppId, app.sdkSecretKey).genUserSig('backend_robot', 300)
    const started = (await sdk().request('StartPublishCdnStream', {
      SdkAppId: app.sdkAppId,
      RoomId: room!.RoomString,
      RoomIdType: 0,
      AgentParams: { UserId: 'backend_robot', UserSig: userSig, MaxIdleTime: 30 },
      WithTranscoding: 1,
      AudioParams: { AudioEncode: { SampleRate: 48000, Channel: 2, BitRate: 64 } },
      VideoParams: { VideoEncode: { Width: 640, Height: 360, Fps: 15, BitRate: 800, Gop: 2 }, LayoutParams: { MixLayoutMode: 3 } },
      SeiParams: { LayoutVolume: { AppData: 'my-backend', PayloadType: 100, Interval: 200 } },
      PublishCdnParams: [{ PublishCdnUrl: 'rtmp://127.0.0.1/live/backend', IsTencentCdn: 0 }],
    })) as { TaskId: string }
    expect(started.TaskId).toEqual(expect.any(String))

    const res = await fetch(`${sim.endpoint}/live/${encodeURIComponent(started.TaskId)}.flv`)
    expect(res.headers.get('content-type')).toBe('video/x-flv')
    const reader = createSeiReader()
    const stream = res.body!.getReader()
    const layouts = []
    while (layouts.length < 3) {
      const { value, done } = await stream.read()
      if (done) break
      for (const m of reader.push(value)) {
        if (m.payloadType !== 100) continue
        const { layout } = decodeVolumeLayout(new TextDecoder().decode(m.payload))
        if (layout) layouts.push(layout)
      }
    }
    await stream.cancel()
    expect(reader.container).toBe('flv')
    expect(layouts.length).toBeGreaterThanOrEqual(3)
    for (const l of layouts) {
      expect(l.app_data).toBe('my-backend')
      expect(l.canvas).toEqual({ w: 640, h: 360 })
    }
    await sdk().request('StopPublishCdnStream', { SdkAppId: app.sdkAppId, TaskId: started.TaskId })
    expect(await codeOf(sdk().request('StopPublishCdnStream', { SdkAppId: app.sdkAppId, TaskId: started.TaskId }))).toBe('ResourceNotFound')
  })

  it('relays a media file into a room with StartStreamIngest: Describe, Update, Stop and the documented refusals', async () => {
    const rooms = (await sdk().request('DescribeRoomInfo', { ...window(), PageSize: 100 })) as { RoomList: Array<{ RoomString: string; IsFinished: boolean }> }
    const room = rooms.RoomList.find((r) => !r.IsFinished && /^\d+$/.test(r.RoomString))!
    const app = sim.credentials
    const userSig = new Api(app.sdkAppId, app.sdkSecretKey).genUserSig('ingest_robot', 300)
    // The ingest actions answer in their own regions (L6090–L6095, L5796–L5799).
    const sg = sdk({ region: 'ap-singapore' })
    const start = { SdkAppId: app.sdkAppId, RoomId: room.RoomString, RoomIdType: 1, UserId: 'ingest_robot', UserSig: userSig, StreamUrl: 'https://media.example.com/music.mp3', RepeatNum: -1, MaxDuration: 30, Volume: 60 }
    const started = (await sg.request('StartStreamIngest', start)) as { TaskId: string }
    expect(started.TaskId).toMatch(/\S/)
    expect(await codeOf(sg.request('StartStreamIngest', start))).toBe('FailedOperation.TaskExist')
    expect(((await sg.request('DescribeStreamIngest', { SdkAppId: app.sdkAppId, TaskId: started.TaskId })) as { Status: string }).Status).toBe('InProgress')
    expect(((await sg.request('UpdateStreamIngest', { SdkAppId: app.sdkAppId, TaskId: started.TaskId, StreamUrl: 'https://media.example.com/other.mp3', IsPause: false })) as { Status: string }).Status).toBe('InProgress')
    await sg.request('StopStreamIngest', { SdkAppId: app.sdkAppId, TaskId: started.TaskId })
    expect(((await sg.request('DescribeStreamIngest', { SdkAppId: app.sdkAppId, TaskId: started.TaskId })) as { Status: string }).Status).toBe('NotExist')
    expect(await codeOf(sg.request('StopStreamIngest', { SdkAppId: app.sdkAppId, TaskId: started.TaskId }))).toBe('FailedOperation.TaskFinished')
    expect(await codeOf(sg.request('UpdateStreamIngest', { SdkAppId: app.sdkAppId, TaskId: started.TaskId, Volume: 1 }))).toBe('FailedOperation.TaskNotExist')
    expect(await codeOf(sg.request('StartStreamIngest', { ...start, UserId: 'other_robot' }))).toBe('InvalidParameter.UserSig')
    expect(await codeOf(sg.request('StartStreamIngest', { ...start, StreamUrl: 'ftp://x' }))).toBe('InvalidParameter.StreamUrl')
    expect(await codeOf(sdk({ region: 'ap-guangzhou' }).request('DescribeStreamIngest', { SdkAppId: app.sdkAppId, TaskId: started.TaskId }))).toBe('UnsupportedRegion')
    for (const code of ['FailedOperation.TaskExist', 'FailedOperation.TaskFinished', 'FailedOperation.TaskNotExist', 'InvalidParameter.UserSig', 'InvalidParameter.StreamUrl']) expect(isDocumentedCode(code.includes('TaskNotExist') ? 'UpdateStreamIngest' : code.includes('TaskFinished') ? 'StopStreamIngest' : 'StartStreamIngest', code), code).toBe(true)
  })

  it('runs AI transcription and conversation tasks: start, describe, control, stop, and the documented refusals', async () => {
    const rooms = (await sdk().request('DescribeRoomInfo', { ...window(), PageSize: 100 })) as { RoomList: Array<{ RoomString: string; IsFinished: boolean }> }
    const room = rooms.RoomList.find((r) => !r.IsFinished && /^\d+$/.test(r.RoomString))!
    const app = sim.credentials
    const signer = new Api(app.sdkAppId, app.sdkSecretKey)
    const ai = sdk({ region: 'ap-singapore' })
    // RoomIdType 0: a numeric room (L7065–L7070).
    const t = (await ai.request('StartAITranscription', { SdkAppId: app.sdkAppId, RoomId: room.RoomString, RoomIdType: 0, TranscriptionParams: { UserId: 'sdk_captions', UserSig: signer.genUserSig('sdk_captions', 300) } })) as { TaskId: string }
    expect(((await ai.request('DescribeAITranscription', { TaskId: t.TaskId })) as { Status: string }).Status).toMatch(/^(Preparing|InProgress)$/)
    await ai.request('StopAITranscription', { TaskId: t.TaskId })
    expect(((await ai.request('DescribeAITranscription', { TaskId: t.TaskId })) as { Status: string }).Status).toBe('Stopped')
    const c = (await ai.request('StartAIConversation', {
      SdkAppId: app.sdkAppId,
      RoomId: room.RoomString,
      AgentConfig: { UserId: 'sdk_agent', UserSig: signer.genUserSig('sdk_agent', 300), TargetUserId: 'guest_ana' },
      LLMConfig: JSON.stringify({ LLMType: 'openai', Model: 'gpt-4o-mini', APIKey: 'k', APIUrl: 'https://llm.example.com/v1/chat/completions' }),
      TTSConfig: JSON.stringify({ AppId: 1300000000, SecretId: 'id', SecretKey: 'key', VoiceType: 101001 }),
    })) as { TaskId: string }
    await ai.request('ControlAIConversation', { TaskId: c.TaskId, Command: 'ServerPushText', ServerPushText: { Text: 'Hello', Interrupt: true } })
    await ai.request('StopAIConversation', { TaskId: c.TaskId })
    expect(await codeOf(ai.request('StopAIConversation', { TaskId: c.TaskId }))).toBe('FailedOperation.TaskNotExist')
    expect(await codeOf(ai.request('StartAIConversation', { SdkAppId: app.sdkAppId, RoomId: room.RoomString, AgentConfig: { UserId: 'sdk_agent', UserSig: 'forged', TargetUserId: 'guest_ana' } }))).toBe('InvalidParameter.UserSig')
    expect(await codeOf(ai.request('UpdateAIConversation', { TaskId: 'no-such-task', WelcomeMessage: 'hi' }))).toBe('FailedOperation.TaskNotExist')
  })
})
