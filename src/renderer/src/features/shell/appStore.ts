// The shell's state: which section is shown, the settings, app info and profiles as main reports them.
import { createStore, type StoreApi } from 'zustand/vanilla'
import type { Api } from '../../../../shared/contract/client'
import type { AppInfo, LayoutMenuCommand, ProfileList, RoomRow, Settings } from '../../../../shared/contract/contract'
import type { AppError } from '../../../../shared/errors'
import { loadLocale, resolveLocale, type Locale } from '../../i18n/i18n'

export const sections = ['rooms', 'designer', 'show', 'sei', 'console', 'settings'] as const
export type Section = (typeof sections)[number]

export interface AppState {
  section: Section
  /** Settings, app info and profiles have been asked for, and the UI language's words are loaded. */
  ready: boolean
  settings: Settings | null
  appInfo: AppInfo | null
  profiles: ProfileList | null
  systemDark: boolean
  error: AppError | null
  aboutOpen: boolean
  /** A room the Rooms view handed to the designer's Room users panel; `seq` grows with every hand-over. */
  designerRoom: { sdkAppId: number; room: RoomRow; seq: number } | null
  /** A layout-file command from the application menu, for the designer to run; `seq` grows with each. */
  fileCommand: { command: LayoutMenuCommand; seq: number } | null
  started(): Promise<void>
  sectionSelected(section: Section): void
  settingsChanged(patch: Partial<Settings>): Promise<void>
  settingsPushed(settings: Settings): Promise<void>
  profileSelected(id: string): Promise<void>
  profilesPushed(profiles: ProfileList): void
  systemThemeChanged(dark: boolean): void
  aboutToggled(open: boolean): void
  errorDismissed(): void
  roomSentToDesigner(sdkAppId: number, room: RoomRow): void
  fileCommandChosen(command: LayoutMenuCommand): void
}

export function createAppStore(deps: { api: Api; systemDark: boolean }): StoreApi<AppState> {
  const { api } = deps
  return createStore<AppState>((set, get) => ({
    section: 'rooms',
    ready: false,
    settings: null,
    appInfo: null,
    profiles: null,
    systemDark: deps.systemDark,
    error: null,
    aboutOpen: false,
    designerRoom: null,
    fileCommand: null,
    async started() {
      // The preload's client asked for these before this code loaded (firstScreenChannels).
      const [settings, info, profiles] = await Promise.all([api['settings.get'](), api['app.info'](), api['profiles.list']()])
      // The first screen appears in its language: the Chinese catalogue is fetched before it is shown.
      await loadLocale(resolveLocale(settings.ok ? settings.value.language : 'system', info.ok ? info.value.systemLocales : []))
      set({
        ready: true,
        settings: settings.ok ? settings.value : null,
        appInfo: info.ok ? info.value : null,
        profiles: profiles.ok ? profiles.value : null,
        error: [settings, info, profiles].find((r) => !r.ok)?.error ?? null,
      })
    },
    sectionSelected: (section) => set({ section }),
    async settingsChanged(patch) {
      const r = await api['settings.update'](patch)
      if (r.ok) await loadLocale(resolveLocale(r.value.language, get().appInfo?.systemLocales ?? []))
      set(r.ok ? { settings: r.value } : { error: r.error })
    },
    async settingsPushed(settings) {
      await loadLocale(resolveLocale(settings.language, get().appInfo?.systemLocales ?? []))
      set({ settings })
    },
    async profileSelected(id) {
      const r = await api['profiles.activate']({ id })
      set(r.ok ? { profiles: r.value } : { error: r.error })
    },
    profilesPushed: (profiles) => set({ profiles }),
    systemThemeChanged: (systemDark) => set({ systemDark }),
    aboutToggled: (aboutOpen) => set({ aboutOpen }),
    errorDismissed: () => set({ error: null }),
    roomSentToDesigner: (sdkAppId, room) => set({ designerRoom: { sdkAppId, room, seq: (get().designerRoom?.seq ?? 0) + 1 }, section: 'designer' }),
    fileCommandChosen: (command) => set({ fileCommand: { command, seq: (get().fileCommand?.seq ?? 0) + 1 }, section: 'designer' }),
  }))
}

export const selectLocale = (s: AppState): Locale =>
  resolveLocale(s.settings?.language ?? 'system', s.appInfo?.systemLocales ?? [])

export const selectDark = (s: AppState): boolean =>
  s.settings?.theme === 'dark' || (s.settings?.theme !== 'light' && s.systemDark)

export const selectActiveProfile = (s: AppState) =>
  s.profiles?.profiles.find((p) => p.id === s.profiles?.activeId) ?? null
