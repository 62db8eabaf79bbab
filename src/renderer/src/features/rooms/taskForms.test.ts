// The task forms hold the reference's rules as the user types, and make the requests main accepts.
import { describe, expect, it } from 'vitest'
import { aiStartSchema, ingestStartSchema } from '../../../../shared/contract/contract'
import { checkAI, checkIngest, LLM_EXAMPLE, newAIForm, newIngestForm, TTS_EXAMPLE } from './taskForms'

const target = { sdkAppId: 1400000001, roomId: '1234', roomIdType: 'number' as const }

describe('the "Play into room" form', () => {
  it('says which field is wrong, and makes a request the contract accepts once all are right', () => {
    expect(checkIngest(newIngestForm(), target)).toEqual({ problems: { url: { key: 'tasks.err.required' } }, request: null })
    expect(checkIngest(newIngestForm('ftp://x.example.com/a.mp4'), target).problems.url?.key).toBe('tasks.err.url')
    expect(checkIngest({ ...newIngestForm('https://x.example.com/a.mp4'), robot: 'has space' }, target).problems.robot?.key).toBe('tasks.err.robot')
    // RepeatNum [-1, 1000] without 0 (L6146–L6149); "several times" is 2 or more.
    expect(checkIngest({ ...newIngestForm('https://x.example.com/a.mp4'), repeat: 'times', times: '1001' }, target).problems.times).toEqual({ key: 'tasks.err.range', params: { min: 2, max: 1000 } })
    // MaxDuration [1, 10080] minutes, with a loop only (L6151–L6152).
    expect(checkIngest({ ...newIngestForm('rtmp://x.example.com/live/a'), repeat: 'loop', maxDurationMin: '10081' }, target).problems.maxDurationMin?.key).toBe('tasks.err.range')
    const loop = checkIngest({ ...newIngestForm(' rtmp://x.example.com/live/a '), repeat: 'loop', maxDurationMin: '90', volume: 40, robot: 'music' }, target).request
    expect(loop).toEqual({ ...target, streamUrl: 'rtmp://x.example.com/live/a', robot: 'music', volume: 40, repeatNum: -1, maxDurationMin: 90 })
    expect(ingestStartSchema.safeParse(loop).success).toBe(true)
    const times = checkIngest({ ...newIngestForm('https://x.example.com/a.mp4'), repeat: 'times', times: '3', maxDurationMin: '5' }, target).request
    expect(times).toMatchObject({ repeatNum: 3 })
    expect(times).not.toHaveProperty('maxDurationMin')
    expect(ingestStartSchema.safeParse(times).success).toBe(true)
  })
})

describe('the AI task forms', () => {
  it('transcribes the whole room or one user, without alternatives for dialects', () => {
    const room = checkAI({ ...newAIForm('transcription', 'zh'), alternatives: ['en', 'ja'] }, target).request
    expect(room).toEqual({ kind: 'transcription', ...target, language: 'zh', alternativeLanguages: ['en', 'ja'] })
    expect(aiStartSchema.safeParse(room).success).toBe(true)
    const dialect = checkAI({ ...newAIForm('transcription', 'zh-dialect'), alternatives: ['en'], targetUserId: 'anna' }, target).request
    expect(dialect).toEqual({ kind: 'transcription', ...target, language: 'zh-dialect', targetUserId: 'anna' })
    expect(checkAI({ ...newAIForm('transcription', 'en'), alternatives: ['zh', 'ja', 'ko', 'fr'] }, target).problems.alternatives?.key).toBe('tasks.err.alternatives')
    expect(checkAI({ ...newAIForm('transcription', 'en'), idleS: '0' }, target).problems.idleS?.key).toBe('tasks.err.range')
  })

  it('checks the LLM and TTS configs field by field before a conversation can start', () => {
    const form = { ...newAIForm('conversation', 'en'), targetUserId: 'anna' }
    expect(checkAI(form, target).problems).toEqual({ llmConfig: { key: 'tasks.err.required' }, ttsConfig: { key: 'tasks.err.required' } })
    expect(checkAI({ ...form, llmConfig: LLM_EXAMPLE, ttsConfig: '{' }, target).problems).toEqual({
      llmConfig: { key: 'ai.cfg.missing', params: { field: 'APIKey' } },
      ttsConfig: { key: 'ai.cfg.json' },
    })
    expect(checkAI({ ...form, llmConfig: '[1]', ttsConfig: TTS_EXAMPLE.replace('"AppId": 0', '"AppId": "x"') }, target).problems.llmConfig?.key).toBe('ai.cfg.notObject')
    const llm = LLM_EXAMPLE.replace('"APIKey": ""', '"APIKey": "sk-1"')
    const tts = TTS_EXAMPLE.replace('"AppId": 0', '"AppId": 1300000000').replace('"SecretId": ""', '"SecretId": "AKID"').replace('"SecretKey": ""', '"SecretKey": "k"')
    expect(checkAI({ ...form, llmConfig: llm, ttsConfig: TTS_EXAMPLE }, target).problems.ttsConfig).toEqual({ key: 'ai.cfg.invalid', params: { field: 'AppId' } })
    expect(checkAI({ ...form, targetUserId: '', llmConfig: llm, ttsConfig: tts }, target).problems).toEqual({ targetUserId: { key: 'tasks.err.required' } })
    const request = checkAI({ ...form, llmConfig: llm, ttsConfig: tts, welcome: ' Hi ', interruptMode: 1 }, target).request
    expect(request).toMatchObject({ kind: 'conversation', targetUserId: 'anna', welcomeMessage: 'Hi', interruptMode: 1 })
    expect(aiStartSchema.safeParse(request).success).toBe(true)
  })
})
