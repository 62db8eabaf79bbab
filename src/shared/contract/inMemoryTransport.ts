// A transport that calls a dispatch function directly: the typed client without Electron, for
// unit and component tests.
import type { Result } from '../errors'
import type { EventName } from './channels'
import type { Transport } from './client'

export function createInMemoryTransport(dispatch: (channel: string, request: unknown) => Promise<Result<unknown>>): Transport & {
  emit(event: EventName, payload: unknown): void
} {
  const listeners = new Map<EventName, Set<(payload: unknown) => void>>()
  return {
    // A structured clone on the way in and out, as IPC does, so tests catch non-cloneable values.
    invoke: async (channel, request) => structuredClone(await dispatch(channel, structuredClone(request))),
    subscribe(event, listener) {
      let set = listeners.get(event)
      if (!set) listeners.set(event, (set = new Set()))
      set.add(listener)
      return () => set.delete(listener)
    },
    emit(event, payload) {
      for (const l of listeners.get(event) ?? []) l(structuredClone(payload))
    },
  }
}
