import { beforeAll, describe, expect, it } from 'vitest'
import { ruleSchema, type AlertRule } from '../../../../shared/alerts/model'
import { loadLocale, translate, type Locale, type MessageKey } from '../../i18n/i18n'
import { draftOf, ruleOf, type Draft } from './RuleForm'

const tOf = (locale: Locale) => (key: MessageKey, params?: Record<string, string | number>) => translate(locale, key, params)
const en = tOf('en')
const zh = tOf('zh-CN')
beforeAll(() => loadLocale('zh-CN'))
const base = (over: Partial<Draft>): Draft => ({ ...draftOf(null, [1400000001]), name: 'Rule', threshold: '5', ...over })

describe('rule editor input', () => {
  it('builds rules main accepts, for every scope and for VIP lists', () => {
    for (const d of [
      base({}),
      base({ scopeKind: 'room', roomId: ' class-1 ', metric: 'videoFreezeRate' }),
      base({ scopeKind: 'user', roomId: '1234', userId: 'anna_1', metric: 'aLoss', comparator: '<', hysteresis: '0.5' }),
      base({ kind: 'vip', vips: 'boss, guest-1\nguest-1\n  sponsor_2 ', roomId: '' }),
    ]) {
      const r = ruleOf(d, undefined, en)
      expect(typeof r).toBe('object')
      expect(ruleSchema.safeParse(r).success).toBe(true)
    }
    expect(ruleOf(base({ kind: 'vip', vips: 'boss, guest-1\nguest-1' }), 'id1', en)).toMatchObject({ id: 'id1', kind: 'vip', userIds: ['boss', 'guest-1'], sdkAppId: 1400000001 })
    expect(ruleOf(base({ scopeKind: 'room', roomId: ' class-1 ' }), undefined, en)).toMatchObject({ scope: { kind: 'room', roomId: 'class-1' } })
  })

  it('says what is wrong, in the UI language', () => {
    expect(ruleOf(base({ name: '  ' }), undefined, en)).toBe('Give the rule a name.')
    expect(ruleOf(base({ name: '  ' }), undefined, zh)).toBe('请填写规则名称。')
    expect(ruleOf(base({ threshold: 'abc' }), undefined, en)).toBe('“Threshold” must be a number.')
    expect(ruleOf(base({ threshold: '' }), undefined, zh)).toBe('“阈值”必须是数字。')
    expect(ruleOf(base({ durationS: '1.5' }), undefined, en)).toBe('The duration is a whole number of seconds from 0 to 86400.')
    expect(ruleOf(base({ scopeKind: 'room', roomId: '' }), undefined, en)).toBe('Give the room ID.')
    expect(ruleOf(base({ scopeKind: 'user', roomId: 'r', userId: 'a b' }), undefined, en)).toBe('A user ID may contain only letters, digits, underscores and hyphens: “a b”.')
    expect(ruleOf(base({ kind: 'vip', vips: ' , ' }), undefined, zh)).toBe('请至少填写一个 VIP 用户 ID。')
    expect(ruleOf(base({ hysteresis: '-1' }), undefined, en)).toBe('“Clears when back by” must be a number.')
  })

  it('an edited rule comes back as the same rule', () => {
    const rule: AlertRule = { id: 'r9', name: 'Loss', enabled: false, kind: 'metric', scope: { kind: 'user', sdkAppId: 1400000002, roomId: 'x', userId: 'u' }, metric: 'bigvLoss', comparator: '>', threshold: 12.5, hysteresis: 2, durationS: 30 }
    expect(ruleOf(draftOf(rule, [1400000001]), rule.id, en)).toEqual(rule)
    const vip: AlertRule = { id: 'v1', name: 'VIP', enabled: true, kind: 'vip', sdkAppId: 1400000001, roomId: 'r', userIds: ['a', 'b'], alertIfAbsent: true, durationS: 0 }
    expect(ruleOf(draftOf(vip, [1400000001]), vip.id, en)).toEqual(vip)
  })
})
