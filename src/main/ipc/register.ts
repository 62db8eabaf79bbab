// Binds the dispatch to ipcMain. Only a type import of electron, so it runs with a shim in tests.
import type { IpcMain, IpcMainInvokeEvent, WebFrameMain } from 'electron'
import { channelNames } from '../../shared/contract/channels'
import { err } from '../../shared/errors'
import type { Dispatch } from './dispatch'

export type SenderCheck = (frame: WebFrameMain | null) => boolean

export function registerIpc(ipc: Pick<IpcMain, 'handle' | 'removeHandler'>, dispatch: Dispatch, isTrustedSender: SenderCheck): () => void {
  for (const channel of channelNames) {
    ipc.handle(channel, (event: IpcMainInvokeEvent, request: unknown) => {
      if (!isTrustedSender(event.senderFrame)) {
        return err('request.invalid', 'err.request.notFromWindow')
      }
      return dispatch(channel, request)
    })
  }
  return () => {
    for (const channel of channelNames) ipc.removeHandler(channel)
  }
}

/** The app's own pages: the packaged renderer (file:) or, in development, the dev server origin. */
/**
 * Only the app's own top-level page may call main: its file:// page exactly (not any local file a
 * frame could be navigated to), or the dev server's origin in development.
 */
export function createSenderCheck(devServerUrl: string | undefined, appPageUrl?: string): SenderCheck {
  const devOrigin = devServerUrl && URL.canParse(devServerUrl) ? new URL(devServerUrl).origin : null
  return (frame) => {
    if (!frame || frame.parent !== null) return false
    const url = frame.url
    if (url.startsWith('file://')) return appPageUrl !== undefined && url.split(/[?#]/)[0] === appPageUrl
    try {
      return devOrigin !== null && new URL(url).origin === devOrigin
    } catch {
      return false
    }
  }
}
