// The typed client. The same object is built over Electron IPC (preload), an in-memory transport
// (unit tests) and the Chromium harness's bridge.
import type { Result } from '../errors'
import { channelNames, eventNames, type ChannelName, type EventName } from './channels'
import type { EventPayload, RequestOf, ResponseOf } from './contract'

export interface Transport {
  invoke(channel: ChannelName, request: unknown): Promise<Result<unknown>>
  subscribe(event: EventName, listener: (payload: unknown) => void): () => void
}

type Method<C extends ChannelName> = undefined extends RequestOf<C>
  ? (request?: RequestOf<C>) => Promise<Result<ResponseOf<C>>>
  : (request: RequestOf<C>) => Promise<Result<ResponseOf<C>>>

export type Api = { [C in ChannelName]: Method<C> } & {
  on<E extends EventName>(event: E, listener: (payload: EventPayload<E>) => void): () => void
}

export function createClient(transport: Transport): Api {
  const api: Record<string, unknown> = {}
  for (const channel of channelNames) {
    api[channel] = (request?: unknown) => transport.invoke(channel, request)
  }
  api.on = (event: EventName, listener: (payload: unknown) => void) => {
    if (!eventNames.includes(event)) throw new Error(`Unknown event ${String(event)}`)
    return transport.subscribe(event, listener)
  }
  return Object.freeze(api) as Api
}
