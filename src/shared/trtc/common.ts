// Field rules shared by several TRTC actions. Pure (zod only) so forms in the renderer validate
// with exactly the rules the main process enforces before sending.
import { z } from 'zod'

export const API_VERSION = '2019-07-22' // e.g. 003_530a54cf0f8c0df7.txt L1157

/** The Region List of the Common Params (003_530a54cf0f8c0df7.txt L8141–L8157) plus the regions single actions add. */
export const regions = [
  'ap-bangkok',
  'ap-beijing',
  'ap-guangzhou',
  'ap-hongkong',
  'ap-jakarta',
  'ap-mumbai',
  'ap-shanghai',
  'ap-singapore',
  'ap-tokyo',
  'na-siliconvalley',
  'na-toronto',
] as const
export type Region = (typeof regions)[number]

export const sdkAppId = z.int().min(1)

// Dashboard actions type SdkAppId as a String (003_530a54cf0f8c0df7.txt L4069, L4692, L5295, L5575).
export const sdkAppIdString = z.string().regex(/^[1-9]\d*$/, 'SDKAppID must be a positive number')

// "Its value range is 1-4294967295." (000_b308e910fed97ab3.txt L32)
export const numericRoomId = z.int().min(1).max(4294967295)

// The seeds give no character or length rule for string room IDs (only that "123" and 123 are
// different rooms, 002_397368d6e2c38332.txt L88), so only what cannot be a room ID is refused.
export const stringRoomId = z
  .string()
  .min(1, 'Room ID is empty')
  .refine((s) => ![...s].some((c) => c.charCodeAt(0) < 0x20 || c.charCodeAt(0) === 0x7f), 'Room ID contains control characters')

// "It can contain only letters, digits, underscores, and hyphens." (002_397368d6e2c38332.txt L66).
// 000 L15 asks for 32 bytes or fewer only as a preference, and the API's own example returns a
// 38-character UserId (003_530a54cf0f8c0df7.txt L11250), so no length cap beyond non-empty.
export const userId = z.string().regex(/^[A-Za-z0-9_-]+$/, 'User ID may contain only letters, digits, underscores and hyphens')

export const unixSeconds = z.int().min(0)

// YYYY-MM-DD (usage APIs 003_530a54cf0f8c0df7.txt L13801–L13804, dashboard L5297–L5302).
export const dateYmd = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'Use the format YYYY-MM-DD')

export const taskId = z.string().min(1, 'Task ID is empty')

export const DAY_S = 86_400

/** Seconds since the epoch of a `YYYY-MM-DD[ HH:MM]` string read as UTC; NaN when malformed. */
export function parseUtc(text: string): number {
  const m = /^(\d{4})-(\d{2})-(\d{2})(?: (\d{2}):(\d{2}))?$/.exec(text)
  if (!m) return Number.NaN
  const ms = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]), Number(m[4] ?? 0), Number(m[5] ?? 0))
  return ms / 1000
}

export interface WindowRule {
  /** Longest allowed EndTime − StartTime in seconds. */
  maxSpanS: number
  what: string
}

/** Adds the issue "end before start" / "span too long" to a zod context. */
export function checkSpan(start: number, end: number, rule: WindowRule, ctx: z.RefinementCtx): void {
  if (!(end >= start)) ctx.addIssue({ code: 'custom', path: ['EndTime'], message: 'The end time must not be before the start time' })
  else if (end - start > rule.maxSpanS) ctx.addIssue({ code: 'custom', path: ['EndTime'], message: `The time range cannot exceed ${rule.what}` })
}

export interface TimeValue {
  Time: number
  Value: number
}
