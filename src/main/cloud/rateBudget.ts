// One rate budget per app, shared by every caller of the TRTC API: a token bucket per action with
// the documented limits (src/shared/trtc/actions.ts: 20/s, 5/s for the usage APIs, one call per
// 15 s for DescribeTrtcRoomUsage — 003_530a54cf0f8c0df7.txt L1137, L13767, L14692).
//
// The bucket holds ONE token (no burst) and refills every perMs/count × (1 + margin). A full
// bucket of `count` tokens plus the refill would let 2 × count requests reach the server within one
// second; with one token, any window of perMs sees at most `count` grants, whether the server counts
// per calendar second or over a sliding window. The margin absorbs scheduling jitter between our
// grant and the server's arrival clock.
//
// Priority: waiting 'user' calls are granted before any waiting 'background' call of the same
// action, so a kick never queues behind dashboard polling.
import { err, ok, type Result } from '../../shared/errors'
import { rateLimitOf } from '../../shared/trtc/actions'
import type { RateLimit } from '../../shared/trtc/actions'

export type Priority = 'user' | 'background'

export interface Timers {
  setTimeout(fn: () => void, ms: number): unknown
  clearTimeout(handle: unknown): void
}

export interface RateBudgetDeps {
  clock: { now(): number }
  timers?: Timers
  limitOf?: (action: string) => RateLimit
  /** Fraction added to every interval; default 0.02. */
  margin?: number
}

interface Waiter {
  resolve(r: Result<void>): void
  detach(): void
}

interface Bucket {
  intervalMs: number
  nextFreeAt: number
  user: Waiter[]
  background: Waiter[]
  timer: unknown
}

export interface RateBudget {
  /** Resolves when the call may be sent; `cancelled` if the signal aborts first. */
  acquire(action: string, priority: Priority, signal?: AbortSignal): Promise<Result<void>>
  /** After RequestLimitExceeded: nothing more for this action for `ms`. */
  penalize(action: string, ms: number): void
  waiting(action: string): { user: number; background: number }
  intervalMs(action: string): number
}

const defaultTimers: Timers = {
  setTimeout: (fn, ms) => setTimeout(fn, ms),
  clearTimeout: (h) => clearTimeout(h as ReturnType<typeof setTimeout>),
}

export function createRateBudget(deps: RateBudgetDeps): RateBudget {
  const timers = deps.timers ?? defaultTimers
  const limitOf = deps.limitOf ?? rateLimitOf
  const margin = deps.margin ?? 0.02
  const buckets = new Map<string, Bucket>()

  function bucket(action: string): Bucket {
    let b = buckets.get(action)
    if (!b) {
      const limit = limitOf(action)
      b = { intervalMs: (limit.perMs / limit.count) * (1 + margin), nextFreeAt: -Infinity, user: [], background: [], timer: undefined }
      buckets.set(action, b)
    }
    return b
  }

  function pump(b: Bucket): void {
    const now = deps.clock.now()
    if (now >= b.nextFreeAt) {
      const next = b.user.shift() ?? b.background.shift()
      if (next) {
        b.nextFreeAt = now + b.intervalMs
        next.detach()
        next.resolve(ok(undefined))
      }
    }
    schedule(b)
  }

  function schedule(b: Bucket): void {
    if (b.timer !== undefined) return
    if (b.user.length + b.background.length === 0) return
    const delay = Math.max(0, b.nextFreeAt - deps.clock.now())
    b.timer = timers.setTimeout(() => {
      b.timer = undefined
      pump(b)
    }, delay)
  }

  return {
    acquire(action, priority, signal) {
      if (signal?.aborted) return Promise.resolve(err('cancelled', 'The request was cancelled.'))
      const b = bucket(action)
      return new Promise<Result<void>>((resolve) => {
        const queue = priority === 'user' ? b.user : b.background
        const onAbort = () => {
          const i = queue.indexOf(waiter)
          if (i >= 0) queue.splice(i, 1)
          resolve(err('cancelled', 'The request was cancelled.'))
        }
        const waiter: Waiter = { resolve, detach: () => signal?.removeEventListener('abort', onAbort) }
        signal?.addEventListener('abort', onAbort, { once: true })
        queue.push(waiter)
        pump(b)
      })
    },
    penalize(action, ms) {
      const b = bucket(action)
      b.nextFreeAt = Math.max(b.nextFreeAt, deps.clock.now() + ms)
      if (b.timer !== undefined) {
        timers.clearTimeout(b.timer)
        b.timer = undefined
      }
      schedule(b)
    },
    waiting(action) {
      const b = bucket(action)
      return { user: b.user.length, background: b.background.length }
    },
    intervalMs(action) {
      return bucket(action).intervalMs
    },
  }
}
