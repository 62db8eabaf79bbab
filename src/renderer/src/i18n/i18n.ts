// UI text in English and Simplified Chinese. Keys are typed: a missing translation fails typecheck.
import { en, type MessageKey } from './en'
import { zhCN } from './zhCN'

export type Locale = 'en' | 'zh-CN'
export type { MessageKey }

const catalogs: Record<Locale, Record<MessageKey, string>> = { en, 'zh-CN': zhCN }

/** Picks the UI language from the OS's preferred languages: any Chinese → zh-CN, else English. */
export function resolveLocale(setting: 'system' | Locale, systemLocales: readonly string[]): Locale {
  if (setting !== 'system') return setting
  const first = systemLocales.find((l) => /^(en|zh)\b/i.test(l))
  return first && /^zh\b/i.test(first) ? 'zh-CN' : 'en'
}

export function translate(locale: Locale, key: MessageKey, params?: Record<string, string | number>): string {
  const template = catalogs[locale][key]
  if (!params) return template
  return template.replace(/\{(\w+)\}/g, (m, name: string) => (name in params ? String(params[name]) : m))
}
