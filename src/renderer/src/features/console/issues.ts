// What is wrong with a console request, per parameter, as message keys with parameters: zod's
// issues by their code (its English never reaches the page), the request schemas' own rules by
// their wording (src/shared/trtc/*.ts), and the look-back and region rules of validateRequest.
import type { z } from 'zod'
import { actions, validateRequest, type ActionName } from '../../../../shared/trtc/actions'
import type { FormSpec } from './form'
import type { TextKey } from './text'

export interface IssueText {
  key: TextKey
  params?: Record<string, string | number>
  /** The schema's own English, for a rule this catalogue does not word: shown in English only. */
  detail?: string
}

export interface ParamIssue {
  /** The top-level parameter, 'region' for the region, or null for the request as a whole. */
  field: string | null
  /** Where inside the parameter (`AgentConfig` → `UserId`), dotted; empty at the parameter itself. */
  sub: string
  text: IssueText
}

type Issue = z.core.$ZodIssue

interface Rule {
  re: RegExp
  key: TextKey
  params?: (m: RegExpMatchArray) => Record<string, string | number>
}

// One line per message the request schemas write (a test reads the schema files and checks each
// is here). Names, formats and values stay parameters: the page shows them as code.
const rules: Rule[] = [
  { re: /^The end time must not be before the start time$/, key: 'console.rule.endBeforeStart' },
  { re: /^The time range cannot exceed (\d+) hours? when metrics are requested$/, key: 'console.rule.spanHoursMetrics', params: (m) => ({ field: 'DataType', hours: Number(m[1]) }) },
  { re: /^The time range cannot exceed (\d+) hours?$/, key: 'console.rule.spanHours', params: (m) => ({ hours: Number(m[1]) }) },
  { re: /^The time range cannot exceed (\d+) days?$/, key: 'console.rule.spanDays', params: (m) => ({ days: Number(m[1]) }) },
  { re: /^User ID may contain only letters, digits, underscores and hyphens$/, key: 'console.rule.idChars' },
  { re: /^Prefixes may contain letters, digits, _ and -$/, key: 'console.rule.idChars' },
  { re: /^SDKAppID must be a positive number$/, key: 'console.rule.positiveNumber' },
  { re: /^Room ID contains control characters$/, key: 'console.rule.controlChars' },
  { re: /^Use the format (.+)$/, key: 'console.rule.format', params: (m) => ({ format: m[1]! }) },
  { re: /^(CommId) has the form (\S+)$/, key: 'console.rule.form', params: (m) => ({ name: m[1]!, form: m[2]! }) },
  { re: /^Colour has the form (\S+)$/, key: 'console.rule.colour', params: (m) => ({ form: m[1]! }) },
  { re: /^(PayloadUuid) is 32 hexadecimal characters$/, key: 'console.rule.hex32', params: (m) => ({ name: m[1]! }) },
  { re: /^At most (\d+) users can be queried with metrics$/, key: 'console.rule.metricsUsers', params: (m) => ({ field: 'DataType', count: Number(m[1]) }) },
  { re: /^(PageSize) cannot exceed (\d+) when metrics are requested$/, key: 'console.rule.metricsPageSize', params: (m) => ({ field: 'DataType', name: m[1]!, count: Number(m[2]) }) },
  { re: /^Alternative languages cannot be used with (\S+)$/, key: 'console.rule.dialect', params: (m) => ({ language: m[1]! }) },
  { re: /^(TranscriptionMode 1) needs the (TargetUserId) to transcribe$/, key: 'console.rule.targetUser', params: (m) => ({ mode: m[1]!, name: m[2]! }) },
  { re: /^(\w+) is not valid JSON$/, key: 'console.rule.notJson', params: (m) => ({ name: m[1]! }) },
  { re: /^Give the (TaskId) or the (SessionId)$/, key: 'console.rule.taskOrSession', params: (m) => ({ task: m[1]!, session: m[2]! }) },
  { re: /^(ServerPushText) is required with (Command ServerPushText)$/, key: 'console.rule.serverPushText', params: (m) => ({ name: m[1]!, command: m[2]! }) },
  { re: /^With an empty (TaskId), give (SdkAppId) and (SessionId)$/, key: 'console.rule.emptyTaskId', params: (m) => ({ task: m[1]!, app: m[2]!, session: m[3]! }) },
  { re: /^(RepeatNum) 0 is not valid/, key: 'console.rule.repeatNum', params: (m) => ({ name: m[1]! }) },
  { re: /^With RoomIdType 1 the room ID is a whole number from 1 to 4294967295$/, key: 'console.rule.numericRoom' },
  { re: /^A numeric room ID must be 1–4294967295/, key: 'console.rule.numericRoom' },
  { re: /^Not a valid string room ID$/, key: 'console.rule.stringRoom' },
  { re: /^(MaxDuration) applies only when (RepeatNum) is -1$/, key: 'console.rule.maxDuration', params: (m) => ({ name: m[1]!, repeat: m[2]! }) },
  { re: /^HE-AACv2 needs two channels$/, key: 'console.rule.heAacV2' },
  { re: /^HE-AAC does not support 8000 Hz$/, key: 'console.rule.heAac8000' },
  { re: /^Crop area exceeds (\d+) px$/, key: 'console.rule.crop', params: (m) => ({ max: Number(m[1]) }) },
  { re: /^The watermark needs its image or text$/, key: 'console.rule.watermark' },
  { re: /^Tile extends past the canvas width$/, key: 'console.rule.tileWidth' },
  { re: /^Tile extends past the canvas height$/, key: 'console.rule.tileHeight' },
  { re: /^Payload type 244 is reserved$/, key: 'console.rule.payload244', params: () => ({ name: 'PayloadType' }) },
  { re: /^(PayloadUuid) is required when (PayloadType) is 5$/, key: 'console.rule.payloadUuid', params: (m) => ({ uuid: m[1]!, name: m[2]! }) },
  { re: /^Give at least one CDN address or one room to relay to$/, key: 'console.rule.relayTarget' },
  { re: /^A single-stream relay must not transcode$/, key: 'console.rule.singleNoTranscode' },
  { re: /^Use an audio allowlist or a blocklist, not both$/, key: 'console.rule.audioLists' },
  { re: /^Use a video allowlist or a blocklist, not both$/, key: 'console.rule.videoLists' },
  { re: /^Choose where the recording is stored$/, key: 'console.rule.storage' },
  { re: /^Width × Height cannot exceed 1920 × 1080$/, key: 'console.rule.resolution' },
]

