// createHandlers(deps): every channel's behaviour, with its dependencies passed in. No electron
// import, so the real handlers run in plain Node under the Chromium harness and in unit tests.
import type { AppInfo, ProfileList } from '../shared/contract/contract'
import { ok, type Result } from '../shared/errors'
import type { Emit, Handlers } from './ipc/dispatch'
import type { SettingsStore } from './settings/settingsStore'

export interface HandlerDeps {
  appInfo: AppInfo
  settings: SettingsStore
  profiles: { list(): Promise<Result<ProfileList>> }
  openExternal(url: string): Promise<void>
  /** Applies settings that main itself acts on (native theme). */
  onSettingsChanged?(settings: ReturnType<SettingsStore['get']>): void
  emit: Emit
}

export function createHandlers(deps: HandlerDeps): Handlers {
  return {
    'app.info': async () => ok(deps.appInfo),
    'settings.get': async () => ok(deps.settings.get()),
    'settings.update': async (patch) => {
      const next = await deps.settings.update(patch)
      deps.onSettingsChanged?.(next)
      deps.emit('settings.changed', next)
      return ok(next)
    },
    'profiles.list': () => deps.profiles.list(),
    'shell.openExternal': async ({ url }) => {
      await deps.openExternal(url)
      return ok(null)
    },
  }
}
