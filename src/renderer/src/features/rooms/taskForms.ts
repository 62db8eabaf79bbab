// The "Play into room" and AI task forms: what the user typed, checked field by field as they type
// (the rules of ingestStartSchema and aiStartSchema, 003_530a54cf0f8c0df7.txt L6128–L6155,
// L14881–L14932, L15783–L15998), and the request it becomes.
import type { AIStartRequest, IngestStartRequest } from '../../../../shared/contract/contract'
import { configProblems, type ConfigProblem } from '../../../../shared/trtc/ai'
import type { MessageKey } from '../../i18n/i18n'

export interface Problem {
  key: MessageKey
  params?: Record<string, string | number>
}
export type Problems<F extends string> = Partial<Record<F, Problem>>

export interface Target {
  sdkAppId: number
  roomId: string
  roomIdType: 'number' | 'string'
}

const ROBOT = /^[A-Za-z0-9_-]{1,20}$/
const MEDIA = /^(https?|rtmp):\/\/[^\s/?#]+\S*$/i

/** A whole number in [min, max] from a text field, or a problem; empty is `undefined` when allowed. */
function whole(text: string, min: number, max: number, optional: boolean): { value?: number; problem?: Problem } {
  const t = text.trim()
  if (t === '') return optional ? {} : { problem: { key: 'tasks.err.required' } }
  const n = Number(t)
  if (!/^-?\d+$/.test(t) || n < min || n > max) return { problem: { key: 'tasks.err.range', params: { min, max } } }
  return { value: n }
}

export function mediaUrlProblem(url: string): Problem | undefined {
  const u = url.trim()
  if (u === '') return { key: 'tasks.err.required' }
  if (!MEDIA.test(u) || u.length > 2048) return { key: 'tasks.err.url' }
  try {
    new URL(u)
  } catch {
    return { key: 'tasks.err.url' }
  }
  return undefined
}

const robotProblem = (robot: string): Problem | undefined => (robot.trim() === '' || ROBOT.test(robot.trim()) ? undefined : { key: 'tasks.err.robot' })

export interface IngestForm {
  url: string
  robot: string
  volume: number
  repeat: 'once' | 'times' | 'loop'
  times: string
  maxDurationMin: string
}

export const newIngestForm = (url = ''): IngestForm => ({ url, robot: '', volume: 100, repeat: 'once', times: '3', maxDurationMin: '' })

export function checkIngest(f: IngestForm, target: Target): { problems: Problems<'url' | 'robot' | 'times' | 'maxDurationMin'>; request: IngestStartRequest | null } {
  const problems: Problems<'url' | 'robot' | 'times' | 'maxDurationMin'> = {}
  const url = mediaUrlProblem(f.url)
  if (url) problems.url = url
  const robot = robotProblem(f.robot)
  if (robot) problems.robot = robot
  // RepeatNum "[-1, 1000] … 0 is an invalid value … -1 is for loop playback" (L6146–L6149)
  let repeatNum = f.repeat === 'once' ? 1 : -1
  if (f.repeat === 'times') {
    const n = whole(f.times, 2, 1000, false)
    if (n.problem) problems.times = n.problem
    else repeatNum = n.value!
  }
  // MaxDuration "[1, 10080], unit: minutes", with RepeatNum -1 only (L6151–L6152)
  const max = f.repeat === 'loop' ? whole(f.maxDurationMin, 1, 10080, true) : {}
  if (max.problem) problems.maxDurationMin = max.problem
  if (Object.keys(problems).length) return { problems, request: null }
  return {
    problems,
    request: {
      ...target,
      streamUrl: f.url.trim(),
      ...(f.robot.trim() ? { robot: f.robot.trim() } : {}),
      volume: Math.round(Math.min(100, Math.max(0, f.volume))),
      repeatNum,
      ...(max.value !== undefined ? { maxDurationMin: max.value } : {}),
    },
  }
}

export interface AIForm {
  kind: 'transcription' | 'conversation'
  robot: string
  language: string
  alternatives: string[]
  /** Transcription: '' for the whole room; conversation: the user the agent talks with. */
  targetUserId: string
  idleS: string
  welcome: string
  interruptMode: 0 | 1
  llmConfig: string
  ttsConfig: string
}

// The fields the reference marks required (L6519–L6559), filled with examples to edit.
export const LLM_EXAMPLE = JSON.stringify({ LLMType: 'openai', Model: 'gpt-4o', APIKey: '', APIUrl: 'https://api.openai.com/v1/chat/completions', Streaming: true }, null, 2)
export const TTS_EXAMPLE = JSON.stringify({ AppId: 0, TTSType: 'tencent', SecretId: '', SecretKey: '', VoiceType: 101001, Speed: 1.25, Volume: 5, PrimaryLanguage: 'zh-CN' }, null, 2)
export const LLM_REQUIRED = ['LLMType', 'Model', 'APIKey', 'APIUrl']
export const TTS_REQUIRED = ['AppId', 'SecretId', 'SecretKey', 'VoiceType']

export const newAIForm = (kind: AIForm['kind'], language: string): AIForm => ({ kind, robot: '', language, alternatives: [], targetUserId: '', idleS: '', welcome: '', interruptMode: 0, llmConfig: '', ttsConfig: '' })

function configProblem(text: string, which: 'LLMConfig' | 'TTSConfig'): Problem | undefined {
  if (text.trim() === '') return { key: 'tasks.err.required' }
  const p: ConfigProblem | undefined = configProblems(text, which)[0]
  if (!p) return undefined
  return p.problem === 'json' ? { key: 'ai.cfg.json' } : p.problem === 'notObject' ? { key: 'ai.cfg.notObject' } : { key: p.problem === 'missing' ? 'ai.cfg.missing' : 'ai.cfg.invalid', params: { field: p.field } }
}

export function checkAI(f: AIForm, target: Target): { problems: Problems<'robot' | 'alternatives' | 'targetUserId' | 'idleS' | 'llmConfig' | 'ttsConfig'>; request: AIStartRequest | null } {
  const problems: Problems<'robot' | 'alternatives' | 'targetUserId' | 'idleS' | 'llmConfig' | 'ttsConfig'> = {}
  const robot = robotProblem(f.robot)
  if (robot) problems.robot = robot
  // "Fill in up to 3 language types" (L15821–L15831)
  if (f.alternatives.length > 3) problems.alternatives = { key: 'tasks.err.alternatives' }
  const idle = whole(f.idleS, 1, 86_400, true)
  if (idle.problem) problems.idleS = idle.problem
  const common = { ...target, ...(f.robot.trim() ? { robot: f.robot.trim() } : {}), language: f.language as AIStartRequest['language'], ...(idle.value !== undefined ? { maxIdleTimeS: idle.value } : {}) }
  if (f.kind === 'transcription') {
    if (Object.keys(problems).length) return { problems, request: null }
    // Alternative languages cannot go with zh-dialect (L15821–L15831): not offered with it.
    const alternatives = f.language === 'zh-dialect' ? [] : f.alternatives.filter((l) => l !== f.language)
    return { problems, request: { kind: 'transcription', ...common, ...(alternatives.length ? { alternativeLanguages: alternatives as AIStartRequest['language'][] } : {}), ...(f.targetUserId ? { targetUserId: f.targetUserId } : {}) } }
  }
  if (!f.targetUserId) problems.targetUserId = { key: 'tasks.err.required' }
  const llm = configProblem(f.llmConfig, 'LLMConfig')
  if (llm) problems.llmConfig = llm
  const tts = configProblem(f.ttsConfig, 'TTSConfig')
  if (tts) problems.ttsConfig = tts
  if (Object.keys(problems).length) return { problems, request: null }
  return {
    problems,
    request: { kind: 'conversation', ...common, targetUserId: f.targetUserId, ...(f.welcome.trim() ? { welcomeMessage: f.welcome.trim() } : {}), interruptMode: f.interruptMode, llmConfig: f.llmConfig, ttsConfig: f.ttsConfig },
  }
}
