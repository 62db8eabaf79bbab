import { describe, expect, it } from 'vitest'
import { evaluate } from './evaluate'
import { ruleSchema, type AlertRule, type EvaluatorState, type MetricRule, type MetricSample, type Samples, type VipRule } from './model'

const APP = 1400000001
const appScope = { kind: 'app', sdkAppId: APP } as const

function metricRule(over: Partial<MetricRule> = {}): MetricRule {
  return { id: 'r1', name: 'Busy', enabled: true, kind: 'metric', scope: appScope, metric: 'userCount', comparator: '>', threshold: 10, hysteresis: 0, durationS: 30, ...over }
}
function vipRule(over: Partial<VipRule> = {}): VipRule {
  return { id: 'v1', name: 'VIPs', enabled: true, kind: 'vip', sdkAppId: APP, roomId: 'class-1', userIds: ['boss'], alertIfAbsent: false, durationS: 0, ...over }
}
const m = (at: number, value: number, over: Partial<MetricSample> = {}): MetricSample => ({ metric: 'userCount', scope: appScope, value, at, ...over })
const metrics = (...list: MetricSample[]): Samples => ({ metrics: list, presence: [] })
const presence = (at: number, present: string[], roomId: string | null = 'class-1'): Samples => ({
  metrics: [],
  presence: [{ sdkAppId: APP, ...(roomId === null ? {} : { roomId }), present, at }],
})

/** Feeds the samples one poll at a time; returns every fired/resolved alert per poll. */
function run(rules: AlertRule[], polls: Samples[]) {
  let state: EvaluatorState = {}
  return polls.map((s, i) => {
    const r = evaluate(rules, state, s, (i + 1) * 1000)
    state = r.state
    return r
  })
}

describe('metric rules', () => {
  it('fires only once the condition has held for the whole duration', () => {
    const out = run([metricRule()], [metrics(m(100, 11)), metrics(m(110, 12), m(120, 15)), metrics(m(130, 11))])
    expect(out.map((o) => o.fired.length)).toEqual([0, 0, 1])
    expect(out[2]!.fired[0]).toMatchObject({ ruleId: 'r1', value: 11, threshold: 10, comparator: '>', firedAt: 3000, resolvedAt: null })
  })

  it('a dip below the threshold restarts the duration', () => {
    const out = run([metricRule()], [metrics(m(100, 11), m(120, 11), m(125, 9), m(140, 11), m(160, 11))])
    expect(out[0]!.fired).toHaveLength(0)
    const again = run([metricRule()], [metrics(m(100, 11), m(120, 11), m(125, 9), m(140, 11), m(170, 11))])
    expect(again[0]!.fired).toHaveLength(1)
  })

  it('fires once per episode and resolves when the value clears', () => {
    const out = run([metricRule({ durationS: 0 })], [metrics(m(100, 20)), metrics(m(110, 30)), metrics(m(120, 5)), metrics(m(130, 25))])
    expect(out.map((o) => o.fired.length)).toEqual([1, 0, 0, 1])
    expect(out[2]!.resolved).toEqual([{ alertId: out[0]!.fired[0]!.id, at: 3000 }])
    expect(out[3]!.fired[0]!.id).not.toBe(out[0]!.fired[0]!.id)
  })

  it('hysteresis: a value wobbling around the threshold neither resolves nor fires again', () => {
    const rule = metricRule({ durationS: 0, hysteresis: 3 })
    const out = run([rule], [metrics(m(100, 11)), metrics(m(110, 9)), metrics(m(120, 11)), metrics(m(130, 8)), metrics(m(140, 7)), metrics(m(150, 11))])
    expect(out.map((o) => o.fired.length)).toEqual([1, 0, 0, 0, 0, 1])
    expect(out.map((o) => o.resolved.length)).toEqual([0, 0, 0, 0, 1, 0])
  })

  it('"<" rules fire below the threshold and clear above it plus the hysteresis', () => {
    const rule = metricRule({ metric: 'bigvEncFps', comparator: '<', threshold: 10, hysteresis: 2, durationS: 0, scope: { kind: 'user', sdkAppId: APP, roomId: 'r', userId: 'u' } })
    const s = (at: number, value: number) => m(at, value, { metric: 'bigvEncFps', scope: rule.scope })
    const out = run([rule], [metrics(s(1, 5)), metrics(s(2, 11)), metrics(s(3, 12))])
    expect(out.map((o) => [o.fired.length, o.resolved.length])).toEqual([
      [1, 0],
      [0, 0],
      [0, 1],
    ])
  })

  it('only samples of the rule\'s metric and scope count', () => {
    const room = metricRule({ scope: { kind: 'room', sdkAppId: APP, roomId: 'a' }, durationS: 0 })
    const samples = metrics(
      m(1, 99), // app scope
      m(1, 99, { scope: { kind: 'room', sdkAppId: APP, roomId: 'b' } }),
      m(1, 99, { scope: { kind: 'room', sdkAppId: APP + 1, roomId: 'a' } }),
      m(1, 99, { metric: 'videoFreezeRate', scope: { kind: 'room', sdkAppId: APP, roomId: 'a' } }),
    )
    expect(run([room], [samples])[0]!.fired).toHaveLength(0)
    expect(run([room], [metrics(m(1, 11, { scope: { kind: 'room', sdkAppId: APP, roomId: 'a' } }))])[0]!.fired).toHaveLength(1)
  })

  it('samples already used are ignored when poll windows overlap', () => {
    const out = run([metricRule({ durationS: 20 })], [metrics(m(100, 11), m(110, 11)), metrics(m(100, 11), m(110, 11)), metrics(m(110, 11), m(120, 11))])
    expect(out.map((o) => o.fired.length)).toEqual([0, 0, 1])
  })

  it('disabling or deleting a rule resolves its open alert', () => {
    const rule = metricRule({ durationS: 0 })
    const first = evaluate([rule], {}, metrics(m(1, 50)), 1000)
    const disabled = evaluate([{ ...rule, enabled: false }], first.state, metrics(m(2, 50)), 2000)
    expect(disabled.resolved).toEqual([{ alertId: first.fired[0]!.id, at: 2000 }])
    expect(disabled.state).toEqual({})
    expect(evaluate([], first.state, metrics(), 3000).resolved).toHaveLength(1)
  })
})

