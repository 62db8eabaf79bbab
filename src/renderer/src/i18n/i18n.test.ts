import { beforeAll, describe, expect, it } from 'vitest'
import { en, loadLocale, resolveLocale, translate } from './i18n'
// Catalogues that register their English when their feature loads.
import '../features/rooms/tasksMessages'
import '../features/console/messages'
import { zhCN } from './zh'

const catalogs = { en, 'zh-CN': zhCN }
beforeAll(() => loadLocale('zh-CN'))
import { errorCodes } from '../../../shared/errors'
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'

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

describe('zh-CN catalogue', () => {
  // Technical names stay Latin (API and field names, IDs, units); a run of three Latin words is a
  // sentence left in English. Two commands and a format name are the only such runs allowed.
  const allowed = new Set(['npm run web', 'H.265 Annex B'])
  it('has no English sentence in any message, main’s and src/shared’s included', () => {
    const found: string[] = []
    for (const [key, text] of Object.entries(catalogs['zh-CN'])) {
      for (const run of text.replace(/\{\w+\}/g, '·').match(/[A-Za-z][\w.'’-]*(?:[ ,]+[A-Za-z][\w.'’-]*){2,}/g) ?? []) if (!allowed.has(run)) found.push(`${key}: ${run}`)
    }
    expect(found).toEqual([])
  })
  it('words every Tencent Cloud error code, error code and parser warning', () => {
    const keys = Object.keys(catalogs['zh-CN'])
    expect(keys.filter((k) => k.startsWith('err.tc.')).length).toBeGreaterThan(90)
    for (const code of errorCodes) expect(keys, code).toContain(`err.code.${code}`)
    expect(keys.filter((k) => k.startsWith('warn.')).length).toBeGreaterThan(50)
  })
})

describe('dates and times', () => {
  it('are formatted in the language chosen in Settings, never the browser default', () => {
    // toLocaleString() without a locale follows the OS, not the language chosen in Settings.
    const root = join(__dirname, '..')
    const files = (readdirSync(root, { recursive: true }) as string[]).filter((f) => /\.tsx?$/.test(f) && !/\.test\.tsx?$/.test(f))
    const bare = files.flatMap((f) => [...readFileSync(join(root, f), 'utf8').matchAll(/\.toLocale(?:Date|Time)?String\(\s*\)/g)].map(() => f))
    expect(files.length).toBeGreaterThan(50)
    expect(bare).toEqual([])
  })
})
