// AI transcription and conversation tasks against the simulator over HTTP, through the app's own
// signing client (003_530a54cf0f8c0df7.txt L6459–L7792): the robot joins the room, the status goes
// Preparing → InProgress → Stopped → gone, and the documented refusals come back with their codes.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { clockedSimulator, tencentCodeOf, type ClockedSimulator } from '../main/testing/simulatorCloud'
import type { DescribeAITaskResponse } from '../shared/trtc/ai'
import type { DescribeUserInfoResponse } from '../shared/trtc/roomsQuality'
import { PREPARE_S, STOPPED_S } from './ai'
import type { Simulator } from './server'
import { errorCode, signedCall } from './signedCall'
import { findApp, stayingRoom } from './world'

const region = 'ap-singapore'
let bed: ClockedSimulator
let sim: Simulator
beforeAll(async () => {
  bed = await clockedSimulator('ai-tasks', region)
  sim = bed.sim
})
afterAll(() => sim.close())

const nowS = () => bed.nowS()
const call = <T>(action: string, body: Record<string, unknown>) => bed.call<T>(action, body)
const codeOf = tencentCodeOf
const sig = (userId: string) => bed.userSig(userId)
const llm = JSON.stringify({ LLMType: 'openai', Model: 'gpt-4o-mini', APIKey: 'sk-test', APIUrl: 'https://llm.example.com/v1/chat/completions', Streaming: true })
const tts = JSON.stringify({ TTSType: 'tencent', AppId: 1300000000, SecretId: 'AKIDtts', SecretKey: 'tts-secret', VoiceType: 101001, Speed: 1 })

function liveRoom(forS: number) {
  const { room, userIds } = stayingRoom(sim.world, findApp(sim.world, sim.credentials.sdkAppId)!, nowS(), { users: 1, forS })!
  // The AI tasks' RoomIdType: 0 numeric (default), 1 string (L7065–L7070).
  return { room, userIds, where: { SdkAppId: room.sdkAppId, RoomId: room.roomId, RoomIdType: room.isString ? 1 : 0 } }
}

async function inRoom(commId: string, userId: string): Promise<boolean | undefined> {
  const r = await call<DescribeUserInfoResponse>('DescribeUserInfo', { CommId: commId, SdkAppId: sim.credentials.sdkAppId, StartTime: nowS() - 3600, EndTime: nowS(), PageNumber: 0, PageSize: 100 })
  const u = r.ok ? r.value.UserList?.find((x) => x.UserId === userId) : undefined
  return u ? !u.Finished : undefined
}

describe('AI transcription on the simulator', () => {
  it('joins its robot, runs, stops, and then no longer exists', async () => {
    const { room, where } = liveRoom(900)
    const started = await call<{ TaskId: string }>('StartAITranscription', { ...where, TranscriptionParams: { UserId: 'captions_bot', UserSig: sig('captions_bot') }, RecognizeConfig: { Language: 'en', AlternativeLanguage: ['zh'] } })
    expect(started.ok).toBe(true)
    const TaskId = started.ok ? started.value.TaskId : ''
    expect(await inRoom(room.commId, 'captions_bot')).toBe(true)
    expect(await call<DescribeAITaskResponse>('DescribeAITranscription', { TaskId })).toMatchObject({ ok: true, value: { Status: 'Preparing', TaskId } })
    bed.clock.offsetS += PREPARE_S + 1
    expect(await call<DescribeAITaskResponse>('DescribeAITranscription', { TaskId })).toMatchObject({ ok: true, value: { Status: 'InProgress' } })
    // One whole-room task per room without a SessionId (L7053–L7063).
    expect(codeOf(await call('StartAITranscription', { ...where, TranscriptionParams: { UserId: 'captions_bot2', UserSig: sig('captions_bot2') } }))).toBe('FailedOperation.TaskExist')
    expect(await call('StopAITranscription', { TaskId })).toMatchObject({ ok: true })
    expect(await call<DescribeAITaskResponse>('DescribeAITranscription', { TaskId })).toMatchObject({ ok: true, value: { Status: 'Stopped' } })
    expect(await inRoom(room.commId, 'captions_bot')).toBe(false)
    bed.clock.offsetS += STOPPED_S
    expect(codeOf(await call('DescribeAITranscription', { TaskId }))).toBe('FailedOperation.TaskNotExist')
    expect(codeOf(await call('StopAITranscription', { TaskId }))).toBe('FailedOperation.TaskNotExist')
    bed.clock.offsetS = 0
  })

  it('finds a task by SdkAppId and SessionId with an empty TaskId (L7229–L7239)', async () => {
    const { where, userIds } = liveRoom(300)
    const started = await call<{ TaskId: string }>('StartAITranscription', { ...where, SessionId: 'show-42', TranscriptionParams: { UserId: 'one_user_bot', UserSig: sig('one_user_bot'), TranscriptionMode: 1, TargetUserId: userIds[0] } })
    expect(started.ok).toBe(true)
    expect(await call<DescribeAITaskResponse>('DescribeAITranscription', { TaskId: '', SdkAppId: where.SdkAppId, SessionId: 'show-42' })).toMatchObject({ ok: true, value: { SessionId: 'show-42', TaskId: started.ok ? started.value.TaskId : '' } })
    await call('StopAITranscription', { TaskId: started.ok ? started.value.TaskId : '' })
  })
})

