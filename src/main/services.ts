// Builds every main-process service and the IPC handlers from plain inputs. The Electron
// composition root and the Chromium test harness both call this, so tests run the real wiring.
import { join } from 'node:path'
import type { AppInfo, Settings } from '../shared/contract/contract'
import { ok } from '../shared/errors'
import { createHandlers } from './handlers'
import { createDispatch, type Dispatch, type Emit, type Logger } from './ipc/dispatch'
import { createSettingsStore } from './settings/settingsStore'

export interface ServiceOptions {
  userDataDir: string
  appInfo: AppInfo
  log: Logger
  emit: Emit
  openExternal(url: string): Promise<void>
  onSettingsChanged?(settings: Settings): void
}

export interface Services {
  dispatch: Dispatch
  settings: Awaited<ReturnType<typeof createSettingsStore>>
  close(): Promise<void>
}

export async function createServices(opts: ServiceOptions): Promise<Services> {
  const settings = await createSettingsStore(join(opts.userDataDir), opts.log)
  const handlers = createHandlers({
    appInfo: opts.appInfo,
    settings,
    profiles: { list: async () => ok({ profiles: [], activeId: null }) },
    openExternal: opts.openExternal,
    onSettingsChanged: opts.onSettingsChanged,
    emit: opts.emit,
  })
  return { dispatch: createDispatch(handlers, opts.log), settings, close: async () => undefined }
}
