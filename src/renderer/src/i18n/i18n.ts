// UI text in English and Simplified Chinese. The shell's catalogue plus one per feature; keys are
// typed, so a missing translation fails the typecheck. English is in the first bundle, but for the
// features whose English loads with their own code (`addEnglish`); the Chinese catalogue (./zh.ts)
// loads before the first screen is shown in Chinese (`loadLocale`).
import { en as shellEn } from './en'
import * as designer from '../features/designer/messages'
import * as checks from '../features/designer/checkMessages'
import * as rooms from '../features/rooms/messages'
import * as insights from '../features/rooms/insightsMessages'
import type * as roomTasks from '../features/rooms/tasksMessages'
import type * as apiConsole from '../features/console/messages'
import * as dashboard from '../features/dashboard/messages'
import * as sei from '../features/sei/messages'
import * as settings from '../features/settings/messages'
import * as alerts from '../features/alerts/messages'
import * as show from '../features/show/messages'
import * as errors from '../../../shared/messages/catalogue'
import { fill } from '../../../shared/messages/catalogue'
import type { AppError } from '../../../shared/errors'

export type Locale = 'en' | 'zh-CN'

const eager = { ...shellEn, ...designer.en, ...checks.en, ...rooms.en, ...insights.en, ...dashboard.en, ...sei.en, ...settings.en, ...alerts.en, ...show.en, ...errors.en }
/** Catalogues registered by their feature's module when it loads. */
type LazyEnglish = typeof roomTasks.en & typeof apiConsole.en
export type MessageKey = keyof typeof eager | keyof LazyEnglish
/** Every English message loaded so far. */
const en = eager as Record<MessageKey, string>
export { en }

/** Adds a feature's English; its module calls this as it loads, before anything of it is shown. */
export function addEnglish(messages: Partial<Record<MessageKey, string>>): void {
  Object.assign(en, messages)
}

const loaded: { [L in Locale]?: Record<MessageKey, string> } = { en }

/** Makes a language's catalogue available to `translate`; resolves at once when it already is. */
export function loadLocale(locale: Locale): Promise<void> {
  if (loaded[locale]) return Promise.resolve()
  return import('./zh').then((m) => {
    loaded['zh-CN'] = m.zhCN
  })
}

/** Picks the UI language from the OS's preferred languages: any Chinese → zh-CN, else English. */
export function resolveLocale(setting: 'system' | Locale, systemLocales: readonly string[]): Locale {
  if (setting !== 'system') return setting
  const first = systemLocales.find((l) => /^(en|zh)\b/i.test(l))
  return first && /^zh\b/i.test(first) ? 'zh-CN' : 'en'
}

export function translate(locale: Locale, key: MessageKey, params?: Record<string, string | number>): string {
  return fill((loaded[locale] ?? en)[key], params)
}

type T = (key: MessageKey, params?: Record<string, string | number>) => string

/** An error from main or src/shared in the UI language: its key and parameters, then Tencent Cloud's own words if any. */
export function errorText(t: T, e: Pick<AppError, 'say' | 'cloudSays'>): string {
  const text = t(e.say.key, e.say.params)
  return e.cloudSays ? `${text} ${t('err.tc.cloudSays', { text: e.cloudSays })}` : text
}
