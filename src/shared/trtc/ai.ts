// AI conversation and transcription tasks (003_530a54cf0f8c0df7.txt L6459–L7792) and their data
// types: AgentConfig (L14881–L14932), TranscriptionParams (L16253–L16290), STTConfig
// (L15943–L15998), RecognizeConfig (L15783–L15831), ServerPushText (L16036–L16048). A robot user
// joins the room; the speech recognition, the LLM and the TTS run in Tencent Cloud (LLMConfig and
// TTSConfig name the customer's own services and keys).
import { z } from 'zod'
import { sdkAppId, userId } from './common'

/** STTConfig.Language / RecognizeConfig.Language: ISO 639 codes the reference lists (L15943–L15990, L15783–L15820). */
export const aiLanguages = ['zh', 'zh-TW', 'zh-dialect', 'en', 'vi', 'ja', 'ko', 'id', 'th', 'pt', 'tr', 'ar', 'es', 'hi', 'fr', 'ms', 'fil', 'de', 'it', 'ru'] as const
const language = z.enum(aiLanguages)
// "AlternativeLanguage … Fill in up to 3 language types" and not with zh-dialect (L15821–L15831, L15982–L15990).
const alternatives = z.array(language).max(3, 'At most 3 alternative languages')
const noDialectAlternatives = (v: { Language?: string | undefined; AlternativeLanguage?: string[] | undefined }, ctx: z.RefinementCtx) => {
  if (v.Language === 'zh-dialect' && v.AlternativeLanguage?.length) ctx.addIssue({ code: 'custom', path: ['AlternativeLanguage'], message: 'Alternative languages cannot be used with zh-dialect' })
}

export const sttConfig = z
  .object({ Language: language.optional(), AlternativeLanguage: alternatives.optional(), VadSilenceTime: z.int().min(240).max(2000).optional() }) // "240-2000 … ms" L15992–L15998
  .strict()
  .superRefine(noDialectAlternatives)

export const recognizeConfig = z.object({ Language: language.optional(), AlternativeLanguage: alternatives.optional() }).strict().superRefine(noDialectAlternatives)

export const agentConfig = z
  .object({
    UserId: userId, // the robot; unique in the room (L14886–L14893)
    UserSig: z.string().min(1), // L14894–L14899
    TargetUserId: userId, // whose stream the robot takes (L14900–L14903)
    MaxIdleTime: z.int().min(1).optional(), // seconds, default 60 (L14904–L14907)
    WelcomeMessage: z.string().optional(), // L14908
    InterruptMode: z.literal([0, 1]).optional(), // 0 server interrupts (default), 1 client signals (L14909–L14913)
    InterruptSpeechDuration: z.int().min(0).optional(), // ms, default 500, with InterruptMode 0 (L14914–L14918)
  })
  .strict()

export const transcriptionParams = z
  .object({
    UserId: userId, // L16253–L16262
    UserSig: z.string().min(1),
    MaxIdleTime: z.int().min(1).optional(), // default 60 s
    TranscriptionMode: z.literal([0, 1]).optional(), // 0 the whole room (default), 1 one user
    TargetUserId: userId.optional(), // required with TranscriptionMode 1 (L16280–L16290)
  })
  .strict()
  .superRefine((v, ctx) => {
    if (v.TranscriptionMode === 1 && !v.TargetUserId) ctx.addIssue({ code: 'custom', path: ['TargetUserId'], message: 'TranscriptionMode 1 needs the TargetUserId to transcribe' })
  })

/** LLMConfig: a JSON string "that must comply with the openai specification" (L6519–L6535). */
export const llmConfig = z
  .object({ LLMType: z.string().min(1), Model: z.string().min(1), APIKey: z.string().min(1), APIUrl: z.url({ protocol: /^https?$/ }), Streaming: z.boolean().optional() })
  .loose()

/** TTSConfig: a JSON string (L6537–L6559). */
export const ttsConfig = z
  .object({
    AppId: z.int().min(1),
    TTSType: z.string().min(1).optional(),
    SecretId: z.string().min(1),
    SecretKey: z.string().min(1),
    VoiceType: z.int(),
    Speed: z.number().optional(),
    Volume: z.number().optional(),
    PrimaryLanguage: z.string().optional(),
  })
  .loose()

/** A field holding JSON that must match `schema` (the reference types LLMConfig and TTSConfig as String). */
export function jsonString(schema: z.ZodType, what: string) {
  return z.string().superRefine((text, ctx) => {
    let value: unknown
    try {
      value = JSON.parse(text)
    } catch {
      ctx.addIssue({ code: 'custom', message: `${what} is not valid JSON` })
      return
    }
    const r = schema.safeParse(value)
    if (!r.success) for (const i of r.error.issues) ctx.addIssue({ code: 'custom', path: i.path as PropertyKey[], message: `${what}: ${i.message}` })
  })
}

