// The alert evaluator: rules + what was measured → which alerts start and which end. Pure: the
// poller in main feeds it samples and keeps the state it returns.
//
// - A condition must hold over the whole duration (in data time) before it fires.
// - It fires once per episode; the episode ends (the alert resolves) only when the value is back
//   past the threshold by the rule's hysteresis, so a value wobbling around the threshold does not
//   fire again and again.
// - Samples not newer than the last one a condition used are ignored, so overlapping poll
//   windows can be fed as they come.
// - A disabled or deleted rule (or a VIP taken off the list) resolves its open alert.
import {
  conditionKey,
  presenceKey,
  scopeKey,
  type Alert,
  type AlertRule,
  type ConditionState,
  type EvaluatorState,
  type MetricRule,
  type Samples,
  type VipRule,
} from './model'

export interface Resolution {
  alertId: string
  /** Unix ms */
  at: number
}

export interface Evaluation {
  state: EvaluatorState
  fired: Alert[]
  resolved: Resolution[]
}

interface Step {
  st: ConditionState
  fired: Alert[]
  resolved: Resolution[]
  now: number
}

export const alertId = (key: string, firedAt: number): string => `${key.replace('\u0000', '/')}@${firedAt}`

function resolve(step: Step): void {
  if (step.st.firing !== null) step.resolved.push({ alertId: step.st.firing, at: step.now })
  step.st.firing = null
  step.st.since = null
}

function evaluateMetric(rule: MetricRule, samples: Samples, step: Step, key: string): void {
  const target = scopeKey(rule.scope)
  const mine = samples.metrics.filter((s) => s.metric === rule.metric && scopeKey(s.scope) === target).sort((a, b) => a.at - b.at)
  const { st } = step
  for (const s of mine) {
    if (st.lastAt !== undefined && s.at <= st.lastAt) continue
    st.lastAt = s.at
    const bad = rule.comparator === '>' ? s.value > rule.threshold : s.value < rule.threshold
    const clear = rule.comparator === '>' ? s.value <= rule.threshold - rule.hysteresis : s.value >= rule.threshold + rule.hysteresis
    if (st.firing !== null) {
      if (clear) resolve(step)
      continue
    }
    if (!bad) {
      st.since = null
      continue
    }
    st.since ??= s.at
    if (s.at - st.since >= rule.durationS) {
      const id = alertId(key, step.now)
      st.firing = id
      step.fired.push({
        id,
        ruleId: rule.id,
        ruleName: rule.name,
        kind: 'metric',
        scope: rule.scope,
        metric: rule.metric,
        comparator: rule.comparator,
        threshold: rule.threshold,
        value: s.value,
        firedAt: step.now,
        resolvedAt: null,
        acknowledgedAt: null,
      })
    }
  }
}

function evaluateVip(rule: VipRule, userId: string, samples: Samples, step: Step, key: string): void {
  const target = presenceKey(rule.sdkAppId, rule.roomId)
  const mine = samples.presence.filter((p) => presenceKey(p.sdkAppId, p.roomId) === target).sort((a, b) => a.at - b.at)
  const { st } = step
  for (const p of mine) {
    if (st.lastAt !== undefined && p.at <= st.lastAt) continue
    st.lastAt = p.at
    if (p.present.includes(userId)) {
      st.seen = true
      resolve(step)
      continue
    }
    if (st.firing !== null) continue
    if (!st.seen && !rule.alertIfAbsent) continue
    st.since ??= p.at
    if (p.at - st.since >= rule.durationS) {
      const id = alertId(key, step.now)
      st.firing = id
      step.fired.push({
        id,
        ruleId: rule.id,
        ruleName: rule.name,
        kind: 'vip',
        scope: rule.roomId === undefined ? { kind: 'app', sdkAppId: rule.sdkAppId } : { kind: 'room', sdkAppId: rule.sdkAppId, roomId: rule.roomId },
        userId,
        vipReason: st.seen ? 'left' : 'absent',
        firedAt: step.now,
        resolvedAt: null,
        acknowledgedAt: null,
      })
    }
  }
}

/** `now` is Unix ms: the time alerts are stamped with. Sample times are Unix seconds. */
export function evaluate(rules: readonly AlertRule[], state: EvaluatorState, samples: Samples, now: number): Evaluation {
  const next: EvaluatorState = {}
  const fired: Alert[] = []
  const resolved: Resolution[] = []
  const step = (key: string): Step => {
    const st = { since: null, firing: null, ...state[key] }
    next[key] = st
    return { st, fired, resolved, now }
  }
  for (const rule of rules) {
    if (!rule.enabled) continue
    if (rule.kind === 'metric') {
      const key = conditionKey(rule.id)
      evaluateMetric(rule, samples, step(key), key)
    } else {
      for (const u of new Set(rule.userIds)) {
        const key = conditionKey(rule.id, u)
        evaluateVip(rule, u, samples, step(key), key)
      }
    }
  }
  for (const [key, st] of Object.entries(state)) {
    if (key in next) continue
    if (st.firing !== null) resolved.push({ alertId: st.firing, at: now })
  }
  return { state: next, fired, resolved }
}
