// The API console: any TRTC action with parameters typed by hand, sent through the active profile's
// client like every other call (signed, paced by the shared rate budget, retried by its rules and
// written to the request log, marked as the console's). The parameters are checked against the
// action's schema and look-back and region rules first (src/shared/trtc/actions.ts).
import type { ConsoleCallRequest, ConsoleCallResult } from '../../shared/contract/contract'
import { ok, type Result } from '../../shared/errors'
import { actions, validateRequest } from '../../shared/trtc/actions'
import { redactPayload } from '../cloud/requestLog'
import type { CloudAccess, CloudHandle } from '../rooms/cloudAccess'

export interface ConsoleService {
  call(req: ConsoleCallRequest): Promise<Result<ConsoleCallResult>>
}

export function createConsoleService(deps: {
  cloud: CloudAccess
  now: () => number
  /** What else a call changed, told to the app (the audit, a room's tasks): after every sent call, ok or refused. */
  sent?(action: string, params: Record<string, unknown>, region: string, r: Result<Record<string, unknown> & { RequestId: string }>, handle: CloudHandle): Promise<void>
}): ConsoleService {
  return {
    async call({ action, params, region: asked }) {
      const handle = await deps.cloud.current()
      if (!handle.ok) return handle
      const { client } = handle.value
      const spec = actions[action]
      // Actions without a Region common parameter send no X-TC-Region (e.g. L4067); the others take
      // the region chosen, else the profile's own, which validateRequest holds against their list.
      const region = spec.regions === null ? undefined : (asked ?? handle.value.region)
      const nowS = Math.floor((deps.now() + client.skewMs()) / 1000)
      const valid = validateRequest(action, params, nowS, region)
      if (!valid.ok) return valid
      const startedAt = deps.now()
      const r = await client.call<Record<string, unknown>>(action, params, { region, priority: 'user', mutating: spec.mutating, origin: 'console' })
      await deps.sent?.(action, valid.value, region ?? handle.value.region, r, handle.value)
      if (!r.ok) return r
      return ok({
        action,
        region: region ?? null,
        requestId: r.value.RequestId,
        durationMs: deps.now() - startedAt,
        // A response carries no credential of ours; one the cloud echoes (a robot's UserSig) is masked.
        response: redactPayload(r.value) as Record<string, unknown>,
      })
    },
  }
}
