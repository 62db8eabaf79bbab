// The console's words come from the app's catalogue; its own English registers as this module loads
// (./messages.ts), so the first screen's bundle does not carry it.
import { useApp, useT } from '../shell/context'
import { selectLocale } from '../shell/appStore'
import type { Locale, MessageKey } from '../../i18n/i18n'
import './messages'

export type TextKey = MessageKey
export type Params = Record<string, string | number>

export function useConsoleT(): { t: (key: TextKey, params?: Params) => string; locale: Locale } {
  return { t: useT(), locale: useApp(selectLocale) }
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
