// The API console's form, described from an action's request schema (zod's JSON Schema view, the
// input side): one field per top-level parameter with the control that fits it and the limits the
// schema states, the defaults worth typing for the user, and the text ↔ value conversions of each
// control. Pure: the view renders these descriptions, the tests read them.
import { z } from 'zod'
import { actions, type ActionName } from '../../../../shared/trtc/actions'

export type FieldKind = 'integer' | 'number' | 'text' | 'choice' | 'boolean' | 'list' | 'json'
/** What a list holds, one item per comma- or space-separated word. */
export type ItemKind = 'integer' | 'number' | 'text' | 'choice'

export interface FieldSpec {
  name: string
  required: boolean
  kind: FieldKind
  /** choice: the values allowed; list of choice: the values each item may take. */
  values?: Array<string | number>
  min?: number
  max?: number
  minLength?: number
  maxLength?: number
  /** A regular expression the text must match, as the schema gives it. */
  pattern?: string
  /** A named string format (uri …). */
  format?: string
  minItems?: number
  maxItems?: number
  item?: ItemKind
  /** A String parameter whose value is JSON (LLMConfig, TTSConfig): shown in a larger box. */
  multiline?: boolean
}

export interface FormSpec {
  action: ActionName
  fields: FieldSpec[]
  /** null: the action takes no Region. */
  regions: readonly string[] | null
  mutating: boolean
}

interface Json {
  type?: string
  properties?: Record<string, Json>
  required?: string[]
  items?: Json
  anyOf?: Json[]
  enum?: Array<string | number>
  const?: string | number
  minimum?: number
  maximum?: number
  exclusiveMinimum?: number
  exclusiveMaximum?: number
  minLength?: number
  maxLength?: number
  minItems?: number
  maxItems?: number
  pattern?: string
  format?: string
}

// LLMConfig and TTSConfig are typed String and hold JSON (003_530a54cf0f8c0df7.txt L6519–L6559).
const JSON_TEXT_FIELDS = new Set(['LLMConfig', 'TTSConfig'])

/** zod writes z.int()'s unstated bounds as ±(2^53 − 1); they are not limits worth showing. */
const bound = (n: number | undefined): number | undefined => (n === undefined || Math.abs(n) >= Number.MAX_SAFE_INTEGER ? undefined : n)

function choiceValues(s: Json): Array<string | number> | null {
  if (s.enum) return s.enum
  if (s.const !== undefined) return [s.const]
  if (s.anyOf && s.anyOf.length > 0 && s.anyOf.every((a) => a.const !== undefined || a.enum !== undefined)) return s.anyOf.flatMap((a) => a.enum ?? [a.const!])
  return null
}

function numberLimits(s: Json): Pick<FieldSpec, 'min' | 'max'> {
  const min = bound(s.minimum ?? s.exclusiveMinimum)
  const max = bound(s.maximum ?? s.exclusiveMaximum)
  return { ...(min === undefined ? {} : { min }), ...(max === undefined ? {} : { max }) }
}

function textLimits(s: Json): Pick<FieldSpec, 'minLength' | 'maxLength' | 'pattern' | 'format'> {
  const out: Pick<FieldSpec, 'minLength' | 'maxLength' | 'pattern' | 'format'> = {}
  if (s.minLength !== undefined && s.minLength > 0) out.minLength = s.minLength
  if (s.maxLength !== undefined) out.maxLength = s.maxLength
  if (s.pattern !== undefined) out.pattern = s.pattern
  if (s.format !== undefined) out.format = s.format
  return out
}

function itemKind(s: Json | undefined): { item: ItemKind; values?: Array<string | number> } | null {
  if (!s) return null
  const values = choiceValues(s)
  if (values) return { item: 'choice', values }
  if (s.type === 'integer') return { item: 'integer' }
  if (s.type === 'number') return { item: 'number' }
  if (s.type === 'string') return { item: 'text' }
  return null
}

export function fieldOf(name: string, s: Json, required: boolean): FieldSpec {
  const base = { name, required }
  const values = choiceValues(s)
  if (values) return { ...base, kind: 'choice', values }
  if (s.anyOf) {
    // A union of forms (RoomId as text or number): typed as text, which every such union accepts here.
    const text = s.anyOf.find((a) => a.type === 'string')
    if (text) return { ...base, kind: 'text', ...textLimits(text) }
    const int = s.anyOf.find((a) => a.type === 'integer' || a.type === 'number')
    if (int) return { ...base, kind: int.type === 'integer' ? 'integer' : 'number', ...numberLimits(int) }
    return { ...base, kind: 'json' }
  }
  switch (s.type) {
    case 'integer':
    case 'number':
      return { ...base, kind: s.type, ...numberLimits(s) }
    case 'boolean':
      return { ...base, kind: 'boolean' }
    case 'string':
      return { ...base, kind: 'text', ...textLimits(s), ...(JSON_TEXT_FIELDS.has(name) ? { multiline: true } : {}) }
    case 'array': {
      const items = itemKind(s.items)
      const counts = { ...(s.minItems !== undefined ? { minItems: s.minItems } : {}), ...(s.maxItems !== undefined ? { maxItems: s.maxItems } : {}) }
      if (!items) return { ...base, kind: 'json', ...counts }
      return { ...base, kind: 'list', ...counts, item: items.item, ...(items.values ? { values: items.values } : {}), ...(s.items ? textLimits(s.items) : {}) }
    }
    default:
      return { ...base, kind: 'json' }
  }
}

const cache = new Map<ActionName, FormSpec>()

