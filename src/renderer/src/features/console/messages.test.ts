// The console's catalogue loads with its code, not with the app's (./text.ts), so the checks the
// app's catalogue gets in src/renderer/src/i18n/i18n.test.ts are made here too.
import { describe, expect, it } from 'vitest'
import { en } from './messages'
import { zhCN } from './messages.zh'
import { splitTemplate } from './text'

describe('the console’s catalogue', () => {
  it('has every key in Chinese with the same placeholders', () => {
    expect(Object.keys(zhCN).sort()).toEqual(Object.keys(en).sort())
    const placeholders = (s: string) => (s.match(/\{\w+\}/g) ?? []).sort()
    for (const [key, text] of Object.entries(en)) {
      expect(placeholders(zhCN[key as keyof typeof en]), key).toEqual(placeholders(text))
      expect(zhCN[key as keyof typeof en].trim(), key).not.toBe('')
    }
  })
  it('has no English sentence in its Chinese (three Latin words in a row)', () => {
    const found: string[] = []
    for (const [key, text] of Object.entries(zhCN)) {
      for (const run of text.replace(/\{\w+\}/g, '·').match(/[A-Za-z][\w.'’-]*(?:[ ,]+[A-Za-z][\w.'’-]*){2,}/g) ?? []) found.push(`${key}: ${run}`)
    }
    expect(found).toEqual([])
  })
  it('cuts a template at its placeholders', () => {
    expect(splitTemplate('Send {action}?')).toEqual([{ text: 'Send ' }, { param: 'action' }, { text: '?' }])
    expect(splitTemplate('{a}{b}')).toEqual([{ param: 'a' }, { param: 'b' }])
    expect(splitTemplate('none')).toEqual([{ text: 'none' }])
  })
})
