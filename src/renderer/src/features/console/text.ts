// The console's translator: its own catalogue (./messages.ts, ./messages.zh.ts) arrives with its
// lazily loaded code, so the first screen's bundle does not carry it; every other key (main's
// errors, the shell's words) goes to the app's catalogue.
import { useCallback } from 'react'
import { fill } from '../../../../shared/messages/catalogue'
import type { Locale, MessageKey } from '../../i18n/i18n'
import { selectLocale } from '../shell/appStore'
import { useApp, useT } from '../shell/context'
import { en, type ConsoleKey } from './messages'
import { zhCN } from './messages.zh'

export type TextKey = ConsoleKey | MessageKey
export type Params = Record<string, string | number>

const own: Record<Locale, Record<ConsoleKey, string>> = { en, 'zh-CN': zhCN }
const isConsoleKey = (key: string): key is ConsoleKey => Object.prototype.hasOwnProperty.call(en, key)

/** The template of a key in a language, placeholders left in. */
export function template(locale: Locale, key: ConsoleKey): string {
  return own[locale][key]
}

export function useConsoleT(): { t: (key: TextKey, params?: Params) => string; locale: Locale } {
  const appT = useT()
  const locale = useApp(selectLocale)
  const t = useCallback((key: TextKey, params?: Params) => (isConsoleKey(key) ? fill(own[locale][key], params) : appT(key, params)), [appT, locale])
  return { t, locale }
}

/** A template cut at its placeholders: text parts and parameter names, in order. */
export function splitTemplate(text: string): Array<{ text: string } | { param: string }> {
  const parts: Array<{ text: string } | { param: string }> = []
  let last = 0
  for (const m of text.matchAll(/\{(\w+)\}/g)) {
    if (m.index > last) parts.push({ text: text.slice(last, m.index) })
    parts.push({ param: m[1]! })
    last = m.index + m[0].length
  }
  if (last < text.length) parts.push({ text: text.slice(last) })
  return parts
}
