// Fault injection for one simulator instance: the failure modes a cloud client must survive.
import { unit } from './world'

export interface FaultOptions {
  /** Added before every API response. */
  latencyMs?: number
  /** Tencent error code → probability (0–1) of answering with it instead of running the action. */
  errorRate?: Record<string, number>
  /** Probability (0–1) of destroying the connection without an answer. */
  resetRate?: number
  /** Spread the response body over this many milliseconds. */
  slowBodyMs?: number
  /** Seconds added to the server clock: its Date header and its signature-expiry check. */
  clockOffsetS?: number
  /** Replaces every per-action request limit (requests per second). */
  qps?: number
}

/** Validates a fault document from the admin endpoint. */
export function parseFaults(input: unknown): { ok: true; value: FaultOptions } | { ok: false; message: string } {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) return { ok: false, message: 'faults must be a JSON object' }
  const o = input as Record<string, unknown>
  const out: FaultOptions = {}
  const num = (k: keyof FaultOptions, min: number, max: number): string | null => {
    const v = o[k]
    if (v === undefined) return null
    if (typeof v !== 'number' || !Number.isFinite(v) || v < min || v > max) return `${k} must be a number from ${min} to ${max}`
    ;(out as Record<string, number>)[k] = v
    return null
  }
  const problems = [
    num('latencyMs', 0, 60_000),
    num('resetRate', 0, 1),
    num('slowBodyMs', 0, 60_000),
    num('clockOffsetS', -7 * 86400, 7 * 86400),
    num('qps', 0, 100_000),
  ].filter((x): x is string => x !== null)
  if (o['errorRate'] !== undefined) {
    const e = o['errorRate']
    if (typeof e !== 'object' || e === null || Array.isArray(e)) problems.push('errorRate must map error codes to probabilities')
    else {
      const rates: Record<string, number> = {}
      for (const [code, p] of Object.entries(e)) {
        if (!/^[A-Za-z]+(\.[A-Za-z0-9]+)*$/.test(code) || typeof p !== 'number' || p < 0 || p > 1) problems.push(`errorRate.${code} must be a probability`)
        else rates[code] = p
      }
      out.errorRate = rates
    }
  }
  const unknown = Object.keys(o).filter((k) => !['latencyMs', 'errorRate', 'resetRate', 'slowBodyMs', 'clockOffsetS', 'qps'].includes(k))
  if (unknown.length > 0) problems.push(`unknown fault option(s): ${unknown.join(', ')}`)
  return problems.length > 0 ? { ok: false, message: problems.join('; ') } : { ok: true, value: out }
}

/** The injected error for the n-th request, if any; deterministic per seed and request number. */
export function injectedError(faults: FaultOptions, seed: string, n: number): string | undefined {
  let acc = 0
  const r = unit(seed, 'fault-error', n)
  for (const [code, p] of Object.entries(faults.errorRate ?? {})) {
    acc += p
    if (r < acc) return code
  }
  return undefined
}

export function injectedReset(faults: FaultOptions, seed: string, n: number): boolean {
  return (faults.resetRate ?? 0) > 0 && unit(seed, 'fault-reset', n) < (faults.resetRate ?? 0)
}
