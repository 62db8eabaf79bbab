// Exposes the contract's client on window.api and nothing else. No logic lives here: the client
// asks for what the first screen needs as it is created (firstScreenChannels), before the page's code loads.
import { contextBridge, ipcRenderer } from 'electron'
import { createClient, firstScreenChannels } from '../shared/contract/client'
import type { Result } from '../shared/errors'

contextBridge.exposeInMainWorld(
  'api',
  createClient(
    {
      invoke: (channel, request) => ipcRenderer.invoke(channel, request) as Promise<Result<unknown>>,
      subscribe: (event, listener) => {
        const wrapped = (_e: unknown, payload: unknown) => listener(payload)
        ipcRenderer.on(event, wrapped)
        return () => ipcRenderer.removeListener(event, wrapped)
      },
    },
    { askAtOnce: firstScreenChannels },
  ),
)
