import { describe, expect, it } from 'vitest'
import { en, translate } from '../../i18n/i18n'
import { splitTemplate } from './text'
import './messages'

// Parity with the Chinese and the no-English rule are checked for every catalogue in
// src/renderer/src/i18n/i18n.test.ts; this is what the console adds.
describe('the console’s words', () => {
  it('are in the app’s catalogue once the console’s code has loaded', () => {
    expect(en['console.title']).toBe('API console')
    expect(translate('en', 'console.issue.max', { maximum: 100 })).toBe('At most 100.')
  })
  it('cut a template at its placeholders', () => {
    expect(splitTemplate('Send {action}?')).toEqual([{ text: 'Send ' }, { param: 'action' }, { text: '?' }])
    expect(splitTemplate('{a}{b}')).toEqual([{ param: 'a' }, { param: 'b' }])
    expect(splitTemplate('none')).toEqual([{ text: 'none' }])
  })
})
