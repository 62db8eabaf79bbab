// Validates a request against the contract, runs its handler and always resolves to a Result.
// Imports no electron, so the same path runs in plain Node (unit tests, the Chromium harness).
import { z } from 'zod'
import { isChannelName, type ChannelName, type EventName } from '../../shared/contract/channels'
import { contract, type EventPayload, type ParsedRequestOf, type ResponseOf } from '../../shared/contract/contract'
import { err, type Result } from '../../shared/errors'

export type Handlers = {
  [C in ChannelName]: (request: ParsedRequestOf<C>) => Promise<Result<ResponseOf<C>>>
}

export type Emit = <E extends EventName>(event: E, payload: EventPayload<E>) => void

export interface Logger {
  error(message: string, detail?: unknown): void
  warn(message: string, detail?: unknown): void
  info(message: string, detail?: unknown): void
}

export type Dispatch = (channel: unknown, request: unknown) => Promise<Result<unknown>>

export function createDispatch(handlers: Handlers, log: Logger): Dispatch {
  return async (channel, request) => {
    if (!isChannelName(channel)) {
      return err('request.invalid', `Unknown channel "${String(channel).slice(0, 80)}".`)
    }
    const parsed = contract[channel].request.safeParse(request)
    if (!parsed.success) {
      return err('request.invalid', `Invalid request for ${channel}: ${z.prettifyError(parsed.error).replace(/\n/g, '; ')}`)
    }
    try {
      const handler = handlers[channel] as (r: unknown) => Promise<Result<unknown>>
      return await handler(parsed.data)
    } catch (e) {
      // A throw is a bug: the stack stays in main's log; the renderer gets a code and a sentence.
      log.error(`Handler ${channel} failed`, e)
      return err('internal', 'Something went wrong inside TRTC Desk. The details are in the log file (Help → Open Log Folder).')
    }
  }
}