/** What is wrong with an LLMConfig or TTSConfig text, field by field ('' for the whole text). */
export interface ConfigProblem {
  field: string
  problem: 'json' | 'notObject' | 'missing' | 'invalid'
}

export function configProblems(text: string, which: 'LLMConfig' | 'TTSConfig'): ConfigProblem[] {
  let value: unknown
  try {
    value = JSON.parse(text)
  } catch {
    return [{ field: '', problem: 'json' }]
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return [{ field: '', problem: 'notObject' }]
  const r = (which === 'LLMConfig' ? llmConfig : ttsConfig).safeParse(value)
  if (r.success) return []
  const given = value as Record<string, unknown>
  return r.error.issues.map((i) => {
    const field = String(i.path[0] ?? '')
    return { field, problem: given[field] === undefined || given[field] === '' ? 'missing' : 'invalid' }
  })
}

// "RoomIdType … 0 represents a numeric room number, and 1 represents a string room number. If not
// filled in, the default is a numeric room number." (L7065–L7070; StartAIConversation's own text is cut at L6515.)
const aiRoomIdType = z.literal([0, 1]).optional()

export const startAIConversationRequest = z
  .object({
    SdkAppId: sdkAppId, // L6493
    RoomId: z.string().min(1), // L6495
    AgentConfig: agentConfig, // L6497
    SessionId: z.string().min(1).optional(), // L6513
    RoomIdType: aiRoomIdType, // L6515
    STTConfig: sttConfig.optional(), // L6517
    LLMConfig: jsonString(llmConfig, 'LLMConfig').optional(), // L6519–L6535
    TTSConfig: jsonString(ttsConfig, 'TTSConfig').optional(), // L6537–L6559
  })
  .strict()

// "SdkAppId No … TaskId No … SessionId No" (L6733–L6738): one of TaskId or SessionId says which.
export const describeAIConversationRequest = z
  .object({ SdkAppId: sdkAppId.optional(), TaskId: z.string().min(1).optional(), SessionId: z.string().min(1).optional() })
  .strict()
  .refine((v) => v.TaskId !== undefined || v.SessionId !== undefined, { message: 'Give the TaskId or the SessionId', path: ['TaskId'] })

const taskOnly = z.object({ TaskId: z.string().min(1) }).strict() // L6886, L7385
export const stopAIConversationRequest = taskOnly
export const stopAITranscriptionRequest = taskOnly

// "If not filled in, no update will be performed." (L7516–L7548)
export const updateAIConversationRequest = z
  .object({
    TaskId: z.string().min(1),
    WelcomeMessage: z.string().optional(),
    InterruptMode: z.literal([0, 1]).optional(),
    InterruptSpeechDuration: z.int().min(0).optional(),
    LLMConfig: jsonString(llmConfig, 'LLMConfig').optional(),
    TTSConfig: jsonString(ttsConfig, 'TTSConfig').optional(),
  })
  .strict()

export const serverPushText = z.object({ Text: z.string().optional(), Interrupt: z.boolean().optional(), StopAfterPlay: z.boolean().optional() }).strict() // L16036–L16048

// Command "ServerPushText" is the only one documented; its ServerPushText is then required (L7678–L7701).
export const controlAIConversationRequest = z
  .object({ TaskId: z.string().min(1), Command: z.literal('ServerPushText'), ServerPushText: serverPushText.optional() })
  .strict()
  .refine((v) => v.Command !== 'ServerPushText' || v.ServerPushText !== undefined, { message: 'ServerPushText is required with Command ServerPushText', path: ['ServerPushText'] })

export const startAITranscriptionRequest = z
  .object({
    SdkAppId: sdkAppId, // L7043–L7046
    RoomId: z.string().min(1), // L7048–L7049
    TranscriptionParams: transcriptionParams, // L7051
    SessionId: z.string().min(1).optional(), // L7053–L7063
    RoomIdType: aiRoomIdType, // L7065–L7070
    RecognizeConfig: recognizeConfig.optional(), // L7072
  })
  .strict()

// "TaskId … If not in use, pass in an empty string. … 2. TaskId is an empty string. Fill in SdkAppId and SessionId." (L7229–L7239)
export const describeAITranscriptionRequest = z
  .object({ TaskId: z.string(), SdkAppId: sdkAppId.optional(), SessionId: z.string().min(1).optional() })
  .strict()
  .refine((v) => v.TaskId !== '' || (v.SdkAppId !== undefined && v.SessionId !== undefined), { message: 'With an empty TaskId, give SdkAppId and SessionId', path: ['SessionId'] })

/** "Idle … Preparing … InProgress … Stopped" (L6759–L6762, L7259–L7262). */
export type AITaskStatus = 'Idle' | 'Preparing' | 'InProgress' | 'Stopped'

export interface StartAITaskResponse {
  TaskId: string // L6568, L7081
}
export interface DescribeAITaskResponse {
  StartTime: string
  Status: AITaskStatus
  TaskId: string
  SessionId: string
}