/** The form of an action: one field per top-level parameter, required ones first, in the schema's order. */
export function describeForm(action: ActionName): FormSpec {
  const hit = cache.get(action)
  if (hit) return hit
  const spec = actions[action]
  const json = z.toJSONSchema(spec.request, { unrepresentable: 'any', io: 'input' }) as Json
  const required = new Set(json.required ?? [])
  const fields = Object.entries(json.properties ?? {}).map(([name, s]) => fieldOf(name, s, required.has(name)))
  fields.sort((a, b) => Number(b.required) - Number(a.required))
  const form: FormSpec = { action, fields, regions: spec.regions, mutating: spec.mutating }
  cache.set(action, form)
  return form
}

/** The region a call goes to first: the profile's own when the action allows it, else the action's first. */
export function defaultRegion(form: FormSpec, profileRegion: string | null): string | null {
  if (!form.regions) return null
  return profileRegion && form.regions.includes(profileRegion) ? profileRegion : (form.regions[0] ?? null)
}

const pad = (n: number) => String(n).padStart(2, '0')
const utcDate = (ms: number) => {
  const d = new Date(ms)
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`
}
const utcMinute = (ms: number) => {
  const d = new Date(ms)
  return `${utcDate(ms)} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}`
}

// Date-only and minute times are read as UTC (src/shared/trtc/common.ts parseUtc; L13801–L13804, L14722–L14737).
const DATE_PATTERN = '^\\d{4}-\\d{2}-\\d{2}$'
const MINUTE_PATTERN = '^\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}$'

/**
 * What the form starts with: the SDKAppID of the profile (a number or text as the action types it)
 * and, where the action has StartTime/EndTime, the last hour (Unix seconds or UTC minutes) or today
 * (dates). Everything else is left for the user.
 */
export function defaultParams(form: FormSpec, ctx: { sdkAppId: number | null; nowMs: number }): Record<string, unknown> {
  const out: Record<string, unknown> = {}
  const hourAgo = ctx.nowMs - 3600_000
  for (const f of form.fields) {
    if (/^sdkappid$/i.test(f.name) && ctx.sdkAppId !== null) out[f.name] = f.kind === 'text' ? String(ctx.sdkAppId) : ctx.sdkAppId
    if (f.name !== 'StartTime' && f.name !== 'EndTime') continue
    const ms = f.name === 'StartTime' ? hourAgo : ctx.nowMs
    if (f.kind === 'integer') out[f.name] = Math.floor(ms / 1000)
    else if (f.pattern === DATE_PATTERN) out[f.name] = utcDate(ctx.nowMs)
    else if (f.pattern === MINUTE_PATTERN) out[f.name] = utcMinute(ms)
  }
  return out
}

/** A field's text read as the value to send: undefined leaves the parameter out; `bad` marks text that is not JSON. */
export type ReadValue = { value: unknown } | { bad: 'json' }

const NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/

function readScalar(kind: ItemKind, values: FieldSpec['values'], text: string): unknown {
  const t = text.trim()
  if (kind === 'integer' || kind === 'number') return NUMBER.test(t) ? Number(t) : text
  if (kind === 'choice') return values?.find((v) => String(v) === t) ?? text
  return text
}

export function readField(f: FieldSpec, text: string): ReadValue {
  if (text.trim() === '') {
    // A required text without a minimum length may be sent empty (DescribeAITranscription's TaskId
    // "pass in an empty string", L7229–L7239); anything else empty is left out.
    return { value: f.kind === 'text' && f.required && !f.minLength && text === '' ? '' : undefined }
  }
  switch (f.kind) {
    case 'integer':
    case 'number':
    case 'choice':
      return { value: readScalar(f.kind, f.values, text) }
    case 'text':
      return { value: text }
    case 'boolean':
      return { value: text === 'true' ? true : text === 'false' ? false : text }
    case 'list':
      return { value: text.split(/[\s,]+/).filter((w) => w !== '').map((w) => readScalar(f.item ?? 'text', f.values, w)) }
    case 'json':
      try {
        return { value: JSON.parse(text) as unknown }
      } catch {
        return { bad: 'json' }
      }
  }
}

/** The text a field shows for a value (the inverse of readField where the value fits the control). */
export function fieldText(f: FieldSpec, value: unknown): string {
  if (value === undefined) return ''
  if (f.kind === 'json') return JSON.stringify(value, null, 2)
  if (f.kind === 'list' && Array.isArray(value) && value.every((v) => typeof v !== 'object' || v === null)) return value.map(String).join(', ')
  if (typeof value === 'object' && value !== null) return JSON.stringify(value)
  return String(value)
}

/** The texts of every field for a set of parameters (after the JSON view was edited, or a call re-loaded). */
export function fieldTexts(form: FormSpec, params: Record<string, unknown>): Record<string, string> {
  return Object.fromEntries(form.fields.map((f) => [f.name, fieldText(f, params[f.name])]))
}

/** Parameters with a field's new text applied; undefined values are dropped so the JSON view shows what is sent. */
export function withField(params: Record<string, unknown>, f: FieldSpec, read: ReadValue): Record<string, unknown> {
  const next = { ...params }
  if ('bad' in read || read.value === undefined) delete next[f.name]
  else next[f.name] = read.value
  return next
}

/** The JSON view's text: an object of parameters, or why it is not one. */
export function readParamsJson(text: string): { params: Record<string, unknown> } | { bad: 'json' | 'notObject' } {
  let v: unknown
  try {
    v = JSON.parse(text)
  } catch {
    return { bad: 'json' }
  }
  return typeof v === 'object' && v !== null && !Array.isArray(v) ? { params: v as Record<string, unknown> } : { bad: 'notObject' }
}