describe('VIP rules', () => {
  it('fires when a VIP who was in the room leaves, and resolves when they come back', () => {
    const out = run([vipRule()], [presence(1, ['a']), presence(2, ['boss', 'a']), presence(3, ['a']), presence(4, ['a']), presence(5, ['boss'])])
    expect(out.map((o) => o.fired.length)).toEqual([0, 0, 1, 0, 0])
    expect(out[2]!.fired[0]).toMatchObject({ kind: 'vip', userId: 'boss', vipReason: 'left', scope: { kind: 'room', roomId: 'class-1' } })
    expect(out[4]!.resolved).toEqual([{ alertId: out[2]!.fired[0]!.id, at: 5000 }])
  })

  it('a VIP never seen only alerts with alertIfAbsent', () => {
    expect(run([vipRule()], [presence(1, []), presence(2, [])]).flatMap((o) => o.fired)).toHaveLength(0)
    const out = run([vipRule({ alertIfAbsent: true })], [presence(1, []), presence(2, [])])
    expect(out.map((o) => o.fired.length)).toEqual([1, 0])
    expect(out[0]!.fired[0]!.vipReason).toBe('absent')
  })

  it('duration: a VIP away for less than the duration does not fire', () => {
    const rule = vipRule({ durationS: 60 })
    expect(run([rule], [presence(0, ['boss']), presence(30, []), presence(50, ['boss']), presence(100, [])]).flatMap((o) => o.fired)).toHaveLength(0)
    expect(run([rule], [presence(0, ['boss']), presence(30, []), presence(90, [])]).flatMap((o) => o.fired)).toHaveLength(1)
  })

  it('each VIP is its own condition; one taken off the list resolves', () => {
    const rule = vipRule({ userIds: ['boss', 'guest'] })
    const a = evaluate([rule], {}, presence(1, ['boss', 'guest']), 1000)
    const b = evaluate([rule], a.state, presence(2, []), 2000)
    expect(b.fired.map((f) => f.userId).sort()).toEqual(['boss', 'guest'])
    const c = evaluate([{ ...rule, userIds: ['boss'] }], b.state, presence(3, []), 3000)
    expect(c.resolved.map((r) => r.alertId)).toEqual([b.fired.find((f) => f.userId === 'guest')!.id])
  })

  it('an app-wide VIP rule reads app-wide presence only', () => {
    const rule = vipRule({ roomId: undefined, alertIfAbsent: true })
    expect(run([rule], [presence(1, [], 'class-1')])[0]!.fired).toHaveLength(0)
    expect(run([rule], [presence(1, [], null)])[0]!.fired[0]!.scope).toEqual({ kind: 'app', sdkAppId: APP })
  })
})

describe('rule schema', () => {
  it('refuses a metric that the scope cannot measure and bad user IDs', () => {
    expect(ruleSchema.safeParse({ ...metricRule(), id: undefined, metric: 'aLoss' }).success).toBe(false)
    expect(ruleSchema.safeParse({ ...metricRule(), id: undefined }).success).toBe(true)
    expect(ruleSchema.safeParse({ ...vipRule(), id: undefined, userIds: ['bad id'] }).success).toBe(false)
    expect(ruleSchema.safeParse({ ...vipRule(), id: undefined, userIds: [] }).success).toBe(false)
  })
})
