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

/**
 * What the first screen waits for. The preload's client asks for these as it is created, before
 * the page's code has loaded, so main answers while that code loads and evaluates.
 */
export const firstScreenChannels: readonly ChannelName[] = ['settings.get', 'app.info', 'profiles.list']

/** askAtOnce: channels (taking no request) sent as the client is created; the first call of each gets that answer. */
export function createClient(transport: Transport, options: { askAtOnce?: readonly ChannelName[] } = {}): Api {
  const early = new Map<ChannelName, Promise<Result<unknown>>>()
  for (const channel of options.askAtOnce ?? []) {
    const answer = transport.invoke(channel, undefined)
    answer.catch(() => {}) // a failure reaches the caller that takes it, not the console
    early.set(channel, answer)
  }
  const api: Record<string, unknown> = {}
  for (const channel of channelNames) {
    api[channel] = (request?: unknown) => {
      const answer = request === undefined ? early.get(channel) : undefined
      if (!answer) return transport.invoke(channel, request)
      early.delete(channel)
      return answer
    }
  }
  api.on = (event: EventName, listener: (payload: unknown) => void) => {
    if (!eventNames.includes(event)) throw new Error(`Unknown event ${String(event)}`)
    return transport.subscribe(event, listener)
  }
  return Object.freeze(api) as Api
}