describe('AI conversation on the simulator', () => {
  it('starts with LLM and TTS configs, updates, speaks a pushed text and stops after it', async () => {
    const { room, where, userIds } = liveRoom(900)
    const started = await call<{ TaskId: string }>('StartAIConversation', { ...where, SessionId: 'desk-1', AgentConfig: { UserId: 'agent_bot', UserSig: sig('agent_bot'), TargetUserId: userIds[0], WelcomeMessage: 'Hello' }, STTConfig: { Language: 'zh', VadSilenceTime: 800 }, LLMConfig: llm, TTSConfig: tts })
    expect(started.ok).toBe(true)
    const TaskId = started.ok ? started.value.TaskId : ''
    expect(await inRoom(room.commId, 'agent_bot')).toBe(true)
    expect(await call<DescribeAITaskResponse>('DescribeAIConversation', { SessionId: 'desk-1' })).toMatchObject({ ok: true, value: { TaskId } })
    expect(await call('UpdateAIConversation', { TaskId, InterruptMode: 1, WelcomeMessage: 'Welcome back' })).toMatchObject({ ok: true })
    expect(await call('ControlAIConversation', { TaskId, Command: 'ServerPushText', ServerPushText: { Text: 'We are live in one minute', Interrupt: true, StopAfterPlay: true } })).toMatchObject({ ok: true })
    bed.clock.offsetS += 2
    expect(await call<DescribeAITaskResponse>('DescribeAIConversation', { TaskId })).toMatchObject({ ok: true, value: { Status: 'Stopped' } })
    expect(codeOf(await call('UpdateAIConversation', { TaskId, WelcomeMessage: 'x' }))).toBe('FailedOperation.TaskNotExist')
    bed.clock.offsetS = 0
  })

  it('a second task with the same robot in the room interrupts the first (L14888–L14892)', async () => {
    const { where, userIds } = liveRoom(300)
    const agent = { UserId: 'host_bot', UserSig: sig('host_bot'), TargetUserId: userIds[0] }
    const first = await call<{ TaskId: string }>('StartAIConversation', { ...where, AgentConfig: agent })
    const second = await call<{ TaskId: string }>('StartAIConversation', { ...where, AgentConfig: agent })
    expect(first.ok && second.ok).toBe(true)
    expect(await call<DescribeAITaskResponse>('DescribeAIConversation', { TaskId: first.ok ? first.value.TaskId : '' })).toMatchObject({ ok: true, value: { Status: 'Stopped' } })
    await call('StopAIConversation', { TaskId: second.ok ? second.value.TaskId : '' })
  })

  it('refuses what the reference refuses, each with its documented code', async () => {
    const { where, userIds } = liveRoom(300)
    const raw = async (action: string, body: Record<string, unknown>) => errorCode(await signedCall(action, body, { endpoint: sim.endpoint, secretId: sim.credentials.secretId, secretKey: sim.credentials.secretKey, region, timestamp: nowS() }))
    const agent = { UserId: 'refused_bot', UserSig: sig('refused_bot'), TargetUserId: userIds[0] }
    expect(await raw('StartAIConversation', { ...where, AgentConfig: { ...agent, UserSig: sig('other') } })).toBe('InvalidParameter.UserSig')
    expect(await raw('StartAIConversation', { ...where, SdkAppId: 1, AgentConfig: agent })).toBe('FailedOperation.NotAllowed')
    expect(await raw('StartAITranscription', { ...where, SdkAppId: 1, TranscriptionParams: { UserId: 'x_bot', UserSig: 'sig' } })).toBe('FailedOperation.SdkAppIdNotUnderAppId')
    expect(await raw('StartAIConversation', { ...where, AgentConfig: agent, LLMConfig: '{"Model":"m"}' })).toBe('InvalidParameterValue')
    expect(await raw('StartAIConversation', { ...where, AgentConfig: agent, STTConfig: { Language: 'xx' } })).toBe('InvalidParameterValue')
    expect(await raw('StopAIConversation', { TaskId: 'aiconv-none' })).toBe('FailedOperation.TaskNotExist')
    expect(await raw('ControlAIConversation', { TaskId: 'aiconv-none', Command: 'ServerPushText', ServerPushText: { Text: 'x' } })).toBe('FailedOperation.TaskNotExist')
    expect(await raw('DescribeAITranscription', { TaskId: '' })).toBe('InvalidParameter.TaskId')
    // The AI actions answer in four regions (L6728–L6731).
    expect(errorCode(await signedCall('StopAIConversation', { TaskId: 'x' }, { endpoint: sim.endpoint, secretId: sim.credentials.secretId, secretKey: sim.credentials.secretKey, region: 'ap-mumbai', timestamp: nowS() }))).toBe('UnsupportedRegion')
  })
})