/** A request schema's own message worded by this catalogue, or null when it has no line here. */
export function ruleText(message: string): IssueText | null {
  for (const r of rules) {
    const m = message.match(r.re)
    if (m) return r.params ? { key: r.key, params: r.params(m) } : { key: r.key }
  }
  return null
}

const expected: Record<string, TextKey> = {
  number: 'console.issue.expect.number',
  int: 'console.issue.expect.int',
  string: 'console.issue.expect.string',
  boolean: 'console.issue.expect.boolean',
  array: 'console.issue.expect.array',
  object: 'console.issue.expect.object',
  record: 'console.issue.expect.object',
}

const list = (values: readonly unknown[]) => values.map((v) => (typeof v === 'string' ? v : JSON.stringify(v))).join(', ')

/**
 * zod's default English for a value nested in a JSON text (LLMConfig: "Invalid input: expected
 * string, received undefined"): read back into the codes it came from where it can be.
 */
function defaultMessageText(message: string): IssueText {
  const m = message.match(/expected (\w+), received (\w+)/)
  if (m) return m[2] === 'undefined' ? { key: 'console.issue.required' } : { key: expected[m[1]!] ?? 'console.issue.expect.other' }
  if (/^Invalid URL$/.test(message)) return { key: 'console.issue.url' }
  return ruleText(message) ?? { key: 'console.issue.rule', detail: message }
}

