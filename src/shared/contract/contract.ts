// THE IPC contract: channel → request schema + response type, and push events → payload type.
// Every side imports it; main validates every request against it before a handler runs.
import { z } from 'zod'
import type { ChannelName, EventName } from './channels'

/** Carries a response type at the type level only. */
const returns = <T>(): T => undefined as T

export const themeSchema = z.enum(['system', 'light', 'dark'])
export const languageSchema = z.enum(['system', 'en', 'zh-CN'])

export const settingsSchema = z.object({
  theme: themeSchema,
  language: languageSchema,
})
export type Settings = z.infer<typeof settingsSchema>
export type Theme = z.infer<typeof themeSchema>
export type LanguageSetting = z.infer<typeof languageSchema>

export const defaultSettings: Settings = { theme: 'system', language: 'system' }

export interface AppInfo {
  name: string
  version: string
  versions: { electron: string; chrome: string; node: string; v8: string }
  platform: string
  arch: string
  /** The OS's preferred UI languages, most preferred first (BCP 47). */
  systemLocales: string[]
}

export interface ProfileListItem {
  id: string
  name: string
  kind: 'tencentCloud' | 'demo'
  /** e.g. `AKID…1a2b`; never the key itself. */
  secretIdHint: string
}

export interface ProfileList {
  profiles: ProfileListItem[]
  activeId: string | null
}

const noRequest = z.undefined()

export const contract = {
  'app.info': { request: noRequest, response: returns<AppInfo>() },
  'settings.get': { request: noRequest, response: returns<Settings>() },
  'settings.update': { request: settingsSchema.partial().strict(), response: returns<Settings>() },
  'profiles.list': { request: noRequest, response: returns<ProfileList>() },
  'shell.openExternal': {
    request: z.object({ url: z.url({ protocol: /^https$/ }) }).strict(),
    response: returns<null>(),
  },
} satisfies Record<ChannelName, { request: z.ZodType; response: unknown }>

export const events = {
  'settings.changed': returns<Settings>(),
} satisfies Record<EventName, unknown>

// Both lists must name exactly the same channels and events.
type Missing<A, B> = Exclude<A, B> extends never ? true : ['missing', Exclude<A, B>]
const channelsAgree: [Missing<ChannelName, keyof typeof contract>, Missing<keyof typeof contract, ChannelName>] = [true, true]
const eventsAgree: [Missing<EventName, keyof typeof events>, Missing<keyof typeof events, EventName>] = [true, true]
void channelsAgree
void eventsAgree

export type Contract = typeof contract
export type RequestOf<C extends ChannelName> = z.input<Contract[C]['request']>
export type ParsedRequestOf<C extends ChannelName> = z.output<Contract[C]['request']>
export type ResponseOf<C extends ChannelName> = Contract[C]['response']
export type EventPayload<E extends EventName> = (typeof events)[E]
