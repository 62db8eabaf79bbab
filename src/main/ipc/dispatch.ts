// Validates a request against the contract, runs its handler and always resolves to a Result.
// Imports no electron, so the same path runs in plain Node (unit tests, the Chromium harness).
import { type z } from 'zod'
import { isChannelName, type ChannelName, type EventName } from '../../shared/contract/channels'
import { contract, type EventPayload, type ParsedRequestOf, type ResponseOf } from '../../shared/contract/contract'
import { err, type Result } from '../../shared/errors'

export type Handlers = {
  [C in ChannelName]: (request: ParsedRequestOf<C>) => Promise<Result<ResponseOf<C>>>
}

export type Emit = <E extends EventName>(event: E, payload: EventPayload<E>) => void

export interface Logger {
  error(message: string, detail?: unknown): void
  warn(message: string, detail?: unknown): void
  info(message: string, detail?: unknown): void
}

export type Dispatch = (channel: unknown, request: unknown) => Promise<Result<unknown>>

export function createDispatch(handlers: Handlers, log: Logger): Dispatch {
  return async (channel, request) => {
    if (!isChannelName(channel)) {
      return err('request.invalid', 'err.code.request.invalid', undefined, { message: `Unknown channel "${String(channel).slice(0, 80)}".` })
    }
    const forbidden = forbiddenKeyPath(request)
    if (forbidden) return err('request.invalid', 'err.request.fields', { fields: forbidden }, { message: `Invalid request for ${channel}: the key "${forbidden}" is not allowed.` })
    const parsed = contract[channel].request.safeParse(request)
    if (!parsed.success) return err('request.invalid', 'err.request.fields', { fields: issuePaths(parsed.error) }, { message: `Invalid request for ${channel}: ${describeIssues(parsed.error)}` })
    try {
      const handler = handlers[channel] as (r: unknown) => Promise<Result<unknown>>
      return await handler(parsed.data)
    } catch (e) {
      // A throw is a bug: the stack stays in main's log; the renderer gets a code and a sentence.
      log.error(`Handler ${channel} failed`, e)
      return err('internal', 'err.code.internal')
    }
  }
}

/** Keys that reach an object's prototype when assigned: refused anywhere in a request. */
const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype'])

/** The first forbidden key in a request (own properties, to any depth), or null. */
export function forbiddenKeyPath(v: unknown, depth = 0): string | null {
  if (typeof v !== 'object' || v === null || depth > 64) return null
  for (const key of Object.keys(v)) {
    if (FORBIDDEN_KEYS.has(key)) return key
    const inner = forbiddenKeyPath((v as Record<string, unknown>)[key], depth + 1)
    if (inner) return inner
  }
  return null
}

const MAX_ISSUES = 3
const MAX_PART = 80

/**
 * What was wrong, briefly: at most three problems, each its path and zod's message cut to 80
 * characters. zod's messages name types, ranges and unknown keys, never a value given, so no
 * secret typed into a field comes back; key names are cut too, since the renderer chose them.
 */
/** Where the problems are (paths only, at most three), for the user's sentence. */
export function issuePaths(error: z.ZodError): string {
  return [...new Set(error.issues.map((i) => i.path.map(String).join('.').slice(0, MAX_PART) || '—'))].slice(0, MAX_ISSUES).join(', ')
}

export function describeIssues(error: z.ZodError): string {
  const cut = (s: string) => (s.length > MAX_PART ? `${s.slice(0, MAX_PART - 1)}…` : s)
  const parts = error.issues.slice(0, MAX_ISSUES).map((i) => {
    const path = i.path.map((p) => cut(String(p))).join('.')
    const message = i.code === 'unrecognized_keys' ? `${i.keys.length} unknown key(s): ${cut(i.keys.slice(0, 3).map((k) => cut(k)).join(', '))}` : cut(i.message)
    return path ? `${path}: ${message}` : message
  })
  const more = error.issues.length > MAX_ISSUES ? ` (and ${error.issues.length - MAX_ISSUES} more)` : ''
  return `${parts.join('; ')}${more}.`
}