/** One zod issue in our words. `value` is what the request holds at the issue's path. */
export function issueText(issue: Issue, value: unknown): IssueText {
  switch (issue.code) {
    case 'invalid_type':
      if (value === undefined) return { key: 'console.issue.required' }
      return { key: expected[issue.expected] ?? 'console.issue.expect.other' }
    case 'too_small': {
      const minimum = Number(issue.minimum)
      if (issue.origin === 'string') return minimum <= 1 ? { key: 'console.issue.empty' } : { key: 'console.issue.minLength', params: { minimum } }
      if (issue.origin === 'array' || issue.origin === 'set') return { key: 'console.issue.minItems', params: { minimum } }
      return { key: issue.inclusive === false ? 'console.issue.minExclusive' : 'console.issue.min', params: { minimum } }
    }
    case 'too_big': {
      const maximum = Number(issue.maximum)
      if (issue.origin === 'string') return { key: 'console.issue.maxLength', params: { maximum } }
      if (issue.origin === 'array' || issue.origin === 'set') return { key: 'console.issue.maxItems', params: { maximum } }
      return { key: issue.inclusive === false ? 'console.issue.maxExclusive' : 'console.issue.max', params: { maximum } }
    }
    case 'invalid_value':
      return { key: 'console.issue.values', params: { values: list(issue.values) } }
    case 'invalid_format': {
      const own = ruleText(issue.message)
      if (own) return own
      if (issue.format === 'url') return { key: 'console.issue.url' }
      if (issue.format === 'regex' && 'pattern' in issue && typeof issue.pattern === 'string') return { key: 'console.issue.pattern', params: { pattern: issue.pattern } }
      return { key: 'console.issue.format', params: { format: issue.format } }
    }
    case 'unrecognized_keys':
      return { key: 'console.issue.unknownKeys', params: { keys: issue.keys.join(', ') } }
    case 'invalid_union': {
      if (value === undefined) return { key: 'console.issue.required' }
      // A union of literals (IsMute 0–3): every branch names the value it wanted.
      const branches = issue.errors
      const wanted = branches.every((b) => b.length === 1 && b[0]!.code === 'invalid_value') ? branches.flatMap((b) => (b[0] as Extract<Issue, { code: 'invalid_value' }>).values) : null
      if (wanted) return { key: 'console.issue.values', params: { values: list(wanted) } }
      return { key: 'console.issue.union' }
    }
    case 'not_multiple_of':
      return { key: 'console.issue.multipleOf', params: { divisor: Number(issue.divisor) } }
    case 'custom':
      return ruleText(issue.message) ?? defaultMessageText(issue.message)
    default:
      return { key: 'console.issue.rule', detail: issue.message }
  }
}

function valueAt(root: unknown, path: readonly PropertyKey[]): unknown {
  let v = root
  for (const p of path) {
    if (v === null || typeof v !== 'object') return undefined
    v = (v as Record<PropertyKey, unknown>)[p]
  }
  return v
}

/** Where inside a parameter: a list's item by what it holds (`guest#li`), anything deeper by its path. */
function subPath(params: Record<string, unknown>, path: readonly PropertyKey[]): string {
  const [first, ...rest] = path
  const list = first === undefined ? undefined : params[String(first)]
  if (rest.length === 1 && typeof rest[0] === 'number' && Array.isArray(list)) {
    const item = list[rest[0]] as unknown
    if (typeof item === 'string' || typeof item === 'number') return String(item)
  }
  return rest.map(String).join('.')
}

/**
 * Everything wrong with a request, first by the action's schema, then (when the schema is satisfied)
 * by validateRequest's look-back and region rules. Fields whose text is not JSON are reported as such
 * and not again as missing.
 */
export function checkParams(form: FormSpec, params: Record<string, unknown>, opts: { nowS: number; region: string | null; badJson?: readonly string[] }): ParamIssue[] {
  const bad = new Set(opts.badJson ?? [])
  const out: ParamIssue[] = [...bad].map((field) => ({ field, sub: '', text: { key: 'console.issue.json' } }))
  const parsed = actions[form.action].request.safeParse(params)
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const [first] = issue.path
      if (issue.code === 'unrecognized_keys' && issue.path.length === 0) {
        for (const key of issue.keys) out.push({ field: key, sub: '', text: { key: 'console.issue.unknownKeys', params: { keys: key } } })
        continue
      }
      const field = first === undefined ? null : String(first)
      if (field !== null && bad.has(field)) continue
      out.push({ field, sub: subPath(params, issue.path), text: issueText(issue, valueAt(params, issue.path)) })
    }
    return out
  }
  if (out.length > 0) return out
  const checked = validateRequest(form.action as ActionName, params, opts.nowS, form.regions ? (opts.region ?? undefined) : undefined)
  if (!checked.ok) {
    const say = checked.error.say
    const field = say.key === 'err.request.tooOld' ? 'StartTime' : say.key === 'err.request.region' ? 'region' : null
    out.push({ field, sub: '', text: { key: say.key, ...(say.params ? { params: say.params } : {}) } })
  }
  return out
}
