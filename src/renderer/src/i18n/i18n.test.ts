import { describe, expect, it } from 'vitest'
import { catalogs, resolveLocale, translate } from './i18n'

describe('i18n', () => {
  it('has every English key translated, with the same placeholders', () => {
    const { en, 'zh-CN': zhCN } = catalogs
    expect(Object.keys(zhCN).sort()).toEqual(Object.keys(en).sort())
    for (const [key, text] of Object.entries(en)) {
      const placeholders = (s: string) => (s.match(/\{\w+\}/g) ?? []).sort()
      expect(placeholders(zhCN[key as keyof typeof en]), key).toEqual(placeholders(text))
      expect(zhCN[key as keyof typeof en].trim(), key).not.toBe('')
    }
  })
  it('follows the OS locale unless the user chose one', () => {
    expect(resolveLocale('system', ['zh-Hans-CN', 'en-US'])).toBe('zh-CN')
    expect(resolveLocale('system', ['zh-TW'])).toBe('zh-CN')
    expect(resolveLocale('system', ['de-DE', 'en-GB'])).toBe('en')
    expect(resolveLocale('system', ['fr-FR'])).toBe('en')
    expect(resolveLocale('system', [])).toBe('en')
    expect(resolveLocale('en', ['zh-CN'])).toBe('en')
    expect(resolveLocale('zh-CN', ['en-US'])).toBe('zh-CN')
  })
  it('fills placeholders', () => {
    expect(translate('en', 'sei.canvas', { w: 1080, h: 960 })).toBe('Canvas 1080 × 960')
    expect(translate('zh-CN', 'sei.canvas', { w: 1080, h: 960 })).toBe('画布 1080 × 960')
  })
})
