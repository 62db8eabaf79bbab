// Alert rules: what is watched, where, and when it counts as a problem. Pure data, shared by main
// (which polls and evaluates) and the renderer (which edits rules and shows alerts).
import { z } from 'zod'

// The metrics live apart from the zod schemas below, so the window can list them without loading zod.
import { metricNames, metricsFor, type AlertMetric } from './metrics'
export * from './metrics'

const id = z.string().min(1).max(64)
const sdkAppId = z.int().min(1).max(4294967295)
const roomId = z.string().trim().min(1, 'Give the room ID').max(128)
// Same characters TRTC accepts in a UserId (src/shared/trtc/common.ts).
const userId = z
  .string()
  .trim()
  .min(1, 'Give the user ID')
  .max(128)
  .regex(/^[A-Za-z0-9_-]+$/, 'A user ID may contain only letters, digits, underscores and hyphens')

export const scopeSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('app'), sdkAppId }).strict(),
  z.object({ kind: z.literal('room'), sdkAppId, roomId }).strict(),
  z.object({ kind: z.literal('user'), sdkAppId, roomId, userId }).strict(),
])
export type AlertScope = z.infer<typeof scopeSchema>

const common = {
  id: id.optional(),
  name: z.string().trim().min(1, 'Give the rule a name').max(80),
  enabled: z.boolean(),
  /** The condition must hold this long before the rule fires; 0 fires on the first sample. */
  durationS: z.int().min(0).max(86_400),
}

export const metricRuleSchema = z
  .object({
    ...common,
    kind: z.literal('metric'),
    scope: scopeSchema,
    metric: z.enum(metricNames),
    comparator: z.enum(['>', '<']),
    threshold: z.number().finite(),
    /** An alert resolves once the value is this far back on the good side of the threshold. */
    hysteresis: z.number().finite().min(0),
  })
  .strict()
  .refine((r) => metricsFor(r.scope.kind).includes(r.metric), { message: 'This metric cannot be measured for that scope', path: ['metric'] })

export const vipRuleSchema = z
  .object({
    ...common,
    kind: z.literal('vip'),
    sdkAppId,
    /** The room the VIPs are expected in; without it, any live room of the app counts. */
    roomId: roomId.optional(),
    userIds: z.array(userId).min(1, 'List at least one VIP user ID').max(200),
    /** Also alert for a VIP who has not been seen at all; otherwise only for one who left. */
    alertIfAbsent: z.boolean(),
  })
  .strict()

export const ruleSchema = z.union([metricRuleSchema, vipRuleSchema])
export type RuleInput = z.input<typeof ruleSchema>
export type MetricRule = z.infer<typeof metricRuleSchema> & { id: string }
export type VipRule = z.infer<typeof vipRuleSchema> & { id: string }
export type AlertRule = MetricRule | VipRule

/** One measured value of a metric in one scope. `at` is the data's time, Unix seconds. */
export interface MetricSample {
  metric: AlertMetric
  scope: AlertScope
  value: number
  at: number
}

/** Who was in the room(s) of a VIP rule's scope at `at`; roomId absent means the whole app. */
export interface PresenceSample {
  sdkAppId: number
  roomId?: string
  present: readonly string[]
  at: number
}

export interface Samples {
  metrics: readonly MetricSample[]
  presence: readonly PresenceSample[]
}

export interface Alert {
  id: string
  ruleId: string
  ruleName: string
  kind: 'metric' | 'vip'
  scope: AlertScope
  metric?: AlertMetric
  comparator?: '>' | '<'
  threshold?: number
  /** The value that fired the rule (metric rules). */
  value?: number
  /** The VIP who left or is absent (VIP rules). */
  userId?: string
  /** 'left': seen, then gone; 'absent': never seen since the rule was watching. */
  vipReason?: 'left' | 'absent'
  /** Unix ms */
  firedAt: number
  resolvedAt: number | null
  acknowledgedAt: number | null
}

/** Per condition (a metric rule, or one VIP of a VIP rule): where it stands. */
export interface ConditionState {
  /** Data time (s) the condition started to hold; null while it does not. */
  since: number | null
  /** The id of the alert of the ongoing episode. */
  firing: string | null
  /** VIP conditions: the user has been seen in scope. */
  seen?: boolean
  /** Data time (s) of the newest sample used. */
  lastAt?: number
}

export type EvaluatorState = Record<string, ConditionState>

export function scopeKey(s: AlertScope): string {
  return s.kind === 'app' ? `app:${s.sdkAppId}` : s.kind === 'room' ? `room:${s.sdkAppId}:${s.roomId}` : `user:${s.sdkAppId}:${s.roomId}:${s.userId}`
}

export function presenceKey(sdkAppId: number, roomId: string | undefined): string {
  return roomId === undefined ? `app:${sdkAppId}` : `room:${sdkAppId}:${roomId}`
}

export function conditionKey(ruleId: string, userId?: string): string {
  return userId === undefined ? ruleId : `${ruleId}\u0000${userId}`
}
